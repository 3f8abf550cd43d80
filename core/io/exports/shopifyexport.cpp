#include "core/io/exports/platformexport.h"

#include "core/io/csvwriter.h"

#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace mb {

const char *const ShopifyComplementaryColumn =
    "Complementary products (product.metafields.shopify--discovery--product_recommendation.complementary_products)";
const char *const ShopifyRelatedColumn =
    "Related products (product.metafields.shopify--discovery--product_recommendation.related_products)";

std::string shopifyHandle(const std::string &sku)
{
    std::string out;
    bool dash = false;
    for (unsigned char c : sku) {
        if (std::isalnum(c)) {
            if (dash && !out.empty()) out += '-';
            out += char(std::tolower(c));
            dash = false;
        } else {
            dash = true;
        }
    }
    return out.empty() ? "product" : out;
}

static std::string writeShopifyText(const ExportData &data, std::vector<std::string> *notes)
{
    std::string out;
    appendCsvRow(out, {"Handle", "Title", "Option1 Name", "Option1 Value", "Variant SKU", ShopifyComplementaryColumn, ShopifyRelatedColumn});
    // Handles must be unique: two SKUs that slug alike get -2, -3, … in catalog order.
    std::unordered_map<std::string, std::string> handleOf;
    std::unordered_set<std::string> taken;
    for (const ExportProduct &p : data.products) {
        std::string h = shopifyHandle(p.sku);
        for (int n = 2; taken.count(h); ++n) h = shopifyHandle(p.sku) + "-" + std::to_string(n);
        taken.insert(h);
        handleOf.emplace(p.sku, h);
    }
    std::map<std::string, std::pair<std::string, std::string>> listsOf;  // complementary, related
    if (data.includeMaps)
        for (const ExportLink &l : data.links) {
            auto h = handleOf.find(l.target);
            if (h == handleOf.end()) continue;
            std::string &list = l.kind == RelationKind::Upgrade ? listsOf[l.anchor].second : listsOf[l.anchor].first;
            list += (list.empty() ? "" : ", ") + h->second;
        }
    for (const ExportProduct &p : data.products) {
        const auto it = listsOf.find(p.sku);
        appendCsvRow(out, {handleOf[p.sku], p.title, "Title", "Default Title", p.sku, it == listsOf.end() ? "" : it->second.first,
                           it == listsOf.end() ? "" : it->second.second});
    }
    if (notes && data.includeBundles && !data.bundles.empty())
        notes->push_back(std::to_string(data.bundles.size()) + " bundles were not written: Shopify's product CSV has no bundle columns "
                         "(export them as JSON or CSV for a bundle app)");
    return out;
}

PlatformExport writeShopifyCsv(const ExportData &data)
{
    PlatformExport out;
    out.links = writeShopifyText(data, &out.notes);
    return out;
}

}  // namespace mb

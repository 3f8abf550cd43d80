#include "core/io/exports/platformexport.h"

#include "core/io/csvwriter.h"

#include <map>

namespace mb {

namespace {

struct Lists {
    std::vector<std::string> related, crosssell, upsell;
};

std::string join(const std::vector<std::string> &v)
{
    std::string out;
    for (const std::string &s : v) {
        if (!out.empty()) out += ',';
        out += s;
    }
    return out;
}

std::string positions(size_t n)
{
    std::string out;
    for (size_t i = 1; i <= n; ++i) {
        if (i > 1) out += ',';
        out += std::to_string(i);
    }
    return out;
}

// bundle_values separates options with | and fields with , and = : those characters cannot appear in a value.
std::string optionText(const std::string &s)
{
    std::string out = s;
    for (char &c : out)
        if (c == ',' || c == '|' || c == '=') c = ' ';
    return out;
}

std::string fixed4(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

}  // namespace

static std::string writeMagentoText(const ExportData &data, std::vector<std::string> *notes)
{
    std::string out;
    appendCsvRow(out, {"sku", "store_view_code", "attribute_set_code", "product_type", "product_websites", "name", "price",
                       "special_price", "related_skus", "related_position", "crosssell_skus", "crosssell_position", "upsell_skus",
                       "upsell_position", "bundle_price_type", "bundle_sku_type", "bundle_price_view", "bundle_weight_type",
                       "bundle_values"});
    std::map<std::string, Lists> linksOf;
    if (data.includeMaps)
        for (const ExportLink &l : data.links) {
            Lists &ls = linksOf[l.anchor];
            switch (l.kind) {
            case RelationKind::Upgrade: ls.upsell.push_back(l.target); break;
            case RelationKind::Enhancement:
            case RelationKind::Accessory: ls.related.push_back(l.target); break;
            case RelationKind::Necessity:
            case RelationKind::Consumable: ls.crosssell.push_back(l.target); break;
            }
        }
    for (const ExportProduct &p : data.products) {
        const Lists ls = linksOf.count(p.sku) ? linksOf[p.sku] : Lists{};
        // attribute_set_code and product_type stay empty: Magento keeps them for an existing product.
        appendCsvRow(out, {p.sku, "", "", "", "", p.title, "", "", join(ls.related), positions(ls.related.size()), join(ls.crosssell),
                           positions(ls.crosssell.size()), join(ls.upsell), positions(ls.upsell.size()), "", "", "", "", ""});
    }
    if (!data.includeBundles) return out;
    for (const ExportBundle &b : data.bundles)
        for (const ExportTier &t : b.tiers) {
            const bool fixed = t.pricing == "fixed";
            std::string values;
            for (const ExportItem &i : t.items) {
                if (!values.empty()) values += '|';
                values += "name=" + optionText(i.title.empty() ? i.sku : i.title) + ",type=checkbox,required=" + (i.optional ? "0" : "1") +
                          ",sku=" + i.sku + ",price=0.0000,default=" + (i.optional ? "0" : "1") + ",default_qty=" + fixed4(i.quantity) +
                          ",price_type=fixed,can_change_qty=0";
            }
            // A bundle's special_price in Magento is the percentage of the price the customer pays.
            const std::string special = t.pricing == "discount" && t.discountPercent > 0 ? fixed4(100.0 - t.discountPercent) : "";
            appendCsvRow(out, {bundleTierSku(b.name, t.name), "", "Default", "bundle", "base", b.name + " – " + t.name,
                               fixed ? fixed4(t.fixedPrice) : "", special, "", "", "", "", "", "", fixed ? "fixed" : "dynamic", "dynamic",
                               "Price range", "dynamic", values});
        }
    if (notes && !data.bundles.empty())
        notes->push_back("bundle products are created in the attribute set \"Default\" on website \"base\"; change them in the file if your store differs");
    return out;
}

PlatformExport writeMagentoCsv(const ExportData &data)
{
    PlatformExport out;
    out.links = writeMagentoText(data, &out.notes);
    return out;
}

}  // namespace mb

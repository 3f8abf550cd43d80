// Shopify product CSV for Search & Discovery's product recommendations: an update-only file, one row per product
// (handle), holding only what an overwrite-by-handle import needs to set the two recommendation metafields.
// The rules it follows are in docs/formats-shopify.md, each with the help page it was read on; in short
// (help.shopify.com/en/manual/products/import-export/using-csv, "Required columns" and "Overwriting products"):
// - updating needs only the handle and Title columns; a row whose handle is not in the store creates a product, so
//   rows are keyed on the store's own handles (ExportProduct::handle) and titled with the product's own title;
// - a column left out of the file keeps the store's value, a column present with a blank cell clears it: so no
//   Body, Vendor, Type, Tags, Published (a blank one publishes a draft), Status, price or inventory column;
// - variant columns (SKU, Price, …) need the Option columns and rewrite variants: none are written, so no variant
//   is touched. The metafields are product-level, which is why there is one row per handle, not per variant.
#include "core/io/exports/platformexport.h"

#include "core/io/csvwriter.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace mb {

const char *const ShopifyHandleColumn = "URL handle";
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

namespace {

enum Column { Complementary = 0, Related = 1 };

// Where a Shopify store keeps a product: its handle and the product title the Title column must repeat.
struct StoreProduct {
    std::string handle, title;
    bool derived = false;  // a handle made from the SKU for a product the store did not export (includeForeign)
};

// The columns a link goes in: the Shopify metafields the store's own file had it in (a pair can be in both),
// else by kind: upgrades are "related" (an alternative to the product), every other kind "complementary"
// (bought with it), which is how Search & Discovery presents the two lists.
std::vector<Column> columnsFor(const ExportLink &l)
{
    std::vector<Column> out;
    for (const auto &[platform, type] : l.storeTypes) {
        if (platform != "shopify") continue;
        if (type == "complementary" && std::find(out.begin(), out.end(), Complementary) == out.end()) out.push_back(Complementary);
        if (type == "related" && std::find(out.begin(), out.end(), Related) == out.end()) out.push_back(Related);
    }
    if (out.empty()) out.push_back(l.kind == RelationKind::Upgrade ? Related : Complementary);
    return out;
}


}  // namespace

PlatformExport writeShopifyCsv(const ExportData &data)
{
    PlatformExport out;
    std::unordered_map<std::string, StoreProduct> bySku;
    std::unordered_set<std::string> takenHandles;
    std::vector<std::string> foreign, untitled;
    for (const ExportProduct &p : data.products)
        if (p.platform == "shopify" && !p.handle.empty()) {
            takenHandles.insert(p.handle);
            // Title is required on an update and overwrites: a variant's own title ("Blanket - Beige / Medium")
            // would rename the product, so a product without its title is left out rather than guessed.
            if (p.productTitle.empty()) untitled.push_back(p.sku);
            else bySku[p.sku] = {p.handle, p.productTitle, false};
        }
    for (const ExportProduct &p : data.products) {
        if (p.platform == "shopify" && !p.handle.empty()) continue;
        if (!data.includeForeign) {
            foreign.push_back(p.sku);
            continue;
        }
        // Asked for: a handle from the SKU, unique against the store's handles and the other derived ones.
        std::string h = shopifyHandle(p.sku);
        for (int n = 2; takenHandles.count(h); ++n) h = shopifyHandle(p.sku) + "-" + std::to_string(n);
        takenHandles.insert(h);
        bySku[p.sku] = {h, p.title.empty() ? p.sku : p.title, true};
    }

    // One row per anchor handle; the variants of one product share its lists (targets once each, map order).
    struct Row {
        std::string handle, title;
        std::vector<std::string> lists[2];
    };
    std::vector<Row> rows;
    std::unordered_map<std::string, size_t> rowOf;
    size_t leftOutLinks = 0, sameProduct = 0;
    if (data.includeMaps)
        for (const ExportLink &l : data.links) {
            const auto a = bySku.find(l.anchor), t = bySku.find(l.target);
            if (a == bySku.end() || t == bySku.end()) {
                ++leftOutLinks;
                continue;
            }
            if (a->second.handle == t->second.handle) {
                ++sameProduct;  // two variants of one product: Shopify recommends products, not variants
                continue;
            }
            auto [it, added] = rowOf.try_emplace(a->second.handle, rows.size());
            if (added) rows.push_back({a->second.handle, a->second.title, {}});
            Row &row = rows[it->second];
            for (Column c : columnsFor(l)) {
                auto &list = row.lists[c];
                if (std::find(list.begin(), list.end(), t->second.handle) == list.end()) list.push_back(t->second.handle);
            }
        }

    // A metafield column is written only when some product gets a list in it, so an export of complementary
    // products alone leaves every related list in the store as it is. Where it is written, a product with no
    // link of that type gets a blank cell, which clears its list: said in the notes.
    bool used[2] = {false, false};
    for (const Row &r : rows)
        for (int c = 0; c < 2; ++c) used[c] = used[c] || !r.lists[c].empty();
    std::vector<std::string> header{ShopifyHandleColumn, "Title"};
    if (used[Complementary]) header.push_back(ShopifyComplementaryColumn);
    if (used[Related]) header.push_back(ShopifyRelatedColumn);
    appendCsvRow(out.links, header);  // even with no row: the file says what it is
    size_t cleared[2] = {0, 0};
    for (const Row &r : rows) {
        std::vector<std::string> cells{r.handle, r.title};
        for (int c = 0; c < 2; ++c) {
            if (!used[c]) continue;
            std::string joined;
            for (const std::string &h : r.lists[c]) joined += (joined.empty() ? "" : ", ") + h;
            cleared[c] += joined.empty();
            cells.push_back(std::move(joined));
        }
        appendCsvRow(out.links, cells);
    }

    if (!untitled.empty())
        out.notes.push_back(counted(untitled.size(), "Shopify variant was", "Shopify variants were") + " left out (for example " + untitled.front()
                            + "): the workspace has no product title for them, and a Shopify update needs the product's Title; "
                              "import the store's product CSV again");
    if (!foreign.empty())
        out.notes.push_back(counted(foreign.size(), "product was", "products were") + " not imported from Shopify and left out (for example "
                            + foreign.front() + ", " + counted(leftOutLinks, "link", "links") + " in all): Shopify matches rows by handle, "
                            "and only the store's own handles update without creating products; export with foreign products "
                            "included to write them under a handle made from the SKU");
    else if (leftOutLinks > 0)
        out.notes.push_back(counted(leftOutLinks, "link was", "links were") + " left out: one end has no Shopify product to name");
    for (const ExportProduct &e : data.products)
        if (const auto p = bySku.find(e.sku); p != bySku.end() && p->second.derived && rowOf.count(p->second.handle)) {
            out.notes.push_back("products not imported from Shopify are written under a handle made from the SKU (for example " + e.sku
                                + " as " + p->second.handle + "); importing the file creates them in the store where no product "
                                "has that handle");
            break;
        }
    if (sameProduct > 0)
        out.notes.push_back(counted(sameProduct, "link joins two variants of one Shopify product and was",
                                  "links join two variants of one Shopify product and were") +
                            " not written: Search & Discovery recommends products, not variants");
    if (cleared[Complementary] > 0)
        out.notes.push_back(counted(cleared[Complementary], "product gets", "products get") + " an empty complementary products list "
                            "(they have only related links here): the import clears what the store had there");
    if (cleared[Related] > 0)
        out.notes.push_back(counted(cleared[Related], "product gets", "products get") + " an empty related products list "
                            "(they have only complementary links here): the import clears what the store had there");
    if (data.includeBundles && !data.bundles.empty())
        out.notes.push_back(counted(data.bundles.size(), "bundle was", "bundles were") + " not written: Shopify's product CSV has no bundle "
                            "columns (bundles are made in the Shopify Bundles app or another bundle app); export them as JSON or CSV");
    return out;
}

}  // namespace mb

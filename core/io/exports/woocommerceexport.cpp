// WooCommerce product CSVs for the core importer (Products ▸ Import), following what its code does with each
// cell (docs/formats-woocommerce.md has the rules and where each was read):
// - WC_Product_CSV_Importer::import() either updates existing products ("Update existing products" ticked)
//   or creates new ones, skipping the others, so links and new bundles are two files.
// - A row finds its product by ID, else by SKU (process_item() looks the SKU up with
//   wc_get_product_id_by_sku()); every column present is applied, an empty cell included: an empty Type
//   becomes "simple" (expand_data()), an empty Regular price clears the price, an empty Upsells clears the
//   upsells (parse_relative_comma_field()). An absent column is left alone. So the link update carries the
//   key and the link columns only.
// - A list names products by SKU or "id:N"; a SKU the store does not have becomes an "Import placeholder"
//   product (parse_relative_field()), so a link to a product not from this store is left out.
// - Product Bundles (WC_PB_Product_Import::parse_bundled_items() and set_bundle_props(), WC_Bundled_Item_Data)
//   reads each bundled item's product_id, menu_order and meta_data; quantities, optional, priced_individually
//   and discount live in meta_data only.
#include "core/io/exports/platformexport.h"

#include "core/io/csvwriter.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace mb {

namespace {

constexpr const char *kStore = "woocommerce";

// WooCommerce lists are comma-separated; a comma inside a SKU is written "\," (explode_values()).
std::string wooList(const std::vector<std::string> &skus)
{
    std::string out;
    for (const std::string &s : skus) {
        if (!out.empty()) out += ", ";
        for (char c : s) {
            if (c == ',') out += '\\';
            out += c;
        }
    }
    return out;
}

// "a, b, c (and 4 more)" for notes.
std::string someSkus(const std::set<std::string> &skus)
{
    std::string out;
    size_t n = 0;
    for (const std::string &s : skus) {
        if (n == 3) return out + " and " + std::to_string(skus.size() - 3) + " more";
        out += (n++ ? ", " : "") + s;
    }
    return out;
}


// The store's own product ID where the product has no SKU (the workspace keys it "id:N").
bool hasRealSku(const std::string &sku) { return sku.rfind("id:", 0) != 0; }

enum Column { Upsells, CrossSells, Grouped, ColumnCount };

void writeLinks(const ExportData &data, PlatformExport &out)
{
    std::map<std::string, const ExportProduct *> productOf;
    for (const ExportProduct &p : data.products) productOf.emplace(p.sku, &p);
    auto fromStore = [&](const std::string &sku) {
        auto it = productOf.find(sku);
        return it != productOf.end() && it->second->platform == kStore;
    };

    struct Anchor {
        std::string sku;
        std::vector<std::string> lists[ColumnCount];
    };
    std::vector<Anchor> anchors;
    std::map<std::string, size_t> anchorIndex;
    auto isVariation = [&](const std::string &sku) {
        auto it = productOf.find(sku);
        return it != productOf.end() && it->second->platform == kStore && it->second->productType == "variation";
    };
    std::set<std::string> foreignAnchors, foreignTargets, variationAnchors;
    bool anyGrouped = false;
    for (const ExportLink &l : data.links) {
        if (!data.includeForeign && !fromStore(l.anchor)) {
            foreignAnchors.insert(l.anchor);
            continue;
        }
        // A variation shows its variable product's links: WC_Product_Variation_Data_Store_CPT::read_product_data()
        // replaces a variation's cross-sells with the parent's on every load, and the product page lists the
        // variable product's upsells. Links written on a variation would be stored and never shown.
        if (isVariation(l.anchor)) {
            variationAnchors.insert(l.anchor);
            continue;
        }
        if (!data.includeForeign && !fromStore(l.target)) {
            foreignTargets.insert(l.target);
            continue;
        }
        auto [it, added] = anchorIndex.emplace(l.anchor, anchors.size());
        if (added) anchors.push_back({l.anchor, {}});
        Anchor &a = anchors[it->second];
        // The column(s) the store's own file had this pair in; a link Merchbench made goes by its kind.
        std::set<int> columns;
        for (const auto &[platform, type] : l.storeTypes) {
            if (platform != kStore) continue;
            if (type == "upsell") columns.insert(Upsells);
            else if (type == "cross-sell") columns.insert(CrossSells);
            else if (type == "grouped") columns.insert(Grouped);
        }
        // One of the two, and the merchandiser has since made the link an upgrade or taken it out of the
        // upgrades: the kind says where it goes now. Both on one pair stay both.
        const int byKind = l.kind == RelationKind::Upgrade ? Upsells : CrossSells;
        if (columns.count(Upsells) != columns.count(CrossSells)) {
            columns.erase(Upsells);
            columns.erase(CrossSells);
            columns.insert(byKind);
        }
        if (columns.empty()) columns.insert(byKind);
        for (int c : columns) {
            auto &list = a.lists[c];
            if (std::find(list.begin(), list.end(), l.target) == list.end()) list.push_back(l.target);
            anyGrouped |= c == Grouped;
        }
    }

    // Keyed by SKU where the product has one, else by ID, never both: with both, a SKU changed in the store
    // since the workspace read it would be written back over the new one (set_props() sets every column).
    // Only a product from this store is known by its ID; any other is written by SKU whatever it looks like.
    auto keyById = [&](const std::string &sku) {
        auto it = productOf.find(sku);
        return !hasRealSku(sku) && it != productOf.end() && it->second->platform == kStore && !it->second->platformId.empty();
    };
    bool anyIdKey = false;
    for (const Anchor &a : anchors) anyIdKey |= keyById(a.sku);
    std::vector<std::string> header;
    if (anyIdKey) header.push_back("ID");
    header.insert(header.end(), {"SKU", "Upsells", "Cross-sells"});
    if (anyGrouped) header.push_back("Grouped products");
    std::string csv;
    appendCsvRow(csv, header);
    size_t rows = 0;
    for (const Anchor &a : anchors) {
        std::vector<std::string> row;
        const bool byId = keyById(a.sku);
        if (anyIdKey) row.push_back(byId ? productOf.at(a.sku)->platformId : "");
        row.push_back(byId ? "" : a.sku);
        row.push_back(wooList(a.lists[Upsells]));
        row.push_back(wooList(a.lists[CrossSells]));
        if (anyGrouped) row.push_back(wooList(a.lists[Grouped]));
        appendCsvRow(csv, row);
        ++rows;
    }
    out.links = std::move(csv);

    if (rows > 0)
        out.notes.push_back("links: import with \"Update existing products\" ticked; each of the " + counted(rows, "product's", "products'")
                            + " Upsells and Cross-sells" + (anyGrouped ? " and Grouped products" : "")
                            + " are replaced by the map's (an empty cell clears that list in the store); nothing else is changed");
    if (!foreignAnchors.empty())
        out.notes.push_back(counted(foreignAnchors.size(), "product was", "products were") + " left out of the links because "
                            + (foreignAnchors.size() == 1 ? "it was" : "they were") + " not imported from WooCommerce ("
                            + someSkus(foreignAnchors) + "); export with foreign products included to write them");
    if (!variationAnchors.empty())
        out.notes.push_back(counted(variationAnchors.size(), "variation's links were", "variations' links were") + " left out ("
                            + someSkus(variationAnchors) + "): WooCommerce shows the variable product's upsells and cross-sells "
                            "for its variations; put the links on the variable product");
    if (!foreignTargets.empty())
        out.notes.push_back(counted(foreignTargets.size(), "link target was", "link targets were")
                            + " left out because WooCommerce would create an \"Import placeholder\" product for a SKU it does not have ("
                            + someSkus(foreignTargets) + ")");
}

struct TierPrice {
    double regular = NAN;  // the bundle's Regular price
    std::string refusal;   // why the tier is not written, "" when it is
};

// The extension prices a bundle as its own Regular price plus, for each item priced individually, the item's
// price less its discount (WC_Bundled_Item, discounts on the current price since Product Bundles 6). The
// required items are not priced individually here, so the Regular price is what the tier sells for; optional
// items are priced individually so a shopper who adds one pays for it.
TierPrice priceOf(const ExportTier &t)
{
    TierPrice r;
    double sum = 0;
    bool known = true, required = false;
    for (const ExportItem &i : t.items) {
        if (i.optional) continue;
        required = true;
        if (std::isnan(i.unitPrice)) known = false;
        else sum += i.unitPrice * i.quantity;
    }
    if (!required) {
        r.refusal = "has no required item";
        return r;
    }
    if (t.pricing == "fixed") r.regular = t.fixedPrice;
    else if (!known) {
        r.refusal = "has an item without a price";
        return r;
    } else if (t.pricing == "discount") r.regular = std::round(sum * (100.0 - t.discountPercent)) / 100.0;
    else r.regular = sum;
    if (std::isnan(r.regular) || r.regular <= 0) r.refusal = "would sell at 0";
    return r;
}

std::string bundledItems(const ExportTier &tier)
{
    // WC_PB_Product_Export::export_bundled_items() writes an object keyed by bundled item id with product_id
    // (a SKU, or "id:N") and meta_data; on import a missing bundled_item_id makes a new item.
    const double discount = tier.pricing == "discount" ? tier.discountPercent : 0.0;
    QJsonObject items;
    for (size_t i = 0; i < tier.items.size(); ++i) {
        const ExportItem &it = tier.items[i];
        QJsonObject meta{{"quantity_min", it.quantity}, {"quantity_max", it.quantity}, {"quantity_default", it.quantity},
                         {"optional", it.optional ? "yes" : "no"}, {"priced_individually", it.optional ? "yes" : "no"}};
        // The extension applies `discount` only to an item priced individually; the required items' discount is
        // in the bundle's Regular price.
        if (it.optional && discount > 0) meta.insert("discount", discount);
        items.insert(QString::number(i + 1), QJsonObject{{"product_id", QString::fromStdString(it.sku)},
                                                         {"menu_order", int(i)}, {"meta_data", meta}});
    }
    return QJsonDocument(items).toJson(QJsonDocument::Compact).toStdString();
}

void writeCreated(const ExportData &data, WooBundleStyle style, PlatformExport &out)
{
    const bool pb = style == WooBundleStyle::ProductBundles;
    std::vector<std::string> header = {"Type", "SKU", "Name", "Published"};
    if (pb) header.insert(header.end(), {"Regular price", "Bundled Items (JSON-encoded)"});
    else header.push_back("Grouped products");
    std::string csv;
    appendCsvRow(csv, header);
    size_t rows = 0;
    int64_t lostQuantities = 0, lostOptional = 0, pricedTiers = 0;
    std::set<std::string> foreignItems;
    for (const ExportBundle &b : data.bundles)
        for (const ExportTier &t : b.tiers) {
            const std::string sku = bundleTierSku(b.name, t.name), name = b.name + " – " + t.name;
            std::set<std::string> foreign;
            for (const ExportItem &i : t.items)
                if (i.platform != kStore) (data.includeForeign ? foreignItems : foreign).insert(i.sku);
            if (!foreign.empty()) {
                out.notes.push_back("bundle tier " + name + " was not written: " + someSkus(foreign)
                                    + (foreign.size() == 1 ? " was" : " were") + " not imported from WooCommerce, and WooCommerce would bundle an \"Import placeholder\" instead");
                continue;
            }
            if (pb) {
                const TierPrice price = priceOf(t);
                if (!price.refusal.empty()) {
                    out.notes.push_back("bundle tier " + name + " was not written: it " + price.refusal);
                    continue;
                }
                pricedTiers += t.pricing != "fixed";
                appendCsvRow(csv, {"bundle", sku, name, "1", csvNumber(price.regular), bundledItems(t)});
            } else {
                std::vector<std::string> skus;
                for (const ExportItem &i : t.items) {
                    if (i.optional) {
                        ++lostOptional;
                        continue;
                    }
                    lostQuantities += i.quantity > 1;
                    skus.push_back(i.sku);
                }
                if (skus.empty()) {
                    out.notes.push_back("bundle tier " + name + " was not written: it has no required item");
                    continue;
                }
                appendCsvRow(csv, {"grouped", sku, name, "1", wooList(skus)});
            }
            ++rows;
        }
    if (rows == 0) return;
    out.created = std::move(csv);
    out.notes.push_back("bundles: import the second file with \"Update existing products\" not ticked; it creates "
                        + counted(rows, "product", "products") + " (a SKU the store already has is skipped)");
    if (pb && pricedTiers > 0)
        out.notes.push_back("sum and discount tiers are written at today's item prices as the bundle's Regular price; "
                            "the store does not follow later changes to the items' prices");
    if (!foreignItems.empty())
        out.notes.push_back(counted(foreignItems.size(), "bundle item is", "bundle items are") + " not from WooCommerce ("
                            + someSkus(foreignItems) + "): the store makes an \"Import placeholder\" product for a SKU it does not have");
    if (lostQuantities > 0)
        out.notes.push_back(counted(size_t(lostQuantities), "bundle item has", "bundle items have")
                            + " a quantity above 1, which a grouped product cannot hold; export with Product Bundles to keep quantities and discounts");
    if (lostOptional > 0)
        out.notes.push_back(counted(size_t(lostOptional), "optional item was", "optional items were") + " left out: a grouped product has no optional items");
    if (!pb)
        out.notes.push_back("grouped products carry no bundle price or discount; WooCommerce prices each item on its own");
}

}  // namespace

PlatformExport writeWooCommerceCsv(const ExportData &data, WooBundleStyle style)
{
    PlatformExport out;
    if (data.includeMaps) writeLinks(data, out);
    if (data.includeBundles && !data.bundles.empty()) writeCreated(data, style, out);
    return out;
}

}  // namespace mb

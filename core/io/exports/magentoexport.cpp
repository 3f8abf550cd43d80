// Magento 2 product CSVs for System > Data Transfer > Import, entity Products, behaviour Add/Update.
// Rules read in magento/magento2 (docs/formats-magento.md has each with its source):
// - Add/Update never removes a link: LinkProcessor::processLinkBunches only adds or re-positions the SKUs a cell
//   names; an empty cell becomes null (ImportExport AbstractEntity::_prepareRowForDb) and leaves that link type
//   as it is (filterProvidedLinkTypes). `__EMPTY__VALUE__` as the first SKU of a cell deletes every link of
//   that type of the row's product (deleteProductsLinks, Add/Update only) and the rest of the cell is ignored,
//   so one row cannot clear and set a type: "replace links" writes a clear row for the product first and
//   the setting row after it. Within one bunch the deletes run before the inserts; across bunches the clear
//   rows, all written first, are in an earlier bunch.
// - Replace behaviour deletes the file's products and creates them again (Import/Product.php, _replaceProducts):
//   new entity ids, and everything the file does not carry is gone. These files are never meant for it.
// - A row for a SKU the store does not have is a new product and fails without product_type and
//   attribute_set_code (Product::validateRow), so link rows are written only for products imported from Magento.
// - A link to a SKU the store does not have is dropped (LinkProcessor::filterValidLinks).
// - Bundles (BundleImportExport/Model/Import/Product/Type/Bundle.php): bundle_values are options separated by
//   "|", fields by "," (";" is read as "," too), key=value; options are grouped by name; a selection whose SKU
//   the store does not have is dropped silently (populateSelectionTemplate). A dynamic bundle's price is the sum
//   of its items and its own price is taken as 0 (isRowValid); a fixed bundle needs a price (a required
//   attribute) and sells at price + selection prices. A bundle's special_price is the percentage of the price
//   the customer pays (Bundle\Pricing\Price\SpecialPrice::getValue).
#include "core/io/exports/platformexport.h"

#include "core/io/csvwriter.h"

#include <array>
#include <cstdio>
#include <optional>
#include <tuple>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace mb {

namespace {

constexpr const char *kClear = "__EMPTY__VALUE__";

// Magento's three product link types, in the order of the export's columns.
enum Column { Related, Crosssell, Upsell, ColumnCount };
constexpr const char *kColumnName[ColumnCount] = {"related", "crosssell", "upsell"};

std::optional<Column> columnOfType(const std::string &type)
{
    if (type == "related") return Related;
    if (type == "crosssell" || type == "cross-sell") return Crosssell;  // "cross-sell": imports before the split
    if (type == "upsell") return Upsell;
    return std::nullopt;
}

// upsell_skus = upgrades; related_skus = enhancements and accessories (on the product page); crosssell_skus =
// necessities and consumables (in the cart).
Column columnOfKind(RelationKind k)
{
    switch (k) {
    case RelationKind::Upgrade: return Upsell;
    case RelationKind::Enhancement:
    case RelationKind::Accessory: return Related;
    case RelationKind::Necessity:
    case RelationKind::Consumable: return Crosssell;
    }
    return Related;
}

// The columns a link goes in: the store's own types for the pair when the merchandiser kept the link in one of
// them (so related + upsell on one pair both go back); the kind's column when it was re-kinded elsewhere.
std::set<Column> columnsOf(const ExportLink &l)
{
    std::set<Column> store;
    for (const auto &[platform, type] : l.storeTypes)
        if (platform == "magento")
            if (auto c = columnOfType(type)) store.insert(*c);
    const Column own = columnOfKind(l.kind);
    if (store.count(own)) return store;
    return {own};
}

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

// bundle_values separates options with | and fields with , (and ; read as ,) and =: a value cannot hold them.
std::string optionText(const std::string &s)
{
    std::string out = s;
    for (char &c : out)
        if (c == ',' || c == '|' || c == '=' || c == ';') c = ' ';
    return out;
}

bool fitsBundleValues(const std::string &sku) { return sku.find_first_of(",|=;") == std::string::npos; }

std::string fixed4(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}


struct Lists {
    std::array<std::vector<std::string>, ColumnCount> targets;
    std::array<bool, ColumnCount> clear{};
};

}  // namespace

PlatformExport writeMagentoCsv(const ExportData &data)
{
    PlatformExport out;
    std::unordered_map<std::string, const ExportProduct *> bySku;
    for (const ExportProduct &p : data.products) bySku.emplace(p.sku, &p);
    // In the store: imported from Magento. A SKU not among the products (a store link's anchor without a map)
    // came from the Magento file that carried the link.
    auto inStore = [&](const std::string &sku) {
        auto it = bySku.find(sku);
        return data.includeForeign || it == bySku.end() || it->second->platform == "magento";
    };

    if (data.includeMaps) {
        std::map<std::string, Lists> rows;   // by anchor SKU
        std::set<std::string> foreignAnchors, foreignTargets;
        size_t foreignLinks = 0;
        std::set<std::tuple<std::string, std::string, int>> written;   // (anchor, target, column)
        for (const ExportLink &l : data.links) {
            if (!inStore(l.anchor)) {
                foreignAnchors.insert(l.anchor);
                ++foreignLinks;
                continue;
            }
            if (!inStore(l.target)) {
                foreignTargets.insert(l.target);
                ++foreignLinks;
                continue;
            }
            for (Column c : columnsOf(l))
                if (written.emplace(l.anchor, l.target, int(c)).second) rows[l.anchor].targets[size_t(c)].push_back(l.target);
        }
        // What the store had (its file at import) and the map no longer holds in that column.
        std::map<std::string, std::set<Column>> storeTypesOf;
        size_t stale = 0;
        for (const ExportStoreLink &s : data.storeLinks) {
            if (s.platform != "magento") continue;
            const auto c = columnOfType(s.type);
            if (!c || !inStore(s.anchor)) continue;
            storeTypesOf[s.anchor].insert(*c);
            stale += !written.count({s.anchor, s.target, int(*c)});
        }
        if (data.replaceLinks) {
            // Clear every type this file sets, and every type the store had for the product: a type whose
            // links were all removed in the map gets only the clear.
            for (auto &[anchor, lists] : rows)
                for (size_t c = 0; c < ColumnCount; ++c) lists.clear[c] = !lists.targets[c].empty();
            for (const auto &[anchor, types] : storeTypesOf)
                for (Column c : types) rows[anchor].clear[size_t(c)] = true;
        }

        std::string text;
        appendCsvRow(text, {"sku", "related_skus", "related_position", "crosssell_skus", "crosssell_position", "upsell_skus",
                            "upsell_position"});
        size_t clearRows = 0, clearedTypes = 0, setRows = 0;
        for (const auto &[anchor, lists] : rows) {
            std::vector<std::string> row{anchor};
            bool any = false;
            for (size_t c = 0; c < ColumnCount; ++c) {
                row.push_back(lists.clear[c] ? kClear : "");
                row.push_back("");
                any = any || lists.clear[c];
                clearedTypes += lists.clear[c];
            }
            if (!any) continue;
            appendCsvRow(text, row);
            ++clearRows;
        }
        for (const auto &[anchor, lists] : rows) {
            std::vector<std::string> row{anchor};
            bool any = false;
            for (size_t c = 0; c < ColumnCount; ++c) {
                row.push_back(join(lists.targets[c]));
                row.push_back(positions(lists.targets[c].size()));
                any = any || !lists.targets[c].empty();
            }
            if (!any) continue;
            appendCsvRow(text, row);
            ++setRows;
        }
        out.links = std::move(text);

        out.notes.push_back("import the links file with Import Behavior \"Add/Update\", never \"Replace\": Replace deletes "
                            "every product in the file and creates it again without what the file does not carry");
        if (!foreignAnchors.empty() || !foreignTargets.empty())
            out.notes.push_back(counted(foreignLinks, "link was", "links were") + " left out: " +
                                counted(foreignAnchors.size() + foreignTargets.size(), "product was", "products were") +
                                " not imported from Magento, and a row for a SKU the store lacks would be a new product "
                                "(export with \"include foreign products\" to write them anyway)");
        if (data.replaceLinks) {
            out.notes.push_back("replace links: " + counted(clearRows, "row", "rows") + " at the top clear " +
                                counted(clearedTypes, "link type", "link types") + " with __EMPTY__VALUE__ before " +
                                counted(setRows, "row sets", "rows set") + " the map's links. Magento 2.4.2 cleared all three "
                                "types for one __EMPTY__VALUE__ (magento/magento2#33523): try the file on a staging store first");
        } else if (stale > 0) {
            out.notes.push_back(counted(stale, "link", "links") + " the store had at import " + (stale == 1 ? "is" : "are") +
                                " no longer in the map (or moved to another link type): Add/Update never removes links, so " +
                                (stale == 1 ? "it stays" : "they stay") + " in the store; export with \"replace links\" to remove them");
        }
        if (setRows == 0 && clearRows == 0) out.notes.push_back("no links to write for Magento products");
    }

    if (!data.includeBundles || data.bundles.empty()) return out;
    std::string created;
    appendCsvRow(created, {"sku", "attribute_set_code", "product_type", "product_websites", "name", "product_online", "visibility",
                           "price", "special_price", "bundle_price_type", "bundle_sku_type", "bundle_price_view",
                           "bundle_weight_type", "bundle_shipment_type", "bundle_values"});
    size_t tiersWritten = 0;
    std::vector<std::string> skipped;
    for (const ExportBundle &b : data.bundles)
        for (const ExportTier &t : b.tiers) {
            const std::string label = "\"" + b.name + " – " + t.name + "\"";
            if (t.items.empty()) {
                skipped.push_back(label + " has no items");
                continue;
            }
            std::string why;
            for (const ExportItem &i : t.items) {
                if (!inStore(i.sku)) why = "item " + i.sku + " was not imported from Magento (the importer drops a selection the store lacks)";
                else if (!fitsBundleValues(i.sku)) why = "item SKU " + i.sku + " holds , | = or ; which bundle_values cannot carry";
                if (!why.empty()) break;
            }
            // Never a price of 0: a fixed bundle without a price, or a discount of 100 %, would sell for nothing.
            const bool fixed = t.pricing == "fixed";
            if (why.empty() && fixed && !(std::isfinite(t.fixedPrice) && t.fixedPrice > 0)) why = "is a fixed-price tier without a price above 0";
            if (why.empty() && t.pricing == "discount" && t.discountPercent >= 100) why = "has a discount of 100 % or more";
            if (!why.empty()) {
                skipped.push_back(label + " " + why);
                continue;
            }
            std::string values;
            std::set<std::string> names;
            for (const ExportItem &i : t.items) {
                // Options are grouped by name: each item its own option, so names must differ.
                std::string name = optionText(i.title.empty() ? i.sku : i.title);
                if (!names.insert(name).second) names.insert(name = name + " (" + optionText(i.sku) + ")");
                if (!values.empty()) values += '|';
                values += "name=" + name + ",type=checkbox,required=" + (i.optional ? "0" : "1") + ",sku=" + i.sku +
                          ",price=0.0000,default=" + (i.optional ? "0" : "1") + ",default_qty=" + fixed4(i.quantity) +
                          ",price_type=fixed,can_change_qty=0";
            }
            // A bundle's special_price is the percentage of the price the customer pays.
            const std::string special = t.pricing == "discount" && t.discountPercent > 0 ? fixed4(100.0 - t.discountPercent) : "";
            // sku type fixed: orders carry the bundle's own SKU, not the bundle's SKU with its items' appended.
            appendCsvRow(created, {bundleTierSku(b.name, t.name), "Default", "bundle", "base", b.name + " – " + t.name, "2",
                                   "Catalog, Search", fixed ? fixed4(t.fixedPrice) : "", special, fixed ? "fixed" : "dynamic",
                                   "fixed", "Price range", "dynamic", "together", values});
            ++tiersWritten;
        }
    if (tiersWritten > 0) {
        out.created = std::move(created);
        out.notes.push_back(counted(tiersWritten, "bundle product is", "bundle products are") +
                            " in the create-only file: attribute set \"Default\", website \"base\", created disabled "
                            "(product_online 2) so you can check them before they sell; sum and discount tiers are "
                            "dynamic bundles (the items' own prices), a discount is Magento's special_price percentage");
    }
    for (const std::string &s : skipped) out.notes.push_back("bundle tier " + s + ": not written");
    return out;
}

}  // namespace mb

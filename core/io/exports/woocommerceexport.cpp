#include "core/io/exports/platformexport.h"

#include "core/io/csvwriter.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace mb {

namespace {

// WooCommerce lists are comma-separated; a comma inside a SKU is written "\,".
std::string wooList(const std::vector<std::string> &skus)
{
    std::string out;
    for (const std::string &s : skus) {
        if (!out.empty()) out += ',';
        for (char c : s) {
            if (c == ',') out += '\\';
            out += c;
        }
    }
    return out;
}

std::string bundledItems(const ExportTier &tier)
{
    // Keyed by bundled-item id as the extension exports it; SKUs stand in for product ids so the file
    // moves between stores.
    QJsonObject items;
    const bool fixed = tier.pricing == "fixed";
    const double discount = tier.pricing == "discount" ? tier.discountPercent : 0.0;
    for (size_t i = 0; i < tier.items.size(); ++i) {
        const ExportItem &it = tier.items[i];
        QJsonObject o{{"product_id", QString::fromStdString(it.sku)},
                      {"quantity_min", it.quantity}, {"quantity_max", it.quantity}, {"quantity_default", it.quantity},
                      {"priced_individually", fixed ? "no" : "yes"},
                      {"discount", discount > 0 ? QJsonValue(discount) : QJsonValue(QString())},
                      {"optional", it.optional ? "yes" : "no"},
                      {"shipped_individually", "no"}, {"override_title", "no"}, {"hide_thumbnail", "no"},
                      {"single_product_visibility", "visible"}, {"cart_visibility", "visible"}, {"order_visibility", "visible"}};
        items.insert(QString::number(i + 1), o);
    }
    return QJsonDocument(items).toJson(QJsonDocument::Compact).toStdString();
}

}  // namespace

static std::string writeWooText(const ExportData &data, WooBundleStyle style, std::vector<std::string> *notes)
{
    const bool pb = style == WooBundleStyle::ProductBundles;
    std::vector<std::string> header = {"Type", "SKU", "Name", "Regular price", "Grouped products", "Upsells", "Cross-sells"};
    if (pb) header.insert(header.end(), {"Bundled Items (JSON-encoded)", "Min Bundle Size", "Max Bundle Size"});
    std::string out;
    appendCsvRow(out, header);

    std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> linksOf;  // upsells, cross-sells
    if (data.includeMaps)
        for (const ExportLink &l : data.links) {
            auto &[up, cross] = linksOf[l.anchor];
            (l.kind == RelationKind::Upgrade ? up : cross).push_back(l.target);
        }
    for (const ExportProduct &p : data.products) {
        auto it = linksOf.find(p.sku);
        // Type stays empty: an update must not turn a variable product into a simple one.
        std::vector<std::string> row = {"", p.sku, p.title, "", "", it == linksOf.end() ? "" : wooList(it->second.first),
                                        it == linksOf.end() ? "" : wooList(it->second.second)};
        if (pb) row.insert(row.end(), {"", "", ""});
        appendCsvRow(out, row);
    }
    if (!data.includeBundles) return out;
    int64_t lostQuantities = 0;
    for (const ExportBundle &b : data.bundles)
        for (const ExportTier &t : b.tiers) {
            const std::string sku = bundleTierSku(b.name, t.name), name = b.name + " – " + t.name;
            if (pb) {
                const std::string price = t.pricing == "fixed" ? csvNumber(t.fixedPrice) : "0";
                appendCsvRow(out, {"bundle", sku, name, price, "", "", "", bundledItems(t), "", ""});
            } else {
                std::vector<std::string> skus;
                for (const ExportItem &i : t.items) {
                    if (i.optional) continue;
                    lostQuantities += i.quantity > 1;
                    skus.push_back(i.sku);
                }
                std::vector<std::string> row = {"grouped", sku, name, "", wooList(skus), "", ""};
                appendCsvRow(out, row);
            }
        }
    if (notes && lostQuantities > 0)
        notes->push_back(std::to_string(lostQuantities) + " bundle items have a quantity above 1, which a grouped product cannot hold; "
                         "export with Product Bundles to keep quantities and discounts");
    if (notes && !pb && !data.bundles.empty())
        notes->push_back("grouped products carry no bundle price or discount; WooCommerce prices each item on its own");
    return out;
}

PlatformExport writeWooCommerceCsv(const ExportData &data, WooBundleStyle style)
{
    PlatformExport out;
    out.links = writeWooText(data, style, &out.notes);
    return out;
}

}  // namespace mb

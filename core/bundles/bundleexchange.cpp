#include "core/bundles/bundleexchange.h"

#include "core/bundles/bundlepricing.h"
#include "core/bundles/bundlestore.h"
#include "core/io/exports/bundlecsv.h"
#include "core/io/exports/bundlejson.h"
#include "core/io/textfile.h"
#include "core/maps/relationresolver.h"
#include "core/io/categorypath.h"
#include "core/storage/importedlinks.h"
#include "core/storage/categorystore.h"
#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/storage/workspace.h"

#include <QDateTime>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace mb {

std::optional<ExportFormat> exportFormatFromName(std::string_view n)
{
    if (n == "json") return ExportFormat::Json;
    if (n == "csv") return ExportFormat::Csv;
    if (n == "woocommerce") return ExportFormat::WooCommerce;
    if (n == "magento") return ExportFormat::Magento;
    if (n == "shopify") return ExportFormat::Shopify;
    return std::nullopt;
}

const char *exportFormatName(ExportFormat f)
{
    switch (f) {
    case ExportFormat::Json: return "json";
    case ExportFormat::Csv: return "csv";
    case ExportFormat::WooCommerce: return "woocommerce";
    case ExportFormat::Magento: return "magento";
    case ExportFormat::Shopify: return "shopify";
    }
    return "json";
}

const char *exportFormatSuffix(ExportFormat f) { return f == ExportFormat::Json ? ".json" : ".csv"; }

ExportData collectExportData(Workspace &ws, const Snapshot &s, const ExportOptions &options)
{
    ExportData d;
    d.includeMaps = options.maps;
    d.includeBundles = options.bundles;
    d.includeForeign = options.includeForeign;
    d.replaceLinks = options.replaceLinks;
    auto label = [&](EndpointType t, int32_t i) { return t == EndpointType::Product ? s.products[size_t(i)].sku : s.categories[size_t(i)].path; };
    std::set<std::string> named;
    if (options.maps) {
        for (const SnapshotRelation &r : s.relations) {
            if (r.anchor < 0 || r.target < 0) continue;
            d.relations.push_back({endpointName(r.anchorType), label(r.anchorType, r.anchor), endpointName(r.targetType),
                                   label(r.targetType, r.target), kindName(r.kind), r.position, r.pitch, sourceName(r.source),
                                   statusName(r.status)});
        }
        auto kindOrder = [](const std::string &k) { return int(kindFromName(k).value_or(RelationKind::Accessory)); };
        std::sort(d.relations.begin(), d.relations.end(), [&](const ExportRelation &a, const ExportRelation &b) {
            return std::tuple(a.anchorType, a.anchor, kindOrder(a.kind), a.position, a.targetType, a.target) <
                   std::tuple(b.anchorType, b.anchor, kindOrder(b.kind), b.position, b.targetType, b.target);
        });
        // The store's own link types per pair, so a link goes back in the column it came from.
        std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::string>>> storeTypes;
        for (ImportedLink &l : importedLinks(ws)) {
            storeTypes[{l.anchorSku, l.targetSku}].emplace_back(l.platform, l.platformType);
            d.storeLinks.push_back({std::move(l.platform), std::move(l.anchorSku), std::move(l.targetSku), std::move(l.platformType), l.position});
        }
        const RelationResolver resolver(s);
        std::vector<uint32_t> bySku(s.products.size());
        for (uint32_t i = 0; i < bySku.size(); ++i) bySku[i] = i;
        std::sort(bySku.begin(), bySku.end(), [&](uint32_t a, uint32_t b) { return s.products[a].sku < s.products[b].sku; });
        for (uint32_t p : bySku) {
            std::vector<ResolvedRelation> map = resolver.resolve(p);
            // Kind first, then the map's position: the platforms keep one list per link type.
            std::stable_sort(map.begin(), map.end(), [](const ResolvedRelation &a, const ResolvedRelation &b) { return int(a.kind) < int(b.kind); });
            for (const ResolvedRelation &r : map) {
                if (r.product == p) continue;
                ExportLink link{s.products[p].sku, s.products[r.product].sku, r.kind, {}};
                if (auto st = storeTypes.find({link.anchor, link.target}); st != storeTypes.end()) link.storeTypes = st->second;
                d.links.push_back(std::move(link));
                named.insert(s.products[p].sku);
                named.insert(s.products[r.product].sku);
            }
        }
    }
    if (options.bundles) {
        const BundleCatalog catalog(s);
        for (const Bundle &b : BundleStore(ws).all()) {
            const SnapshotProduct *anchor = catalog.product(b.anchorProductId);
            ExportBundle eb{b.name, anchor ? anchor->sku : std::string(), {}};
            for (const BundleTier &t : b.tiers) {
                ExportTier et;
                et.name = t.name;
                et.pricing = pricingName(t.pricing);
                et.discountPercent = t.discountPercent;
                et.fixedPrice = t.fixedPrice;
                et.price = priceTier(catalog, t).price;
                for (const BundleItem &i : t.items) {
                    const SnapshotProduct *p = catalog.product(i.productId);
                    if (!p) continue;
                    et.items.push_back({p->sku, p->title, i.quantity, i.optional, p->price, p->platform});
                }
                eb.tiers.push_back(std::move(et));
            }
            d.bundles.push_back(std::move(eb));
        }
    }
    for (const std::string &sku : named) {
        const SnapshotProduct &p = s.products[size_t(s.productIndex(sku))];
        d.products.push_back({p.sku, p.title, p.price, p.platform, p.handle, p.platformId, p.productType, p.productTitle,
                              p.regularPrice, p.salePrice});
    }
    return d;
}

std::string writeExport(ExportFormat format, const ExportData &data, const ExportOptions &options, std::vector<std::string> *notes,
                        std::string *created)
{
    PlatformExport out;
    switch (format) {
    case ExportFormat::Json: return writeExportJson(data);
    case ExportFormat::Csv: return writeBundleCsv(data);
    case ExportFormat::WooCommerce: out = writeWooCommerceCsv(data, options.wooStyle); break;
    case ExportFormat::Magento: out = writeMagentoCsv(data); break;
    case ExportFormat::Shopify: out = writeShopifyCsv(data); break;
    }
    if (created) *created = std::move(out.created);
    else if (!out.created.empty())
        out.notes.push_back("the new products (bundles) were not written: they go in a separate create-only file");
    if (notes) notes->insert(notes->end(), out.notes.begin(), out.notes.end());
    return out.links;
}

ExchangeImportReport importExchangeFile(Workspace &ws, const std::string &path)
{
    ExchangeImportReport rep;
    const TextFile file = TextFile::load(path);
    if (!file.ok() || !file.invalidUtf8.empty()) {
        rep.error = file.ok() ? file.invalidUtf8Error() : file.error;
        return rep;
    }
    ExportData data;
    const size_t first = file.data.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && file.data[first] == '{') {
        if (!readExportJson(file.data, path, data, rep.error)) return rep;
    } else if (!readBundleCsv(file.data, path, data.bundles, rep.error)) {
        return rep;
    }
    sqlite3 *db = ws.db();
    std::unordered_map<std::string, int64_t> productId, categoryId;
    {
        Statement p(db, "SELECT id, sku FROM products");
        while (p.step()) productId.emplace(p.text(1), p.int64(0));
        Statement c(db, "SELECT id, path FROM categories");
        while (c.step()) categoryId.emplace(c.text(1), c.int64(0));
    }
    auto endpoint = [&](const std::string &type, const std::string &name, const std::string &where, int64_t &id) {
        if (type == "product") {
            auto it = productId.find(name);
            if (it == productId.end()) { rep.error = path + ": " + where + ": no product with SKU \"" + name + "\" in the workspace"; return false; }
            id = it->second;
        } else {
            auto it = categoryId.find(normaliseCategoryPath(name));
            if (it == categoryId.end()) { rep.error = path + ": " + where + ": no category \"" + name + "\" in the workspace"; return false; }
            id = it->second;
        }
        return true;
    };

    // Maps and bundles in one transaction: any error, or a workspace that cannot be written, changes nothing.
    std::string failure;
    const bool written = writeTransaction(ws, failure, [&](sqlite3 *db, std::string &) {
        Statement exists(db, "SELECT 1 FROM relations WHERE anchor_type = ?1 AND anchor_id = ?2 AND target_type = ?3 AND target_id = ?4");
        Statement upsert(db, R"sql(
INSERT INTO relations(anchor_type, anchor_id, target_type, target_id, kind, position, pitch, source, status, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
ON CONFLICT(anchor_type, anchor_id, target_type, target_id) DO UPDATE SET
  kind = excluded.kind, position = excluded.position, pitch = excluded.pitch, source = excluded.source,
  status = excluded.status, updated_at = excluded.updated_at)sql");
        const int64_t now = QDateTime::currentSecsSinceEpoch();
        for (size_t i = 0; i < data.relations.size(); ++i) {
            const ExportRelation &r = data.relations[i];
            const std::string where = "maps[" + std::to_string(i) + "]";
            int64_t a = 0, t = 0;
            if (!endpoint(r.anchorType, r.anchor, where + ".anchor", a) || !endpoint(r.targetType, r.target, where + ".target", t)) return false;
            if (r.anchorType == r.targetType && a == t) { rep.error = path + ": " + where + ": a relation from an item to itself is not allowed"; return false; }
            exists.bind(1, r.anchorType).bind(2, a).bind(3, r.targetType).bind(4, t);
            const bool known = exists.step();
            exists.reset();
            upsert.bind(1, r.anchorType).bind(2, a).bind(3, r.targetType).bind(4, t).bind(5, r.kind).bind(6, r.position).bind(7, r.pitch);
            upsert.bind(8, r.source).bind(9, r.status).bind(10, now);
            if (!upsert.exec()) { rep.error = path + ": " + where + ": cannot store the relation: " + upsert.error(); return false; }
            upsert.reset();
            ++(known ? rep.relationsUpdated : rep.relationsAdded);
        }
        BundleStore store(ws);
        for (size_t bi = 0; bi < data.bundles.size(); ++bi) {
            const ExportBundle &eb = data.bundles[bi];
            const std::string where = "bundle \"" + eb.name + "\"";
            Bundle b;
            b.name = eb.name;
            if (!endpoint("product", eb.anchor, where + ", anchor", b.anchorProductId)) return false;
            for (const ExportTier &et : eb.tiers) {
                BundleTier t;
                t.name = et.name;
                t.pricing = pricingFromName(et.pricing).value_or(TierPricing::Sum);
                t.discountPercent = et.discountPercent;
                t.fixedPrice = et.fixedPrice;
                for (const ExportItem &ei : et.items) {
                    BundleItem item{0, ei.quantity, ei.optional};
                    if (!endpoint("product", ei.sku, where + ", tier \"" + et.name + "\"", item.productId)) return false;
                    t.items.push_back(item);
                }
                b.tiers.push_back(std::move(t));
            }
            bool replaced = false;
            std::string err;
            if (!store.putInTransaction(b, replaced, err)) { rep.error = path + ": " + err; return false; }
            ++(replaced ? rep.bundlesReplaced : rep.bundlesAdded);
        }
        return true;
    });
    if (!written) {
        if (!failure.empty()) rep.error = failure;
        rep.bundlesAdded = rep.bundlesReplaced = rep.relationsAdded = rep.relationsUpdated = 0;
        return rep;
    }
    rep.ok = true;
    return rep;
}

}  // namespace mb

#include "core/bundles/bundleexchange.h"

#include "core/bundles/bundlepricing.h"
#include "core/storage/bundlestore.h"
#include "core/io/exports/bundlecsv.h"
#include "core/io/exports/bundlejson.h"
#include "core/io/textfile.h"
#include "core/maps/relationresolver.h"
#include "core/io/categorypath.h"
#include "core/storage/catalognames.h"
#include "core/storage/importedlinks.h"
#include "core/storage/mapmerge.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

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
                // What prices the tier, nothing else: a fixed or summed tier carries no stale discount (nor a
                // discounted one a stale fixed price) into a file the store reads.
                et.discountPercent = t.pricing == TierPricing::Discount ? t.discountPercent : 0;
                et.fixedPrice = t.pricing == TierPricing::Fixed ? t.fixedPrice : NAN;
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
    const CatalogNames names = loadCatalogNames(ws);
    auto endpoint = [&](const std::string &type, const std::string &name, const std::string &where, int64_t &id) {
        if (type == "product") {
            auto it = names.productId.find(name);
            if (it == names.productId.end()) { rep.error = path + ": " + where + ": no product with SKU \"" + name + "\" in the workspace"; return false; }
            id = it->second;
        } else {
            auto it = names.categoryId.find(normaliseCategoryPath(name));
            if (it == names.categoryId.end()) { rep.error = path + ": " + where + ": no category \"" + name + "\" in the workspace"; return false; }
            id = it->second;
        }
        return true;
    };

    // Everything is checked first, then maps and bundles are written in one transaction: any error, or a
    // workspace that cannot be written, changes nothing. An error in the file is raised inside that
    // transaction, so a locked or read-only workspace is reported as such first, as for every write.
    std::vector<Relation> relations;
    std::vector<Bundle> bundles;
    const bool checked = [&] {
        for (size_t i = 0; i < data.relations.size(); ++i) {
            const ExportRelation &er = data.relations[i];
            const std::string where = "maps[" + std::to_string(i) + "]";
            Relation r;
            r.anchorType = er.anchorType == "product" ? EndpointType::Product : EndpointType::Category;
            r.targetType = er.targetType == "product" ? EndpointType::Product : EndpointType::Category;
            if (!endpoint(er.anchorType, er.anchor, where + ".anchor", r.anchorId) || !endpoint(er.targetType, er.target, where + ".target", r.targetId))
                return false;
            if (r.toItself()) { rep.error = path + ": " + where + ": a relation from an item to itself is not allowed"; return false; }
            // The JSON reader checked the names (bundlejson.cpp): these are known kinds, sources and statuses.
            r.kind = kindFromName(er.kind).value_or(RelationKind::Accessory);
            r.position = int(er.position);
            r.pitch = er.pitch;
            r.source = sourceFromName(er.source).value_or(RelationSource::Imported);
            r.status = statusFromName(er.status).value_or(RelationStatus::Active);
            relations.push_back(std::move(r));
        }
        for (const ExportBundle &eb : data.bundles) {
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
            bundles.push_back(std::move(b));
        }
        return true;
    }();
    MergeResult merged;
    std::string error;
    if (!mergeMapsAndBundles(ws, relations, bundles, merged, error, checked ? std::string() : rep.error)) {
        if (!checked && error == rep.error) return rep;
        if (merged.failedRelation >= 0) rep.error = path + ": maps[" + std::to_string(merged.failedRelation) + "]: " + error;
        else if (merged.failedBundle >= 0) rep.error = path + ": " + error;
        else rep.error = error;
        return rep;
    }
    rep.relationsAdded = merged.relationsAdded;
    rep.relationsUpdated = merged.relationsUpdated;
    rep.bundlesAdded = merged.bundlesAdded;
    rep.bundlesReplaced = merged.bundlesReplaced;
    rep.ok = true;
    return rep;
}

}  // namespace mb

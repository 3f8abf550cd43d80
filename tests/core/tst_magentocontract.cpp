// The Magento export against a small model of Magento 2's Add/Update product import, as read in magento/magento2
// (docs/formats-magento.md): a store built from a Magento export (tests/data/catalog/magento_export.csv, a
// fixture in Magento's own export format: no real Magento export is among the shared data sets), our files
// applied to it, and only the intended links and bundles may change.
#include "testsupport.h"

#include "core/bundles/bundleexchange.h"
#include "core/storage/bundlestore.h"
#include "core/io/csvreader.h"
#include "core/io/exports/platformexport.h"
#include "core/io/importparser.h"
#include "core/io/textfile.h"
#include "core/storage/relationstore.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QTemporaryDir>

#include <algorithm>
#include <map>
#include <set>

using namespace mb;

namespace {

constexpr const char *kEmpty = "__EMPTY__VALUE__";
const char *const kLinkTypes[3] = {"related", "crosssell", "upsell"};

std::string lower(std::string s)
{
    for (char &c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> explode(const std::string &s, char sep)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const size_t end = s.find(sep, start);
        out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

// The store's side: products with their attribute values, catalog_product_link rows, bundle options.
struct MagentoStore {
    struct Selection {
        std::string sku;
        double price = 0, qty = 1;
        bool fixedPrice = false, isDefault = false;
    };
    struct Option {
        std::string type;
        bool required = true;
        std::vector<Selection> selections;
    };
    std::map<std::string, std::map<std::string, std::string>> products;   // lower-case SKU -> attribute -> value
    std::map<std::tuple<std::string, std::string, std::string>, int> links; // (sku, type, target) -> position
    std::map<std::string, std::map<std::string, Option>> bundles;           // bundle SKU -> option name -> option
    std::vector<std::string> errors;

    static bool isLinkOrSpecial(const std::string &col)
    {
        return col == "sku" || col == "store_view_code" || col.find("_skus") != std::string::npos || col.find("_position") != std::string::npos ||
               col == "bundle_values";
    }
    bool has(const std::string &sku) const { return products.count(lower(sku)) != 0; }

    // Import/Product.php: validateRow (an unknown SKU is a new product and needs product_type and
    // attribute_set_code), _saveProducts (Add/Update: clearEmptyData, an empty cell changes nothing),
    // Bundle.php saveData, then LinkProcessor::saveLinks, one bunch after the other.
    void importAddUpdate(const std::string &csv, size_t bunchSize)
    {
        CsvReader reader(csv, ',');
        CsvRecord rec;
        std::vector<std::string> header;
        std::vector<std::map<std::string, std::string>> rows;
        while (reader.next(rec)) {
            if (header.empty()) {
                for (auto f : rec.fields) header.emplace_back(f);
                continue;
            }
            std::map<std::string, std::string> row;
            for (size_t i = 0; i < rec.fields.size() && i < header.size(); ++i)
                if (!rec.fields[i].empty()) row[header[i]] = std::string(rec.fields[i]);   // '' -> null (_prepareRowForDb)
            rows.push_back(std::move(row));
        }
        std::vector<bool> valid(rows.size(), true);
        for (size_t n = 0; n < rows.size(); ++n) {
            auto &r = rows[n];
            if (r["sku"].empty()) { errors.push_back("row " + std::to_string(n) + ": SKU is empty"); valid[n] = false; continue; }
            if (has(r["sku"])) continue;
            static const std::set<std::string> types{"simple", "virtual", "configurable", "bundle", "grouped", "downloadable"};
            if (!r.count("product_type") || !types.count(r["product_type"])) {
                errors.push_back(r["sku"] + ": Product Type is invalid or not supported");
                valid[n] = false;
            } else if (!r.count("attribute_set_code")) {
                errors.push_back(r["sku"] + ": Invalid value for Attribute Set column");
                valid[n] = false;
            } else if (!r.count("name") || (!r.count("price") && !(r["product_type"] == "bundle" && r["bundle_price_type"] == "dynamic"))) {
                // AbstractType::isRowValid: required attributes of a new product; Bundle::isRowValid gives a
                // dynamic bundle the price 0.00, a fixed one must have its own.
                errors.push_back(r["sku"] + ": a required attribute (name, price) is empty");
                valid[n] = false;
            }
        }
        for (size_t n = 0; n < rows.size(); ++n) {
            if (!valid[n]) continue;
            auto &attrs = products[lower(rows[n]["sku"])];
            for (const auto &[col, value] : rows[n])
                if (!isLinkOrSpecial(col) || col == "sku") attrs[col] = value;
        }
        for (size_t n = 0; n < rows.size(); ++n) {
            auto &r = rows[n];
            if (!valid[n] || products[lower(r["sku"])]["product_type"] != "bundle" || !r.count("bundle_values")) continue;
            std::string values = r["bundle_values"];
            std::replace(values.begin(), values.end(), ';', ',');
            for (const std::string &selection : explode(values, '|')) {
                std::map<std::string, std::string> o;
                for (const std::string &kv : explode(selection, ','))
                    if (const size_t eq = kv.find('='); eq != std::string::npos && eq > 0) o[kv.substr(0, eq)] = kv.substr(eq + 1);
                if (!o.count("sku") || !o.count("name")) continue;
                if (!has(o["sku"])) continue;   // populateSelectionTemplate: an unknown SKU is dropped
                Option &opt = bundles[lower(r["sku"])][o["name"]];
                if (opt.selections.empty()) {
                    opt.type = o.count("type") ? o["type"] : "select";
                    opt.required = !o.count("required") || o["required"] != "0";
                }
                opt.selections.push_back({o["sku"], o.count("price") ? std::stod(o["price"]) : 0.0,
                                          o.count("default_qty") ? std::stod(o["default_qty"]) : 1.0,
                                          o.count("price_type") && o["price_type"] == "fixed", o.count("default") && o["default"] != "0"});
            }
        }
        // LinkProcessor::processLinkBunches: per bunch, the __EMPTY__VALUE__ deletes (deleteProductsLinks) run
        // before the inserts (saveLinksData, insertOnDuplicate: an existing link keeps its row, a position
        // given replaces the old one).
        for (size_t start = 0; start < rows.size(); start += bunchSize) {
            std::set<std::pair<std::string, std::string>> toDelete;   // (sku, type)
            std::map<std::tuple<std::string, std::string, std::string>, int> toInsert;   // position -1: none given
            for (size_t n = start; n < std::min(rows.size(), start + bunchSize); ++n) {
                auto &r = rows[n];
                if (!valid[n]) continue;
                const std::string sku = lower(r["sku"]);
                for (const char *type : kLinkTypes) {
                    const std::string col = std::string(type) + "_skus";
                    if (!r.count(col)) continue;   // filterProvidedLinkTypes: not provided, left alone
                    const auto skus = explode(r[col], ',');
                    if (skus[0] == kEmpty) {
                        toDelete.emplace(sku, type);
                        continue;
                    }
                    const auto pos = r.count(std::string(type) + "_position") ? explode(r[std::string(type) + "_position"], ',') : std::vector<std::string>{};
                    for (size_t i = 0; i < skus.size(); ++i) {
                        const std::string target = lower(skus[i]);
                        if (!has(target) || target == sku) continue;   // filterValidLinks
                        const int p = i < pos.size() && !pos[i].empty() && pos[i] != "0" ? std::stoi(pos[i]) : -1;
                        toInsert[{sku, type, target}] = p;
                    }
                }
            }
            for (auto it = links.begin(); it != links.end();)
                it = toDelete.count({std::get<0>(it->first), std::get<1>(it->first)}) ? links.erase(it) : std::next(it);
            for (const auto &[key, p] : toInsert)
                if (p >= 0) links[key] = p;
                else links.try_emplace(key, 0);
        }
    }

    // The store as its export shows it: every default-scope row's attributes, links and bundle options.
    static MagentoStore fromExport(const std::string &csv)
    {
        MagentoStore s;
        CsvReader reader(csv, ',');
        CsvRecord rec;
        std::vector<std::string> header;
        std::string withoutViews;
        while (reader.next(rec)) {
            std::vector<std::string> f(rec.fields.begin(), rec.fields.end());
            if (header.empty()) header = f;
            else if (f.size() > 1 && !f[1].empty() && header[1] == "store_view_code") continue;   // store-view override
            appendRow(withoutViews, f);
        }
        s.importAddUpdate(withoutViews, 1000);
        return s;
    }
    static void appendRow(std::string &out, const std::vector<std::string> &f)
    {
        for (size_t i = 0; i < f.size(); ++i) {
            if (i) out += ',';
            std::string v = f[i];
            if (v.find_first_of(",\"\n") != std::string::npos) {
                std::string q = "\"";
                for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
                v = q + "\"";
            }
            out += v;
        }
        out += '\n';
    }
    std::set<std::string> linksOf(const std::string &sku, const std::string &type) const
    {
        std::set<std::string> out;
        for (const auto &[key, p] : links)
            if (std::get<0>(key) == lower(sku) && std::get<1>(key) == type) out.insert(std::get<2>(key));
        return out;
    }
};

using Set = std::set<std::string>;

}  // namespace

class TestMagentoContract : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::string fixtureText;

    std::unique_ptr<Workspace> importedStore(const char *name)
    {
        std::string error;
        const std::string file = (dir.path() + "/" + name).toStdString();
        auto ws = Workspace::create(file, error);
        if (!ws) return nullptr;
        ImportRequest req;
        req.kind = ImportKind::Catalog;
        req.path = mbtest::fixture("catalog/magento_export.csv").toStdString();
        const ImportReport r = runImport(*ws, req);
        if (r.status != ImportStatus::Ok) qWarning("%s", r.error.c_str());
        return ws;
    }
    static int64_t relationId(Workspace &ws, const std::string &anchor, const std::string &target)
    {
        std::string error;
        auto s = Snapshot::load(ws, error);
        for (const SnapshotRelation &r : s->relations)
            if (r.anchor >= 0 && r.target >= 0 && s->products[size_t(r.anchor)].sku == anchor && s->products[size_t(r.target)].sku == target)
                return r.id;
        return 0;
    }
    static int64_t productId(Workspace &ws, const std::string &sku)
    {
        std::string error;
        auto s = Snapshot::load(ws, error);
        const int32_t i = s->productIndex(sku);
        return i < 0 ? 0 : s->products[size_t(i)].id;
    }
    // The merchandiser's edits: a new cart link, a removed related link, a cross-sell re-kinded as an upgrade.
    static void editMap(Workspace &ws)
    {
        std::string error;
        RelationStore store(ws);
        Relation added;
        added.anchorId = productId(ws, "24-MB04");
        added.targetId = productId(ws, "24-UG06");
        added.kind = RelationKind::Necessity;
        added.position = 1;
        QVERIFY2(store.add(added, error), error.c_str());
        QVERIFY2(store.remove(relationId(ws, "24-MB01", "24-UG06"), error), error.c_str());
        auto rekind = store.byId(relationId(ws, "24-WG081-blue", "24-WG084"));
        QVERIFY(rekind);
        rekind->kind = RelationKind::Upgrade;
        QVERIFY2(store.update(*rekind, error), error.c_str());
    }
    static PlatformExport exportFor(Workspace &ws, ExportOptions o)
    {
        std::string error;
        auto snap = Snapshot::load(ws, error);
        return writeMagentoCsv(collectExportData(ws, *snap, o));
    }
    static bool hasNote(const PlatformExport &e, const std::string &start)
    {
        return std::any_of(e.notes.begin(), e.notes.end(), [&](const std::string &n) { return n.find(start) != std::string::npos; });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        fixtureText = mbtest::readAll(mbtest::fixture("catalog/magento_export.csv")).toStdString();
        QVERIFY(!fixtureText.empty());
    }

    void theModelReadsTheFixture()
    {
        const MagentoStore s = MagentoStore::fromExport(fixtureText);
        QVERIFY2(s.errors.empty(), s.errors.empty() ? "" : s.errors.front().c_str());
        QCOMPARE(s.products.size(), size_t(12));
        QCOMPARE(s.linksOf("24-MB01", "related"), Set({"24-mb04", "24-ug06"}));
        QCOMPARE(s.linksOf("24-MB01", "upsell"), Set({"24-mb04", "24-mb02"}));
        QCOMPARE(s.bundles.at("24-wg085").size(), size_t(2));
    }

    void roundTripKeepsEachLinkTypeInItsOwnColumn()
    {
        auto ws = importedStore("roundtrip.merchbench");
        QVERIFY(ws);
        ExportOptions o;
        o.bundles = false;
        const PlatformExport e = exportFor(*ws, o);
        // Only the link columns: nothing Add/Update could overwrite.
        QVERIFY(e.links.rfind("sku,related_skus,related_position,crosssell_skus,crosssell_position,upsell_skus,upsell_position\n", 0) == 0);
        CatalogBatch fixture, back;
        ParseOptions po;
        QCOMPARE(parseCatalog(TextFile::fromBytes(fixtureText, "magento_export.csv"), po, fixture).status, ParseStatus::Ok);
        QCOMPARE(parseCatalog(TextFile::fromBytes(e.links, "links.csv"), po, back).status, ParseStatus::Ok);
        QCOMPARE(back.format, std::string("magento"));
        std::set<std::tuple<std::string, std::string, std::string>> want, got;
        for (const RelationRecord &r : fixture.relations) want.emplace(r.anchorSku, r.targetSku, r.platformType);
        for (const RelationRecord &r : back.relations) got.emplace(r.anchorSku, r.targetSku, r.platformType);
        QCOMPARE(got, want);
        // Two types on one pair, and crosssell as crosssell.
        QVERIFY(got.count({"24-MB01", "24-MB04", "related"}) && got.count({"24-MB01", "24-MB04", "upsell"}));
        QVERIFY(got.count({"MH01", "24-MB02", "related"}) && got.count({"MH01", "24-MB02", "upsell"}));
        QVERIFY(got.count({"24-MB01", "24-WB04", "crosssell"}));
    }

    void addUpdateChangesOnlyTheLinksItAdds()
    {
        auto ws = importedStore("addupdate.merchbench");
        QVERIFY(ws);
        editMap(*ws);
        ExportOptions o;
        o.bundles = false;
        const PlatformExport e = exportFor(*ws, o);
        MagentoStore store = MagentoStore::fromExport(fixtureText);
        const MagentoStore before = store;
        store.importAddUpdate(e.links, 20);   // Product::BUNCH_SIZE
        QVERIFY(store.errors.empty());
        QCOMPARE(store.products, before.products);   // names, prices, status, stock: untouched
        QCOMPARE(store.linksOf("24-MB04", "crosssell"), Set({"24-ug06"}));
        // Add/Update cannot remove: the removed and the re-kinded link stay, and the notes say so.
        QCOMPARE(store.linksOf("24-MB01", "related"), Set({"24-mb04", "24-ug06"}));
        QCOMPARE(store.linksOf("24-WG081-blue", "crosssell"), Set({"24-wg084"}));
        QCOMPARE(store.linksOf("24-WG081-blue", "upsell"), Set({"24-wg084"}));
        QCOMPARE(store.linksOf("24-MB01", "crosssell"), Set({"24-ug06", "24-wb04"}));
        // The removed pair was related and crosssell; the re-kinded one left crosssell: three stay behind.
        QVERIFY(hasNote(e, "3 links the store had at import are no longer in the map"));
        QVERIFY(hasNote(e, "never \"Replace\""));
        // Nothing else moved: every other link is as it was.
        auto others = [](const MagentoStore &s) {
            auto l = s.links;
            std::erase_if(l, [](const auto &kv) {
                const std::string &a = std::get<0>(kv.first);
                return a == "24-mb04" || a == "24-wg081-blue";
            });
            return l;
        };
        QCOMPARE(others(store), others(before));
    }

    void replaceLinksClearsOnlyTheTypesWritten_data()
    {
        QTest::addColumn<int>("bunch");
        QTest::newRow("one row per bunch") << 1;
        QTest::newRow("two rows per bunch") << 2;
        QTest::newRow("one bunch") << 1000;
    }
    void replaceLinksClearsOnlyTheTypesWritten()
    {
        QFETCH(int, bunch);
        auto ws = importedStore((std::string("replace-") + QTest::currentDataTag() + ".merchbench").c_str());
        QVERIFY(ws);
        editMap(*ws);
        ExportOptions o;
        o.bundles = false;
        o.replaceLinks = true;
        const PlatformExport e = exportFor(*ws, o);
        MagentoStore store = MagentoStore::fromExport(fixtureText);
        // Added in the admin after Merchbench read the store: a type this file does not write for 24-MB04.
        store.links[{"24-mb04", "upsell", "24-mb02"}] = 1;
        const MagentoStore before = store;
        store.importAddUpdate(e.links, size_t(bunch));
        QVERIFY(store.errors.empty());
        QCOMPARE(store.products, before.products);
        // The removed pair (related and crosssell) is gone from both; the disabled 24-WB04 stays linked.
        QCOMPARE(store.linksOf("24-MB01", "related"), Set({"24-mb04"}));
        QCOMPARE(store.linksOf("24-MB01", "crosssell"), Set({"24-wb04"}));
        QCOMPARE(store.linksOf("24-WG081-blue", "crosssell"), Set());                    // re-kinded: moved
        QCOMPARE(store.linksOf("24-WG081-blue", "upsell"), Set({"24-wg084"}));
        QCOMPARE(store.linksOf("24-MB04", "crosssell"), Set({"24-ug06"}));
        QCOMPARE(store.linksOf("24-MB04", "related"), Set({"24-mb01"}));
        QCOMPARE(store.linksOf("24-MB04", "upsell"), Set({"24-mb02"}));                  // not written: kept
        // Everything the map still holds comes back as it was, in its own column.
        for (const char *sku : {"MH01", "24-MB02", "24-WG080"})
            for (const char *type : kLinkTypes) QCOMPARE(store.linksOf(sku, type), before.linksOf(sku, type));
        QCOMPARE(store.linksOf("24-MB01", "upsell"), before.linksOf("24-MB01", "upsell"));
        QVERIFY(hasNote(e, "replace links:"));
        // The clear rows come first: no clear row after a row that sets links.
        const size_t lastClear = e.links.rfind(kEmpty), firstSet = e.links.find("\n24-MB01,24-MB04");
        QVERIFY(lastClear != std::string::npos && firstSet != std::string::npos && lastClear < firstSet);
    }

    void theClearRowsMustComeFirst()
    {
        // The model is not lenient: the same rows with the clears moved after the settings lose the links
        // whenever a clear lands in a later bunch than the row that set the links.
        auto ws = importedStore("order.merchbench");
        QVERIFY(ws);
        ExportOptions o;
        o.bundles = false;
        o.replaceLinks = true;
        const PlatformExport e = exportFor(*ws, o);
        std::vector<std::string> lines = explode(e.links, '\n');
        lines.pop_back();   // after the last newline
        std::stable_partition(lines.begin() + 1, lines.end(), [](const std::string &l) { return l.find(kEmpty) == std::string::npos; });
        std::string reordered;
        for (const std::string &l : lines) reordered += l + "\n";
        MagentoStore right = MagentoStore::fromExport(fixtureText), wrong = right;
        right.importAddUpdate(e.links, 1);
        wrong.importAddUpdate(reordered, 1);
        QCOMPARE(right.linksOf("MH01", "upsell"), Set({"24-mb02"}));
        QCOMPARE(wrong.linksOf("MH01", "upsell"), Set());
        // And our own importer reads the replace file back to the map's links, the clear rows skipped.
        CatalogBatch back;
        ParseOptions po;
        QCOMPARE(parseCatalog(TextFile::fromBytes(e.links, "replace.csv"), po, back).status, ParseStatus::Ok);
        QVERIFY(back.rejects.empty());
        QCOMPARE(back.relations.size(), size_t(12));
    }

    void productsNotFromMagentoAreLeftOut()
    {
        auto ws = importedStore("foreign.merchbench");
        QVERIFY(ws);
        const std::string generic = (dir.path() + "/generic.csv").toStdString();
        QFile f(QString::fromStdString(generic));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("sku,title,price\nGEN-1,Gift wrap,3.00\n");
        f.close();
        ImportRequest req;
        req.kind = ImportKind::Catalog;
        req.path = generic;
        QCOMPARE(runImport(*ws, req).status, ImportStatus::Ok);
        std::string error;
        Relation r;
        r.anchorId = productId(*ws, "24-MB04");
        r.targetId = productId(*ws, "GEN-1");
        r.kind = RelationKind::Accessory;
        QVERIFY2(RelationStore(*ws).add(r, error), error.c_str());
        ExportOptions o;
        o.bundles = false;
        PlatformExport e = exportFor(*ws, o);
        QVERIFY(e.links.find("GEN-1") == std::string::npos);
        QVERIFY(hasNote(e, "1 link was left out"));
        o.includeForeign = true;
        e = exportFor(*ws, o);
        QVERIFY(e.links.find("24-MB01,GEN-1") != std::string::npos || e.links.find(",GEN-1") != std::string::npos);
    }

    void bundlesAreCreatedWithARealPrice()
    {
        auto ws = importedStore("bundles.merchbench");
        QVERIFY(ws);
        Bundle b;
        b.name = "Gym starter";
        b.anchorProductId = productId(*ws, "24-MB01");
        const int64_t bottle = productId(*ws, "24-UG06"), strap = productId(*ws, "24-WG084");
        b.tiers.push_back({"Basic", TierPricing::Sum, 0, NAN, {{bottle, 2, false}}});
        b.tiers.push_back({"Plus", TierPricing::Discount, 15, NAN, {{bottle, 1, false}, {strap, 1, true}}});
        b.tiers.push_back({"Pro", TierPricing::Fixed, 0, 59.0, {{bottle, 1, false}, {strap, 1, false}}});
        Bundle free = b;
        free.name = "No price";
        free.tiers = {{"Fixed", TierPricing::Fixed, 0, 0.0, {{bottle, 1, false}}}};   // Merchbench allows 0
        std::string error;
        QVERIFY2(BundleStore(*ws).add(b, error), error.c_str());
        QVERIFY2(BundleStore(*ws).add(free, error), error.c_str());
        ExportOptions o;
        o.maps = false;
        const PlatformExport e = exportFor(*ws, o);
        QVERIFY(e.links.empty());
        QVERIFY(!e.created.empty());
        QVERIFY(hasNote(e, "\"No price – Fixed\" is a fixed-price tier without a price above 0"));
        MagentoStore store = MagentoStore::fromExport(fixtureText);
        const MagentoStore before = store;
        store.importAddUpdate(e.created, 20);
        QVERIFY2(store.errors.empty(), store.errors.empty() ? "" : store.errors.front().c_str());
        QCOMPARE(store.products.size(), before.products.size() + 3);
        QCOMPARE(store.links, before.links);
        for (const auto &[sku, attrs] : before.products) QCOMPARE(store.products.at(sku), attrs);
        const auto &basic = store.products.at(lower(bundleTierSku("Gym starter", "Basic")));
        QCOMPARE(basic.at("bundle_price_type"), std::string("dynamic"));
        QVERIFY(!basic.count("price"));
        const auto &plus = store.products.at(lower(bundleTierSku("Gym starter", "Plus")));
        QCOMPARE(plus.at("special_price"), std::string("85.0000"));   // the percentage the customer pays
        const auto &pro = store.products.at(lower(bundleTierSku("Gym starter", "Pro")));
        QCOMPARE(pro.at("bundle_price_type"), std::string("fixed"));
        QCOMPARE(pro.at("price"), std::string("59.0000"));
        QCOMPARE(pro.at("product_online"), std::string("2"));
        const auto &opts = store.bundles.at(lower(bundleTierSku("Gym starter", "Basic")));
        QCOMPARE(opts.size(), size_t(1));
        QCOMPARE(opts.begin()->second.selections.at(0).qty, 2.0);
        const auto &plusOpts = store.bundles.at(lower(bundleTierSku("Gym starter", "Plus")));
        QCOMPARE(plusOpts.size(), size_t(2));
        QVERIFY(std::any_of(plusOpts.begin(), plusOpts.end(), [](const auto &kv) { return !kv.second.required; }));
        QVERIFY(!store.products.count(lower(bundleTierSku("No price", "Fixed"))));
    }
};

QTEST_GUILESS_MAIN(TestMagentoContract)
#include "tst_magentocontract.moc"

// The Shopify export against a model of Shopify's own product CSV import, run on the real store export
// (shared/datasets/shopify_store_export/products_export.csv). The model follows what Shopify's help pages say
// (docs/formats-shopify.md has each rule with its page):
// - help.shopify.com/en/manual/products/import-export/using-csv, "Required columns": an update needs the handle
//   (`Handle`, now `URL handle`) and `Title`; "Data dependencies": variant columns need `Option1 name/value`,
//   without them the import fails or rewrites the variants;
// - same page, "Overwriting products" (overwrite products with matching handles): a row whose handle matches
//   overwrites the columns the file has; a column present with a blank cell is written blank; a column the file
//   does not have keeps the store's value; a handle the store does not have creates a product; a blank
//   `Published` publishes the product.
// The test imports the store's file (with Search & Discovery metafields added to a few products, as a store using
// the app exports them), adds one link in Merchbench, exports for Shopify, applies the export to the model and
// checks that only the intended metafields changed.
#include "testsupport.h"

#include "core/bundles/bundleexchange.h"
#include "core/io/csvreader.h"
#include "core/io/csvwriter.h"
#include "core/io/exports/platformexport.h"
#include "core/io/importparser.h"
#include "core/storage/relationstore.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <set>

using namespace mb;

namespace {

const std::string Complementary =
    "Complementary products (product.metafields.shopify--discovery--product_recommendation.complementary_products)";
const std::string Related = "Related products (product.metafields.shopify--discovery--product_recommendation.related_products)";

// A store as Shopify's importer sees it: products by handle, product-level fields by column name, variants
// with their own fields.
struct StoreProduct {
    std::map<std::string, std::string> fields;  // Title, Vendor, Type, Tags, Published, Status, metafield columns…
    std::vector<std::map<std::string, std::string>> variants;
};
struct Store {
    std::map<std::string, StoreProduct> products;
    bool operator==(const Store &) const = default;
};

bool isVariantColumn(const std::string &name)
{
    static const std::set<std::string> names{"variant sku", "sku", "variant price", "price", "variant compare at price",
                                             "compare-at price", "variant inventory qty", "inventory quantity", "variant grams",
                                             "variant barcode", "barcode", "cost per item", "option1 value", "option2 value",
                                             "option3 value", "variant inventory policy", "continue selling when out of stock"};
    return names.count(CsvHeader::normalise(name)) != 0;
}

// Reads a Shopify product CSV into the model: the first row of a handle holds the product-level fields.
Store readStore(const std::string &text)
{
    Store s;
    CsvReader reader(text, ',');
    CsvRecord rec;
    reader.next(rec);
    const std::vector<std::string> header(rec.fields.begin(), rec.fields.end());
    const int handle = CsvHeader(rec.fields).find({"Handle", "URL handle"});
    while (reader.next(rec)) {
        StoreProduct &p = s.products[std::string(rec.fields[size_t(handle)])];
        const bool first = p.fields.empty();
        std::map<std::string, std::string> variant;
        for (size_t i = 0; i < header.size(); ++i) {
            if (isVariantColumn(header[i])) variant[header[i]] = std::string(rec.fields[i]);
            else if (first) p.fields[header[i]] = std::string(rec.fields[i]);
        }
        p.variants.push_back(std::move(variant));
    }
    return s;
}

struct ImportOutcome {
    std::string error;                   // the import refused the file (Shopify shows an error, changes nothing)
    int created = 0, variantsRewritten = 0;
};

// Shopify's overwrite-by-handle import, as the help page describes it, applied to `store`.
ImportOutcome applyShopifyImport(Store &store, const std::string &text)
{
    ImportOutcome out;
    CsvReader reader(text, ',');
    CsvRecord rec;
    if (!reader.next(rec)) return {"empty file"};
    const CsvHeader h(rec.fields);
    const std::vector<std::string> header(rec.fields.begin(), rec.fields.end());
    const int handle = h.find({"Handle", "URL handle"}), title = h.find({"Title"});
    if (handle < 0 || title < 0) return {"an update needs the handle and Title columns"};
    bool variantColumns = false;
    for (const std::string &n : header) variantColumns = variantColumns || isVariantColumn(n);
    if (variantColumns && h.find({"Option1 Name", "Option1 name"}) < 0) return {"variant columns need Option1 name and Option1 value"};
    while (reader.next(rec)) {
        const std::string key(rec.fields[size_t(handle)]);
        auto it = store.products.find(key);
        if (it == store.products.end()) {
            ++out.created;  // no such handle: a new product
            continue;
        }
        if (rec.fields[size_t(title)].empty()) return {"Title can't be blank (" + key + ")"};
        for (size_t i = 0; i < header.size(); ++i) {
            if (int(i) == handle || isVariantColumn(header[i])) continue;
            std::string value(rec.fields[i]);
            if (CsvHeader::normalise(header[i]).rfind("published", 0) == 0 && value.empty()) value = "true";  // blank publishes
            it->second.fields[header[i]] = value;  // present: overwritten, blank included
        }
        if (variantColumns) ++out.variantsRewritten;
    }
    return out;
}

// Adds the two Search & Discovery metafield columns to the store's file, filled on the first row of a few
// handles, as a store that uses the app exports them.
std::string withMetafields(const std::string &text, const std::map<std::string, std::pair<std::string, std::string>> &lists)
{
    CsvReader reader(text, ',');
    CsvRecord rec;
    std::string out;
    reader.next(rec);
    std::vector<std::string> cells(rec.fields.begin(), rec.fields.end());
    cells.push_back(Complementary);
    cells.push_back(Related);
    appendCsvRow(out, cells);
    std::set<std::string> seen;
    while (reader.next(rec)) {
        cells.assign(rec.fields.begin(), rec.fields.end());
        const std::string handle = cells[0];
        const auto l = lists.find(handle);
        const bool first = seen.insert(handle).second;
        cells.push_back(first && l != lists.end() ? l->second.first : "");
        cells.push_back(first && l != lists.end() ? l->second.second : "");
        appendCsvRow(out, cells);
    }
    return out;
}

std::string readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

}  // namespace

class TestShopifyContract : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string storeText_;              // the store's export with the metafields
    std::unique_ptr<Workspace> ws_;
    std::string exported_;
    std::vector<std::string> notes_;

private Q_SLOTS:
    void initTestCase()
    {
        MB_REQUIRE_DATASET(path, "shopify_store_export/products_export.csv");
        // Blanket: complementary = stairs, related = car seat cover; stairs: related AND complementary = blanket
        // (one pair in both lists); a draft product's list stays as the store has it.
        storeText_ = withMetafields(readAll(path), {{"pawproof-throw-blanket", {"pawramp", "pawproof-car-seat-cover"}},
                                                    {"pawramp", {"pawproof-throw-blanket", "pawproof-throw-blanket"}}});
        const std::string file = dir_.filePath("products_export_with_metafields.csv").toStdString();
        QFile f(QString::fromStdString(file));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(storeText_.data(), qint64(storeText_.size()));
        f.close();
        std::string error;
        ws_ = Workspace::create(dir_.filePath("store.merchbench").toStdString(), error);
        QVERIFY2(ws_, error.c_str());
        ImportRequest req;
        req.kind = ImportKind::Catalog;
        req.path = file;
        const ImportReport rep = runImport(*ws_, req);
        QVERIFY2(rep.status == ImportStatus::Ok, rep.error.c_str());
        QCOMPARE(rep.format, std::string("shopify"));

        // The merchandiser adds one upgrade in Merchbench: from the blanket's Grey variant to the car seat cover's
        // first variant (a product-level related link, merged into the blanket's one row).
        auto snap = Snapshot::load(*ws_, error);
        QVERIFY(snap);
        const SnapshotProduct *grey = nullptr, *water = nullptr;
        for (const SnapshotProduct &p : snap->products) {
            if (p.sku == "40BT-GREY-000M") grey = &p;
            if (p.handle == "pawpal-coffee-mugs" && !water) water = &p;
        }
        QVERIFY(grey);
        QVERIFY2(water, "the store has a coffee mugs");
        Relation r;
        r.anchorId = grey->id;
        r.targetId = water->id;
        r.kind = RelationKind::Upgrade;
        QVERIFY2(RelationStore(*ws_).add(r, error), error.c_str());

        snap = Snapshot::load(*ws_, error);
        ExportOptions o;
        exported_ = writeExport(ExportFormat::Shopify, collectExportData(*ws_, *snap, o), o, &notes_);
        QVERIFY(!exported_.empty());
    }

    void onlyTheIntendedMetafieldsChange()
    {
        MB_REQUIRE_DATASET(path, "shopify_store_export/products_export.csv");
        const Store before = readStore(storeText_);
        QCOMPARE(before.products.size(), size_t(514));
        Store after = before;
        const ImportOutcome o = applyShopifyImport(after, exported_);
        QVERIFY2(o.error.empty(), o.error.c_str());
        QCOMPARE(o.created, 0);            // every row names a handle the store has
        QCOMPARE(o.variantsRewritten, 0);  // no variant column: variants, prices, SKUs, stock untouched
        int changedProducts = 0;
        for (const auto &[handle, p] : after.products) {
            const StoreProduct &was = before.products.at(handle);
            QVERIFY(p.variants == was.variants);
            for (const auto &[column, value] : p.fields) {
                if (value == was.fields.at(column)) continue;
                QVERIFY2(column == Complementary || column == Related, (handle + ": " + column + " changed").c_str());
            }
            changedProducts += p.fields != was.fields;
            QCOMPARE(p.fields.at("Title"), was.fields.at("Title"));
            QCOMPARE(p.fields.at("Published"), was.fields.at("Published"));
            QCOMPARE(p.fields.at("Status"), was.fields.at("Status"));
        }
        // The blanket gains the coffee mugs in its related list; nothing else in the store changes.
        QCOMPARE(changedProducts, 1);
        const auto &blanket = after.products.at("pawproof-throw-blanket").fields;
        QCOMPARE(blanket.at(Complementary), std::string("pawramp"));
        QCOMPARE(blanket.at(Related), std::string("pawproof-car-seat-cover, pawpal-coffee-mugs"));
        const auto &ramp = after.products.at("pawramp").fields;
        QCOMPARE(ramp.at(Complementary), std::string("pawproof-throw-blanket"));
        QCOMPARE(ramp.at(Related), std::string("pawproof-throw-blanket"));
    }

    // Our file: one row per handle, keyed on the store's handle and the product's own title, nothing else.
    void oneRowPerHandleWithTheStoreTitle()
    {
        MB_REQUIRE_DATASET(path, "shopify_store_export/products_export.csv");
        CsvReader reader(exported_, ',');
        CsvRecord rec;
        QVERIFY(reader.next(rec));
        const std::vector<std::string> header(rec.fields.begin(), rec.fields.end());
        QCOMPARE(header, (std::vector<std::string>{"URL handle", "Title", Complementary, Related}));
        std::vector<std::pair<std::string, std::string>> rows;
        while (reader.next(rec)) rows.emplace_back(rec.fields[0], rec.fields[1]);
        std::sort(rows.begin(), rows.end());
        QCOMPARE(rows, (std::vector<std::pair<std::string, std::string>>{{"pawproof-throw-blanket", "PawProof™ Throw Blanket"},
                                                                          {"pawramp", "PawRamp™"}}));
        QVERIFY(std::none_of(notes_.begin(), notes_.end(), [](const std::string &n) { return n.find("left out") != std::string::npos; }));
    }

    // Read back by our own importer: related stays related, complementary stays complementary, and the pair
    // that is in both lists is in both.
    void roundTripKeepsEachListInItsColumn()
    {
        MB_REQUIRE_DATASET(path, "shopify_store_export/products_export.csv");
        CatalogBatch b;
        const ParseResult r = parseCatalog(TextFile::fromBytes(exported_, "shopify.csv"), ParseOptions{}, b);
        QVERIFY2(r.status == ParseStatus::Ok, r.error.c_str());
        QCOMPARE(b.format, std::string("shopify"));
        std::set<std::string> links;
        for (const RelationRecord &l : b.relations) links.insert(l.anchorSku + ">" + l.targetSku + ":" + l.platformType);
        QCOMPARE(links, (std::set<std::string>{"pawproof-throw-blanket>pawramp:complementary",
                                               "pawproof-throw-blanket>pawproof-car-seat-cover:related",
                                               "pawproof-throw-blanket>pawpal-coffee-mugs:related",
                                               "pawramp>pawproof-throw-blanket:complementary", "pawramp>pawproof-throw-blanket:related"}));
    }

    // Products the workspace did not import from Shopify are left out and said so; asked for, they get a handle
    // made from the SKU (and would be created by the import).
    void foreignProductsAreLeftOutUnlessAsked()
    {
        ExportData d;
        d.products = {{"40BT-BEIG-000M", "PawProof™ Throw Blanket - Beige / Medium", 69, "shopify", "pawproof-throw-blanket", "", "",
                       "PawProof™ Throw Blanket"},
                      {"MB-TREATS", "Treats", 5}};
        d.links = {{"40BT-BEIG-000M", "MB-TREATS", RelationKind::Consumable}, {"MB-TREATS", "40BT-BEIG-000M", RelationKind::Upgrade}};
        d.bundles = {{"Starter", "40BT-BEIG-000M", {}}};
        PlatformExport e = writeShopifyCsv(d);
        QCOMPARE(e.links, std::string("URL handle,Title\n"));   // nothing left to write but the header
        QCOMPARE(e.created, std::string());  // bundles: Shopify's CSV cannot hold them
        QCOMPARE(int(e.notes.size()), 2);
        QVERIFY(e.notes[0].rfind("1 product was not imported from Shopify and left out (for example MB-TREATS, 2 links in all)", 0) == 0);
        QVERIFY(e.notes[1].rfind("1 bundle was not written: Shopify's product CSV has no bundle columns", 0) == 0);
        d.includeForeign = true;
        e = writeShopifyCsv(d);
        QCOMPARE(e.links, std::string("URL handle,Title," + Complementary + "," + Related + "\n"
                                      "pawproof-throw-blanket,PawProof™ Throw Blanket,mb-treats,\n"
                                      "mb-treats,Treats,,pawproof-throw-blanket\n"));
        QVERIFY(std::any_of(e.notes.begin(), e.notes.end(), [](const std::string &n) {
            return n.rfind("products not imported from Shopify are written under a handle made from the SKU (for example MB-TREATS as "
                           "mb-treats)", 0) == 0;
        }));
    }

    // A store variant with no product title cannot be written: Title overwrites, and a variant title would rename it.
    void noProductTitleNoRow()
    {
        ExportData d;
        d.products = {{"A-1", "Lamp - Red", 10, "shopify", "lamp"}, {"B-1", "Bulb", 2, "shopify", "bulb", "", "", "Bulb"}};
        d.links = {{"A-1", "B-1", RelationKind::Consumable}, {"B-1", "A-1", RelationKind::Accessory}};
        const PlatformExport e = writeShopifyCsv(d);
        QCOMPARE(e.links, std::string("URL handle,Title\n"));
        QVERIFY(e.notes.front().rfind("1 Shopify variant was left out (for example A-1)", 0) == 0);
        QVERIFY(e.notes.back().rfind("2 links were left out: one end has no Shopify product to name", 0) == 0);
    }
};

QTEST_GUILESS_MAIN(TestShopifyContract)
#include "tst_shopifycontract.moc"

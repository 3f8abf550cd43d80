// Export and import back: the Merchbench JSON (byte-identical after a round trip), the bundle CSV, the
// WooCommerce / Magento / Shopify product CSVs read back by our own platform importers to the same links,
// and the spreadsheet-formula defence in every CSV.
#include "testsupport.h"

#include "core/bundles/bundleexchange.h"
#include "core/storage/bundlestore.h"
#include "core/demo/demogenerator.h"
#include "core/io/csvreader.h"
#include "core/io/csvwriter.h"
#include "core/io/exports/platformexport.h"
#include "core/io/importparser.h"
#include "core/storage/relationstore.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <map>
#include <set>

using namespace mb;

namespace {

using Link = std::tuple<std::string, std::string, std::string>;  // anchor, target, platform type

std::string platformType(const std::string &format, RelationKind k)
{
    if (format == "woocommerce") return k == RelationKind::Upgrade ? "upsell" : "cross-sell";
    if (format == "shopify") return k == RelationKind::Upgrade ? "related" : "complementary";
    if (k == RelationKind::Upgrade) return "upsell";
    return k == RelationKind::Enhancement || k == RelationKind::Accessory ? "related" : "crosssell";
}

}  // namespace

class TestExportRoundTrip : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<Workspace> a;

    std::string path(const char *name) const { return (dir.path() + "/" + name).toStdString(); }
    std::unique_ptr<Workspace> demo(const char *name, bool empty)
    {
        std::string error;
        if (!createDemoWorkspace(path(name), DemoParameters{}, error)) return nullptr;
        auto ws = Workspace::open(path(name), error);
        if (ws && empty)
            writeTransaction(*ws, error, [](sqlite3 *db, std::string &) {
                return execSql(db, "DELETE FROM bundles") && execSql(db, "DELETE FROM relations");
            });
        return ws;
    }
    std::string exportText(Workspace &ws, ExportFormat f, ExportOptions o = {}, std::string *created = nullptr)
    {
        std::string error;
        auto snap = Snapshot::load(ws, error);
        return snap ? writeExport(f, collectExportData(ws, *snap, o), o, nullptr, created) : std::string();
    }
    // WooCommerce writes new bundle products to their own create-only file; the demo store was not imported
    // from WooCommerce, so its products are written only when asked for.
    std::string wooCreated(Workspace &ws, ExportOptions o)
    {
        o.includeForeign = true;
        std::string created;
        exportText(ws, ExportFormat::WooCommerce, o, &created);
        return created;
    }
    bool save(const std::string &file, const std::string &text)
    {
        QFile f(QString::fromStdString(file));
        return f.open(QIODevice::WriteOnly) && f.write(text.data(), qint64(text.size())) == qint64(text.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        a = demo("a.merchbench", false);
        QVERIFY(a);
    }

    void jsonRoundTripIsByteIdentical()
    {
        const std::string first = exportText(*a, ExportFormat::Json);
        const QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(first)).object();
        QCOMPARE(root.value("format").toString(), QString("merchbench-export"));
        QCOMPARE(root.value("version").toInt(), 1);
        QCOMPARE(root.value("bundles").toArray().size(), 3);
        QVERIFY(root.value("maps").toArray().size() >= 45);
        QVERIFY(save(path("export.json"), first));

        auto b = demo("b.merchbench", true);
        QVERIFY(b);
        const ExchangeImportReport r = importExchangeFile(*b, path("export.json"));
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.bundlesAdded, 3);
        QCOMPARE(r.relationsAdded, int(root.value("maps").toArray().size()));
        QCOMPARE(exportText(*b, ExportFormat::Json), first);

        // Importing into the workspace it came from merges by name: replaced, not doubled.
        const ExchangeImportReport again = importExchangeFile(*a, path("export.json"));
        QVERIFY2(again.ok, again.error.c_str());
        QCOMPARE(again.bundlesReplaced, 3);
        QCOMPARE(again.bundlesAdded, 0);
        QCOMPARE(exportText(*a, ExportFormat::Json), first);
    }

    void jsonErrorsNameThePlace()
    {
        std::string text = exportText(*a, ExportFormat::Json);
        const size_t at = text.find("\"quantity\": 1");
        QVERIFY(at != std::string::npos);
        text.replace(at, 13, "\"quantity\": 0");
        QVERIFY(save(path("bad.json"), text));
        auto before = BundleStore(*a).all();
        const ExchangeImportReport r = importExchangeFile(*a, path("bad.json"));
        QVERIFY(!r.ok);
        QVERIFY2(QString::fromStdString(r.error).contains(QRegularExpression(R"(bad\.json: bundles\[\d\]\.tiers\[\d\]\.items\[\d\]\.quantity: expected a whole number ≥ 1)")),
                 r.error.c_str());
        QCOMPARE(BundleStore(*a).all().size(), before.size());
    }

    void bundleCsvRoundTrip()
    {
        ExportOptions o;
        o.maps = false;
        const std::string csv = exportText(*a, ExportFormat::Csv, o);
        QVERIFY(csv.rfind("bundle,anchor,tier,tier_position,pricing,sku,quantity,optional,unit_price,discount_percent,tier_price\n", 0) == 0);
        QVERIFY(save(path("bundles.csv"), csv));
        auto b = demo("c.merchbench", true);
        const ExchangeImportReport r = importExchangeFile(*b, path("bundles.csv"));
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.bundlesAdded, 3);
        QCOMPARE(exportText(*b, ExportFormat::Csv, o), csv);
        QCOMPARE(exportText(*b, ExportFormat::Json, o), exportText(*a, ExportFormat::Json, o));
    }

    void formulasAreNeutralised_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("csv") << int(ExportFormat::Csv);
        QTest::newRow("woocommerce") << int(ExportFormat::WooCommerce);
        QTest::newRow("magento") << int(ExportFormat::Magento);
    }
    void formulasAreNeutralised()
    {
        QFETCH(int, format);
        auto ws = demo((std::string("f-") + QTest::currentDataTag() + ".merchbench").c_str(), true);
        QVERIFY(ws);
        std::string error;
        Bundle evil = *BundleStore(*a).byName("Espresso at home");
        evil.id = 0;
        evil.name = "=HYPERLINK(\"http://x\")";
        evil.tiers[0].name = "+1";
        QVERIFY2(BundleStore(*ws).add(evil, error), error.c_str());
        ExportOptions all;
        all.includeForeign = true;
        std::string created;
        std::string text = exportText(*ws, ExportFormat(format), all, &created);
        text += created;   // WooCommerce: the bundle is in the create-only file
        CsvReader reader(text, ',');
        CsvRecord rec;
        int seen = 0;
        while (reader.next(rec))
            for (std::string_view f : rec.fields) {
                QVERIFY2(f.empty() || (f[0] != '=' && f[0] != '+' && f[0] != '-' && f[0] != '@'), std::string(f).c_str());
                seen += f.rfind("'=HYPERLINK", 0) == 0 || f.find("'=HYPERLINK") != std::string_view::npos;
            }
        QVERIFY(seen > 0);   // the bundle's name, guarded, is in every one of these files
        if (format == int(ExportFormat::Csv)) {
            // The guard is stripped on the way back in.
            QVERIFY(save(path("evil.csv"), text));
            std::string error;
            QVERIFY(writeTransaction(*ws, error, [](sqlite3 *db, std::string &) { return execSql(db, "DELETE FROM bundles"); }));
            const ExchangeImportReport r = importExchangeFile(*ws, path("evil.csv"));
            QVERIFY2(r.ok, r.error.c_str());
            QVERIFY(BundleStore(*ws).byName("=HYPERLINK(\"http://x\")"));
            QCOMPARE(BundleStore(*ws).byName("=HYPERLINK(\"http://x\")")->tiers[0].name, std::string("+1"));
        }
    }

    void platformFilesReadBackToTheSameLinks_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("woocommerce") << "woocommerce";
        QTest::newRow("magento") << "magento";
        QTest::newRow("shopify") << "shopify";
    }
    void platformFilesReadBackToTheSameLinks()
    {
        QFETCH(QString, format);
        const std::string fmt = format.toStdString();
        ExportOptions o;
        o.bundles = false;
        // The demo store was imported from no platform file: its products are written on request (Shopify under
        // handles made from the SKUs, one product per SKU, read back keyed by those handles).
        o.includeForeign = true;
        std::string error;
        auto snap = Snapshot::load(*a, error);
        const ExportData data = collectExportData(*a, *snap, o);
        QVERIFY(data.links.size() > 100);
        std::vector<Link> expected;
        auto key = [&](const std::string &sku) { return fmt == "shopify" ? shopifyHandle(sku) : sku; };
        for (const ExportLink &l : data.links) expected.emplace_back(key(l.anchor), key(l.target), platformType(fmt, l.kind));
        QVERIFY(std::any_of(data.links.begin(), data.links.end(), [](const ExportLink &l) { return l.kind == RelationKind::Upgrade; }));

        const std::string text = writeExport(*exportFormatFromName(fmt), data, o);
        CatalogBatch batch;
        ParseOptions po;   // detect the format from the header, as an import would
        const ParseResult pr = parseCatalog(TextFile::fromBytes(text, fmt + ".csv"), po, batch);
        QVERIFY2(pr.status == ParseStatus::Ok, pr.error.c_str());
        QCOMPARE(batch.format, fmt);
        QVERIFY(batch.rejects.empty());
        // Same links, and within each anchor and type the same order (positions 1..n).
        std::map<std::pair<std::string, std::string>, std::vector<std::string>> want, got;
        for (const auto &[anchor, target, type] : expected) {
            auto &list = want[{anchor, type}];
            if (std::find(list.begin(), list.end(), target) == list.end()) list.push_back(target);
        }
        std::map<std::pair<std::string, std::string>, std::vector<std::pair<int, std::string>>> read;
        for (const RelationRecord &r : batch.relations) read[{r.anchorSku, r.platformType}].push_back({r.position, r.targetSku});
        for (auto &[key, list] : read) {
            std::sort(list.begin(), list.end());
            for (auto &p : list) got[key].push_back(p.second);
        }
        QCOMPARE(got.size(), want.size());
        QVERIFY(got == want);
    }

    void wooAndMagentoImportBackIntoMerchbench_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("woocommerce") << "woocommerce";
        QTest::newRow("magento") << "magento";
    }
    void wooAndMagentoImportBackIntoMerchbench()
    {
        // Into a workspace with the demo catalog but no map: the links come back as relations of source
        // "imported", upsells as upgrades and the rest as accessories.
        QFETCH(QString, format);
        ExportOptions o;
        o.bundles = false;
        o.includeForeign = true;   // the demo store was not imported from a platform
        std::string error;
        auto snap = Snapshot::load(*a, error);
        const ExportData data = collectExportData(*a, *snap, o);
        const std::string file = path(("maps-" + format.toStdString() + ".csv").c_str());
        QVERIFY(save(file, writeExport(*exportFormatFromName(format.toStdString()), data, o)));
        auto b = demo(("imp-" + format.toStdString() + ".merchbench").c_str(), true);
        QVERIFY(b);
        // Nor the demo catalog's own platform links (its printers' cross-sells would be adopted first).
        QVERIFY(writeTransaction(*b, error, [](sqlite3 *db, std::string &) { return execSql(db, "DELETE FROM imported_relations"); }));
        ImportRequest req;
        req.kind = ImportKind::Catalog;
        req.path = file;
        const ImportReport rep = runImport(*b, req);
        QVERIFY2(rep.status == ImportStatus::Ok, rep.error.c_str());
        QCOMPARE(rep.format, format.toStdString());
        std::set<Link> want, got;
        // Magento's crosssell (the cart) comes back as a necessity.
        const bool magento = format == "magento";
        for (const ExportLink &l : data.links)
            want.emplace(l.anchor, l.target, l.kind == RelationKind::Upgrade ? "upgrade"
                                             : magento && platformType("magento", l.kind) == "crosssell" ? "necessity"
                                                                                                          : "accessory");
        auto after = Snapshot::load(*b, error);
        for (const SnapshotRelation &r : after->relations) {
            QCOMPARE(r.source, RelationSource::Imported);
            got.emplace(after->products[size_t(r.anchor)].sku, after->products[size_t(r.target)].sku, kindName(r.kind));
        }
        QCOMPARE(got.size(), want.size());
        QVERIFY(got == want);
        QCOMPARE(after->products.size(), snap->products.size());   // no stray products
    }

    void platformBundleRows()
    {
        ExportOptions o;
        o.maps = false;
        // WooCommerce: published bundle products at the tier's price (Standard is the sum less 35 %), never 0,
        // with the item settings inside meta_data, where Product Bundles reads them.
        const std::string woo = wooCreated(*a, o);
        QVERIFY(woo.rfind("Type,SKU,Name,Published,Regular price,Bundled Items (JSON-encoded)\n", 0) == 0);
        std::string error;
        const auto snapshot = Snapshot::load(*a, error);
        const ExportData bundles = collectExportData(*a, *snapshot, o);
        double standard = NAN, sum = 0;
        for (const ExportBundle &b : bundles.bundles)
            for (const ExportTier &t : b.tiers)
                if (b.name == "Mirrorless starter kit" && t.name == "Standard") {
                    standard = t.price;
                    for (const ExportItem &i : t.items) sum += i.optional ? 0 : i.unitPrice * i.quantity;
                }
        QVERIFY(standard > 0);
        QCOMPARE(standard, std::round(sum * 65) / 100);
        QVERIFY(woo.find("bundle,BUNDLE-MIRRORLESS-STARTER-KIT-STANDARD,Mirrorless starter kit – Standard,1," + csvNumber(standard) + ",")
                != std::string::npos);
        QVERIFY(woo.find("\"\"meta_data\"\":{") != std::string::npos);
        QVERIFY(woo.find("\"\"quantity_default\"\":3") != std::string::npos);   // the Premium consumable pack
        QVERIFY(woo.find(",0,{") == std::string::npos);                              // no bundle at 0
        o.wooStyle = WooBundleStyle::Grouped;
        const std::string grouped = wooCreated(*a, o);
        QVERIFY(grouped.find("grouped,BUNDLE-ESPRESSO-AT-HOME-BASIC,Espresso at home – Basic,1,COF-MAC-510\n") != std::string::npos);
        // Magento: the bundles go in the create-only file (the demo's products came from no store: include them).
        ExportOptions mo = o;
        mo.includeForeign = true;
        std::string magento, snapError;
        const auto demoSnap = Snapshot::load(*a, snapError);
        writeExport(ExportFormat::Magento, collectExportData(*a, *demoSnap, mo), mo, nullptr, &magento);
        // Standard's 35% discount becomes a special price of 65% of the sum, on a dynamic bundle.
        QVERIFY(magento.find("BUNDLE-MIRRORLESS-STARTER-KIT-STANDARD,Default,bundle,base,Mirrorless starter kit – Standard,2,\"Catalog, Search\",,65.0000,dynamic,") != std::string::npos);
        QVERIFY(magento.find("sku=CAM-MIR-110,price=0.0000,default=1,default_qty=1.0000,price_type=fixed") != std::string::npos);
        std::vector<std::string> notes;
        const ExportOptions all;
        const auto snap = Snapshot::load(*a, error);
        writeExport(ExportFormat::Shopify, collectExportData(*a, *snap, all), all, &notes);
        // The demo store is no Shopify store: its products are left out (said), and Shopify's CSV holds no bundles.
        QCOMPARE(int(notes.size()), 2);
        QVERIFY(notes.front().find("products were not imported from Shopify and left out") != std::string::npos);
        QVERIFY(notes.back().find("3 bundles were not written") == 0);
    }
};

QTEST_GUILESS_MAIN(TestExportRoundTrip)
#include "tst_exportroundtrip.moc"

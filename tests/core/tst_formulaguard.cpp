// Spreadsheet-formula defence, both ways. Out: every CSV export writes a cell a spreadsheet would evaluate
// with a leading ' — = + - @ first, or after leading TAB, CR, LF, spaces or other control characters, which
// spreadsheets skip — and leaves numeric columns alone, so "-5" there stays the number -5. In: every
// catalog importer reads the value back without the guard (or a SKU like "-5" would not survive an export
// and re-import), trimming CR like TAB.
#include "kpifixture.h"
#include "spreadsheet.h"
#include "testsupport.h"

#include "core/io/csvreader.h"
#include "core/io/csvwriter.h"
#include "core/io/exports/bundlecsv.h"
#include "core/io/exports/platformexport.h"
#include "core/io/importparser.h"
#include "core/kpi/kpijson.h"
#include "core/kpi/kpireport.h"
#include "core/maps/relationcsv.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

using namespace mb;

namespace {

using mbtest::visible;

// One product titled with the payload, linked to a second one, and a bundle and tier named with it.
ExportData dataWith(const std::string &payload)
{
    ExportData d;
    auto product = [](const std::string &sku, const std::string &title, double price) {
        ExportProduct p;
        p.sku = sku;
        p.title = title;
        p.price = price;
        return p;
    };
    d.products = {product("P1", payload, 10), product("P2", "Strap", 2)};
    d.links = {{"P1", "P2", RelationKind::Accessory, {}}};
    ExportTier tier;
    tier.name = payload;
    tier.items = {{"P1", payload, 1, false, 10, ""}, {"P2", "Strap", 1, false, 2, ""}};
    d.bundles = {{payload, "P1", {tier}}};
    d.includeForeign = true;  // products made up here belong to no store; write them anyway
    return d;
}

}  // namespace

class TestFormulaGuard : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::unique_ptr<Workspace> ws_;   // the KPI fixture: relations and orders for the workspace-backed writers

    // Puts the hostile text into the workspace (one write, as every change is); the error, or empty.
    std::string update(const char *sql, const std::string &payload)
    {
        std::string error;
        writeTransaction(*ws_, error, [&](sqlite3 *db, std::string &) { return Statement(db, sql).bind(1, payload).exec(); });
        return error.empty() ? std::string() : "cannot store the payload: " + error;
    }

    std::string exportWith(const QString &writer, const std::string &payload)
    {
        if (writer == "bundles csv") return writeBundleCsv(dataWith(payload));
        // Both files a platform export writes: the links update and the create-only new products.
        auto both = [](const PlatformExport &e) { return e.links + e.created; };
        if (writer == "woocommerce") return both(writeWooCommerceCsv(dataWith(payload), WooBundleStyle::ProductBundles));
        if (writer == "woocommerce grouped") return both(writeWooCommerceCsv(dataWith(payload), WooBundleStyle::Grouped));
        if (writer == "magento") return both(writeMagentoCsv(dataWith(payload)));
        if (writer == "shopify") return both(writeShopifyCsv(dataWith(payload)));
        if (writer == "relations csv") {
            if (const std::string e = update("UPDATE relations SET pitch = ?1", payload); !e.empty()) return e;
            return exportRelationsCsv(*ws_);
        }
        if (writer == "kpi csv") {
            // The attach-pair rows are keyed "anchor SKU -> target".
            if (const std::string e = update("UPDATE products SET sku = ?1 WHERE id = (SELECT anchor_id FROM relations "
                                             "WHERE anchor_type = 'product' ORDER BY id LIMIT 1)", payload); !e.empty())
                return e;
            std::string error;
            const auto ctx = loadKpiContext(*ws_, error);
            return ctx ? kpiReportCsv(*ctx, *computeKpiReport(*ctx, KpiFilter{})) : error;
        }
        if (writer == "rejects csv") {
            const std::string path = dir_.filePath(QStringLiteral("rejects.csv")).toStdString();
            std::string error;
            if (!writeRejectReport(path, {{2, "title", payload, "expected a title"}}, error)) return error;
            return mbtest::readAll(QString::fromStdString(path)).toStdString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        ws_ = kpifixture::build(dir_);
        QVERIFY(ws_);
    }

    void cellsAreWrittenGuarded_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<bool>("numeric");
        QTest::addColumn<QString>("written");
        QTest::newRow("=") << "=SUM(A1)" << false << "'=SUM(A1)";
        QTest::newRow("+") << "+1" << false << "'+1";
        QTest::newRow("-") << "-1+1" << false << "'-1+1";
        QTest::newRow("@") << "@SUM(A1)" << false << "'@SUM(A1)";
        QTest::newRow("TAB =") << "\t=1+1" << false << "\"'\t=1+1\"";
        QTest::newRow("CR @") << "\r@SUM(A1)" << false << "\"'\r@SUM(A1)\"";
        QTest::newRow("LF +") << "\n+1" << false << "\"'\n+1\"";
        QTest::newRow("spaces -") << "  -1+1" << false << "'  -1+1";
        QTest::newRow("TAB CR =") << "\t\r=1+1" << false << "\"'\t\r=1+1\"";
        QTest::newRow("text -5 (a SKU)") << "-5" << false << "'-5";
        QTest::newRow("number -5") << "-5" << true << "-5";
        QTest::newRow("number 1e-05") << "1e-05" << true << "1e-05";
        QTest::newRow("= inside") << "a=b" << false << "a=b";
        QTest::newRow("TAB then text") << "\tx" << false << "\"\tx\"";
        QTest::newRow("empty") << "" << false << "";
    }
    void cellsAreWrittenGuarded()
    {
        QFETCH(QString, cell);
        QFETCH(bool, numeric);
        QFETCH(QString, written);
        std::string row;
        appendCsvRow(row, {"x", cell.toStdString()}, {false, numeric});
        QCOMPARE(QString::fromStdString(row), QStringLiteral("x,") + written + QLatin1Char('\n'));
    }

    void everyExportWriterGuardsFormulas_data()
    {
        QTest::addColumn<QString>("writer");
        QTest::addColumn<QByteArray>("payload");
        for (const char *writer : {"bundles csv", "woocommerce", "woocommerce grouped", "magento", "shopify", "relations csv",
                                   "kpi csv", "rejects csv"})
            for (const auto &[name, text] : mbtest::formulaTexts())
                QTest::addRow("%s, %s", writer, name) << QString::fromLatin1(writer) << QByteArray::fromStdString(text);
    }
    void everyExportWriterGuardsFormulas()
    {
        QFETCH(QString, writer);
        QFETCH(QByteArray, payload);
        const std::string text = exportWith(writer, payload.toStdString());
        QVERIFY2(text.find('\n') != std::string::npos, text.c_str());
        CsvReader reader(text, ',');
        CsvRecord rec;
        bool seen = false;
        while (reader.next(rec))
            for (std::string_view f : rec.fields) {
                QVERIFY2(!mbtest::spreadsheetEvaluates(f), qPrintable(QStringLiteral("live formula in a cell: ") + visible(f)));
                seen = seen || mbtest::guards(f, payload.toStdString());
            }
        QVERIFY2(seen, qPrintable(QStringLiteral("no guarded cell holds ") + visible(payload.toStdString()) + QStringLiteral(" in:\n") +
                                  visible(text)));
        if (writer == "bundles csv") {
            // The guard is stripped on the way back in, and nothing else is.
            std::vector<ExportBundle> back;
            std::string error;
            QVERIFY2(readBundleCsv(text, "bundles.csv", back, error), error.c_str());
            QCOMPARE(back.size(), size_t(1));
            QCOMPARE(QString::fromStdString(back[0].name), QString::fromLatin1(payload));
        }
    }

    void everyCatalogFormatStripsTheGuard_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QByteArray>("title");   // the title cell as an exporter (ours, WooCommerce's) wrote it
        const QList<QPair<const char *, QByteArray>> titles = {
            {"guarded", "'=SUM(A1)"}, {"TAB-led, guarded", "\"'\t=SUM(A1)\""}, {"CR-led, guarded", "\"'\r=SUM(A1)\""},
            {"CR-led", "\"\r=SUM(A1)\""}, {"LF-led, guarded", "\"'\n=SUM(A1)\""}};
        for (const auto &[name, title] : titles) {
            QTest::addRow("generic, %s", name) << "generic" << QByteArray("sku,title,price\n'-5,%T,3.50\n") << title;
            QTest::addRow("woocommerce, %s", name) << "woocommerce"
                                                   << QByteArray("ID,Type,SKU,Name,Regular price,In stock?\n1,simple,'-5,%T,3.50,1\n") << title;
            QTest::addRow("magento, %s", name) << "magento" << QByteArray("sku,product_type,name,price\n'-5,simple,%T,3.50\n") << title;
            QTest::addRow("shopify, %s", name) << "shopify"
                                               << QByteArray("Handle,Title,Variant SKU,Variant Price,Option1 Name,Option1 Value\n"
                                                             "minus-five,%T,'-5,3.50,Title,Default Title\n")
                                               << title;
        }
    }
    void everyCatalogFormatStripsTheGuard()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, csv);
        QFETCH(QByteArray, title);
        const TextFile file = TextFile::fromBytes(csv.replace("%T", title).toStdString(), "guard.csv");
        CatalogBatch batch;
        ParseOptions options;
        options.format = format.toStdString();
        const ParseResult r = parseCatalog(file, options, batch);
        QVERIFY2(r.status == ParseStatus::Ok, r.error.c_str());
        QCOMPARE(batch.rejects.size(), size_t(0));
        QCOMPARE(batch.products.size(), size_t(1));
        QCOMPARE(QString::fromStdString(batch.products[0].sku), QStringLiteral("-5"));
        QCOMPARE(visible(batch.products[0].title), QStringLiteral("=SUM(A1)"));
    }
};

QTEST_GUILESS_MAIN(TestFormulaGuard)
#include "tst_formulaguard.moc"

// The names and counts an export's summary gives: the new-products file beside the links file, and rows
// counted as a spreadsheet would show them (a quoted line break is not a new row, the header is not a row).
#include "core/bundles/exportfiles.h"

#include <QtTest>

using namespace mb;

class TestExportFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void newProductsFileSitsBesideTheLinksFile_data()
    {
        QTest::addColumn<QString>("links");
        QTest::addColumn<QString>("created");
        QTest::newRow("suffix") << "woo.csv" << "woo-new-products.csv";
        QTest::newRow("folder") << "/shop/exports/magento.csv" << "/shop/exports/magento-new-products.csv";
        QTest::newRow("no suffix") << "links" << "links-new-products";
        QTest::newRow("dot in the folder only") << "exports.d/links" << "exports.d/links-new-products";
        QTest::newRow("two dots") << "store.2026-12.csv" << "store.2026-12-new-products.csv";
        QTest::newRow("windows folder") << "C:\\shop.v2\\links" << "C:\\shop.v2\\links-new-products";
        QTest::newRow("dot file") << "/tmp/.csv" << "/tmp/.csv-new-products";
    }
    void newProductsFileSitsBesideTheLinksFile()
    {
        QFETCH(QString, links);
        QFETCH(QString, created);
        QCOMPARE(QString::fromStdString(createdFileName(links.toStdString())), created);
    }

    void rowsAreRecordsAfterTheHeader()
    {
        QCOMPARE(exportRowCount(ExportFormat::WooCommerce, ""), 0);
        QCOMPARE(exportRowCount(ExportFormat::WooCommerce, "SKU,Name\n"), 0);
        QCOMPARE(exportRowCount(ExportFormat::WooCommerce, "SKU,Name\r\nA,\"two\nlines\"\r\nB,b\r\n"), 2);
        QCOMPARE(exportRowCount(ExportFormat::Magento, "sku,name\nA,a"), 1);   // no final line break
        QCOMPARE(exportRowCount(ExportFormat::Json, R"({"maps":[{},{}],"bundles":[{}]})"), 3);
        QVERIFY(isPlatformFormat(ExportFormat::Shopify) && !isPlatformFormat(ExportFormat::Csv) && !isPlatformFormat(ExportFormat::Json));
    }
};

QTEST_GUILESS_MAIN(TestExportFiles)
#include "tst_exportfiles.moc"

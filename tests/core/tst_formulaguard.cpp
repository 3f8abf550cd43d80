// Spreadsheet-formula defence on the way in: every exporter (ours, WooCommerce's) writes '=..., '-..., '+...,
// '@... for cells starting with those characters; every catalog importer must read the value back without
// the guard, or a SKU like "-5" would not survive an export and re-import.
#include "core/io/importparser.h"

#include <QtTest>

using namespace mb;

class TestFormulaGuard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyCatalogFormatStripsTheGuard_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("csv");
        QTest::newRow("generic") << "generic" << QByteArray("sku,title,price\n'-5,'=SUM(A1),3.50\n");
        QTest::newRow("woocommerce") << "woocommerce"
                                     << QByteArray("ID,Type,SKU,Name,Regular price,In stock?\n1,simple,'-5,'=SUM(A1),3.50,1\n");
        QTest::newRow("magento") << "magento" << QByteArray("sku,product_type,name,price\n'-5,simple,'=SUM(A1),3.50\n");
        QTest::newRow("shopify") << "shopify"
                                 << QByteArray("Handle,Title,Variant SKU,Variant Price,Option1 Name,Option1 Value\n"
                                               "minus-five,'=SUM(A1),'-5,3.50,Title,Default Title\n");
    }
    void everyCatalogFormatStripsTheGuard()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, csv);
        const TextFile file = TextFile::fromBytes(csv.toStdString(), "guard.csv");
        CatalogBatch batch;
        ParseOptions options;
        options.format = format.toStdString();
        const ParseResult r = parseCatalog(file, options, batch);
        QVERIFY2(r.status == ParseStatus::Ok, r.error.c_str());
        QCOMPARE(batch.rejects.size(), size_t(0));
        QCOMPARE(batch.products.size(), size_t(1));
        QCOMPARE(QString::fromStdString(batch.products[0].sku), QStringLiteral("-5"));
        QCOMPARE(QString::fromStdString(batch.products[0].title), QStringLiteral("=SUM(A1)"));
    }
};

QTEST_GUILESS_MAIN(TestFormulaGuard)
#include "tst_formulaguard.moc"

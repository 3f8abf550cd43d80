// Shopify's leading apostrophe on numeric SKUs ('850003173764, its guard against spreadsheets) is read one way
// in the product CSV and in the orders export, so the orders find the catalog's variant instead of creating
// a second product.
#include "core/io/importparser.h"
#include "core/io/shopifysku.h"
#include "core/storage/importer.h"
#include "core/storage/workspace.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

class tst_ShopifySku : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rule_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("sku");
        QTest::newRow("numeric SKU as exported") << "'850003173764" << "850003173764";
        QTest::newRow("leading zeros kept") << "'0012345" << "0012345";
        QTest::newRow("already without") << "850003173764" << "850003173764";
        QTest::newRow("text SKU untouched") << "PeePad_XL" << "PeePad_XL";
        QTest::newRow("apostrophe inside untouched") << "Men's-Tee-M" << "Men's-Tee-M";
        QTest::newRow("a lone apostrophe is not a guard") << "'" << "'";
        QTest::newRow("two: only the exporter's would be one") << "''12" << "''12";
        QTest::newRow("empty") << "" << "";
    }

    void rule()
    {
        QFETCH(QString, cell);
        QFETCH(QString, sku);
        const std::string in = cell.toStdString();
        QCOMPARE(QString::fromStdString(std::string(shopifySku(in))), sku);
    }

    void catalogAndOrdersMakeOneProduct()
    {
        const std::string products = "Handle,Title,Variant SKU,Variant Price,Status\n"
                                     "pawramp,PawRamp,'850003173764,149.00,active\n"
                                     "pads,Pee Pads,PeePad_XL,24.75,active\n";
        const std::string orders = "Name,Email,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku\n"
                                   "#1,a@x.com,1,PawRamp,149.00,850003173764\n"
                                   "#1,,2,Pee Pads,24.75,PeePad_XL\n"
                                   "#2,b@x.com,1,PawRamp,149.00,'850003173764\n";
        CatalogBatch c;
        QCOMPARE(parseCatalog(TextFile::fromBytes(products, "products_export.csv"), {}, c).status, ParseStatus::Ok);
        QCOMPARE(QString::fromStdString(c.format), QStringLiteral("shopify"));
        QCOMPARE(QString::fromStdString(c.products[0].sku), QStringLiteral("850003173764"));

        QTemporaryDir dir;
        std::string error;
        auto ws = Workspace::create(dir.filePath("w.merchbench").toStdString(), error);
        QVERIFY2(ws, error.c_str());
        QFile pf(dir.filePath("products_export.csv")), of(dir.filePath("orders_export.csv"));
        QVERIFY(pf.open(QIODevice::WriteOnly) && pf.write(products.c_str()) > 0);
        QVERIFY(of.open(QIODevice::WriteOnly) && of.write(orders.c_str()) > 0);
        pf.close();
        of.close();
        ImportRequest req;
        req.kind = ImportKind::Catalog;
        req.path = pf.fileName().toStdString();
        QCOMPARE(runImport(*ws, req).status, ImportStatus::Ok);
        req.kind = ImportKind::Orders;
        req.path = of.fileName().toStdString();
        const ImportReport r = runImport(*ws, req);
        QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
        QCOMPARE(ws->counts().products, int64_t(2));  // the catalog's two; the orders add none
        QCOMPARE(ws->counts().orderLines, int64_t(3));
    }
};

QTEST_GUILESS_MAIN(tst_ShopifySku)
#include "tst_shopifysku.moc"

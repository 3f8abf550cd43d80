// The real exports in ../shared/datasets, imported end to end (file -> parser -> workspace -> snapshot),
// checked against the counts their READMEs and FORMATS.md give. Skips when the data sets are absent.
#include "testsupport.h"
#include "workspacequery.h"

#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

namespace {

using mbtest::scalar;

ImportReport import(Workspace &ws, ImportKind kind, const QString &path) { return mbtest::importFile(ws, kind, path); }

}  // namespace

class TestImportRealData : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    std::unique_ptr<Workspace> fresh(const char *name) { return mbtest::freshWorkspace(dir_, name); }

private Q_SLOTS:
    void onlineRetail()
    {
        MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
        auto ws = fresh("retail.merchbench");
        const ImportReport r = import(*ws, ImportKind::Orders, csv);
        QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
        QCOMPARE(r.format, std::string("lines"));
        QCOMPARE(r.rejected, int64_t(0));
        QCOMPARE(r.duplicateRows, int64_t(5268));   // kept, and counted
        const WorkspaceCounts c = ws->counts();
        QCOMPARE(c.orders, int64_t(25900));
        QCOMPARE(c.orderLines, int64_t(541909));     // nothing dropped
        QCOMPARE(c.baskets, int64_t(20728));
        QCOMPARE(c.basketItems, int64_t(3941));
        QCOMPARE(c.customers, int64_t(4372));
        QCOMPARE(c.products, int64_t(4070));         // every StockCode, case kept (85123A and 85123a)
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status = 'cancelled'"),
                 int64_t(9288));
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM orders WHERE status = 'cancelled'"), int64_t(3836));
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM products WHERE origin = 'orders'"), int64_t(4070));
        // A product known only from orders is titled from its description and priced from the last sale.
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM products WHERE sku = '22916' AND title LIKE 'HERB MARKER THYME%'"), int64_t(1));

        std::string error;
        auto snap = Snapshot::load(*ws, error);
        QVERIFY2(snap, error.c_str());
        QCOMPARE(snap->basketCount(), size_t(20728));
        QCOMPARE(snap->lines.size(), size_t(541909));
        // Re-importing the same file changes no counts, and says every order is unchanged.
        const ImportReport again = import(*ws, ImportKind::Orders, csv);
        QVERIFY2(again.status == ImportStatus::Ok, again.error.c_str());
        QCOMPARE(again.ordersAdded, int64_t(0));
        QCOMPARE(again.ordersUpdated, int64_t(0));
        QCOMPARE(again.ordersUnchanged, int64_t(25900));
        QCOMPARE(again.linesWritten, int64_t(0));
        const WorkspaceCounts c2 = ws->counts();
        QCOMPARE(c2.orders, c.orders);
        QCOMPARE(c2.orderLines, c.orderLines);
        QCOMPARE(c2.products, c.products);
        QCOMPARE(c2.customers, c.customers);
        QVERIFY(ws->integrityOk());
    }

    void groceries()
    {
        MB_REQUIRE_DATASET(csv, "groceries/groceries.csv");
        auto ws = fresh("groceries.merchbench");
        const ImportReport r = import(*ws, ImportKind::Orders, csv);
        QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
        QCOMPARE(r.format, std::string("baskets"));
        const WorkspaceCounts c = ws->counts();
        QCOMPARE(c.baskets, int64_t(9835));
        QCOMPARE(c.basketItems, int64_t(169));
        QCOMPARE(c.orderLines, int64_t(43367));
    }

    void shopifyStore()
    {
        MB_REQUIRE_DATASET(products, "shopify_store_export/products_export.csv");
        MB_REQUIRE_DATASET(orders, "shopify_store_export/orders_export_redacted.csv");
        auto ws = fresh("shopify.merchbench");
        const ImportReport p = import(*ws, ImportKind::Catalog, products);
        QVERIFY2(p.status == ImportStatus::Ok, p.error.c_str());
        QCOMPARE(p.format, std::string("shopify"));
        QCOMPARE(p.rejected, int64_t(0));
        QCOMPARE(scalar(*ws, "SELECT count(DISTINCT family) FROM products"), int64_t(514));  // one per Handle
        // 2,289 rows carry a Variant SKU (2,152 distinct: 137 repeats) and 501 variants carry none; every
        // one of the 2,790 variants becomes a product, the SKU-less and shared ones keyed by handle+options.
        QCOMPARE(ws->counts().products, int64_t(2790));
        const ImportReport o = import(*ws, ImportKind::Orders, orders);
        QVERIFY2(o.status == ImportStatus::Ok, o.error.c_str());
        QCOMPARE(o.format, std::string("shopify"));
        const WorkspaceCounts c = ws->counts();
        QCOMPARE(c.orders, int64_t(3885));
        QCOMPARE(c.orderLines, int64_t(5121));
        // The 209 line items without a SKU are keyed by their name, never dropped.
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM order_lines l JOIN products p ON p.id = l.product_id WHERE p.sku = 'Tip'"),
                 int64_t(208));
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM orders WHERE status = 'cancelled'"), int64_t(35));
        // The SKU apostrophe ('850003173764 in the catalog, 850003173764 in the orders) makes no second product:
        // the orders add Tip, Duplicate Shipment, 40BT-GREY-000L and 40BT-BEIG-000L only.
        QCOMPARE(c.products, int64_t(2794));
        // Tags and source are kept per order; discounts and refunds per line.
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM orders WHERE tags LIKE '%Subscription Recurring Order%'"), int64_t(719));
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM orders WHERE source = 'subscription_contract'"), int64_t(658));
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM order_lines WHERE discount > 0"), int64_t(3874));  // 3,144 with a Lineitem discount + those given a share of an order-level discount
        // 161 orders have a Refunded Amount; one of them has no merchandise left to refund (Subtotal 0).
        QCOMPARE(scalar(*ws, "SELECT count(DISTINCT order_id) FROM order_lines WHERE refund > 0"), int64_t(160));
        // Both files again: every product and order unchanged (discounts and refunds spread alike).
        const ImportReport p2 = import(*ws, ImportKind::Catalog, products);
        QCOMPARE(p2.productsUpdated, int64_t(0));
        QCOMPARE(p2.productsUnchanged, int64_t(2790));
        const ImportReport o2 = import(*ws, ImportKind::Orders, orders);
        QCOMPARE(o2.ordersUpdated, int64_t(0));
        QCOMPARE(o2.ordersUnchanged, int64_t(3885));
    }

    void wooCommerceSample()
    {
        MB_REQUIRE_DATASET(csv, "woocommerce_sample_products/sample_products.csv");
        auto ws = fresh("woo.merchbench");
        const ImportReport r = import(*ws, ImportKind::Catalog, csv);
        QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
        QCOMPARE(r.format, std::string("woocommerce"));
        QCOMPARE(r.encoding, std::string("UTF-8 with BOM"));
        QCOMPARE(ws->counts().products, int64_t(25));
        // The 7 variations point at their parent's SKU as family.
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM products WHERE family IN ('woo-vneck-tee', 'woo-hoodie') "
                             "AND sku NOT IN ('woo-vneck-tee', 'woo-hoodie')"),
                 int64_t(7));
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM imported_relations WHERE anchor_sku = 'logo-collection' AND platform_type = 'grouped'"),
                 int64_t(3));
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM categories WHERE path = 'Clothing > Hoodies'"), int64_t(1));
    }
};

QTEST_GUILESS_MAIN(TestImportRealData)
#include "tst_importrealdata.moc"

// Importing a file again: an order or product the file repeats exactly is counted "unchanged" and left as it
// was (not rewritten); only what the file really changes is counted "updated". Also for workspaces written
// before orders kept a fingerprint.
#include "testsupport.h"
#include "workspacequery.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

namespace {

using mbtest::scalar;

// Every order line's id and the import that wrote each order: equal before and after means nothing was rewritten.
QByteArray storedRows(const Workspace &ws)
{
    QByteArray out;
    Statement s(ws.db(), "SELECT l.id, l.order_id, o.import_id, l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id "
                         "ORDER BY l.id");
    while (s.step()) out += QByteArray::number(s.int64(0)) + ' ' + QByteArray::number(s.int64(1)) + ' ' +
                            QByteArray::number(s.int64(2)) + ' ' + QByteArray::number(s.real(3)) + '\n';
    return out;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) return {};
    return path;
}

ImportReport importOrders(Workspace &ws, const QString &path) { return mbtest::importFile(ws, ImportKind::Orders, path); }

// A change made behind the app's back (the workspace takes writes only inside a transaction).
bool rewrite(Workspace &ws, const char *sql)
{
    std::string error;
    const bool ok = writeTransaction(ws, error, [&](sqlite3 *db, std::string &e) { return execSql(db, sql, &e); });
    if (!ok) qWarning("%s: %s", sql, error.c_str());
    return ok;
}

}  // namespace

class TestReimportCounts : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    int counter_ = 0;

    std::unique_ptr<Workspace> fresh()
    {
        return mbtest::freshWorkspace(dir_, qPrintable(QStringLiteral("w%1.merchbench").arg(++counter_)));
    }

private Q_SLOTS:
    void sameOrdersFileAgainIsAllUnchanged_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("orders");
        QTest::newRow("Online Retail style, cancellations and a duplicate row") << "orders/lines_comma.csv" << 6;
        QTest::newRow("Shopify, line and order discounts, a refund") << "orders/shopify_discounts.csv" << 3;
        QTest::newRow("Shopify, statuses and tips") << "orders/shopify_orders.csv" << -1;
        QTest::newRow("basket file") << "orders/baskets.csv" << -1;
        QTest::newRow("semicolon, decimal comma") << "orders/lines_semicolon.csv" << 2;
    }

    void sameOrdersFileAgainIsAllUnchanged()
    {
        QFETCH(QString, file);
        QFETCH(int, orders);
        auto ws = fresh();
        const ImportReport first = importOrders(*ws, mbtest::fixture(file));
        QVERIFY2(first.status == ImportStatus::Ok, first.error.c_str());
        if (orders >= 0) QCOMPARE(first.ordersAdded, int64_t(orders));
        QVERIFY(first.ordersAdded > 0);
        const QByteArray rows = storedRows(*ws);
        const int64_t history = ws->historyVersion();
        const int64_t productsEdited = scalar(*ws, "SELECT max(updated_at) FROM products");

        const ImportReport again = importOrders(*ws, mbtest::fixture(file));
        QVERIFY2(again.status == ImportStatus::Ok, again.error.c_str());
        QCOMPARE(again.ordersAdded, int64_t(0));
        QCOMPARE(again.ordersUpdated, int64_t(0));
        QCOMPARE(again.ordersUnchanged, first.ordersAdded);
        QCOMPARE(again.linesWritten, int64_t(0));
        QCOMPARE(again.productsAdded, int64_t(0));
        // Left alone: the same line rows, still of the first import; the history (and so the mined results)
        // still current; the products it repeats not touched either.
        QCOMPARE(storedRows(*ws), rows);
        QCOMPARE(ws->historyVersion(), history);
        QCOMPARE(scalar(*ws, "SELECT max(updated_at) FROM products"), productsEdited);
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM orders WHERE fingerprint IS NULL"), int64_t(0));
    }

    void oneChangedQuantityIsOneUpdatedOrder()
    {
        auto ws = fresh();
        QByteArray text = mbtest::readAll(mbtest::fixture("orders/lines_comma.csv"));
        QVERIFY(!text.isEmpty());
        const QString path = writeFile(dir_, "orders.csv", text);
        QCOMPARE(importOrders(*ws, path).ordersAdded, int64_t(6));
        const int64_t history = ws->historyVersion();

        // Order 536366 has one line; its quantity goes from 6 to 7.
        const QByteArray before = "536366,22633,\"HAND WARMER, UNION JACK\",6,";
        QVERIFY(text.contains(before));
        text.replace(before, "536366,22633,\"HAND WARMER, UNION JACK\",7,");
        QVERIFY(!writeFile(dir_, "orders.csv", text).isEmpty());
        const ImportReport r = importOrders(*ws, path);
        QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
        QCOMPARE(r.ordersAdded, int64_t(0));
        QCOMPARE(r.ordersUpdated, int64_t(1));
        QCOMPARE(r.ordersUnchanged, int64_t(5));
        QCOMPARE(r.linesWritten, int64_t(1));
        QCOMPARE(scalar(*ws, "SELECT l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.external_id = '536366'"),
                 int64_t(7));
        QCOMPARE(ws->counts().orderLines, int64_t(9));
        QCOMPARE(ws->historyVersion(), history + 1);
    }

    void aLaterExportWithShiftedLinesAddsOnlyTheNewOrder()
    {
        auto ws = fresh();
        QByteArray text = mbtest::readAll(mbtest::fixture("orders/lines_comma.csv"));
        QCOMPARE(importOrders(*ws, mbtest::fixture("orders/lines_comma.csv")).ordersAdded, int64_t(6));
        const QByteArray rows = storedRows(*ws);
        // A new order right after the header: every other order now sits one line lower in the file.
        const int header = text.indexOf('\n') + 1;
        text.insert(header, "536400,22139,RETROSPOT TEA SET CERAMIC 11 PC,1,2010-12-02 09:00:00,4.95,17850,United Kingdom\n");
        const ImportReport r = importOrders(*ws, writeFile(dir_, "later.csv", text));
        QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
        QCOMPARE(r.ordersAdded, int64_t(1));
        QCOMPARE(r.ordersUpdated, int64_t(0));
        QCOMPARE(r.ordersUnchanged, int64_t(6));
        QCOMPARE(r.linesWritten, int64_t(1));
        QVERIFY(storedRows(*ws).startsWith(rows));  // the old rows as they were, the new line after them
    }

    // A workspace written before orders had a fingerprint (schema 5) opens with none stored: the next import
    // computes them from the stored rows and still tells unchanged orders from changed ones.
    void ordersWithoutAStoredFingerprint()
    {
        auto ws = fresh();
        QByteArray text = mbtest::readAll(mbtest::fixture("orders/lines_comma.csv"));
        const QString path = writeFile(dir_, "old.csv", text);
        QCOMPARE(importOrders(*ws, path).ordersAdded, int64_t(6));
        QVERIFY(rewrite(*ws, "UPDATE orders SET fingerprint = NULL"));
        const QByteArray rows = storedRows(*ws);

        const ImportReport same = importOrders(*ws, path);
        QVERIFY2(same.status == ImportStatus::Ok, same.error.c_str());
        QCOMPARE(same.ordersUnchanged, int64_t(6));
        QCOMPARE(same.ordersUpdated, int64_t(0));
        QCOMPARE(storedRows(*ws), rows);
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM orders WHERE fingerprint IS NULL"), int64_t(0));

        QVERIFY(rewrite(*ws, "UPDATE orders SET fingerprint = NULL"));
        text.replace("C536379,D,Discount,-1,", "C536379,D,Discount,-3,");
        QVERIFY(!writeFile(dir_, "old.csv", text).isEmpty());
        const ImportReport changed = importOrders(*ws, path);
        QCOMPARE(changed.ordersUpdated, int64_t(1));
        QCOMPARE(changed.ordersUnchanged, int64_t(5));
    }

    void sameCatalogAgainIsAllUnchanged_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("generic") << "catalog/generic_comma.csv";
        QTest::newRow("Shopify variants") << "catalog/shopify_variants.csv";
        QTest::newRow("WooCommerce, statuses and sale prices") << "catalog/woocommerce_status.csv";
        QTest::newRow("Magento") << "catalog/magento_export.csv";
    }

    void sameCatalogAgainIsAllUnchanged()
    {
        QFETCH(QString, file);
        auto ws = fresh();
        const ImportReport first = mbtest::importFile(*ws, ImportKind::Catalog, mbtest::fixture(file));
        QVERIFY2(first.status == ImportStatus::Ok, first.error.c_str());
        QVERIFY(first.productsAdded > 0);
        // updated_at counts seconds: set it back so that a rewrite within the same second still shows.
        QVERIFY(rewrite(*ws, "UPDATE products SET updated_at = 0"));
        const ImportReport again = mbtest::importFile(*ws, ImportKind::Catalog, mbtest::fixture(file));
        QVERIFY2(again.status == ImportStatus::Ok, again.error.c_str());
        QCOMPARE(again.productsAdded, int64_t(0));
        QCOMPARE(again.productsUpdated, int64_t(0));
        QCOMPARE(again.productsUnchanged, first.productsAdded);
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM products WHERE updated_at <> 0"), int64_t(0));
    }

    void oneChangedPriceIsOneUpdatedProduct()
    {
        auto ws = fresh();
        QByteArray text = mbtest::readAll(mbtest::fixture("catalog/generic_comma.csv"));
        const QString path = writeFile(dir_, "catalog.csv", text);
        const ImportReport first = mbtest::importFile(*ws, ImportKind::Catalog, path);
        QVERIFY2(first.status == ImportStatus::Ok, first.error.c_str());
        QVERIFY(rewrite(*ws, "UPDATE products SET updated_at = 0"));
        Statement sku(ws->db(), "SELECT sku, price FROM products WHERE price IS NOT NULL ORDER BY id LIMIT 1");
        QVERIFY(sku.step());
        const QByteArray changedSku = QByteArray::fromStdString(sku.text(0));
        const QByteArray oldPrice = QByteArray::number(sku.real(1));
        sku.reset();
        // The product's row with its price raised by one.
        QList<QByteArray> lines = text.split('\n');
        int edited = 0;
        for (QByteArray &l : lines)
            if (l.startsWith(changedSku + ',') && l.contains(oldPrice)) {
                l.replace(oldPrice, QByteArray::number(oldPrice.toDouble() + 1));
                ++edited;
            }
        QCOMPARE(edited, 1);
        QVERIFY(!writeFile(dir_, "catalog.csv", lines.join('\n')).isEmpty());
        const ImportReport r = mbtest::importFile(*ws, ImportKind::Catalog, path);
        QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
        QCOMPARE(r.productsUpdated, int64_t(1));
        QCOMPARE(r.productsUnchanged, first.productsAdded - 1);
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM products WHERE updated_at <> 0"), int64_t(1));
    }
};

QTEST_GUILESS_MAIN(TestReimportCounts)
#include "tst_reimportcounts.moc"

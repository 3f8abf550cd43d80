// The bulk paths of the order import (issue #15): into an empty workspace the index on order_lines is
// dropped and rebuilt inside the import's transaction, lines are written 64 to a statement with stated
// rowids, and order-only products are settled from the lines as they are written plus the lines stored
// before. Each must leave exactly what the row-by-row import left: the same indexes (also after a cancel
// or a failure), and the titles and prices a full recount of every stored line gives.
#include "testsupport.h"
#include "workspacequery.h"

#include "core/storage/transaction.h"
#include "core/storage/typicalproduct.h"

#include <QTemporaryDir>
#include <QtTest>

#include <string>
#include <vector>

using namespace mb;

namespace {

using mbtest::scalar;

const char *kHeader = "order_id,sku,description,quantity,unit_price,ordered_at,customer_id\n";

bool writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// `orders` orders of ten lines from order number `first` on, over 300 SKUs; every seventh line calls its SKU
// by another name and prices vary, so titles and medians depend on every line.
QByteArray ordersText(int first, int orders)
{
    QByteArray t;
    for (int o = first; o < first + orders; ++o)
        for (int k = 0; k < 10; ++k) {
            const int i = o * 10 + k;
            const QByteArray sku = "S" + QByteArray::number(i % 300);
            t += "ORD-" + QByteArray::number(o) + ',' + sku + ',' + (i % 7 == 0 ? "OTHER NAME " : "NAME ") + sku + ','
                 + QByteArray::number(1 + i % 3) + ',' + QByteArray::number(1.0 + (i % 13) * 0.25, 'f', 2)
                 + ",2024-05-" + QByteArray::number(1 + o % 28) + " 10:00:00,C" + QByteArray::number(o % 400) + '\n';
        }
    return t;
}

// Every stored product's id, title and price, one per line.
std::string productRows(const Workspace &ws)
{
    std::string out;
    Statement s(ws.db(), "SELECT id, title, quote(price) FROM products ORDER BY id");
    while (s.step()) out += std::to_string(s.int64(0)) + '|' + std::string(s.textView(1)) + '|' + std::string(s.textView(2)) + '\n';
    return out;
}

std::vector<std::string> orderLineIndexes(const Workspace &ws)
{
    std::vector<std::string> out;
    Statement s(ws.db(), "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'order_lines' AND sql IS NOT NULL ORDER BY name");
    while (s.step()) out.emplace_back(s.textView(0));
    return out;
}

// What the order-only products' titles and prices are when every stored line is read again.
std::string recountedProductRows(Workspace &ws)
{
    std::vector<int64_t> ids;
    {
        Statement s(ws.db(), "SELECT id FROM products");
        while (s.step()) ids.push_back(s.int64(0));
    }
    std::string error;
    const bool ok = writeTransaction(ws, error, [&](sqlite3 *db, std::string &err) {
        return settleOrderOnlyProducts(db, ids, 1, err);
    });
    if (!ok) qFatal("%s", error.c_str());
    return productRows(ws);
}

}  // namespace

class TestImportBulk : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void bulkImportRebuildsTheSameIndexes()
    {
        auto ws = mbtest::freshWorkspace(dir_, "bulk.merchbench");
        const std::vector<std::string> fresh = orderLineIndexes(*ws);
        QVERIFY(!fresh.empty());
        const QString path = dir_.filePath("bulk.csv");
        QVERIFY(writeText(path, kHeader + ordersText(1, 3000)));  // 30,000 lines: the bulk path
        const ImportReport r = mbtest::importFile(*ws, ImportKind::Orders, path);
        QCOMPARE(r.status, ImportStatus::Ok);
        QCOMPARE(r.linesWritten, int64_t(30000));
        QCOMPARE(orderLineIndexes(*ws), fresh);
        // Rowids as SQLite gives them: 1..n in file order.
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM order_lines"), int64_t(30000));
        QCOMPARE(scalar(*ws, "SELECT max(id) FROM order_lines"), int64_t(30000));
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM order_lines WHERE source_line != id + 1"), int64_t(0));
        QVERIFY(ws->integrityOk());
        // The index is there and used.
        Statement plan(ws->db(), "EXPLAIN QUERY PLAN SELECT * FROM order_lines WHERE order_id = 7");
        QVERIFY(plan.step());
        QVERIFY2(std::string(plan.textView(3)).find("order_lines_by_order") != std::string::npos, plan.textView(3).data());
    }

    void cancelWhileWritingLinesKeepsTheIndexes()
    {
        auto ws = mbtest::freshWorkspace(dir_, "cancel.merchbench");
        const std::vector<std::string> fresh = orderLineIndexes(*ws);
        const QString path = dir_.filePath("cancel.csv");
        QVERIFY(writeText(path, kHeader + ordersText(1, 4000)));
        ImportRequest req;
        req.kind = ImportKind::Orders;
        req.path = path.toStdString();
        double reached = 0;
        // Past 0.5 is the write; the lines report from there on, after the index was dropped.
        req.progress = [&](double f) {
            reached = std::max(reached, f);
            return f < 0.7;
        };
        const ImportReport r = runImport(*ws, req);
        QCOMPARE(r.status, ImportStatus::Cancelled);
        QVERIFY2(reached >= 0.7, qPrintable(QString::number(reached)));
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM order_lines"), int64_t(0));
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM orders"), int64_t(0));
        QCOMPARE(orderLineIndexes(*ws), fresh);
        QVERIFY(ws->integrityOk());
    }

    void titlesAndPricesAreThoseOfAllStoredLines()
    {
        auto ws = mbtest::freshWorkspace(dir_, "titles.merchbench");
        // X: "BETA LAMP" on four lines, "ALPHA LAMP" on three of the file's last order. The second file
        // changes that order (quantities), so its lines are deleted and written again with the highest
        // rowids: counted twice, ALPHA would win.
        QByteArray first = kHeader + ordersText(1, 2500);
        first += "ORD-X1,X,BETA LAMP,1,4.00,2024-04-01 09:00:00,C1\n"
                 "ORD-X1,X,BETA LAMP,2,4.00,2024-04-01 09:00:00,C1\n"
                 "ORD-X2,X,BETA LAMP,1,5.00,2024-04-02 09:00:00,C2\n"
                 "ORD-X2,X,BETA LAMP,3,5.00,2024-04-02 09:00:00,C2\n";
        const QByteArray last = "ORD-LAST,X,ALPHA LAMP,1,9.00,2024-06-01 09:00:00,C3\n"
                                "ORD-LAST,X,ALPHA LAMP,2,9.00,2024-06-01 09:00:00,C3\n"
                                "ORD-LAST,X,ALPHA LAMP,3,9.00,2024-06-01 09:00:00,C3\n";
        const QString a = dir_.filePath("a.csv");
        QVERIFY(writeText(a, first + last));
        QCOMPARE(mbtest::importFile(*ws, ImportKind::Orders, a).status, ImportStatus::Ok);
        std::string afterImport = productRows(*ws);
        QCOMPARE(recountedProductRows(*ws), afterImport);

        // The second file: new orders over the same SKUs (not the bulk path: lines are stored) and the
        // changed last order.
        QByteArray changed = last;
        changed.replace(",1,9.00", ",4,9.00");
        const QString b = dir_.filePath("b.csv");
        QVERIFY(writeText(b, kHeader + ordersText(5000, 2500) + changed));
        const ImportReport r = mbtest::importFile(*ws, ImportKind::Orders, b);
        QCOMPARE(r.status, ImportStatus::Ok);
        QCOMPARE(r.ordersUpdated, int64_t(1));
        afterImport = productRows(*ws);
        QCOMPARE(recountedProductRows(*ws), afterImport);
        Statement x(ws->db(), "SELECT title, price FROM products WHERE sku = 'X'");
        QVERIFY(x.step());
        QCOMPARE(std::string(x.textView(0)), std::string("BETA LAMP"));
        QCOMPARE(x.real(1), 5.0);  // median of 4, 4, 5, 5, 9, 9, 9: the fourth
        QVERIFY(ws->integrityOk());
    }
};

QTEST_GUILESS_MAIN(TestImportBulk)
#include "tst_importbulk.moc"

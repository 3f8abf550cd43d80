// Cancel during an import: the parse checks the cancel flag as it reads, so a cancel stops it where it is
// (not after the whole file), and a cancelled import leaves the workspace exactly as it was. An order import
// parses on a second thread while it writes (issue #15), so its progress is the share of the file parsed and
// the parse runs at most a few chunks ahead of the write when the cancel is heard.
#include "testsupport.h"
#include "workspacequery.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace mb;

namespace {

using mbtest::scalar;

// What "nothing was written" compares: every count a user sees, the import log and the history version.
struct WorkspaceState {
    int64_t products, orders, lines, customers, imports, history;
    bool operator==(const WorkspaceState &o) const
    {
        return products == o.products && orders == o.orders && lines == o.lines && customers == o.customers
               && imports == o.imports && history == o.history;
    }
};

WorkspaceState stateOf(const Workspace &ws)
{
    const WorkspaceCounts c = ws.counts();
    return {c.products, c.orders, c.orderLines, c.customers, scalar(ws, "SELECT count(*) FROM imports"), ws.historyVersion()};
}

// A `lines` order file of `rows` rows, three lines per order.
QString bigOrdersFile(const QTemporaryDir &dir, int rows)
{
    const QString path = dir.filePath(QStringLiteral("big-%1.csv").arg(rows));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    QByteArray text = "order_id,sku,quantity,unit_price,ordered_at,customer_id\n";
    for (int i = 0; i < rows; ++i)
        text += QByteArray::number(100000 + i / 3) + ",SKU-" + QByteArray::number(i % 97) + ",1,2.50,2024-05-01 10:00:00,C"
                + QByteArray::number(i % 500) + '\n';
    f.write(text);
    return path;
}

// Runs the import, cancelling at the first progress call at or past `cancelAt` (0..1, the share of the file
// parsed). Returns the report; `reached` is the last fraction the import reported, `afterCancel` the
// time from the cancelling call to the import's return.
ImportReport importCancelling(Workspace &ws, const QString &path, double cancelAt, double &reached, qint64 &afterCancel)
{
    QElapsedTimer sinceCancel;
    bool cancelled = false;
    reached = 0;
    ImportRequest req;
    req.kind = ImportKind::Orders;
    req.path = path.toStdString();
    req.progress = [&](double f) {
        reached = std::max(reached, f);
        if (!cancelled && f >= cancelAt) {
            cancelled = true;
            sinceCancel.start();
        }
        return !cancelled;
    };
    const ImportReport r = runImport(ws, req);
    afterCancel = cancelled ? sinceCancel.elapsed() : -1;
    return r;
}

}  // namespace

class TestImportCancel : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void cancelStopsTheParseWhereItIs_data()
    {
        QTest::addColumn<double>("cancelAt");
        QTest::addColumn<double>("readAtLeast");  // share of the rows read before the cancel took
        QTest::addColumn<double>("readAtMost");
        // 600,000 rows are ten chunks of 65,536: the parse may be three chunks (one written, one waiting, one
        // parsed: 0.33) and the relayed progress a few more ahead of the tick.
        QTest::newRow("at the first tick") << 0.0 << 0.0 << 0.6;
        QTest::newRow("half-way through the parse") << 0.5 << 0.45 << 0.95;
    }

    void cancelStopsTheParseWhereItIs()
    {
        QFETCH(double, cancelAt);
        QFETCH(double, readAtLeast);
        QFETCH(double, readAtMost);
        const int rows = 600000;
        const QString path = bigOrdersFile(dir_, rows);
        QVERIFY(!path.isEmpty());
        auto ws = mbtest::freshWorkspace(dir_, qPrintable(QStringLiteral("c%1.merchbench").arg(cancelAt)));
        // Something to keep: the workspace holds orders before the cancelled import.
        QCOMPARE(mbtest::importFile(*ws, ImportKind::Orders, mbtest::fixture("orders/lines_comma.csv")).status, ImportStatus::Ok);
        const WorkspaceState before = stateOf(*ws);

        double reached = 0;
        qint64 afterCancel = -1;
        const ImportReport r = importCancelling(*ws, path, cancelAt, reached, afterCancel);
        QCOMPARE(r.status, ImportStatus::Cancelled);
        // Stopped in the parse, near the tick that asked, not at its end.
        QVERIFY2(reached < 1.0, qPrintable(QString::number(reached)));
        QVERIFY2(r.rowsRead >= int64_t(readAtLeast * rows) && r.rowsRead <= int64_t(readAtMost * rows),
                 qPrintable(QStringLiteral("%1 of %2 rows read").arg(r.rowsRead).arg(rows)));
        QVERIFY2(afterCancel < 500 * mbtest::timeBudgetFactor, qPrintable(QStringLiteral("%1 ms after the cancel").arg(afterCancel)));
        QCOMPARE(r.imported, int64_t(0));
        QCOMPARE(r.ordersAdded, int64_t(0));
        QVERIFY(stateOf(*ws) == before);
        QVERIFY(ws->integrityOk());
    }

    void cancellingOnlineRetailStopsWithinAFractionOfASecond()
    {
        MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
        auto ws = mbtest::freshWorkspace(dir_, "retail.merchbench");
        const WorkspaceState before = stateOf(*ws);
        double reached = 0;
        qint64 afterCancel = -1;
        QElapsedTimer whole;
        whole.start();
        const ImportReport r = importCancelling(*ws, csv, 0.1, reached, afterCancel);
        const qint64 total = whole.elapsed();
        QCOMPARE(r.status, ImportStatus::Cancelled);
        QVERIFY2(r.rowsRead > 0 && r.rowsRead < 541909 / 2, qPrintable(QString::number(r.rowsRead)));
        QVERIFY2(afterCancel < 200 * mbtest::timeBudgetFactor, qPrintable(QStringLiteral("%1 ms after the cancel").arg(afterCancel)));
        QVERIFY(stateOf(*ws) == before);
        qInfo("Online Retail: cancelled after %lld of 541909 rows, %lld ms after the cancel, %lld ms in all",
              static_cast<long long>(r.rowsRead), static_cast<long long>(afterCancel), static_cast<long long>(total));
    }
};

QTEST_GUILESS_MAIN(TestImportCancel)
#include "tst_importcancel.moc"

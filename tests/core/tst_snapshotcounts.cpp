// The status bar's counts (products, orders, baskets) come from the loaded snapshot, not from three scans
// of order_lines (issue #15): they must be the very numbers Workspace::counts() gets from the file, on a
// store with cancellations, returns and customers without orders.
#include "testsupport.h"
#include "workspacequery.h"

#include "core/demo/demogenerator.h"
#include "core/storage/snapshot.h"
#include "core/storage/snapshotcounts.h"
#include "core/storage/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

namespace {

void compareCounts(const WorkspaceCounts &fromSnapshot, const WorkspaceCounts &fromFile)
{
    QCOMPARE(fromSnapshot.products, fromFile.products);
    QCOMPARE(fromSnapshot.categories, fromFile.categories);
    QCOMPARE(fromSnapshot.customers, fromFile.customers);
    QCOMPARE(fromSnapshot.orders, fromFile.orders);
    QCOMPARE(fromSnapshot.orderLines, fromFile.orderLines);
    QCOMPARE(fromSnapshot.baskets, fromFile.baskets);
    QCOMPARE(fromSnapshot.basketItems, fromFile.basketItems);
    QCOMPARE(fromSnapshot.importedRelations, fromFile.importedRelations);
}

}  // namespace

class TestSnapshotCounts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void demoStoreCountsAreTheFilesCounts()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("demo.merchbench").toStdString();
        std::string error;
        QVERIFY2(createDemoWorkspace(path, DemoParameters{}, error), error.c_str());
        auto ws = Workspace::open(path, error);
        QVERIFY2(ws, error.c_str());
        const WorkspaceCounts file = ws->counts();
        // The demo has cancelled orders and returns: baskets are fewer than orders, or the test proves little.
        QVERIFY(file.baskets > 0 && file.baskets < file.orders);
        QVERIFY(file.basketItems > 0 && file.basketItems <= file.products);
        compareCounts(countsOf(*mbtest::loadSnapshot(*ws), *ws), file);
    }

    void onlineRetailCountsAreTheFilesCounts()
    {
        MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
        QTemporaryDir dir;
        auto ws = mbtest::freshWorkspace(dir, "or.merchbench");
        const ImportReport r = mbtest::importFile(*ws, ImportKind::Orders, csv);
        QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
        const WorkspaceCounts file = ws->counts();
        // What a merchandiser can check against the file: 25,900 invoices, 541,909 rows; the C-invoices
        // (cancellations) and the returns hold no basket.
        QCOMPARE(file.orders, int64_t(25900));
        QCOMPARE(file.orderLines, int64_t(541909));
        QVERIFY(file.baskets < file.orders);
        compareCounts(countsOf(*mbtest::loadSnapshot(*ws), *ws), file);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotCounts)
#include "tst_snapshotcounts.moc"

// The synthetic store at scale (core/placement/scalestore.h, `demo --scale`): exactly the lines asked for,
// the same store from the same seed whoever consumes it, baskets of 1-5 distinct products with a long tail
// of product popularity, and a workspace whose snapshot holds what the generator made.
#include "workspacequery.h"

#include "core/placement/scalestore.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>

using namespace mb;
using mbtest::freshWorkspace;
using mbtest::loadSnapshot;

namespace {

ScaleParameters small()
{
    ScaleParameters p;
    p.products = 2000;
    p.orderLines = 20'000;
    p.customers = 500;
    p.departments = 4;
    p.categoriesPerDepartment = 5;
    p.ordersPerChunk = 1500;
    return p;
}

// Every order of the generator: external id -> SKUs of its lines.
std::map<std::string, std::vector<std::string>> generated(const ScaleParameters &p)
{
    ScaleStoreGenerator gen(p);
    gen.catalog();
    std::map<std::string, std::vector<std::string>> out;
    OrderBatch b;
    while (gen.nextOrders(b))
        for (const OrderLineRecord &l : b.lines) out[b.orders[l.order].externalId].push_back(l.sku);
    return out;
}

}  // namespace

class TestScaleStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameStore()
    {
        const auto a = generated(small()), b = generated(small());
        QVERIFY(a == b);
        ScaleParameters other = small();
        other.seed = 8;
        QVERIFY(generated(other) != a);
        // The chunk size only cuts the same sequence differently.
        ScaleParameters chunks = small();
        chunks.ordersPerChunk = 333;
        QVERIFY(generated(chunks) == a);
    }

    void exactLinesAndRealisticBaskets()
    {
        const ScaleParameters p = small();
        ScaleStoreGenerator gen(p);
        const CatalogBatch catalog = gen.catalog();
        QCOMPARE(int64_t(catalog.products.size()), p.products);
        int64_t lines = 0, orders = 0;
        std::vector<int64_t> perProduct(size_t(p.products), 0);
        std::map<size_t, int64_t> sizes;
        OrderBatch b;
        while (gen.nextOrders(b)) {
            QVERIFY(int64_t(b.orders.size()) <= p.ordersPerChunk);
            std::vector<size_t> n(b.orders.size(), 0);
            for (const OrderLineRecord &l : b.lines) {
                ++n[l.order];
                ++perProduct[size_t(std::stoll(l.sku.substr(1)))];
                QVERIFY(l.quantity >= 1 && l.quantity <= 2);
            }
            for (size_t k : n) ++sizes[k];
            lines += int64_t(b.lines.size());
            orders += int64_t(b.orders.size());
        }
        QVERIFY(lines >= p.orderLines && lines < p.orderLines + 5);  // the last order is never cut
        QCOMPARE(gen.linesDone(), lines);
        QCOMPARE(sizes.begin()->first, size_t(1));
        QCOMPARE(sizes.rbegin()->first, size_t(5));
        const double mean = double(lines) / double(orders);
        QVERIFY2(mean > 2.8 && mean < 3.0, qPrintable(QString::number(mean)));
        // Long tail: the busiest tenth of the products sells far more than a tenth of the lines.
        std::sort(perProduct.rbegin(), perProduct.rend());
        int64_t head = 0;
        for (size_t i = 0; i < perProduct.size() / 10; ++i) head += perProduct[i];
        QVERIFY2(double(head) / double(lines) > 0.35, qPrintable(QString::number(double(head) / double(lines))));
        QVERIFY(perProduct.back() < perProduct.front() / 20);
    }

    void workspaceHoldsTheGeneratedStore()
    {
        QTemporaryDir dir;
        auto ws = freshWorkspace(dir, "scale.merchbench");
        const ScaleParameters p = small();
        ScaleReport report;
        std::string error;
        int64_t lastProgress = 0;
        QVERIFY2(writeScaleStore(*ws, p, report, error, [&](int64_t done) { lastProgress = done; return true; }), error.c_str());
        QCOMPARE(lastProgress, report.lines);
        const auto snap = loadSnapshot(*ws);
        QCOMPARE(int64_t(snap->products.size()), p.products);
        QCOMPARE(int64_t(snap->orders.size()), report.orders);
        QCOMPARE(int64_t(snap->lines.size()), report.lines);
        QVERIFY(report.relations > 0);
        const auto expected = generated(p);
        QCOMPARE(expected.size(), snap->orders.size());
        for (const SnapshotOrder &o : *snap->orders) {
            const auto it = expected.find(o.externalId.str());
            QVERIFY(it != expected.end());
            std::vector<std::string> skus;
            for (uint32_t k = o.lineBegin; k < o.lineEnd; ++k) skus.push_back(snap->products[snap->lines[k].product].sku);
            QVERIFY(skus == it->second);
        }
    }

    void cancelStops()
    {
        QTemporaryDir dir;
        auto ws = freshWorkspace(dir, "scale.merchbench");
        ScaleReport report;
        std::string error;
        QVERIFY(!writeScaleStore(*ws, small(), report, error, [](int64_t) { return false; }));
        QVERIFY(error.find("cancelled") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestScaleStore)
#include "tst_scalestore.moc"

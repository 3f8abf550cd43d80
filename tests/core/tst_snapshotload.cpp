// Snapshot::load at the edges its fast paths skip over (issue #15): orders stored out of time order and
// without a time, lines of one order stored apart, the compact order texts, and the connection's page cache.
#include "workspacequery.h"

#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/snapshottext.h"
#include "core/storage/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace mb;
using mbtest::freshWorkspace;
using mbtest::loadSnapshot;
using mbtest::scalar;

namespace {

OrderRecord order(int64_t line, const char *id, std::optional<int64_t> at, const char *country, const char *tags, const char *source)
{
    OrderRecord o;
    o.line = line;
    o.externalId = id;
    o.customer = "C1";
    o.country = country;
    o.tags = tags;
    o.source = source;
    o.orderedAt = at.value_or(0);
    o.hasTime = at.has_value();
    o.utcOffsetMinutes = 60;
    return o;
}

void writeBatch(Workspace &ws, OrderBatch b)
{
    b.format = "lines";
    b.rowsRead = int64_t(b.lines.size());
    // Every SKU of the lines needs its product record, as the parsers give one per distinct SKU.
    for (const OrderLineRecord &l : b.lines) {
        if (std::any_of(b.products.begin(), b.products.end(), [&](const ProductRecord &p) { return p.sku == l.sku; })) continue;
        ProductRecord p;
        p.line = l.line;
        p.sku = l.sku;
        p.title = "Product " + l.sku;
        p.price = l.unitPrice;
        b.products.push_back(p);
    }
    ImportReport r;
    QVERIFY2(writeOrders(ws, b, "test", r), r.error.c_str());
}

std::string skuOf(const Snapshot &s, const SnapshotLine &l) { return s.products[l.product].sku; }

}  // namespace

class TestSnapshotLoad : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ordersSortByTimeAndLinesGroupByOrder()
    {
        QTemporaryDir dir;
        auto ws = freshWorkspace(dir, "s.merchbench");
        // Stored: 1001 (late), 1002 (early); their lines interleave with a later import's: 1003 has no time,
        // 1004 is the earliest of all and its lines come last in the file.
        {
            OrderBatch b;
            b.orders = {order(2, "1001", 2000, "UK", "Wholesale", "web"), order(4, "1002", 1000, "France", "", "pos")};
            b.lines = {{2, 0, "A", 2, 1.5, 0, 0}, {3, 0, "B", 1, 4.0, 0.5, 0}, {4, 1, "C", 3, 2.0, 0, 1.0}};
            writeBatch(*ws, b);
        }
        {
            OrderBatch b;
            b.orders = {order(2, "1003", std::nullopt, "UK", "Wholesale", "web"), order(3, "1004", 500, "", "", "")};
            b.lines = {{2, 0, "B", 1, 4.0, 0, 0}, {3, 1, "A", 1, 1.5, 0, 0}, {4, 1, "C", -1, 2.0, 0, 0}};
            writeBatch(*ws, b);
        }
        const auto snap = loadSnapshot(*ws);
        const Snapshot &s = *snap;
        // ORDER BY ordered_at, id: no time first, then by time.
        QCOMPARE(s.orders.size(), size_t(4));
        QCOMPARE(s.orders[0].externalId.str(), std::string("1003"));
        QCOMPARE(s.orders[1].externalId.str(), std::string("1004"));
        QCOMPARE(s.orders[2].externalId.str(), std::string("1002"));
        QCOMPARE(s.orders[3].externalId.str(), std::string("1001"));
        QCOMPARE(s.orders[0].orderedAt, int64_t(0));
        QCOMPARE(s.orders[3].orderedAt, int64_t(2000));
        QCOMPARE(int(s.orders[3].utcOffsetMinutes), 60);
        // Each order's lines in one range, in the order they were stored, and the ranges in order time.
        uint32_t next = 0;
        for (const SnapshotOrder &o : *s.orders) {
            QCOMPARE(o.lineBegin, next);
            next = o.lineEnd;
        }
        QCOMPARE(size_t(next), s.lines.size());
        const SnapshotOrder &late = s.orders[3];
        QCOMPARE(late.lineEnd - late.lineBegin, 2u);
        QCOMPARE(skuOf(s, s.lines[late.lineBegin]), std::string("A"));
        QCOMPARE(double(s.lines[late.lineBegin].quantity), 2.0);
        QCOMPARE(skuOf(s, s.lines[late.lineBegin + 1]), std::string("B"));
        QCOMPARE(late.merchandiseTotal, 2 * 1.5 + 4.0 - 0.5);
        const SnapshotOrder &earliest = s.orders[1];
        QCOMPARE(earliest.lineEnd - earliest.lineBegin, 2u);
        QCOMPARE(skuOf(s, s.lines[earliest.lineBegin]), std::string("A"));
        QCOMPARE(double(s.lines[earliest.lineBegin + 1].quantity), -1.0);
        QCOMPARE(s.orders[2].merchandiseTotal, 3 * 2.0 - 1.0);
        // Baskets follow the sorted orders; the return (quantity -1) is no purchase.
        QCOMPARE(s.basketCount(), size_t(4));
        QCOMPARE(s.basketOrder[0], 0u);
        QCOMPARE(s.basketStart[2] - s.basketStart[1], 1u);
        // The texts: interned values compare equal, empty ones are empty.
        QVERIFY(s.orders[3].country == "UK");
        QVERIFY(s.orders[3].country == s.orders[0].country);
        QCOMPARE(s.orders[3].tags.str(), std::string("Wholesale"));
        QCOMPARE(std::string_view(s.orders[2].source), std::string_view("pos"));
        QVERIFY(s.orders[1].country.empty() && s.orders[1].tags.empty() && s.orders[1].source.size() == 0);
        // The result is the same snapshot a second load gives.
        const auto again = loadSnapshot(*ws);
        QCOMPARE(again->lines.size(), s.lines.size());
        for (size_t i = 0; i < s.lines.size(); ++i) QCOMPARE(again->lines[i].product, s.lines[i].product);
    }

    void textsOutliveTheSnapshotInItsCopies()
    {
        QTemporaryDir dir;
        auto ws = freshWorkspace(dir, "s.merchbench");
        OrderBatch b;
        const std::string longTags(300, 'x');  // beyond the one-byte length
        b.orders = {order(2, "A-1", 100, "Germany", longTags.c_str(), "web"), order(3, "A-2", 200, "Germany", "", "web")};
        b.lines = {{2, 0, "A", 1, 1.0, 0, 0}, {3, 1, "B", 1, 1.0, 0, 0}};
        writeBatch(*ws, b);
        auto snap = loadSnapshot(*ws);
        auto training = Snapshot::withOrders(*snap, {1, 0});
        snap.reset();
        QCOMPARE(training->orders.size(), size_t(1));
        QCOMPARE(training->orders[0].externalId.str(), std::string("A-1"));
        QCOMPARE(training->orders[0].tags.size(), size_t(300));
        QVERIFY(training->orders[0].tags == longTags);
        QCOMPARE(training->orders[0].country.str(), std::string("Germany"));
    }

    void handMadeTexts()
    {
        SnapshotText t;
        QVERIFY(t.empty());
        QCOMPARE(t.size(), size_t(0));
        QCOMPARE(std::string(t.c_str()), std::string());
        t = "LATE-1";
        QCOMPARE(t.str(), std::string("LATE-1"));
        const std::string other = "LATE-2";
        QVERIFY(t != other);
        QVERIFY(t < SnapshotText(other));
        QVERIFY(t == SnapshotText(std::string_view("LATE-1")));
        TextArena arena;
        const std::string big(70000, 'y');
        const SnapshotText inArena = arena.add(big);
        QCOMPARE(inArena.size(), big.size());
        QVERIFY(inArena == big);
        QCOMPARE(inArena.c_str()[big.size()], '\0');
        QVERIFY(arena.add("").empty());
    }

    void loadKeepsTheConnectionsPageCache()
    {
        QTemporaryDir dir;
        auto ws = freshWorkspace(dir, "s.merchbench");
        const int64_t before = scalar(*ws, "PRAGMA cache_size");
        QVERIFY(before != 0);
        loadSnapshot(*ws);
        QCOMPARE(scalar(*ws, "PRAGMA cache_size"), before);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotLoad)
#include "tst_snapshotload.moc"

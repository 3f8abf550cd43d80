#include "core/mining/replenishment.h"
#include "core/storage/snapshot.h"
#include "core/miningdata.h"
#include "testsupport.h"

#include <cmath>
#include <map>
#include <set>

using namespace mb;

namespace {

constexpr int64_t Day = 86400;
constexpr int64_t Start = 1293840000;  // 2011-01-01 00:00 UTC

struct Buy {
    int customer;        // -1 = unknown
    int64_t at;          // UTC seconds, 0 = no time
    int offsetMinutes;
    OrderStatus status;
    std::vector<std::pair<uint32_t, double>> lines;  // product, quantity
};

Buy on(int customer, int day, std::vector<std::pair<uint32_t, double>> lines, int hour = 10)
{
    return {customer, Start + day * Day + hour * 3600, 0, OrderStatus::Completed, std::move(lines)};
}

// Products: 0 = X, 1 = Y, 2 = Z, 3 = W.
Snapshot handSnapshot()
{
    std::vector<Buy> buys = {
        // X: customer 0 on days 0, 10 (twice that day) and 30 -> gaps 10, 20; customer 1 on days 5, 12 -> 7;
        // customer 2 once. Gaps 7, 10, 20: an odd count, median 10.
        on(0, 0, {{0, 1}}), on(0, 10, {{0, 2}}), on(0, 10, {{0, 1}}, 18), on(0, 30, {{0, 1}}),
        on(1, 5, {{0, 1}}), on(1, 12, {{0, 3}}), on(2, 3, {{0, 1}}),
        // Y: customer 0 on days 0, 4, 10, 16 -> 4, 6, 6; customer 1 on days 1, 3 -> 2. Gaps 2, 4, 6, 6: even, 5.
        on(0, 0, {{1, 1}}), on(0, 4, {{1, 1}}), on(0, 10, {{1, 1}}), on(0, 16, {{1, 1}}), on(1, 1, {{1, 1}}),
        on(1, 3, {{1, 1}, {1, 1}}),
        // Z: customer 0 on days 0 and 7 -> one gap of 7. Everything else must not count.
        on(0, 0, {{2, 1}}), on(0, 7, {{2, 1}}),
        {0, Start + 3 * Day, 0, OrderStatus::Cancelled, {{2, 1}}},  // cancelled order
        on(0, 5, {{2, -1}}),                                       // a return line
        on(-1, 6, {{2, 1}}),                                       // customer unknown
        {0, 0, 0, OrderStatus::Completed, {{2, 1}}},               // no time
        // W: 22:00 UTC, then 23:30 UTC at UTC+2, which is already the next local day: one gap of 1 day.
        on(3, 20, {{3, 1}}, 22), {3, Start + 20 * Day + 23 * 3600 + 1800, 120, OrderStatus::Completed, {{3, 1}}},
    };
    Snapshot s;
    for (const char *sku : {"X", "Y", "Z", "W"}) {
        SnapshotProduct p;
        p.sku = sku;
        s.skuIndex[sku] = uint32_t(s.products.size());
        s.products.push_back(p);
    }
    for (int c = 0; c < 4; ++c) s.customers.push_back({c + 1, std::string("C").append(std::to_string(c))});
    for (const Buy &b : buys) {
        SnapshotOrder o;
        o.id = int64_t(s.orders.size()) + 1;
        o.customer = b.customer;
        o.orderedAt = b.at;
        o.utcOffsetMinutes = int16_t(b.offsetMinutes);
        o.status = b.status;
        o.lineBegin = uint32_t(s.lines.size());
        for (auto [product, quantity] : b.lines) s.lines.push_back({product, float(quantity), 1.0});
        o.lineEnd = uint32_t(s.lines.size());
        s.orders.push_back(o);
    }
    mbtest::buildBaskets(s);
    return s;
}

}  // namespace

class TestReplenishment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void handFixture_data();
    void handFixture();
    void minIntervals_data();
    void minIntervals();
    void cancelled();
    void onlineRetail();
};

void TestReplenishment::handFixture_data()
{
    QTest::addColumn<QString>("sku");
    QTest::addColumn<uint>("buyers");
    QTest::addColumn<uint>("repeatBuyers");
    QTest::addColumn<uint>("intervals");
    QTest::addColumn<double>("medianDays");
    QTest::newRow("odd count, same-day repeat ignored") << "X" << 3u << 2u << 3u << 10.0;
    QTest::newRow("even count") << "Y" << 2u << 2u << 4u << 5.0;
    QTest::newRow("cancelled, returned, anonymous, timeless ignored") << "Z" << 1u << 1u << 1u << 7.0;
    QTest::newRow("local calendar day") << "W" << 1u << 1u << 1u << 1.0;
}

void TestReplenishment::handFixture()
{
    QFETCH(QString, sku);
    QFETCH(uint, buyers);
    QFETCH(uint, repeatBuyers);
    QFETCH(uint, intervals);
    QFETCH(double, medianDays);
    const Snapshot s = handSnapshot();
    ReplenishmentOptions options;
    options.minIntervals = 1;
    const Replenishment r = replenishment(s, options);
    QVERIFY(!r.cancelled);
    QCOMPARE(r.products.size(), size_t(4));
    const uint32_t product = uint32_t(s.productIndex(sku.toStdString()));
    QCOMPARE(r.products[product].product, product);  // by product index
    const ReplenishmentStat &stat = r.products[product];
    QCOMPARE(stat.buyers, buyers);
    QCOMPARE(stat.repeatBuyers, repeatBuyers);
    QCOMPARE(stat.repeatShare, double(repeatBuyers) / double(buyers));
    QCOMPARE(stat.intervals, intervals);
    QCOMPARE(stat.medianDays, medianDays);
}

void TestReplenishment::minIntervals_data()
{
    QTest::addColumn<uint>("minIntervals");
    QTest::addColumn<QStringList>("skus");
    QTest::newRow("1") << 1u << QStringList{"X", "Y", "Z", "W"};
    QTest::newRow("3") << 3u << QStringList{"X", "Y"};
    QTest::newRow("4") << 4u << QStringList{"Y"};
    QTest::newRow("default 5") << 5u << QStringList{};
}

void TestReplenishment::minIntervals()
{
    QFETCH(uint, minIntervals);
    QFETCH(QStringList, skus);
    const Snapshot s = handSnapshot();
    ReplenishmentOptions options;
    options.minIntervals = minIntervals;
    QStringList got;
    for (const ReplenishmentStat &stat : replenishment(s, options).products)
        got << QString::fromStdString(s.products[stat.product].sku);
    QCOMPARE(got, skus);
}

void TestReplenishment::cancelled()
{
    const Snapshot s = handSnapshot();
    const Replenishment r = replenishment(s, ReplenishmentOptions{}, [](double f) { return f < 0.5; });
    QVERIFY(r.cancelled);
    QVERIFY(r.products.empty());
}

void TestReplenishment::onlineRetail()
{
    MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
    std::string error;
    const auto s = mbtest::onlineRetailFromCsv(csv.toStdString(), error);
    QVERIFY2(s, error.c_str());
    const Replenishment r = replenishment(*s, ReplenishmentOptions{});
    QVERIFY(r.products.size() > 100);
    // The independent way: per product, per customer, the set of UTC+offset days, then gaps and a sort.
    std::map<uint32_t, std::map<int32_t, std::set<int64_t>>> days;
    for (const SnapshotOrder &o : s->orders) {
        if (o.status == OrderStatus::Cancelled || o.customer < 0) continue;
        for (uint32_t k = o.lineBegin; k < o.lineEnd; ++k)
            if (s->lines[k].quantity > 0)
                days[s->lines[k].product][o.customer].insert((o.orderedAt + o.utcOffsetMinutes * 60) / Day);
    }
    std::vector<ReplenishmentStat> expected;
    for (const auto &[product, customers] : days) {
        ReplenishmentStat e;
        e.product = product;
        std::vector<int64_t> gaps;
        for (const auto &[customer, set] : customers) {
            ++e.buyers;
            e.repeatBuyers += set.size() > 1;
            for (auto it = std::next(set.begin()); set.size() > 1 && it != set.end(); ++it) gaps.push_back(*it - *std::prev(it));
        }
        if (gaps.size() < 5) continue;
        std::sort(gaps.begin(), gaps.end());
        e.intervals = uint32_t(gaps.size());
        const size_t m = gaps.size() / 2;
        e.medianDays = gaps.size() % 2 ? double(gaps[m]) : (gaps[m - 1] + gaps[m]) / 2.0;
        expected.push_back(e);
    }
    QCOMPARE(r.products.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(r.products[i].product, expected[i].product);
        QCOMPARE(r.products[i].buyers, expected[i].buyers);
        QCOMPARE(r.products[i].repeatBuyers, expected[i].repeatBuyers);
        QCOMPARE(r.products[i].intervals, expected[i].intervals);
        QCOMPARE(r.products[i].medianDays, expected[i].medianDays);
    }
    // The best-known repeat line, the white hanging heart T-light holder, must be among them.
    const int32_t heart = s->productIndex("85123A");
    QVERIFY(heart >= 0);
    const auto it = std::find_if(r.products.begin(), r.products.end(),
                                 [&](const ReplenishmentStat &st) { return st.product == uint32_t(heart); });
    QVERIFY(it != r.products.end());
    qInfo("%zu products with >= 5 intervals out of %zu purchases; 85123A: %u buyers, %.1f%% came back, "
          "%u intervals, median %.1f days",
          r.products.size(), r.purchases, it->buyers, 100 * it->repeatShare, it->intervals, it->medianDays);
}

QTEST_GUILESS_MAIN(TestReplenishment)
#include "tst_replenishment.moc"

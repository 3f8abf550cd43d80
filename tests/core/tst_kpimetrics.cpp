// Every KPI against the hand-computed fixture (tests/data/kpi; the arithmetic is in core/kpi/README.md).
#include "core/kpi/kpicalendar.h"
#include "core/kpi/kpireport.h"
#include "kpifixture.h"

#include <QtTest>

using namespace mb;

class TestKpiMetrics : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::unique_ptr<Workspace> ws_;
    std::shared_ptr<const KpiContext> ctx_;

    static int64_t day(const char *iso)
    {
        int64_t d = 0;
        kpicalendar::parseIsoDay(iso, d);
        return d;
    }
    KpiReport report(const KpiFilter &f = {}) { return *computeKpiReport(*ctx_, f); }
    int32_t category(const std::string &path) const
    {
        for (size_t i = 0; i < ctx_->snapshot().categories.size(); ++i)
            if (ctx_->snapshot().categories[i].path == path) return int32_t(i);
        return -1;
    }
    std::string sku(uint32_t p) const { return ctx_->snapshot().products[p].sku; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        ws_ = kpifixture::build(dir_);
        QVERIFY(ws_);
        std::string error;
        ctx_ = loadKpiContext(*ws_, error);
        QVERIFY2(ctx_, error.c_str());
    }

    void sales()
    {
        const KpiReport r = report();
        QCOMPARE(kpicalendar::isoDate(r.fromDay), std::string("2024-01-05"));
        QCOMPARE(kpicalendar::isoDate(r.toDay), std::string("2024-03-15"));
        const SalesMetrics &s = r.current.sales;
        QCOMPARE(s.orders, 7);                 // C6 is cancelled, R7 is a return: neither counts
        QCOMPARE(s.revenue, 815.0);            // the return's -10 is in, the cancellation is not
        QCOMPARE(s.returnsValue, 10.0);
        QCOMPARE(s.aov, 815.0 / 7);
        QCOMPARE(s.unitsPerOrder, 16.0 / 7);
        QCOMPARE(s.itemsPerBasket, 12.0 / 7);
        QCOMPARE(s.customers, 4);
        QCOMPARE(s.guestOrders, 1);
        QVERIFY(!r.hasPrevious);               // nothing before the first order
    }

    void monthlySeries()
    {
        const KpiReport r = report();
        QCOMPARE(r.series.size(), size_t(3));
        QCOMPARE(r.series[0].label, std::string("2024-01"));
        QCOMPARE(r.series[0].revenue, 240.0);
        QCOMPARE(r.series[0].orders, 3);
        QCOMPARE(r.series[0].aov, 80.0);
        QCOMPARE(r.series[1].revenue, 235.0);
        QCOMPARE(r.series[1].orders, 2);
        QCOMPARE(r.series[1].aov, 117.5);
        QCOMPARE(r.series[2].revenue, 340.0);
        QCOMPARE(r.series[2].aov, 170.0);
    }

    void weeklySeriesHasNoGaps()
    {
        KpiFilter f;
        f.granularity = Granularity::Week;
        const KpiReport r = report(f);
        // 2024-01-01 (Monday) to the week of 2024-03-15: 11 weeks, empty ones included.
        QCOMPARE(r.series.size(), size_t(11));
        QCOMPARE(r.series.front().label, std::string("2024-01-01"));
        QCOMPARE(r.series.front().orders, 1);
        QCOMPARE(r.series[1].label, std::string("2024-01-08"));
        QCOMPARE(r.series[1].orders, 1);
        QCOMPARE(r.series[3].orders, 0);
        QVERIFY(std::isnan(r.series[3].aov));
    }

    void filters_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("categoryPath");
        QTest::addColumn<QString>("country");
        QTest::addColumn<int>("customers");
        QTest::addColumn<int>("orders");
        QTest::addColumn<double>("revenue");
        QTest::newRow("kitchen category") << "" << "" << "Kitchen" << "" << int(CustomerScope::All) << 2 << 35.0;
        QTest::newRow("cameras and below") << "" << "" << "Cameras" << "" << int(CustomerScope::All) << 6 << 795.0;
        QTest::newRow("country AT") << "" << "" << "" << "AT" << int(CustomerScope::All) << 2 << 220.0;
        QTest::newRow("new customers") << "" << "" << "" << "" << int(CustomerScope::New) << 4 << 650.0;
        QTest::newRow("returning customers") << "" << "" << "" << "" << int(CustomerScope::Returning) << 2 << 150.0;
        QTest::newRow("february") << "2024-02-01" << "2024-02-29" << "" << "" << int(CustomerScope::All) << 2 << 235.0;
        QTest::newRow("one day") << "2024-03-01" << "2024-03-01" << "" << "" << int(CustomerScope::All) << 1 << 140.0;
    }

    void filters()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, categoryPath);
        QFETCH(QString, country);
        QFETCH(int, customers);
        QFETCH(int, orders);
        QFETCH(double, revenue);
        KpiFilter f;
        if (!from.isEmpty()) f.fromDay = day(from.toUtf8().constData());
        if (!to.isEmpty()) f.toDay = day(to.toUtf8().constData());
        if (!categoryPath.isEmpty()) f.category = category(categoryPath.toStdString());
        f.country = country.toStdString();
        f.customers = CustomerScope(customers);
        const KpiReport r = report(f);
        QCOMPARE(r.current.sales.orders, orders);
        QCOMPARE(r.current.sales.revenue, revenue);
    }

    void previousPeriodOfEqualLength()
    {
        KpiFilter f;
        f.fromDay = day("2024-02-01");
        f.toDay = day("2024-02-29");
        const KpiReport r = report(f);
        QVERIFY(r.hasPrevious);
        QCOMPARE(kpicalendar::isoDate(r.previousFromDay), std::string("2024-01-03"));
        QCOMPARE(kpicalendar::isoDate(r.previousToDay), std::string("2024-01-31"));
        QCOMPARE(r.previous.sales.orders, 3);
        QCOMPARE(r.previous.sales.revenue, 240.0);
    }

    void attachRates()
    {
        const AttachMetrics a = report().attach;
        QVERIFY(a.hasMaps);
        QCOMPARE(a.orders, 7);
        QCOMPARE(a.eligibleOrders, 5);
        QCOMPARE(a.attachedOrders, 3);
        QCOMPARE(a.storeRate, 3.0 / 7);
        QCOMPARE(a.eligibleRate, 3.0 / 5);
        QCOMPARE(a.byKind.size(), size_t(5));
        QCOMPARE(a.byKind[size_t(RelationKind::Accessory)].eligible, 5);
        QCOMPARE(a.byKind[size_t(RelationKind::Accessory)].rate, 0.6);
        QCOMPARE(a.byKind[size_t(RelationKind::Upgrade)].eligible, 3);
        QCOMPARE(a.byKind[size_t(RelationKind::Upgrade)].rate, 0.0);
        QVERIFY(std::isnan(a.byKind[size_t(RelationKind::Necessity)].rate));
        QCOMPARE(a.byCategory.size(), size_t(1));
        QCOMPARE(a.byCategory[0].name, std::string("Cameras"));
        QCOMPARE(a.byCategory[0].rate, 0.6);
    }

    void attachPairs()
    {
        const AttachMetrics a = report().attach;
        QCOMPARE(a.pairs.size(), size_t(4));
        QCOMPARE(sku(a.pairs[0].anchor), std::string("CAM1"));
        QCOMPARE(sku(uint32_t(a.pairs[0].targetProduct)), std::string("CARD"));
        QCOMPARE(a.pairs[0].anchorOrders, 3);
        QCOMPARE(a.pairs[0].bothOrders, 2);
        // The category rule is inherited by both cameras and met by any bag.
        QCOMPARE(sku(a.pairs[1].anchor), std::string("CAM1"));
        QCOMPARE(a.pairs[1].targetCategory, category("Cameras > Bags"));
        QCOMPARE(a.pairs[1].rate, 1.0 / 3);
        QCOMPARE(sku(a.pairs[2].anchor), std::string("CAM2"));
        QCOMPARE(a.pairs[2].rate, 0.5);
        QCOMPARE(a.pairs[3].kind, RelationKind::Upgrade);
        QCOMPARE(a.pairs[3].bothOrders, 0);
    }

    void attributedRevenue()
    {
        const AttachMetrics a = report().attach;
        QCOMPARE(a.ordersAttached, 3);
        QCOMPARE(a.ordersAnchorAlone, 2);
        QCOMPARE(a.aovAttached, 490.0 / 3);
        QCOMPARE(a.aovAnchorAlone, 150.0);
        QCOMPARE(a.aovDifference, 490.0 / 3 - 150.0);
        QCOMPARE(a.attributedRevenue, 40.0);
    }

    void bundleTakeRate()
    {
        const BundleMetrics b = report().bundles;
        QVERIFY(b.hasBundles);
        QCOMPARE(b.anchorOrders, 3);
        QCOMPARE(b.takenOrders, 2);
        QCOMPARE(b.rate, 2.0 / 3);
        QCOMPARE(b.tiers.size(), size_t(2));
        QCOMPARE(b.tiers[0].tier, std::string("Basic"));
        QCOMPARE(b.tiers[0].takenOrders, 1);   // O1: camera and two cards
        QCOMPARE(b.tiers[0].rate, 1.0 / 3);
        QCOMPARE(b.tiers[1].tier, std::string("Standard"));
        QCOMPARE(b.tiers[1].takenOrders, 1);   // O8 meets both tiers and counts for the higher
    }

    void retention()
    {
        const RetentionMetrics m = report().retention;
        QCOMPARE(m.customers, 4);
        QCOMPARE(m.repeatCustomers, 1);
        QCOMPARE(m.repeatRate, 0.25);
        QCOMPARE(m.medianDaysToSecond, 15.0);
        QCOMPARE(m.meanDaysToSecond, 15.0);
        QCOMPARE(m.cohorts.size(), size_t(3));
        QCOMPARE(m.cohorts[0].label, std::string("2024-01"));
        QCOMPARE(m.cohorts[0].size, 2);
        QCOMPARE(m.cohorts[0].active, (std::vector<int64_t>{2, 0, 1}));
        QCOMPARE(m.cohorts[0].retention, (std::vector<double>{1.0, 0.0, 0.5}));
        QCOMPARE(m.cohorts[1].active, (std::vector<int64_t>{1, 0}));
        QCOMPARE(m.cohorts[2].label, std::string("2024-03"));
        QCOMPARE(m.cohorts[2].size, 1);
    }

    void customerLifetimeValue()
    {
        const ClvMetrics c = report().clv;
        QCOMPARE(c.customers, 4);
        QCOMPARE(c.revenue, 800.0);          // the guest's 15 is not a customer's
        QCOMPARE(c.historic, 200.0);
        QCOMPARE(c.medianHistoric, 215.0);   // 90, 200, 230, 280
        QCOMPARE(c.aov, 800.0 / 6);
        QCOMPARE(c.periodYears, 71 / 365.25);
        QCOMPARE(c.frequencyPerYear, 6.0 / 4 / (71 / 365.25));
        QCOMPARE(c.churnPerPeriod, 0.75);
        QCOMPARE(c.lifespanYears, (71 / 365.25) / 0.75);
        QVERIFY(qFuzzyCompare(c.predictive, 200.0 / 0.75));
        int64_t inBins = 0;
        for (const HistogramBin &b : c.histogram) inBins += b.customers;
        QCOMPARE(inBins, 4);
    }

    void events()
    {
        const EventMetrics e = report().events;
        QVERIFY(e.hasEvents);
        QCOMPARE(e.sessions, 3);
        QCOMPARE(e.impressions, 3);
        QCOMPARE(e.clicks, 2);
        QCOMPARE(e.clickThrough, 2.0 / 3);
        QCOMPARE(e.conversions, 1);          // s1 bought the card it clicked; s2 never bought the bag
        QCOMPARE(e.conversion, 0.5);
        QCOMPARE(e.cartSessions, 3);
        QCOMPARE(e.abandonedSessions, 1);
        QCOMPARE(e.abandonment, 1.0 / 3);
        QCOMPARE(e.placements.size(), size_t(2));
        QCOMPARE(e.placements[0].placement, std::string("product-page"));
        QCOMPARE(e.placements[0].conversion, 1.0);
        QCOMPARE(e.placements[1].placement, std::string("cart"));
        QCOMPARE(e.placements[1].impressions, 2);
        QCOMPARE(e.placements[1].conversion, 0.0);
    }

    void withoutMapsBundlesOrEventsTilesSayWhatIsMissing()
    {
        QTemporaryDir dir;
        auto ws = kpifixture::build(dir, {false, false, false});
        QVERIFY(ws);
        std::string error;
        auto ctx = loadKpiContext(*ws, error);
        QVERIFY(ctx);
        const KpiReport r = *computeKpiReport(*ctx, {});
        QVERIFY(!r.attach.hasMaps);
        QVERIFY(std::isnan(r.current.attachRate));
        QVERIFY(!r.bundles.hasBundles);
        QVERIFY(std::isnan(r.current.bundleTakeRate));
        QVERIFY(!r.events.hasEvents);
        QVERIFY(std::isnan(r.current.recommendationConversion));
        QVERIFY(r.events.missing.find("import events") != std::string::npos);
        QCOMPARE(r.current.sales.revenue, 815.0);   // the rest is unaffected
    }

    void cancelledComputationReturnsNothing()
    {
        std::atomic<bool> cancel{true};
        QVERIFY(!computeKpiReport(*ctx_, {}, &cancel));
    }
};

QTEST_GUILESS_MAIN(TestKpiMetrics)
#include "tst_kpimetrics.moc"

// Tier totals against hand-computed figures: compare-at, price under each pricing rule, savings, margin,
// availability, optional items, and the take rate from a four-order history.
#include "bundlefixture.h"
#include "testsupport.h"

#include "core/bundles/bundlepricing.h"
#include "core/bundles/bundletakerate.h"

using namespace mb;

class TestBundlePricing : public QObject {
    Q_OBJECT
    mbtest::BundleFixture f;

private Q_SLOTS:
    void initTestCase() { QVERIFY(f.build()); }

    void totals_data()
    {
        QTest::addColumn<QString>("items");        // sku:qty[:opt], space-separated
        QTest::addColumn<QString>("pricing");
        QTest::addColumn<double>("value");          // discount % or fixed price
        QTest::addColumn<double>("compareAt");
        QTest::addColumn<double>("price");
        QTest::addColumn<double>("savings");
        QTest::addColumn<double>("margin");
        QTest::addColumn<double>("marginPercent");
        QTest::addColumn<qint64>("availability");
        // CAM 500/350 ×10 in stock, CARD 20/8 ×100, LENS 200/120 ×3, BAG 40/16 ×0.
        QTest::newRow("sum") << "CAM:1 CARD:2" << "sum" << 0.0 << 540.0 << 540.0 << 0.0 << 174.0 << 174.0 / 540 * 100 << qint64(10);
        QTest::newRow("discount 10%") << "CAM:1 CARD:2" << "discount" << 10.0 << 540.0 << 486.0 << 54.0 << 120.0 << 120.0 / 486 * 100 << qint64(10);
        QTest::newRow("fixed") << "CAM:1 CARD:2" << "fixed" << 499.99 << 540.0 << 499.99 << 40.01 << 133.99 << 133.99 / 499.99 * 100 << qint64(10);
        QTest::newRow("scarce lens limits availability") << "CAM:1 LENS:1" << "sum" << 0.0 << 700.0 << 700.0 << 0.0 << 230.0 << 230.0 / 700 * 100 << qint64(3);
        QTest::newRow("quantity divides stock") << "CARD:30" << "sum" << 0.0 << 600.0 << 600.0 << 0.0 << 360.0 << 60.0 << qint64(3);
        QTest::newRow("optional bag is not in the price or availability") << "CAM:1 BAG:1:opt" << "sum" << 0.0 << 500.0 << 500.0 << 0.0 << 150.0 << 30.0 << qint64(10);
    }
    void totals()
    {
        QFETCH(QString, items);
        QFETCH(QString, pricing);
        QFETCH(double, value);
        QFETCH(double, compareAt);
        QFETCH(double, price);
        QFETCH(double, savings);
        QFETCH(double, margin);
        QFETCH(double, marginPercent);
        QFETCH(qint64, availability);
        BundleTier t;
        for (const QString &spec : items.split(' ')) {
            const QStringList p = spec.split(':');
            t.items.push_back({f.id(p[0].toUtf8().constData()), p[1].toInt(), p.size() > 2});
        }
        t.pricing = *pricingFromName(pricing.toStdString());
        if (t.pricing == TierPricing::Discount) t.discountPercent = value;
        if (t.pricing == TierPricing::Fixed) t.fixedPrice = value;
        const TierTotals tot = priceTier(BundleCatalog(*f.snap), t);
        QCOMPARE(tot.compareAt, compareAt);
        QCOMPARE(tot.price, price);
        QVERIFY(qAbs(tot.savings - savings) < 1e-9);
        QVERIFY(qAbs(tot.margin - margin) < 1e-9);
        QVERIFY(qAbs(tot.marginPercent - marginPercent) < 1e-9);
        QCOMPARE(tot.availability, availability);
    }

    void discountRoundsToCents()
    {
        // 540 at 12.345% off is 473.337: the checkout charges 473.34.
        BundleTier t;
        t.items = {f.item("CAM"), f.item("CARD", 2)};
        t.pricing = TierPricing::Discount;
        t.discountPercent = 12.345;
        const TierTotals tot = priceTier(BundleCatalog(*f.snap), t);
        QCOMPARE(tot.price, 473.34);
        QVERIFY(qAbs(tot.savings - 66.66) < 1e-9);
    }

    void unknownCostLeavesMarginUnknown()
    {
        BundleTier t;
        t.items = {f.item("CAM"), f.item("NOCOST")};
        const TierTotals tot = priceTier(BundleCatalog(*f.snap), t);
        QCOMPARE(tot.price, 515.0);
        QVERIFY(std::isnan(tot.cost));
        QVERIFY(std::isnan(tot.margin));
    }

    void unknownPriceLeavesTotalsUnknown()
    {
        BundleTier t;
        t.items = {f.item("CAM"), f.item("NOPRICE")};
        const TierTotals tot = priceTier(BundleCatalog(*f.snap), t);
        QVERIFY(std::isnan(tot.compareAt));
        QVERIFY(std::isnan(tot.price));
        QCOMPARE(tot.cost, 355.0);
    }

    void optionalValueIsShownApart()
    {
        BundleTier t;
        t.items = {f.item("CAM"), f.item("BAG", 2, true)};
        const TierTotals tot = priceTier(BundleCatalog(*f.snap), t);
        QCOMPARE(tot.optionalItems, 1);
        QCOMPARE(tot.optionalValue, 80.0);
    }

    void takeRateCountsOrdersHoldingTheTier()
    {
        // O1 CAM+2 CARD, O2 CAM+1 CARD, O3 CAM+2 CARD+LENS, O4 CARD.
        Bundle b;
        b.anchorProductId = f.id("CAM");
        b.tiers.resize(3);
        b.tiers[0].items = {f.item("CAM"), f.item("CARD")};
        b.tiers[1].items = {f.item("CAM"), f.item("CARD", 2), f.item("BAG", 1, true)};
        b.tiers[2].items = {f.item("CAM"), f.item("CARD", 2), f.item("LENS")};
        const BundleTakeRate r = takeRate(BundleCatalog(*f.snap), b);
        QCOMPARE(r.anchorOrders, 3);
        QCOMPARE(r.tiers[0].orders, 3);
        QCOMPARE(r.tiers[1].orders, 2);   // the optional bag is not needed
        QCOMPARE(r.tiers[2].orders, 1);
        QCOMPARE(r.tiers[2].share, 1.0 / 3);
    }
};

QTEST_GUILESS_MAIN(TestBundlePricing)
#include "tst_bundlepricing.moc"

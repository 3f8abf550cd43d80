// Each warning the builder shows, on the hand-computed store: one bundle per case, the check expected, and
// where it points.
#include "bundlefixture.h"
#include "testsupport.h"

#include "core/bundles/bundlechecks.h"

using namespace mb;

class TestBundleChecks : public QObject {
    Q_OBJECT
    mbtest::BundleFixture f;

    // "CAM:1,CARD:2|CAM:1,LENS:1" = two tiers; "@d10" / "@f499" sets a discount / fixed price.
    Bundle parse(const QString &spec)
    {
        Bundle b;
        b.name = "test";
        b.anchorProductId = f.id("CAM");
        for (const QString &tierSpec : spec.split('|')) {
            BundleTier t;
            t.name = QStringLiteral("T%1").arg(b.tiers.size() + 1).toStdString();
            for (const QString &part : tierSpec.split(',')) {
                if (part.startsWith("@d")) { t.pricing = TierPricing::Discount; t.discountPercent = part.mid(2).toDouble(); continue; }
                if (part.startsWith("@f")) { t.pricing = TierPricing::Fixed; t.fixedPrice = part.mid(2).toDouble(); continue; }
                const QStringList p = part.split(':');
                t.items.push_back({f.id(p[0].toUtf8().constData()), p.value(1, "1").toInt(), p.size() > 2});
            }
            b.tiers.push_back(t);
        }
        return b;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(f.build()); }

    void checks_data()
    {
        QTest::addColumn<QString>("bundle");
        QTest::addColumn<QString>("check");     // "" = no warning at all
        QTest::addColumn<int>("tier");
        QTest::addColumn<int>("item");
        QTest::addColumn<QString>("message");
        QTest::newRow("clean two tiers") << "CAM,CARD:2|CAM,CARD:2,LENS,@d5" << "" << -1 << -1 << "";
        QTest::newRow("margin under the floor") << "CAM,CARD:2,@d30" << "margin-below-floor" << 0 << -1
                                                << "T1: margin 3.2% is under the floor of 10.0%";
        QTest::newRow("item out of stock") << "CAM,BAG" << "out-of-stock" << 0 << 1 << "T1: BAG is out of stock (the tier needs 1)";
        QTest::newRow("stock below quantity") << "CAM,LENS:4" << "out-of-stock" << 0 << 1 << "T1: LENS has 3 in stock (the tier needs 4)";
        QTest::newRow("missing cost") << "CAM,NOCOST" << "missing-cost" << 0 << 1 << "T1: NOCOST has no cost; the tier's margin is unknown";
        QTest::newRow("missing price") << "CAM,NOPRICE" << "missing-price" << 0 << 1 << "T1: NOPRICE has no price; the tier's totals are unknown";
        QTest::newRow("tier not richer") << "CAM,CARD:2|CAM,CARD" << "not-ascending" << 1 << -1
                                         << "T2: not richer than T1 (items worth 520.00 against 540.00)";
        QTest::newRow("tier not dearer") << "CAM,CARD:2|CAM,CARD:2,LENS,@f540" << "not-ascending" << 1 << -1
                                         << "T2: not dearer than T1 (540.00 against 540.00)";
        QTest::newRow("item twice") << "CAM,CARD,CARD" << "duplicate-item" << 0 << 2 << "T1: CARD is in the tier twice; raise the quantity of one instead";
        QTest::newRow("price above the sum") << "CAM,CARD,@f600" << "price-above-sum" << 0 << -1
                                             << "T1: price 600.00 is above the sum of its items 520.00";
        QTest::newRow("optional items only") << "CARD:1:opt" << "empty-tier" << 0 << -1 << "T1: the tier has no required items";
    }
    void checks()
    {
        QFETCH(QString, bundle);
        QFETCH(QString, check);
        QFETCH(int, tier);
        QFETCH(int, item);
        QFETCH(QString, message);
        const auto issues = checkBundle(BundleCatalog(*f.snap), parse(bundle));
        if (check.isEmpty()) {
            QVERIFY2(issues.empty(), issues.empty() ? "" : issues.front().message.c_str());
            return;
        }
        QCOMPARE(int(issues.size()), 1);
        QCOMPARE(QString(checkName(issues.front().check)), check);
        QCOMPARE(issues.front().tier, tier);
        QCOMPARE(issues.front().item, item);
        QCOMPARE(QString::fromStdString(issues.front().message), message);
    }

    void floorIsConfigurable()
    {
        const Bundle b = parse("CAM,CARD:2");   // margin 32.2%
        BundleCheckOptions o;
        QVERIFY(checkBundle(BundleCatalog(*f.snap), b, o).empty());
        o.marginFloorPercent = 35;
        const auto issues = checkBundle(BundleCatalog(*f.snap), b, o);
        QCOMPARE(int(issues.size()), 1);
        QCOMPARE(QString::fromStdString(issues.front().message), QString("T1: margin 32.2% is under the floor of 35.0%"));
    }
};

QTEST_GUILESS_MAIN(TestBundleChecks)
#include "tst_bundlechecks.moc"

// Each placement rule, on the hand-built camera-and-coffee shop: with the rule on, the product it is
// about is left out and the rule named; with only that rule switched off, the same product is shown.
#include "placementfixture.h"

#include <QtTest>

using namespace mb;

namespace {

const LeftOut *leftOutOf(const RecommendResult &r, uint32_t product)
{
    for (const LeftOut &x : r.leftOut)
        if (x.product == product) return &x;
    return nullptr;
}

bool picked(const RecommendResult &r, uint32_t product)
{
    return std::any_of(r.picks.begin(), r.picks.end(), [&](const Recommendation &x) { return x.product == product; });
}

}  // namespace

class tst_PlacementRules : public QObject {
    Q_OBJECT

private:
    mbtest::PlacementFixture f;

    RecommendContext context(const QString &placement, const QString &anchor, const QStringList &cart, const QString &customer,
                             int day, const PlacementEngine &e)
    {
        RecommendContext c;
        c.placement = *placementFromName(placement.toStdString());
        if (!anchor.isEmpty()) c.anchor = int32_t(f.idx(anchor.toStdString()));
        for (const QString &s : cart) c.cart.push_back({f.idx(s.toStdString()), 1});
        c.customer = customer.isEmpty() ? -1 : e.customerIndex(customer.toStdString());
        if (day) c.day = day;
        return c;
    }

private Q_SLOTS:
    void initTestCase() { mbtest::buildCameraShop(f); }

    void ruleRemovesAndSwitchRestores_data()
    {
        QTest::addColumn<QString>("placement");
        QTest::addColumn<QString>("anchor");
        QTest::addColumn<QStringList>("cart");
        QTest::addColumn<QString>("customer");
        QTest::addColumn<int>("day");
        QTest::addColumn<QString>("sku");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("off");
        QTest::addColumn<QString>("setup");  // "key=value" applied in both runs, to isolate the rule
        QTest::newRow("stock") << "product-page" << "CAM-1" << QStringList() << "" << 0 << "CARD-OUT" << "out-of-stock"
                               << "out of stock" << "in-stock" << "false" << "";
        QTest::newRow("low stock") << "product-page" << "CAM-1" << QStringList() << "" << 0 << "CARD-LOW" << "low-stock"
                                   << "only 2 in stock (needs more than 2)" << "low-stock-threshold" << "1" << "";
        QTest::newRow("recommendable") << "product-page" << "CAM-1" << QStringList() << "" << 0 << "STRAP" << "not-recommendable"
                                       << "marked not recommendable" << "recommendable-only" << "false" << "";
        QTest::newRow("margin") << "product-page" << "CAM-1" << QStringList() << "" << 0 << "BAG-THIN" << "margin"
                                << "margin 2.0% is under the minimum of 5%" << "min-margin-percent" << "0" << "";
        QTest::newRow("family dedupe") << "product-page" << "CAM-1" << QStringList() << "" << 0 << "CARD-B" << "family"
                                       << "family CARDS is already shown by CARD-A" << "one-per-family" << "false" << "";
        QTest::newRow("cannibalisation") << "product-page" << "CAM-1" << QStringList() << "" << 0 << "CAM-0" << "cannibalisation"
                                         << "a cheaper substitute (400.00) from CAM-1's own category Cameras > Mirrorless"
                                         << "cannibalisation-guard" << "false" << "";
        QTest::newRow("price band") << "product-page" << "CAM-1" << QStringList() << "" << 0 << "CAM-3" << "price-band"
                                    << "costs 1000.00, outside the upsell band 660.00 .. 900.00 (+10% .. +50% of 600.00)"
                                    << "upsell-max-percent" << "70" << "one-per-family=false";
        QTest::newRow("already bought") << "product-page" << "CAM-1" << QStringList() << "ANN" << 0 << "CARD-A" << "already-bought"
                                        << "the customer bought it 51 days ago" << "exclude-bought" << "false" << "";
        QTest::newRow("cart exclusion") << "cart" << "" << QStringList{"CAM-1", "CARD-A"} << "" << 0 << "CARD-A" << "in-cart"
                                        << "already in the cart" << "exclude-cart" << "false" << "";
        QTest::newRow("cart share") << "cart" << "" << QStringList{"MACHINE"} << "" << 0 << "GRINDER" << "cart-share"
                                    << "costs 40.00, more than 25% of the cart subtotal 100.00" << "max-cart-share-percent" << "40" << "";
        QTest::newRow("checkout cap") << "checkout" << "" << QStringList{"CAM-1"} << "" << 0 << "BATTERY" << "price-cap"
                                      << "costs 39.00, over the cap of 25.00" << "price-cap" << "39" << "";
        QTest::newRow("consumable not due yet") << "cart" << "" << QStringList{"MACHINE"} << "ANN" << 20010 << "FILTER" << "not-due-yet"
                                                << "bought 10 days ago; due again in 17 days (every 30 days, default)"
                                                << "exclude-bought" << "false" << "";
    }

    void ruleRemovesAndSwitchRestores()
    {
        QFETCH(QString, placement);
        QFETCH(QString, anchor);
        QFETCH(QStringList, cart);
        QFETCH(QString, customer);
        QFETCH(int, day);
        QFETCH(QString, sku);
        QFETCH(QString, rule);
        QFETCH(QString, text);
        QFETCH(QString, key);
        QFETCH(QString, off);
        QFETCH(QString, setup);
        PolicySet policies = defaultPolicies();
        const Placement p = *placementFromName(placement.toStdString());
        std::string error;
        // Room for every candidate: only the rule under test may keep the product off the page.
        QVERIFY(setPolicyValue(policies[size_t(p)], "slots", "20", error));
        QVERIFY(setPolicyValue(policies[size_t(p)], "strategy", "curated", error));
        if (!setup.isEmpty())
            QVERIFY(setPolicyValue(policies[size_t(p)], setup.section('=', 0, 0).toStdString(), setup.section('=', 1).toStdString(), error));
        PlacementEngine engine(f.snap, f.evidence({}), policies);
        const uint32_t product = f.idx(sku.toStdString());

        RecommendResult on = engine.recommend(context(placement, anchor, cart, customer, day, engine));
        QVERIFY2(on.error.empty(), on.error.c_str());
        QVERIFY(!picked(on, product));
        const LeftOut *why = leftOutOf(on, product);
        QVERIFY2(why, qPrintable(sku + " is not in the left-out list"));
        QCOMPARE(QString(leftOutRuleName(why->rule)), rule);
        QCOMPARE(QString::fromStdString(why->text), text);

        QVERIFY2(setPolicyValue(policies[size_t(p)], key.toStdString(), off.toStdString(), error), error.c_str());
        engine.setPolicies(policies);
        RecommendResult offResult = engine.recommend(context(placement, anchor, cart, customer, day, engine));
        QVERIFY2(picked(offResult, product), qPrintable(sku + " is still left out with " + key + " = " + off));
    }

    void consumableDueAgainIsOffered()
    {
        PlacementEngine engine(f.snap, f.evidence({}, {{"FILTER", 30.f}}));
        RecommendContext c;
        c.placement = Placement::Cart;
        c.cart = {{f.idx("MACHINE"), 1}};
        c.customer = engine.customerIndex("ANN");  // bought FILTER 51 days before the default day
        RecommendResult r = engine.recommend(c);
        QVERIFY(picked(r, f.idx("FILTER")));
        const auto &pick = *std::find_if(r.picks.begin(), r.picks.end(), [&](const Recommendation &x) { return x.product == f.idx("FILTER"); });
        QVERIFY(std::any_of(pick.reasons.begin(), pick.reasons.end(), [](const Reason &x) {
            return x.code == ReasonCode::DueAgain && x.text == "due again: last bought 51 days ago, re-bought every 30 days";
        }));

        PolicySet strict = defaultPolicies();
        std::string error;
        QVERIFY(setPolicyValue(strict[size_t(Placement::Cart)], "consumables-due-again", "false", error));
        engine.setPolicies(strict);
        r = engine.recommend(c);
        QVERIFY(!picked(r, f.idx("FILTER")));
        QCOMPARE(leftOutOf(r, f.idx("FILTER"))->rule, LeftOutRule::AlreadyBought);
    }

    void checkoutNeverShowsUpgrades()
    {
        PolicySet policies = defaultPolicies();
        std::string error;
        QVERIFY(setPolicyValue(policies[size_t(Placement::Checkout)], "strategy", "curated", error));
        PlacementEngine engine(f.snap, f.evidence({}), policies);
        RecommendContext c;
        c.placement = Placement::Checkout;
        c.cart = {{f.idx("CAM-1"), 1}};
        const RecommendResult r = engine.recommend(c);
        QCOMPARE(leftOutOf(r, f.idx("CAM-2"))->rule, LeftOutRule::KindNotAllowed);
        QCOMPARE(leftOutOf(r, f.idx("CAM-2"))->text, std::string("checkout does not show upgrades"));
        QCOMPARE(int(r.picks.size()), 1);  // CARD-A; CARD-B and BATTERY are over the cap
        QCOMPARE(r.picks[0].product, f.idx("CARD-A"));
        QVERIFY(!setPolicyValue(policies[size_t(Placement::Checkout)], "kinds", "necessity,upgrade", error));
        // The reason reads as English for every kind ("necessities", not "necessitys").
        QVERIFY(setPolicyValue(policies[size_t(Placement::Checkout)], "kinds", "accessory", error));
        PlacementEngine accessoriesOnly(f.snap, f.evidence({}), policies);
        const RecommendResult a = accessoriesOnly.recommend(c);
        QCOMPARE(leftOutOf(a, f.idx("CARD-A"))->text, std::string("checkout does not show necessities"));
    }
};

QTEST_GUILESS_MAIN(tst_PlacementRules)
#include "tst_placementrules.moc"

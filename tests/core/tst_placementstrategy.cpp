// How a placement orders and fills its slots: upgrades first, the free-shipping gap, curated before mined
// in a blend, the pair/EASE weight, the best-seller fallback, post-purchase send days, and that the same
// request always gives the same page.
#include "placementfixture.h"

#include <QtTest>

using namespace mb;
using K = RelationKind;

namespace {

std::vector<std::string> skus(const Snapshot &s, const RecommendResult &r)
{
    std::vector<std::string> out;
    for (const Recommendation &x : r.picks) out.push_back(s.products[x.product].sku);
    return out;
}

QStringList list(const std::vector<std::string> &v)
{
    QStringList l;
    for (const auto &s : v) l << QString::fromStdString(s);
    return l;
}

bool hasReason(const Recommendation &r, ReasonCode code)
{
    return std::any_of(r.reasons.begin(), r.reasons.end(), [&](const Reason &x) { return x.code == code; });
}

}  // namespace

class tst_PlacementStrategy : public QObject {
    Q_OBJECT

private:
    mbtest::PlacementFixture f;

    PolicySet with(Placement p, std::initializer_list<std::pair<const char *, const char *>> values)
    {
        PolicySet set = defaultPolicies();
        for (const auto &[k, v] : values) {
            std::string error;
            if (!setPolicyValue(set[size_t(p)], k, v, error)) qFatal("%s", error.c_str());
        }
        return set;
    }
    RecommendContext page(const char *sku)
    {
        RecommendContext c;
        c.anchor = int32_t(f.idx(sku));
        return c;
    }
    RecommendContext cart(Placement p, std::initializer_list<const char *> items)
    {
        RecommendContext c;
        c.placement = p;
        for (const char *s : items) c.cart.push_back({f.idx(s), 1});
        return c;
    }

private Q_SLOTS:
    void initTestCase() { mbtest::buildCameraShop(f); }

    void productPageShowsUpgradesFirstThenNecessities()
    {
        PlacementEngine engine(f.snap, f.evidence({}));
        const RecommendResult r = engine.recommend(page("CAM-1"));
        QCOMPARE(list(skus(f.snap, r)), (QStringList{"CAM-2", "CARD-A", "BATTERY", "BAG-1"}));
        QCOMPARE(r.picks[0].kind, K::Upgrade);
        QVERIFY(hasReason(r.picks[0], ReasonCode::UpgradeInBand));
        QCOMPARE(r.picks[0].reasons.back().text, std::string("upgrade for 25% more than CAM-1"));
        QCOMPARE(r.picks[1].pitch, std::string("pitch CARD-A"));
        QCOMPARE(r.picks[1].source, PickSource::Curated);

        engine.setPolicies(with(Placement::ProductPage, {{"upgrades-first", "false"}}));
        QCOMPARE(list(skus(f.snap, engine.recommend(page("CAM-1")))), (QStringList{"CARD-A", "BATTERY", "BAG-1", "CAM-2"}));
    }

    void slotsLimitThePage()
    {
        PlacementEngine engine(f.snap, f.evidence({}), with(Placement::ProductPage, {{"slots", "2"}}));
        const RecommendResult r = engine.recommend(page("CAM-1"));
        QCOMPARE(list(skus(f.snap, r)), (QStringList{"CAM-2", "CARD-A"}));
        const auto noSlot = std::count_if(r.leftOut.begin(), r.leftOut.end(), [](const LeftOut &x) { return x.rule == LeftOutRule::NoSlot; });
        QCOMPARE(int(noSlot), 2);  // BATTERY and BAG-1 qualified
    }

    void freeShippingGapPrefersAddOnsThatCloseIt()
    {
        PlacementEngine engine(f.snap, f.evidence({}));
        const RecommendContext c = cart(Placement::Cart, {"MACHINE"});
        QCOMPARE(list(skus(f.snap, engine.recommend(c))), (QStringList{"FILTER", "DESCALER", "MILK-JUG"}));

        engine.setPolicies(with(Placement::Cart, {{"free-shipping-threshold", "110"}}));
        const RecommendResult r = engine.recommend(c);
        QCOMPARE(list(skus(f.snap, r)), (QStringList{"MILK-JUG", "FILTER", "DESCALER"}));
        QVERIFY(hasReason(r.picks[0], ReasonCode::ClosesShippingGap));
        QCOMPARE(r.picks[0].reasons.back().text, std::string("adds 12.00 and closes the free-shipping gap of 10.00"));
        QCOMPARE(r.cartSubtotal, 100.0);
    }

    void strategyBlendsCuratedFirstThenMined()
    {
        const MinedEvidence mined = f.evidence({{"MACHINE", "MUG", K::Accessory, 0.6f, 1.0f},
                                                {"MACHINE", "FILTER", K::Consumable, 0.7f, 0.5f}});
        PlacementEngine engine(f.snap, mined, with(Placement::Cart, {{"strategy", "curated"}}));
        const RecommendContext c = cart(Placement::Cart, {"MACHINE"});
        QCOMPARE(list(skus(f.snap, engine.recommend(c))), (QStringList{"FILTER", "DESCALER", "MILK-JUG"}));
        // Mined candidates rank by evidence, not by kind: MUG (0.5 x 60 % + 0.5 x 1.0) before the consumable
        // FILTER (0.5 x 70 % + 0.5 x 0.5), though the cart lists consumables before accessories.
        engine.setPolicies(with(Placement::Cart, {{"strategy", "mined"}}));
        QCOMPARE(list(skus(f.snap, engine.recommend(c))), (QStringList{"MUG", "FILTER"}));
        engine.setPolicies(with(Placement::Cart, {{"strategy", "blend"}, {"slots", "4"}}));
        const RecommendResult r = engine.recommend(c);
        QCOMPARE(list(skus(f.snap, r)), (QStringList{"FILTER", "DESCALER", "MILK-JUG", "MUG"}));
        // FILTER is both curated and mined: one pick, the map's kind, the history's evidence as a reason.
        QCOMPARE(r.picks[0].source, PickSource::Curated);
        QVERIFY(hasReason(r.picks[0], ReasonCode::CuratedRelation));
        QVERIFY(hasReason(r.picks[0], ReasonCode::BoughtTogether));
        QCOMPARE(r.picks[3].source, PickSource::Mined);
        QCOMPARE(r.picks[3].reasons[0].text, std::string("bought in 60% of the orders with MACHINE (lift 3.0)"));
    }

    void pairWeightTradesConfidenceAgainstEase()
    {
        const MinedEvidence mined = f.evidence({{"MACHINE", "MUG", K::Accessory, 0.8f, 0.1f},
                                                {"MACHINE", "MILK-JUG", K::Accessory, 0.2f, 1.0f}});
        PlacementEngine engine(f.snap, mined, with(Placement::Cart, {{"strategy", "mined"}, {"pair-weight", "1"}}));
        const RecommendContext c = cart(Placement::Cart, {"MACHINE"});
        QCOMPARE(list(skus(f.snap, engine.recommend(c))), (QStringList{"MUG", "MILK-JUG"}));
        engine.setPolicies(with(Placement::Cart, {{"strategy", "mined"}, {"pair-weight", "0"}}));
        QCOMPARE(list(skus(f.snap, engine.recommend(c))), (QStringList{"MILK-JUG", "MUG"}));
    }

    void fallbackShowsCategoryBestSellers()
    {
        PlacementEngine engine(f.snap, f.evidence({}));
        const RecommendResult r = engine.recommend(page("FILTER"));  // no map, no history links
        QVERIFY(r.fallback);
        QCOMPARE(list(skus(f.snap, r)).first(), QString("DESCALER"));
        QCOMPARE(r.picks[0].source, PickSource::Fallback);
        QVERIFY(r.picks[0].reasons[0].text.rfind("fallback: best seller in Coffee > Filters", 0) == 0);

        engine.setPolicies(with(Placement::ProductPage, {{"fallback", "false"}}));
        const RecommendResult none = engine.recommend(page("FILTER"));
        QVERIFY(none.picks.empty());
        QVERIFY(!none.fallback);
    }

    void postPurchaseSchedulesSendDays()
    {
        const MinedEvidence mined = f.evidence({{"MACHINE", "MUG", K::Accessory, 0.5f, 0.5f}}, {{"FILTER", 21.4f}});
        PlacementEngine engine(f.snap, mined, with(Placement::PostPurchase, {{"consumable-default-days", "45"}, {"slots", "5"}}));
        const RecommendResult r = engine.recommend(cart(Placement::PostPurchase, {"MACHINE"}));
        QCOMPARE(list(skus(f.snap, r)), (QStringList{"GRINDER", "MILK-JUG", "FILTER", "DESCALER", "MUG"}));
        std::map<std::string, int> days;
        for (const Recommendation &x : r.picks) days[f.snap.products[x.product].sku] = x.sendDay;
        QCOMPARE(days["FILTER"], 21);    // the mined interval
        QCOMPARE(days["DESCALER"], 45);  // no mined interval: the default
        QCOMPARE(days["MILK-JUG"], 3);   // an accessory, a few days after the order
        QCOMPARE(days["MUG"], 3);
        QVERIFY(hasReason(r.picks[2], ReasonCode::SendDayMined));
        QCOMPARE(r.picks[2].reasons.back().text, std::string("refill reminder on day 21: customers re-buy it every 21.4 days (median)"));
        QVERIFY(hasReason(r.picks[3], ReasonCode::SendDayDefault));
        // Elsewhere there is no e-mail and so no send day.
        for (const Recommendation &x : engine.recommend(page("CAM-1")).picks) QCOMPARE(x.sendDay, -1);
    }

    void sameRequestSamePage()
    {
        PlacementEngine engine(f.snap, f.evidence({{"CAM-1", "MUG", K::Accessory, 0.3f, 0.3f}}));
        RecommendContext c = page("CAM-1");
        c.customer = engine.customerIndex("ANN");
        const RecommendResult a = engine.recommend(c), b = engine.recommend(c);
        QCOMPARE(a.picks.size(), b.picks.size());
        for (size_t i = 0; i < a.picks.size(); ++i) QCOMPARE(a.picks[i].product, b.picks[i].product);
        QCOMPARE(a.leftOut.size(), b.leftOut.size());
    }

    void badContextsAreRefused()
    {
        PlacementEngine engine(f.snap, f.evidence({}));
        RecommendContext c;
        c.placement = Placement::Cart;
        QCOMPARE(engine.recommend(c).error, std::string("the cart is empty"));
        c.cart = {{9999, 1}};
        QCOMPARE(engine.recommend(c).error, std::string("cart line names product index 9999, beyond the catalog"));
    }
};

QTEST_GUILESS_MAIN(tst_PlacementStrategy)
#include "tst_placementstrategy.moc"

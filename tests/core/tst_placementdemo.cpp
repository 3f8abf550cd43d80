// The placements on the demo store, as a merchandiser would first try them: a camera gets its memory card
// as a necessity on the product page and at checkout, and a coffee machine's follow-up e-mail schedules
// its filters at the interval the history shows (about 30 days).
#include "testsupport.h"

#include "core/demo/demogenerator.h"
#include "core/placement/placementengine.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace mb;

class tst_PlacementDemo : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    std::shared_ptr<const Snapshot> snap;
    std::unique_ptr<PlacementEngine> engine;

    std::string categoryOf(uint32_t product) const
    {
        const int32_t c = snap->products[product].category;
        return c < 0 ? std::string() : snap->categories[size_t(c)].path;
    }
    const Recommendation *firstIn(const RecommendResult &r, const std::string &category) const
    {
        for (const Recommendation &x : r.picks)
            if (categoryOf(x.product) == category) return &x;
        return nullptr;
    }
    std::vector<uint32_t> mirrorlessCameras() const
    {
        std::vector<uint32_t> out;
        for (uint32_t p = 0; p < snap->products.size(); ++p)
            if (categoryOf(p) == "Cameras > Mirrorless") out.push_back(p);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("demo.merchbench").toStdString();
        std::string error;
        QVERIFY2(createDemoWorkspace(path, DemoParameters{}, error), error.c_str());
        auto ws = Workspace::open(path, error);
        QVERIFY2(ws, error.c_str());
        PolicySet policies;
        QVERIFY2(loadPolicies(*ws, policies, error), error.c_str());
        snap = Snapshot::load(*ws, error);
        QVERIFY2(snap, error.c_str());
        engine = std::make_unique<PlacementEngine>(*snap, mineEvidence(*snap), policies);
    }

    void cameraGetsItsMemoryCardAsNecessity_data()
    {
        QTest::addColumn<int>("placement");
        QTest::newRow("product page") << int(Placement::ProductPage);
        QTest::newRow("checkout") << int(Placement::Checkout);
    }
    void cameraGetsItsMemoryCardAsNecessity()
    {
        QFETCH(int, placement);
        const auto cameras = mirrorlessCameras();
        QVERIFY(cameras.size() >= 12);
        for (uint32_t camera : cameras) {
            RecommendContext c;
            c.placement = Placement(placement);
            if (c.placement == Placement::ProductPage) c.anchor = int32_t(camera);
            else c.cart = {{camera, 1}};
            const RecommendResult r = engine->recommend(c);
            const Recommendation *card = firstIn(r, "Cameras > Accessories > Memory Cards");
            QVERIFY2(card, qPrintable(QString::fromStdString(snap->products[camera].sku) + " has no memory card"));
            QCOMPARE(card->kind, RelationKind::Necessity);
            QVERIFY(!card->reasons.empty());
        }
    }

    void minedStrategyAloneStillFindsTheCard()
    {
        // Without any map the history alone must still put a card on the camera's page.
        PolicySet mined = engine->policies();
        std::string error;
        QVERIFY(setPolicyValue(mined[size_t(Placement::ProductPage)], "strategy", "mined", error));
        PlacementEngine minedEngine(*snap, engine->evidence(), mined);
        RecommendContext c;
        c.anchor = snap->productIndex("CAM-MIR-110");
        QVERIFY(c.anchor >= 0);
        const RecommendResult r = minedEngine.recommend(c);
        const Recommendation *card = firstIn(r, "Cameras > Accessories > Memory Cards");
        QVERIFY(card);
        QCOMPARE(card->source, PickSource::Mined);
        QVERIFY(std::any_of(card->reasons.begin(), card->reasons.end(), [](const Reason &x) { return x.code == ReasonCode::BoughtTogether; }));
    }

    void coffeeMachineEmailSchedulesFiltersAtTheMinedInterval()
    {
        RecommendContext c;
        c.placement = Placement::PostPurchase;
        c.cart = {{uint32_t(snap->productIndex("COF-MAC-110")), 1}};
        const RecommendResult r = engine->recommend(c);
        const Recommendation *filter = firstIn(r, "Coffee > Filters");
        QVERIFY(filter);
        QCOMPARE(filter->kind, RelationKind::Consumable);
        const double mined = engine->evidence().replenishment(filter->product);
        QVERIFY(mined >= 25 && mined <= 35);  // the demo's filters are re-bought every 30 +- 3 days
        QCOMPARE(filter->sendDay, int(std::lround(mined)));
        QVERIFY(std::any_of(filter->reasons.begin(), filter->reasons.end(), [](const Reason &x) { return x.code == ReasonCode::SendDayMined; }));
        // Accessories go out a few days after the order.
        for (const Recommendation &x : r.picks)
            if (x.kind != RelationKind::Consumable) QCOMPARE(x.sendDay, engine->policy(Placement::PostPurchase).addOnDelayDays);
    }
};

QTEST_GUILESS_MAIN(tst_PlacementDemo)
#include "tst_placementdemo.moc"

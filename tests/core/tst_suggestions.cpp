// Mined evidence kept in the workspace, marked stale by an import; suggestions with their evidence; the
// kind heuristic branch by branch; a rejection that survives re-mining.
#include "testsupport.h"
#include "workspacequery.h"

#include "core/demo/demogenerator.h"
#include "core/maps/relationresolver.h"
#include "core/storage/relationstore.h"
#include "core/maps/suggestions.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

namespace {

// A tiny store for the heuristic: a camera family, a card, a bag, coffee filters bought again and again.
std::unique_ptr<Workspace> tinyStore(const QString &path)
{
    std::string error;
    auto ws = Workspace::create(path.toStdString(), error);
    CatalogBatch c;
    c.format = "generic";
    auto add = [&](const char *sku, const char *cat, const char *family, double price) {
        ProductRecord p;
        p.sku = sku;
        p.title = sku;
        p.category = cat;
        p.family = family;
        p.price = price;
        p.stock = 10;
        c.products.push_back(p);
    };
    add("CAM1", "Cameras", "CAMF", 500);
    add("CAM2", "Cameras", "CAMF", 650);
    add("CARD", "Cards", "", 20);
    add("BAG", "Bags", "", 200);
    add("LENS", "Lenses", "", 300);
    add("FILTER", "Coffee > Filters", "", 4);
    ImportReport r;
    writeCatalog(*ws, c, "c", r);
    return ws;
}

// The demo store with its mining saved, as the app makes it for a user.
std::unique_ptr<Workspace> minedDemo(const QTemporaryDir &dir)
{
    std::string error;
    const std::string path = dir.filePath("demo.merchbench").toStdString();
    DemoParameters p;
    p.mine = true;
    if (!createDemoWorkspace(path, p, error)) return nullptr;
    return Workspace::open(path, error);
}

}  // namespace

class TestSuggestions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kindHeuristic()
    {
        QTemporaryDir dir;
        auto ws = tinyStore(dir.filePath("t.merchbench"));
        // A curated category rule Cameras -> Lenses as an enhancement teaches the heuristic that kind.
        std::string error;
        auto catId = [&](const char *path) {
            auto s = mbtest::loadSnapshot(*ws);
            for (const auto &c : s->categories)
                if (c.path == path) return c.id;
            return int64_t(0);
        };
        Relation rule;
        rule.anchorType = EndpointType::Category;
        rule.anchorId = catId("Cameras");
        rule.targetType = EndpointType::Category;
        rule.targetId = catId("Lenses");
        rule.kind = RelationKind::Enhancement;
        QVERIFY2(RelationStore(*ws).add(rule, error), error.c_str());
        auto s = mbtest::loadSnapshot(*ws);
        RelationResolver resolver(*s);
        auto p = [&](const char *sku) { return uint32_t(s->productIndex(sku)); };
        ReplenishmentStat rebought;
        rebought.repeatShare = 0.4;
        rebought.intervals = 12;
        rebought.medianDays = 30;
        auto ev = [](double confidence, const ReplenishmentStat *target) {
            KindEvidence e;
            e.confidence = confidence;
            e.targetReplenishment = target;
            return e;
        };
        const KindSuggestion consumable = suggestKind(*s, resolver, p("CAM1"), p("FILTER"), ev(0.1, &rebought));
        QCOMPARE(consumable.kind, RelationKind::Consumable);
        QVERIFY(consumable.reasoning.find("every 30 days") != std::string::npos);
        QCOMPARE(suggestKind(*s, resolver, p("CAM1"), p("CAM2"), ev(0.1, nullptr)).kind, RelationKind::Upgrade);
        // Cheaper, of the same category, never bought together: a substitute, no upgrade and no add-on.
        const KindSuggestion cheaper = suggestKind(*s, resolver, p("CAM2"), p("CAM1"), ev(0.1, nullptr));
        QVERIFY2(cheaper.substitute, cheaper.reasoning.c_str());
        QCOMPARE(suggestKind(*s, resolver, p("CAM1"), p("LENS"), ev(0.1, nullptr)).kind, RelationKind::Enhancement);
        QCOMPARE(suggestKind(*s, resolver, p("CAM1"), p("CARD"), ev(0.7, nullptr)).kind, RelationKind::Necessity);
        QCOMPARE(suggestKind(*s, resolver, p("CAM1"), p("CARD"), ev(0.2, nullptr)).kind, RelationKind::Accessory);  // attach rate too low
        QCOMPARE(suggestKind(*s, resolver, p("CAM1"), p("BAG"), ev(0.7, nullptr)).kind, RelationKind::Accessory);   // not much cheaper
        ReplenishmentStat rare = rebought;
        rare.repeatShare = 0.05;
        QCOMPARE(suggestKind(*s, resolver, p("CAM1"), p("FILTER"), ev(0.1, &rare)).kind, RelationKind::Accessory);
        // Re-bought, but the camera's own buyers come back as often: habit, not a consumable.
        ReplenishmentStat habit = rebought;
        KindEvidence asOften = ev(0.1, &rebought);
        asOften.anchorReplenishment = &habit;
        QCOMPARE(suggestKind(*s, resolver, p("CAM1"), p("FILTER"), asOften).kind, RelationKind::Accessory);
    }

    void evidenceReadsLikeASentence()
    {
        PairRule r;
        r.count = 412;
        r.antecedentCount = 1930;
        r.confidence = 412.0 / 1930.0;
        r.lift = 5.2;
        ReplenishmentStat repl;
        repl.intervals = 40;
        repl.medianDays = 34;
        repl.repeatShare = 0.3;
        QCOMPARE(QString::fromStdString(evidenceText(r, NAN, &repl)),
                 QStringLiteral("bought together in 412 of 1930 orders (21 %), lift 5.2; re-bought every 34 days by 30 % of its buyers"));
    }

    void minedResultsPersistAndGoStale()
    {
        QTemporaryDir dir;
        std::string error;
        const std::string path = dir.filePath("demo.merchbench").toStdString();
        QVERIFY2(createDemoWorkspace(path, DemoParameters(), error), error.c_str());
        auto ws = Workspace::open(path, error);
        auto snap = mbtest::loadSnapshot(*ws);
        QVERIFY(loadMinedResults(*ws, *snap).empty());
        QVERIFY2(mineAndSave(*ws, *snap, MiningSettings(), error), error.c_str());
        MinedResults mined = loadMinedResults(*ws, *snap);
        QVERIFY(!mined.stale);
        QVERIFY(mined.pairs.size() > 100);
        QVERIFY(!mined.ease.empty());
        // The persisted figures are the mined ones: compare one rule with a fresh computation.
        const PairRule &first = mined.pairs.front();
        const PairRule fresh = pairRule(*snap, first.antecedent, first.consequent);
        QCOMPARE(first.count, fresh.count);
        QCOMPARE(first.lift, fresh.lift);
        // Filters are re-bought about monthly in the demo store.
        const ReplenishmentStat *filters = mined.replenishmentOf(uint32_t(snap->productIndex("COF-FLT-703")));
        QVERIFY(filters);
        QVERIFY2(filters->medianDays > 20 && filters->medianDays < 40, qPrintable(QString::number(filters->medianDays)));
        const auto runs = miningRuns(*ws);
        QCOMPARE(runs.size(), size_t(3));
        QVERIFY(runs[0].parameters.find("lambda") != std::string::npos);  // ease first by kind
        // An import moves the order history on: the runs become stale.
        OrderBatch more;
        more.format = "lines";
        more.orders = {{1, "NEW-1", "", "", "", 1800000000, 0, true, OrderStatus::Completed}};
        more.lines = {{1, 0, "CAM-MIR-110", 1, 899}};
        ImportReport rep;
        QVERIFY(writeOrders(*ws, more, "later.csv", rep));
        auto snap2 = mbtest::loadSnapshot(*ws);
        QVERIFY(loadMinedResults(*ws, *snap2).stale);
        QVERIFY(mineAndSave(*ws, *snap2, MiningSettings(), error));
        QVERIFY(!loadMinedResults(*ws, *snap2).stale);
    }

    void rejectedStaysRejectedAfterRemining()
    {
        QTemporaryDir dir;
        std::string error;
        auto ws = minedDemo(dir);
        QVERIFY(ws);
        auto snap = mbtest::loadSnapshot(*ws);
        MinedResults mined = loadMinedResults(*ws, *snap);
        RelationResolver resolver(*snap);
        const uint32_t anchor = uint32_t(snap->productIndex("COF-MAC-120"));
        auto before = SuggestionEngine(*snap, resolver, mined).forAnchor(anchor);
        QVERIFY(!before.empty());
        const Suggestion first = before.front();
        QVERIFY(!first.evidence.empty());
        QVERIFY(rejectSuggestion(*ws, snap->products[anchor].id, snap->products[first.target].id, first.kind.kind, error));
        auto snap2 = mbtest::loadSnapshot(*ws);
        QVERIFY(mineAndSave(*ws, *snap2, MiningSettings(), error));
        MinedResults mined2 = loadMinedResults(*ws, *snap2);
        RelationResolver resolver2(*snap2);
        for (const Suggestion &s : SuggestionEngine(*snap2, resolver2, mined2).forAnchor(anchor)) QVERIFY(s.target != first.target);
        // Accepting makes a mined relation that the map resolves.
        auto others = SuggestionEngine(*snap2, resolver2, mined2).all(SuggestionFilter());
        QVERIFY(!others.empty());
        QCOMPARE(acceptSuggestions(*ws, *snap2, {others.front()}, error), 1);
        auto snap3 = mbtest::loadSnapshot(*ws);
        RelationResolver resolver3(*snap3);
        const auto resolved = resolver3.resolve(others.front().anchor);
        QVERIFY(std::any_of(resolved.begin(), resolved.end(), [&](const ResolvedRelation &r) {
            return r.product == others.front().target && r.relation->source == RelationSource::Mined;
        }));
    }

    void nothingSuggestedForWhatIsNotMerchandise()
    {
        QTemporaryDir dir;
        std::string error;
        auto ws = minedDemo(dir);
        QVERIFY(ws);
        auto snap = mbtest::loadSnapshot(*ws);
        MinedResults mined = loadMinedResults(*ws, *snap);
        RelationResolver resolver(*snap);
        for (const Suggestion &s : SuggestionEngine(*snap, resolver, mined).all(SuggestionFilter())) {
            QVERIFY2(snap->products[s.target].sku.rfind("SHIP-", 0) != 0, snap->products[s.target].sku.c_str());
            QVERIFY(snap->products[s.target].recommendable);
        }
    }
};

QTEST_GUILESS_MAIN(TestSuggestions)
#include "tst_suggestions.moc"

// The back-test (core/backtest) on a hand-made history whose every figure is worked out by hand below, and its
// split, determinism and Cancel.
#include "core/backtest/backtest.h"
#include "core/backtest/backtestmetrics.h"
#include "core/io/fieldparse.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"
#include "placementfixture.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace mb;

namespace {

// Training (days 100..105), customer T:      Test, customer X:
//   {A,B,C} {A,B} {A,B,POST} {POST} {C,D}      day 110 {A,B}
//   {C,E} {D,E}                                day 115 {D,E,POST}
//                                               day 150 {A,D}
// POST is non-merchandise (recommendable off). Training baskets holding each product: A 3, B 3, C 3, D 2, E 2.
// Pair counts: AB 3, AC 1, BC 1, CD 1, CE 1, DE 1.
void buildHistory(mbtest::PlacementFixture &f)
{
    const int32_t shop = f.category("Shop");
    for (const char *sku : {"A", "B", "C", "D", "E"}) f.product(sku, shop, 10, 4, -1);
    f.product("POST", shop, 5, NAN, -1, {}, false);
    const int32_t t = f.customer("T");
    const int32_t x = f.customer("X");
    f.order(t, 100, {"A", "B", "C"});
    f.order(t, 101, {"A", "B"});
    f.order(t, 102, {"A", "B", "POST"});
    f.order(t, 103, {"POST"});
    f.order(t, 103, {"C", "D"});
    f.order(t, 104, {"C", "E"});
    f.order(t, 105, {"D", "E"});
    f.order(x, 110, {"A", "B"});
    f.order(x, 115, {"D", "E", "POST"});
    f.order(x, 150, {"A", "D"});
    f.finish();
    for (SnapshotOrder &o : f.snap.orders) {  // what the loader derives from the lines
        o.merchandiseTotal = 0;
        for (uint32_t k = o.lineBegin; k < o.lineEnd; ++k) o.merchandiseTotal += f.snap.lines[k].net();
    }
}

BacktestOptions handOptions()
{
    BacktestOptions o;
    o.splitDay = 110;
    o.samplePerTask = 0;
    o.liftMinCount = 1;   // so the tiny history has lifts to rank
    o.threads = 2;
    return o;
}

const double ndcgRank2 = 1.0 / std::log2(3.0);  // one hit at rank 2 of one target

QString jsonWithoutTimes(QJsonObject o)
{
    o.remove("millis");
    QJsonArray rows = o.value("rows").toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QJsonObject r = rows[i].toObject();
        r.remove("millis");
        rows[i] = r;
    }
    o.insert("rows", rows);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

}  // namespace

class TestBacktest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void metricsByHand();
    void tallyOfOneList();
    void defaultSplit();
    void trainingSnapshotHasOnlyEarlierOrders();
    void deterministicAndSampled();
    void cancel();
    void refusals();
    void exports();
    void onlineRetail();
};

void TestBacktest::metricsByHand()
{
    mbtest::PlacementFixture f;
    buildHistory(f);
    const BacktestResult r = runBacktest(f.snap, defaultPolicies(), MiningSettings(), handOptions());
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.splitDate, std::string("1970-04-21"));  // day 110
    QCOMPARE(r.trainingOrders, size_t(6));             // the POST-only order is no merchandise order
    QCOMPARE(r.testOrders, size_t(3));
    QCOMPARE(r.offeredTrainingProducts, size_t(5));    // A..E; POST is not offered
    QCOMPARE(r.testAov, (20.0 + 25.0 + 20.0) / 3);

    // Product page: every test basket has 2 merchandise items, one the anchor, the other the target. Whichever
    // item is drawn, co-occurrence gives: {A,B} -> the other at rank 1; {D,E} -> C (count 1, 3 baskets) ties
    // with the other and wins on baskets, so the target is at rank 2; {A,D} -> A's list B,C or D's list C,E: a miss.
    const BacktestRow *co = r.row(BacktestTask::ProductPage, BacktestMethod::CoOccurrence);
    QVERIFY(co);
    QCOMPARE(co->requests, size_t(3));
    QCOMPARE(co->slots, 6);
    QCOMPARE(co->atSlots.hitRate, 2.0 / 3);
    QCOMPARE(co->atSlots.recall, 2.0 / 3);
    QCOMPARE(co->atSlots.ndcg, (1.0 + ndcgRank2) / 3);
    QCOMPARE(co->atList.k, 10);
    QCOMPARE(co->atList.ndcg, (1.0 + ndcgRank2) / 3);
    QCOMPARE(co->coverage, 1.0);
    QCOMPARE(co->nonMerchandiseShare, 0.0);
    // Picks: {A,B} -> 2 (the other, C); {D,E} -> 2; {A,D} -> 2: six picks, two of them hits at 10.00 each.
    QCOMPARE(co->picks, size_t(6));
    QCOMPARE(co->hits, size_t(2));
    QCOMPARE(co->hitValue, 20.0);
    QCOMPARE(co->projectedAovLift, 20.0 * 0.05 / 3 / r.testAov);

    // Confidence with at least 2 baskets: only A<->B qualifies, so only {A,B} gets a list (and hits).
    const BacktestRow *conf = r.row(BacktestTask::ProductPage, BacktestMethod::Confidence);
    QVERIFY(conf);
    QCOMPARE(conf->atSlots.hitRate, 1.0 / 3);
    QCOMPARE(conf->coverage, 1.0 / 3);
    QCOMPARE(conf->distinctPicked, size_t(1));        // the other item of {A,B}, whichever is the anchor
    QCOMPARE(conf->catalogCoverage, 1.0 / 5);

    // Lift (min count 1): D -> E 1*7/(2*2) beats D -> C 1*7/(2*3), and the same for E -> D: {D,E} now hits at rank 1.
    const BacktestRow *lift = r.row(BacktestTask::ProductPage, BacktestMethod::Lift);
    QVERIFY(lift);
    QCOMPARE(lift->atSlots.hitRate, 2.0 / 3);
    QCOMPARE(lift->atSlots.ndcg, 2.0 / 3);

    // Cart: two items -> one in the cart, one target: the same requests as the product page.
    const BacktestRow *cartCo = r.row(BacktestTask::Cart, BacktestMethod::CoOccurrence);
    QVERIFY(cartCo);
    QCOMPARE(cartCo->slots, 3);
    QCOMPARE(cartCo->atSlots.ndcg, (1.0 + ndcgRank2) / 3);
    QVERIFY(r.row(BacktestTask::Cart, BacktestMethod::Policy, Placement::Checkout));
    QCOMPARE(r.row(BacktestTask::Cart, BacktestMethod::Policy, Placement::Checkout)->slots, 2);

    // Post-purchase: only X's {A,B} on day 110 has a next order within 30 days ({D,E} on 115; {A,D} on 150 is 35
    // days after it). Targets D and E. Popularity without A and B: C, D, E -> hits at ranks 2 and 3.
    QCOMPARE(r.tasks.size(), size_t(3));
    QCOMPARE(r.tasks[2].eligible, size_t(1));
    QCOMPARE(r.tasks[2].meanTargets, 2.0);
    const BacktestRow *pop = r.row(BacktestTask::PostPurchase, BacktestMethod::Popularity);
    QVERIFY(pop);
    QCOMPARE(pop->slots, 4);
    QCOMPARE(pop->atSlots.hitRate, 1.0);
    QCOMPARE(pop->atSlots.recall, 1.0);
    QCOMPARE(pop->atSlots.ndcg, (1.0 / std::log2(3.0) + 1.0 / std::log2(4.0)) / (1.0 + 1.0 / std::log2(3.0)));
    // Co-occurrence sums A's and B's counts: only C (1 + 1) is left: a miss.
    QCOMPARE(r.row(BacktestTask::PostPurchase, BacktestMethod::CoOccurrence)->atSlots.hitRate, 0.0);

    // The policies never show a non-merchandise product.
    for (const BacktestRow &row : r.rows) QCOMPARE(row.nonMerchandisePicks, size_t(0));
    QVERIFY(r.assumptions.find("5.0 %") != std::string::npos);
    QVERIFY(r.assumptions.find("1970-04-21") != std::string::npos);
}

void TestBacktest::tallyOfOneList()
{
    // Targets {1, 4, 9}; list 4, 2, 9, 7 with k = 2 and 10.
    backtest::Request req;
    req.targets = {1, 4, 9};
    req.targetPrice = {3, 5, 7};
    backtest::Tally t(2, 10, 12);
    // Product 2 is postage (switched off): a non-merchandise pick, and no part of the catalog coverage.
    std::vector<char> flags(12, backtest::Tally::InCatalog);
    flags[2] = backtest::Tally::NonMerchandise;
    t.add(req, {4, 2, 9, 7}, flags);
    t.add(req, {}, flags);
    BacktestRow row;
    t.finish(row, 6, 0.1, 50);
    const double idcg2 = 1 + 1 / std::log2(3.0), idcg3 = idcg2 + 0.5;
    QCOMPARE(row.atSlots.hitRate, 0.5);
    QCOMPARE(row.atSlots.recall, (1.0 / 3) / 2);
    QCOMPARE(row.atSlots.ndcg, (1.0 / idcg2) / 2);
    QCOMPARE(row.atList.recall, (2.0 / 3) / 2);
    QCOMPARE(row.atList.ndcg, ((1 + 0.5) / idcg3) / 2);
    QCOMPARE(row.coverage, 0.5);
    QCOMPARE(row.picks, size_t(2));
    QCOMPARE(row.hits, size_t(1));
    QCOMPARE(row.hitValue, 5.0);
    QCOMPARE(row.projectedAovLift, 5.0 * 0.1 / 2 / 50);
    QCOMPARE(row.catalogCoverage, 1.0 / 6);
    QCOMPARE(row.nonMerchandisePicks, size_t(1));
    QCOMPARE(row.nonMerchandiseShare, 0.5);
}

void TestBacktest::defaultSplit()
{
    mbtest::PlacementFixture f;
    buildHistory(f);
    // Nine merchandise baskets (the POST-only one does not count): days 100..105, 110, 115, 150. The last 20 %
    // begin at the 8th (index floor(9 * 0.8) = 7): day 115.
    QCOMPARE(defaultSplitDay(f.snap, 0.2), 115);
    QCOMPARE(defaultSplitDay(f.snap, 0.5), 104);  // index 4 of the nine days
    BacktestOptions o = handOptions();
    o.splitDay.reset();
    const BacktestResult r = runBacktest(f.snap, defaultPolicies(), MiningSettings(), o);
    QVERIFY2(r.ok(), r.error.c_str());
    QVERIFY(r.defaultSplit);
    QCOMPARE(r.splitDay, 115);
    QCOMPARE(r.trainingOrders, size_t(7));
    QCOMPARE(r.testOrders, size_t(2));
    QVERIFY(r.assumptions.find("default") != std::string::npos);

    QCOMPARE(parseIsoDate("2011-10-01"), std::optional<int32_t>(15248));
    QVERIFY(!parseIsoDate("2011-02-29"));
    QVERIFY(parseIsoDate("2012-02-29"));
    QVERIFY(!parseIsoDate("2011-10-1"));
    QVERIFY(!parseIsoDate("2011-10-01T00:00"));
}

void TestBacktest::trainingSnapshotHasOnlyEarlierOrders()
{
    mbtest::PlacementFixture f;
    buildHistory(f);
    std::vector<char> keep(f.snap.orders.size(), 0);
    for (size_t i = 0; i < keep.size(); ++i) keep[i] = f.snap.orders[i].orderedAt < int64_t(110) * 86400 ? 1 : 0;
    const auto train = Snapshot::withOrders(f.snap, keep);
    QCOMPARE(train->orders.size(), size_t(7));
    QCOMPARE(train->basketCount(), size_t(7));
    QCOMPARE(train->basketsWith[f.idx("A")], 3u);
    QCOMPARE(train->basketsWith[f.idx("D")], 2u);
    QCOMPARE(train->unitsSold[f.idx("A")], 3.0);
    QVERIFY(train->products.sharesWith(f.snap.products));  // the catalog is shared, not copied
    QCOMPARE(train->lines.size(), size_t(15));
    for (const SnapshotOrder &o : *train->orders) QVERIFY(o.lineEnd <= train->lines.size());
}

void TestBacktest::deterministicAndSampled()
{
    mbtest::PlacementFixture f;
    buildHistory(f);
    BacktestOptions o = handOptions();
    o.samplePerTask = 2;
    o.seed = 7;
    const BacktestResult a = runBacktest(f.snap, defaultPolicies(), MiningSettings(), o);
    const BacktestResult b = runBacktest(f.snap, defaultPolicies(), MiningSettings(), o);
    QVERIFY(a.ok());
    QCOMPARE(a.tasks[0].eligible, size_t(3));
    QCOMPARE(a.tasks[0].sampled, size_t(2));
    QCOMPARE(jsonWithoutTimes(backtestJson(a)), jsonWithoutTimes(backtestJson(b)));
    // One thread or two: the same figures (lists are made per request, scored in request order).
    BacktestOptions single = o;
    single.threads = 1;
    QCOMPARE(jsonWithoutTimes(backtestJson(runBacktest(f.snap, defaultPolicies(), MiningSettings(), single))),
             jsonWithoutTimes(backtestJson(a)));
    // Over several seeds the sample of 2 in 3 is not always the same pair.
    std::set<size_t> requestsWithHits;
    for (uint64_t seed = 1; seed <= 12; ++seed) {
        o.seed = seed;
        const BacktestResult r = runBacktest(f.snap, defaultPolicies(), MiningSettings(), o);
        requestsWithHits.insert(r.row(BacktestTask::ProductPage, BacktestMethod::CoOccurrence)->hits);
    }
    QVERIFY(requestsWithHits.size() > 1);
}

void TestBacktest::cancel()
{
    mbtest::PlacementFixture f;
    buildHistory(f);
    std::vector<std::string> phases;
    int calls = 0;
    const BacktestResult r = runBacktest(f.snap, defaultPolicies(), MiningSettings(), handOptions(),
                                         [&](const std::string &phase, double fraction) {
                                             phases.push_back(phase);
                                             Q_ASSERT(fraction >= 0 && fraction <= 1);
                                             return ++calls < 4;
                                         });
    QVERIFY(r.cancelled);
    QVERIFY(!r.ok());
    QVERIFY(r.rows.empty());
    QCOMPARE(calls, 4);  // it stopped at the first refusal
    // Cancel late, during the evaluation.
    bool evaluating = false;
    const BacktestResult late = runBacktest(f.snap, defaultPolicies(), MiningSettings(), handOptions(),
                                            [&](const std::string &phase, double) {
                                                evaluating = phase.rfind("Cart:", 0) == 0;
                                                return !evaluating;
                                            });
    QVERIFY(evaluating);
    QVERIFY(late.cancelled);
    // Uncancelled, progress ends at 1 with phases in order.
    double last = -1;
    bool monotone = true;
    const BacktestResult full = runBacktest(f.snap, defaultPolicies(), MiningSettings(), handOptions(),
                                            [&](const std::string &, double fraction) {
                                                monotone = monotone && fraction >= last;
                                                last = fraction;
                                                return true;
                                            });
    QVERIFY(full.ok());
    QVERIFY(monotone);
    QCOMPARE(last, 1.0);
}

void TestBacktest::refusals()
{
    mbtest::PlacementFixture f;
    buildHistory(f);
    BacktestOptions o = handOptions();
    o.splitDay = 90;
    BacktestResult r = runBacktest(f.snap, defaultPolicies(), MiningSettings(), o);
    QVERIFY(r.error.find("no merchandise orders before the split day 1970-04-01") != std::string::npos);
    o.splitDay = 200;
    r = runBacktest(f.snap, defaultPolicies(), MiningSettings(), o);
    QVERIFY(r.error.find("nothing to test") != std::string::npos);
    o = handOptions();
    o.tasks.clear();
    QVERIFY(runBacktest(f.snap, defaultPolicies(), MiningSettings(), o).error.find("no task") != std::string::npos);
    o = handOptions();
    o.withinDays = 0;
    QVERIFY(runBacktest(f.snap, defaultPolicies(), MiningSettings(), o).error.find("within-days") != std::string::npos);
}

void TestBacktest::exports()
{
    mbtest::PlacementFixture f;
    buildHistory(f);
    const BacktestResult r = runBacktest(f.snap, defaultPolicies(), MiningSettings(), handOptions());
    const std::string csv = backtestCsv(r);
    // A header and two rows (k = slots, k = 10) per row of the result.
    QCOMPARE(size_t(std::count(csv.begin(), csv.end(), '\n')), 1 + 2 * r.rows.size());
    QVERIFY(csv.rfind("task,method,placement,label,k,hit_rate,recall,ndcg,", 0) == 0);
    QVERIFY(csv.find("product-page,cooccurrence,product-page,Co-occurrence,6,0.6666666666666666,") != std::string::npos);
    const QJsonObject j = backtestJson(r);
    QCOMPARE(j.value("splitDate").toString(), QStringLiteral("1970-04-21"));
    QCOMPARE(j.value("rows").toArray().size(), qsizetype(r.rows.size()));
    QVERIFY(j.value("assumptions").toString().contains("estimate"));
}

void TestBacktest::onlineRetail()
{
    MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("or.merchbench").toStdString();
    std::string error;
    auto ws = Workspace::create(path, error);
    QVERIFY2(ws, error.c_str());
    ImportRequest req;
    req.kind = ImportKind::Orders;
    req.path = csv.toStdString();
    const ImportReport rep = runImport(*ws, req);
    QVERIFY2(rep.status == ImportStatus::Ok, rep.error.c_str());
    const auto snap = Snapshot::load(*ws, error);
    QVERIFY2(snap, error.c_str());
    // The default split: the last 20 % of the merchandise orders begin in the autumn of 2011.
    const int32_t split = defaultSplitDay(*snap);
    QVERIFY2(split >= *parseIsoDate("2011-09-15") && split <= *parseIsoDate("2011-11-15"), std::to_string(split).c_str());

    BacktestOptions o;
    o.splitDay = parseIsoDate("2011-10-01");
    const BacktestResult r = runBacktest(*ws, *snap, o);
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.splitDate, std::string("2011-10-01"));
    for (const BacktestTaskSummary &t : r.tasks) QCOMPARE(t.sampled, size_t(1000));
    const BacktestRow *co = r.row(BacktestTask::ProductPage, BacktestMethod::CoOccurrence);
    const BacktestRow *ease = r.row(BacktestTask::ProductPage, BacktestMethod::Ease);
    const BacktestRow *pop = r.row(BacktestTask::ProductPage, BacktestMethod::Popularity);
    QVERIFY(co && ease && pop);
    qInfo("product page HR@10: co-occurrence %.3f, EASE %.3f, popularity %.3f", co->atList.hitRate, ease->atList.hitRate,
          pop->atList.hitRate);
    // Measured at the time of writing (fresh import, no non-merchandise flags, default sample and seed): co-occurrence
    // 0.604, EASE 0.599, popularity 0.351. The ranges allow for import hygiene changing a few products.
    QVERIFY2(co->atList.hitRate > 0.52 && co->atList.hitRate < 0.68, std::to_string(co->atList.hitRate).c_str());
    QVERIFY2(ease->atList.hitRate > 0.52 && ease->atList.hitRate < 0.68, std::to_string(ease->atList.hitRate).c_str());
    QVERIFY(pop->atList.hitRate < co->atList.hitRate);
    QVERIFY(co->coverage > 0.9);  // anchors first sold after the split have no history
    const BacktestRow *cartEase = r.row(BacktestTask::Cart, BacktestMethod::Ease);
    QVERIFY(cartEase && cartEase->atList.hitRate > 0.4);
    // Issue 13's goal: at the placement's slots, the default blend beats every single baseline on the product page
    // and the cart, shows no non-merchandise, and answers nearly every request. Measured here (fresh import, no
    // hygiene applied, seed 13): product page 0.543 vs co-occurrence 0.539; cart 0.544 vs EASE 0.538 (before the
    // ranking and mining changes of core/placement/README.md "Figures": 0.511 vs 0.547 and 0.493 vs 0.544).
    for (BacktestTask task : {BacktestTask::ProductPage, BacktestTask::Cart}) {
        const BacktestRow *policy = r.row(task, BacktestMethod::Policy);
        QVERIFY(policy);
        QVERIFY2(policy->coverage >= 0.95, std::to_string(policy->coverage).c_str());
        QCOMPARE(policy->nonMerchandisePicks, size_t(0));
        for (BacktestMethod m : {BacktestMethod::Popularity, BacktestMethod::CoOccurrence, BacktestMethod::Confidence,
                                 BacktestMethod::Lift, BacktestMethod::Ease}) {
            const BacktestRow *baseline = r.row(task, m);
            QVERIFY(baseline);
            QVERIFY2(policy->atSlots.hitRate > baseline->atSlots.hitRate,
                     (std::string(backtestTaskLabel(task)) + ": policy " + std::to_string(policy->atSlots.hitRate) + " vs " +
                      backtestMethodLabel(m) + " " + std::to_string(baseline->atSlots.hitRate))
                         .c_str());
        }
    }
    // Cart figures (the most parallel work: big carts, summed EASE rows, the policies) do not depend on the threads.
    BacktestOptions few = o;
    few.tasks = {BacktestTask::Cart};
    few.methods = {BacktestMethod::Policy, BacktestMethod::CoOccurrence, BacktestMethod::Ease};
    few.samplePerTask = 200;
    few.threads = 1;
    const BacktestResult one = runBacktest(*ws, *snap, few);
    few.threads = 2;
    const BacktestResult two = runBacktest(*ws, *snap, few);
    QVERIFY(one.ok() && two.ok());
    QCOMPARE(jsonWithoutTimes(backtestJson(one)), jsonWithoutTimes(backtestJson(two)));
}

QTEST_GUILESS_MAIN(TestBacktest)
#include "tst_backtest.moc"

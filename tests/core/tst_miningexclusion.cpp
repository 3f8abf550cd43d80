// Leaving orders out of mining by tag or source (subscription reorders repeat one basket on a schedule and
// skew pairs and reorder intervals): the excluded orders' baskets are not counted by pair statistics, EASE or
// replenishment, matching is by whole tag, and the saved runs record what was left out. Products confirmed
// as non-merchandise are left out of every basket the same way.
#include "core/mining/minedresults.h"
#include "core/storage/importer.h"
#include "core/storage/relationstore.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace mb;

namespace {

std::shared_ptr<const Snapshot> importAndLoad(Workspace &ws, const QString &path)
{
    ImportRequest req;
    req.kind = ImportKind::Orders;
    req.path = path.toStdString();
    const ImportReport r = runImport(ws, req);
    if (r.status != ImportStatus::Ok) qFatal("%s", r.error.c_str());
    std::string error;
    auto snap = Snapshot::load(ws, error);
    if (!snap) qFatal("%s", error.c_str());
    return snap;
}

// The count of baskets holding both SKUs as minePairs reports it (0 when the pair is not a rule).
uint32_t pairCount(const Snapshot &s, const PairStatistics &stats, const char *a, const char *b)
{
    const int32_t ia = s.productIndex(a), ib = s.productIndex(b);
    for (const PairRule &r : stats.rules)
        if (int32_t(r.antecedent) == ia && int32_t(r.consequent) == ib) return r.count;
    return 0;
}

OrderExclusion tags(std::vector<std::string> t)
{
    OrderExclusion e;
    e.tags = std::move(t);
    return e;
}

}  // namespace

class tst_MiningExclusion : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::unique_ptr<Workspace> ws_;
    std::shared_ptr<const Snapshot> snap_;

private Q_SLOTS:
    void initTestCase()
    {
        // Six orders: customer a's subscription reorders #S1, #S2, #S6 (PADS + SPRAY, tag "Subscription
        // Recurring Order", source subscription_contract), b's first subscription order #S3 (the same basket,
        // tag "Subscription First Order"), #S4 PADS + ramp (web), #S5 SPRAY + ramp (pos).
        std::string error;
        ws_ = Workspace::create(dir_.filePath("subs.merchbench").toStdString(), error);
        QVERIFY2(ws_, error.c_str());
        snap_ = importAndLoad(*ws_, mbtest::fixture("orders/shopify_subscriptions.csv"));
        QCOMPARE(snap_->basketCount(), size_t(6));
    }

    void pairsLeaveOutTaggedBaskets_data()
    {
        QTest::addColumn<QStringList>("excludeTags");
        QTest::addColumn<QStringList>("excludeSources");
        QTest::addColumn<int>("baskets");
        QTest::addColumn<int>("padsWithSpray");
        QTest::addColumn<int>("sprayWithRamp");
        QTest::newRow("nothing left out") << QStringList{} << QStringList{} << 6 << 4 << 1;
        QTest::newRow("recurring orders") << QStringList{"Subscription Recurring Order"} << QStringList{} << 3 << 1 << 1;
        QTest::newRow("tags match whatever the case") << QStringList{"subscription recurring order"} << QStringList{} << 3 << 1 << 1;
        // A whole tag: "Subscription" is on first orders too; "Recurring" is no tag of any order.
        QTest::newRow("a broader tag") << QStringList{"Subscription"} << QStringList{} << 2 << 0 << 1;
        QTest::newRow("part of a tag matches nothing") << QStringList{"Recurring"} << QStringList{} << 6 << 4 << 1;
        QTest::newRow("by source") << QStringList{} << QStringList{"subscription_contract"} << 3 << 1 << 1;
        QTest::newRow("point of sale") << QStringList{} << QStringList{"pos"} << 5 << 4 << 0;
        QTest::newRow("tag and source") << QStringList{"Subscription Recurring Order"} << QStringList{"pos"} << 2 << 1 << 0;
    }

    void pairsLeaveOutTaggedBaskets()
    {
        QFETCH(QStringList, excludeTags);
        QFETCH(QStringList, excludeSources);
        QFETCH(int, baskets);
        QFETCH(int, padsWithSpray);
        QFETCH(int, sprayWithRamp);
        PairOptions o;
        o.minCount = 1;
        for (const QString &t : excludeTags) o.exclude.tags.push_back(t.toStdString());
        for (const QString &s : excludeSources) o.exclude.sources.push_back(s.toStdString());
        const PairStatistics stats = minePairs(*snap_, o);
        QCOMPARE(stats.summary.baskets, size_t(baskets));  // the denominator of support shrinks too
        QCOMPARE(stats.summary.excludedBaskets, size_t(6 - baskets));
        QCOMPARE(int(pairCount(*snap_, stats, "PADS", "SPRAY")), padsWithSpray);
        QCOMPARE(int(pairCount(*snap_, stats, "SPRAY", "850003173764")), sprayWithRamp);
        if (padsWithSpray) {
            // Support and confidence rest on the counted baskets only.
            for (const PairRule &r : stats.rules)
                if (int32_t(r.antecedent) == snap_->productIndex("PADS") && int32_t(r.consequent) == snap_->productIndex("SPRAY"))
                    QCOMPARE(r.support, double(padsWithSpray) / double(baskets));
        }
    }

    void easeCountsOnlyKeptBaskets()
    {
        EaseOptions o;
        o.minBaskets = 1;
        o.lambda = 1;
        const EaseModel all = trainEase(*snap_, o);
        QVERIFY2(all.ok(), all.error.c_str());
        QCOMPARE(all.baskets, size_t(6));
        o.exclude = tags({"Subscription Recurring Order"});
        const EaseModel kept = trainEase(*snap_, o);
        QVERIFY2(kept.ok(), kept.error.c_str());
        QCOMPARE(kept.baskets, size_t(3));
        QCOMPARE(kept.excludedBaskets, size_t(3));
        // PADS is in 5 baskets in all, in 2 without the reorders.
        for (const EaseItem &i : all.items)
            if (int32_t(i.product) == snap_->productIndex("PADS")) QCOMPARE(i.baskets, 5u);
        for (const EaseItem &i : kept.items)
            if (int32_t(i.product) == snap_->productIndex("PADS")) QCOMPARE(i.baskets, 2u);
    }

    void replenishmentIgnoresSubscriptionCycles()
    {
        // Customer a's PADS every 14 days is the subscription's cycle, not a choice to buy again.
        ReplenishmentOptions o;
        o.minIntervals = 1;
        const Replenishment all = replenishment(*snap_, o);
        const int32_t pads = snap_->productIndex("PADS");
        bool found = false;
        for (const ReplenishmentStat &r : all.products)
            if (int32_t(r.product) == pads) {
                found = true;
                QCOMPARE(r.intervals, 2u);
                QCOMPARE(r.medianDays, 14.0);
            }
        QVERIFY(found);
        o.exclude = tags({"Subscription Recurring Order"});
        const Replenishment kept = replenishment(*snap_, o);
        QCOMPARE(kept.excludedOrders, size_t(3));
        for (const ReplenishmentStat &r : kept.products) QVERIFY(int32_t(r.product) != pads);
        QVERIFY(kept.purchases < all.purchases);
    }

    void savedRunsRecordTheExclusion()
    {
        MiningSettings s;
        s.pairs.minCount = 1;
        s.pairs.minSupport = 0;
        s.pairs.minConfidence = 0;
        s.ease.minBaskets = 1;
        s.replenishment.minIntervals = 1;
        OrderExclusion e = tags({"Subscription Recurring Order"});
        e.sources = {"pos"};
        s.setExclusion(e);
        std::string error;
        QVERIFY2(mineAndSave(*ws_, *snap_, s, error), error.c_str());
        int seen = 0;
        for (const MiningRun &run : miningRuns(*ws_)) {
            const QJsonObject p = QJsonDocument::fromJson(QByteArray::fromStdString(run.parameters)).object();
            QCOMPARE(p.value("excludeTags").toArray(), QJsonArray{"Subscription Recurring Order"});
            QCOMPARE(p.value("excludeSources").toArray(), QJsonArray{"pos"});
            if (run.kind == "replenishment") QCOMPARE(p.value("excludedOrders").toInt(), 4);
            else QCOMPARE(p.value("excludedBaskets").toInt(), 4);
            if (run.kind == "pairs") QCOMPARE(p.value("baskets").toInt(), 2);
            ++seen;
        }
        QCOMPARE(seen, 3);
        // Suggestions read the saved pairs: PADS -> SPRAY rests on #S3 alone.
        const MinedResults m = loadMinedResults(*ws_, *snap_);
        const auto [first, last] = m.rulesFrom(uint32_t(snap_->productIndex("PADS")));
        bool found = false;
        for (const PairRule *r = first; r != last; ++r)
            if (int32_t(r->consequent) == snap_->productIndex("SPRAY")) { found = true; QCOMPARE(r->count, 1u); }
        QVERIFY(found);
        // A pair looked up outside the saved rules (a merchandiser's own link) is counted over the same baskets.
        QCOMPARE(m.pairsExclusion.tags, std::vector<std::string>{"Subscription Recurring Order"});
        QCOMPARE(std::count(m.pairsKept.begin(), m.pairsKept.end(), char(1)), 2);
        const uint32_t spray = uint32_t(snap_->productIndex("SPRAY")), ramp = uint32_t(snap_->productIndex("850003173764"));
        QCOMPARE(pairRule(*snap_, spray, ramp).count, 1u);                // #S5, from the point of sale
        QCOMPARE(pairRule(*snap_, spray, ramp, m.pairsKept).count, 0u);  // left out with source pos
        QCOMPARE(pairRule(*snap_, spray, ramp, m.pairsKept).support, 0.0);
    }

    void realExportWithoutSubscriptionReorders()
    {
        MB_REQUIRE_DATASET(orders, "shopify_store_export/orders_export_redacted.csv");
        std::string error;
        auto ws = Workspace::create(dir_.filePath("real.merchbench").toStdString(), error);
        QVERIFY2(ws, error.c_str());
        auto snap = importAndLoad(*ws, orders);
        // 3,885 orders, 35 cancelled: 3,850 baskets. 719 orders carry the tag, 21 of them cancelled: 698 left out.
        QCOMPARE(snap->basketCount(), size_t(3850));
        PairOptions o;
        o.minCount = 1;
        const PairStatistics all = minePairs(*snap, o);
        o.exclude = tags({"Subscription Recurring Order"});
        const PairStatistics kept = minePairs(*snap, o);
        QCOMPARE(all.summary.baskets, size_t(3850));
        QCOMPARE(kept.summary.baskets, size_t(3152));
        QCOMPARE(kept.summary.excludedBaskets, size_t(698));
        // The regular and XL pee pads together: 67 baskets, 12 of them subscription reorders.
        QCOMPARE(pairCount(*snap, all, "PeePad_Regular", "PeePad_XL"), 67u);
        QCOMPARE(pairCount(*snap, kept, "PeePad_Regular", "PeePad_XL"), 55u);
        // The source says nearly the same: 639 baskets are subscription_contract orders (the other reorders
        // came through a subscription app's numeric source id).
        PairOptions bySource;
        bySource.minCount = 1;
        bySource.exclude.sources = {"subscription_contract"};
        QCOMPARE(minePairs(*snap, bySource).summary.excludedBaskets, size_t(639));
    }

    // Products confirmed as non-merchandise are in no basket of pairs, EASE or replenishment, and a basket
    // holding nothing else is no basket; a product merely switched off keeps its place. Its own workspace:
    // the marks would change the runs above.
    void nonMerchandiseIsInNoBasket()
    {
        std::string error;
        auto ws = Workspace::create(dir_.filePath("nonmerch.merchbench").toStdString(), error);
        QVERIFY2(ws, error.c_str());
        auto before = importAndLoad(*ws, mbtest::fixture("orders/shopify_subscriptions.csv"));
        const int32_t pads = before->productIndex("PADS"), spray = before->productIndex("SPRAY"),
                      ramp = before->productIndex("850003173764");
        QVERIFY(pads >= 0 && spray >= 0 && ramp >= 0);
        // Switched off only: still mined as before (its page needs its partners).
        QVERIFY2(RelationStore(*ws).setRecommendable({before->products[size_t(spray)].id}, false, error), error.c_str());
        auto snap = Snapshot::load(*ws, error);
        QVERIFY2(snap, error.c_str());
        QVERIFY(!snap->products[size_t(spray)].recommendable && !snap->products[size_t(spray)].nonMerchandise);
        PairOptions o;
        o.minCount = 1;
        QCOMPARE(minePairs(*snap, o).summary.baskets, size_t(6));
        QCOMPARE(pairCount(*snap, minePairs(*snap, o), "PADS", "SPRAY"), 4u);
        // Confirmed non-merchandise: PADS and SPRAY. #S1, #S2, #S3, #S6 held nothing else; #S4 and #S5 keep the ramp.
        QVERIFY2(RelationStore(*ws).setNonMerchandise({snap->products[size_t(pads)].id, snap->products[size_t(spray)].id}, true, error),
                 error.c_str());
        snap = Snapshot::load(*ws, error);
        QVERIFY2(snap, error.c_str());
        QVERIFY(snap->products[size_t(pads)].nonMerchandise && !snap->products[size_t(pads)].recommendable);
        QCOMPARE(RelationStore(*ws).nonMerchandiseSkus(), (std::vector<std::string>{"PADS", "SPRAY"}));
        const PairStatistics left = minePairs(*snap, o);
        QCOMPARE(left.summary.baskets, size_t(2));
        QCOMPARE(left.summary.excludedBaskets, size_t(4));
        QCOMPARE(left.summary.excludedSkus, (std::vector<std::string>{"PADS", "SPRAY"}));
        QCOMPARE(left.summary.items, size_t(1));  // the ramp alone
        QVERIFY(left.rules.empty());
        // Kept on request (--keep-non-merchandise), and a SKU named besides (--exclude-sku).
        o.exclude.nonMerchandise = false;
        QCOMPARE(minePairs(*snap, o).summary.baskets, size_t(6));
        o.exclude.skus = {"SPRAY", "NO-SUCH-SKU"};
        const PairStatistics named = minePairs(*snap, o);
        QCOMPARE(named.summary.excludedSkus, std::vector<std::string>{"SPRAY"});
        QCOMPARE(named.summary.baskets, size_t(6));  // every basket holds PADS or the ramp
        QCOMPARE(pairCount(*snap, named, "PADS", "SPRAY"), 0u);
        QCOMPARE(pairCount(*snap, named, "PADS", "850003173764"), 1u);
        // EASE and replenishment leave them out too.
        EaseOptions eo;
        eo.minBaskets = 1;
        eo.lambda = 1;
        const EaseModel ease = trainEase(*snap, eo);
        QCOMPARE(ease.baskets, size_t(2));
        for (const EaseItem &i : ease.items) QCOMPARE(int32_t(i.product), ramp);
        ReplenishmentOptions ro;
        ro.minIntervals = 1;
        for (const ReplenishmentStat &r : replenishment(*snap, ro).products)
            QVERIFY(int32_t(r.product) != pads && int32_t(r.product) != spray);
        // The saved runs record what they left out; a pair counted on demand uses the run's baskets, and a
        // re-run leaves out what is marked then.
        MiningSettings settings;
        settings.pairs.minCount = 1;
        settings.pairs.minSupport = 0;
        settings.ease.minBaskets = 1;
        QVERIFY2(mineAndSave(*ws, *snap, settings, error), error.c_str());
        for (const MiningRun &run : miningRuns(*ws)) {
            const QJsonObject p = QJsonDocument::fromJson(QByteArray::fromStdString(run.parameters)).object();
            QCOMPARE(p.value("nonMerchandise").toBool(false), true);
            QCOMPARE(p.value("excludedProducts").toArray(), (QJsonArray{"PADS", "SPRAY"}));
            if (run.kind == "pairs") QCOMPARE(p.value("baskets").toInt(), 2);
        }
        const MinedResults m = loadMinedResults(*ws, *snap);
        QCOMPARE(keptBasketCount(*snap, m.pairsKept), size_t(2));
        QVERIFY(MiningSettings::fromRuns(m).pairs.exclude.nonMerchandise);
        QVERIFY(MiningSettings::fromRuns(m).pairs.exclude.skus.empty());
        // Recommendable again means merchandise again: the marks go, the runs still describe what they mined.
        QVERIFY2(RelationStore(*ws).setRecommendable({snap->products[size_t(pads)].id}, true, error), error.c_str());
        auto after = Snapshot::load(*ws, error);
        QVERIFY2(after, error.c_str());
        QVERIFY(!after->products[size_t(pads)].nonMerchandise && after->products[size_t(pads)].recommendable);
        QVERIFY(after->products[size_t(spray)].nonMerchandise);
        QCOMPARE(keptBasketCount(*after, loadMinedResults(*ws, *after).pairsKept), size_t(2));
        QCOMPARE(minePairs(*after, PairOptions()).summary.excludedSkus, std::vector<std::string>{"SPRAY"});
    }
};

QTEST_GUILESS_MAIN(tst_MiningExclusion)
#include "tst_miningexclusion.moc"

#include "core/mining/pairstatistics.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"
#include "core/miningdata.h"
#include "testsupport.h"

#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace mb;

namespace {

// Six baskets over five products, small enough to count by hand:
//   {A,B,C} {A,B} {A,C,D} {B,C} {A,B,C,D} {E}
// A, B, C are each in 4 baskets, D in 2, E in 1. AB = AC = BC = 3, AD = CD = 2, BD = 1.
Snapshot handSnapshot()
{
    Snapshot s;
    for (const char *sku : {"A", "B", "C", "D", "E"}) {
        SnapshotProduct p;
        p.sku = sku;
        s.skuIndex[sku] = uint32_t(s.products.size());
        s.products.push_back(p);
    }
    const std::vector<std::vector<uint32_t>> baskets = {{0, 1, 2}, {0, 1}, {0, 2, 3}, {1, 2}, {0, 1, 2, 3}, {4}};
    s.basketStart.push_back(0);
    for (const auto &b : baskets) {
        s.basketItems.insert(s.basketItems.end(), b.begin(), b.end());
        s.basketStart.push_back(uint32_t(s.basketItems.size()));
        s.basketOrder.push_back(uint32_t(s.basketOrder.size()));
    }
    return s;
}

// 600 products in 300 baskets of two ({i, i+300}): more anchors than one block, so there is a "midway".
Snapshot pairedSnapshot()
{
    Snapshot s;
    s.products.resize(600);
    s.basketStart.push_back(0);
    for (uint32_t b = 0; b < 300; ++b) {
        s.basketItems.push_back(b);
        s.basketItems.push_back(b + 300);
        s.basketStart.push_back(uint32_t(s.basketItems.size()));
    }
    return s;
}

QString ruleText(const Snapshot &s, const PairRule &r)
{
    return QString::fromStdString(s.products[r.antecedent].sku + ">" + s.products[r.consequent].sku);
}

QStringList ruleTexts(const Snapshot &s, const std::vector<PairRule> &rules)
{
    QStringList out;
    for (const PairRule &r : rules) out << ruleText(s, r);
    return out;
}

struct NaivePair { uint32_t count = 0; uint32_t na = 0, nb = 0; };

// The independent reference: each item's sorted list of basket numbers, intersected pair by pair.
std::vector<std::vector<uint32_t>> basketLists(const Snapshot &s)
{
    std::vector<std::vector<uint32_t>> lists(s.products.size());
    for (uint32_t b = 0; b < s.basketCount(); ++b)
        for (uint32_t k = s.basketStart[b]; k < s.basketStart[b + 1]; ++k) lists[s.basketItems[k]].push_back(b);
    return lists;
}

uint32_t intersection(const std::vector<uint32_t> &x, const std::vector<uint32_t> &y)
{
    uint32_t n = 0;
    for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
        if (x[i] < y[j]) ++i;
        else if (y[j] < x[i]) ++j;
        else { ++n; ++i; ++j; }
    }
    return n;
}

std::shared_ptr<const Snapshot> importOrders(const QString &csv, QTemporaryDir &dir)
{
    std::string error;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("retail.merchbench")).toStdString(), error);
    if (!ws) qFatal("cannot create workspace: %s", error.c_str());
    ImportRequest request;
    request.kind = ImportKind::Orders;
    request.path = csv.toStdString();
    const ImportReport report = runImport(*ws, request);
    if (report.status != ImportStatus::Ok) qFatal("import failed: %s", report.error.c_str());
    auto snap = Snapshot::load(*ws, error);
    if (!snap) qFatal("snapshot failed: %s", error.c_str());
    return snap;
}

}  // namespace

class TestPairStatistics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void handValues_data();
    void handValues();
    void thresholds_data();
    void thresholds();
    void supportThresholdIsExact_data();
    void supportThresholdIsExact();
    void singlePairLookup();
    void manyPairsInOnePassEqualOneByOne();
    void cancelledBeforeStart();
    void cancelledMidway();
    void sinkCanStop();
    void onlineRetailReferenceFigures();
    void groceriesMatchNaiveRules();
    void topPerAnchorKeepsEachProductsStrongest();
    void topPerAnchorMatchesNaiveRanking();
};

void TestPairStatistics::handValues_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<uint>("count");
    QTest::addColumn<double>("support");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<double>("lift");
    QTest::addColumn<double>("cosine");
    // lift = confidence / support(consequent); support(A) = support(B) = support(C) = 4/6, support(D) = 2/6.
    QTest::newRow("A>B") << "A>B" << 3u << 0.5 << 0.75 << 1.125 << 0.75;
    QTest::newRow("A>D") << "A>D" << 2u << 2.0 / 6 << 0.5 << 1.5 << 2 / std::sqrt(8.0);
    QTest::newRow("D>A") << "D>A" << 2u << 2.0 / 6 << 1.0 << 1.5 << 2 / std::sqrt(8.0);
    QTest::newRow("C>D") << "C>D" << 2u << 2.0 / 6 << 0.5 << 1.5 << 2 / std::sqrt(8.0);
    QTest::newRow("B>C") << "B>C" << 3u << 0.5 << 0.75 << 1.125 << 0.75;
    QTest::newRow("D>B") << "D>B" << 1u << 1.0 / 6 << 0.5 << 0.75 << 1 / std::sqrt(8.0);
}

void TestPairStatistics::handValues()
{
    QFETCH(QString, rule);
    QFETCH(uint, count);
    QFETCH(double, support);
    QFETCH(double, confidence);
    QFETCH(double, lift);
    QFETCH(double, cosine);
    const Snapshot s = handSnapshot();
    PairOptions options;
    options.minCount = 1;
    const PairStatistics result = minePairs(s, options);
    const QStringList texts = ruleTexts(s, result.rules);
    const qsizetype at = texts.indexOf(rule);
    QVERIFY2(at >= 0, qPrintable(rule + " missing from " + texts.join(' ')));
    const PairRule &r = result.rules[size_t(at)];
    QCOMPARE(r.count, count);
    QVERIFY(std::abs(r.support - support) < 1e-12);
    QVERIFY(std::abs(r.confidence - confidence) < 1e-12);
    QVERIFY(std::abs(r.lift - lift) < 1e-12);
    QVERIFY(std::abs(r.cosine - cosine) < 1e-12);
    QCOMPARE(result.summary.baskets, size_t(6));
    QCOMPARE(result.summary.items, size_t(5));
}

void TestPairStatistics::thresholds_data()
{
    QTest::addColumn<uint>("minCount");
    QTest::addColumn<double>("minSupport");
    QTest::addColumn<double>("minConfidence");
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<int>("frequentPairs");
    QTest::newRow("every pair") << 1u << 0.0 << 0.0
        << QStringList{"A>B", "A>C", "A>D", "B>A", "B>C", "B>D", "C>A", "C>B", "C>D", "D>A", "D>B", "D>C"} << 6;
    QTest::newRow("default minCount 2 drops BD") << 2u << 0.0 << 0.0
        << QStringList{"A>B", "A>C", "A>D", "B>A", "B>C", "C>A", "C>B", "C>D", "D>A", "D>C"} << 5;
    QTest::newRow("confidence 0.6 drops A>D, C>D") << 2u << 0.0 << 0.6
        << QStringList{"A>B", "A>C", "B>A", "B>C", "C>A", "C>B", "D>A", "D>C"} << 5;
    QTest::newRow("confidence 1 keeps only D's") << 1u << 0.0 << 1.0 << QStringList{"D>A", "D>C"} << 6;
    QTest::newRow("support 0.4 = 3 baskets") << 1u << 0.4 << 0.0
        << QStringList{"A>B", "A>C", "B>A", "B>C", "C>A", "C>B"} << 3;
    QTest::newRow("support 0.5 is inclusive") << 1u << 0.5 << 0.0
        << QStringList{"A>B", "A>C", "B>A", "B>C", "C>A", "C>B"} << 3;
    QTest::newRow("support 0.51 leaves nothing") << 1u << 0.51 << 0.0 << QStringList{} << 0;
    QTest::newRow("stricter of count and support") << 3u << 0.2 << 0.0
        << QStringList{"A>B", "A>C", "B>A", "B>C", "C>A", "C>B"} << 3;
}

void TestPairStatistics::thresholds()
{
    QFETCH(uint, minCount);
    QFETCH(double, minSupport);
    QFETCH(double, minConfidence);
    QFETCH(QStringList, rules);
    QFETCH(int, frequentPairs);
    const Snapshot s = handSnapshot();
    PairOptions options;
    options.minCount = minCount;
    options.minSupport = minSupport;
    options.minConfidence = minConfidence;
    for (int threads : {1, 2, 3}) {
        options.threads = threads;
        const PairStatistics result = minePairs(s, options);
        QCOMPARE(ruleTexts(s, result.rules), rules);  // also checks the order: antecedent, then consequent
        QCOMPARE(result.summary.frequentPairs, size_t(frequentPairs));
        QCOMPARE(result.summary.rules, size_t(rules.size()));
        QVERIFY(!result.summary.cancelled);
    }
}

void TestPairStatistics::supportThresholdIsExact_data()
{
    QTest::addColumn<double>("minSupport");
    QTest::addColumn<int>("baskets");
    QTest::addColumn<uint>("threshold");
    QTest::newRow("0.01 of 20,728") << 0.01 << 20728 << 208u;
    QTest::newRow("0.01 of 20,000 is exactly 200") << 0.01 << 20000 << 200u;
    QTest::newRow("0.001 of 9,835") << 0.001 << 9835 << 10u;
    QTest::newRow("0.07 of 100") << 0.07 << 100 << 7u;
    QTest::newRow("0.29 of 100") << 0.29 << 100 << 29u;
    QTest::newRow("zero support") << 0.0 << 100 << 0u;
}

void TestPairStatistics::supportThresholdIsExact()
{
    QFETCH(double, minSupport);
    QFETCH(int, baskets);
    QFETCH(uint, threshold);
    const uint32_t t = supportCountThreshold(minSupport, size_t(baskets));
    // The boundary must agree with the comparison a user would make on the printed support.
    if (t > 0) {
        QVERIFY(double(t) / baskets >= minSupport);
        QVERIFY(double(t - 1) / baskets < minSupport);
    }
    QCOMPARE(t, threshold);
}

void TestPairStatistics::singlePairLookup()
{
    const Snapshot s = handSnapshot();
    const PairRule r = pairRule(s, 3, 0);
    QCOMPARE(r.count, 2u);
    QCOMPARE(r.antecedentCount, 2u);
    QCOMPARE(r.consequentCount, 4u);
    QVERIFY(std::abs(r.confidence - 1.0) < 1e-12);
    QVERIFY(std::abs(r.lift - 1.5) < 1e-12);
    const PairRule none = pairRule(s, 4, 0);
    QCOMPARE(none.count, 0u);
    QCOMPARE(none.lift, 0.0);
}

void TestPairStatistics::cancelledBeforeStart()
{
    const Snapshot s = handSnapshot();
    const PairStatistics result = minePairs(s, PairOptions{}, [](double) { return false; });
    QVERIFY(result.summary.cancelled);
    QVERIFY(result.rules.empty());
}

void TestPairStatistics::cancelledMidway()
{
    const Snapshot s = pairedSnapshot();
    PairOptions options;
    options.minCount = 1;
    QCOMPARE(minePairs(s, options).rules.size(), size_t(600));
    int calls = 0;
    size_t delivered = 0;
    const PairSummary summary = forEachPairRule(
        s, options, [&](std::span<const PairRule> rules) { delivered += rules.size(); return true; },
        [&](double) { return ++calls < 3; });
    QVERIFY(summary.cancelled);
    QVERIFY(delivered > 0);
    QVERIFY(delivered < 600);
    QVERIFY(minePairs(s, options, [&](double f) { return f < 0.5; }).rules.empty());
}

void TestPairStatistics::sinkCanStop()
{
    const Snapshot s = pairedSnapshot();
    PairOptions options;
    options.minCount = 1;
    int calls = 0;
    size_t delivered = 0;
    const PairSummary summary = forEachPairRule(s, options, [&](std::span<const PairRule> rules) {
        ++calls;
        delivered += rules.size();
        return false;
    });
    QCOMPARE(calls, 1);
    QCOMPARE(delivered, size_t(256));  // the first block of anchors, 0..255, one rule each
    QVERIFY(!summary.cancelled);
}

void TestPairStatistics::onlineRetailReferenceFigures()
{
    MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string error;
    const auto direct = mbtest::onlineRetailFromCsv(csv.toStdString(), error);
    QVERIFY2(direct, error.c_str());
    const auto imported = importOrders(csv, dir);

    for (const Snapshot *s : {static_cast<const Snapshot *>(direct.get()), imported.get()}) {
        QCOMPARE(s->basketCount(), size_t(20728));
        PairOptions options;
        options.minSupport = 0.01;
        const PairStatistics pairs = minePairs(*s, options);
        QCOMPARE(pairs.summary.items, size_t(3941));
        QCOMPARE(pairs.summary.countThreshold, 208u);
        QCOMPARE(pairs.summary.frequentPairs, size_t(817));
        QCOMPARE(pairs.rules.size(), size_t(2 * 817));
        options.minConfidence = 0.3;
        QCOMPARE(minePairs(*s, options).rules.size(), size_t(756));
        // The same rules in the same order whatever the number of threads.
        options.threads = 1;
        const PairStatistics single = minePairs(*s, options);
        options.threads = 2;
        const PairStatistics dual = minePairs(*s, options);
        QCOMPARE(ruleTexts(*s, single.rules), ruleTexts(*s, dual.rules));

        const PairRule top = *std::max_element(pairs.rules.begin(), pairs.rules.end(), [](const PairRule &a, const PairRule &b) {
            return a.lift < b.lift;
        });
        const std::set<std::string> skus = {s->products[top.antecedent].sku, s->products[top.consequent].sku};
        QCOMPARE(skus, (std::set<std::string>{"22916", "22917"}));
        QCOMPARE(top.count, 221u);
        QVERIFY2(std::abs(top.support - 0.01066) < 5e-6, qPrintable(QString::number(top.support)));
        QVERIFY2(std::abs(top.lift - 80.5) < 0.05, qPrintable(QString::number(top.lift)));

        // Every frequent pair against plain set intersection, counts exact and ratios to 1e-9.
        const auto lists = basketLists(*s);
        std::map<std::pair<uint32_t, uint32_t>, const PairRule *> mined;
        for (const PairRule &r : pairs.rules) mined[{r.antecedent, r.consequent}] = &r;
        std::vector<uint32_t> frequent;
        for (uint32_t i = 0; i < lists.size(); ++i)
            if (lists[i].size() >= 208) frequent.push_back(i);
        size_t naivePairs = 0;
        const double n = double(s->basketCount());
        for (uint32_t a : frequent)
            for (uint32_t b : frequent) {
                if (a == b) continue;
                const uint32_t c = intersection(lists[a], lists[b]);
                if (c < 208) continue;
                naivePairs += a < b;
                const auto it = mined.find({a, b});
                QVERIFY(it != mined.end());
                const PairRule &r = *it->second;
                QCOMPARE(r.count, c);
                const double na = double(lists[a].size()), nb = double(lists[b].size());
                QVERIFY(std::abs(r.support - c / n) < 1e-9);
                QVERIFY(std::abs(r.confidence - c / na) < 1e-9);
                QVERIFY(std::abs(r.lift - (c / na) / (nb / n)) < 1e-9);
                QVERIFY(std::abs(r.cosine - c / std::sqrt(na * nb)) < 1e-9);
            }
        QCOMPARE(naivePairs, size_t(817));
    }
}

// The Maps view counts an anchor's EASE-only neighbours in one pass (pairRules): every rule must equal the
// one-pair count, for a repeated consequent, the anchor itself, a product in no basket and one beyond the
// catalog too, and over the kept baskets when some are left out.
void TestPairStatistics::manyPairsInOnePassEqualOneByOne()
{
    MB_REQUIRE_DATASET(file, "groceries/groceries.csv");
    std::string error;
    const auto s = mbtest::groceriesFromFile(file.toStdString(), error);
    QVERIFY2(s, error.c_str());
    std::vector<char> kept(s->basketCount(), 1);
    for (size_t b = 0; b < kept.size(); b += 3) kept[b] = 0;
    const uint32_t beyond = uint32_t(s->products.size()) + 5;
    for (uint32_t anchor : {0u, 7u, 42u, 168u}) {
        std::vector<uint32_t> targets = {anchor, 3u, 3u, beyond};
        for (uint32_t t = 0; t < s->products.size(); t += 11) targets.push_back(t);
        for (const std::vector<char> &mask : {std::vector<char>{}, kept}) {
            const std::vector<PairRule> batch = pairRules(*s, anchor, targets, mask);
            QCOMPARE(batch.size(), targets.size());
            for (size_t i = 0; i < targets.size(); ++i) {
                // Counted here the plain way: each basket searched for both products.
                uint32_t na = 0, nb = 0, both = 0, baskets = 0;
                for (size_t b = 0; b < s->basketCount(); ++b) {
                    if (!mask.empty() && !mask[b]) continue;
                    ++baskets;
                    const auto first = s->basketItems.begin() + s->basketStart[b], last = s->basketItems.begin() + s->basketStart[b + 1];
                    const bool a = std::binary_search(first, last, anchor), t = std::binary_search(first, last, targets[i]);
                    na += a;
                    nb += t;
                    both += a && t;
                }
                QCOMPARE(batch[i].consequent, targets[i]);
                QCOMPARE(batch[i].count, both);
                QCOMPARE(batch[i].antecedentCount, na);
                QCOMPARE(batch[i].consequentCount, nb);
                QCOMPARE(batch[i].support, double(both) / double(baskets));
                if (na > 0) QCOMPARE(batch[i].confidence, double(both) / double(na));
            }
        }
    }
    // Not a vacuous comparison: some of these pairs are bought together.
    const std::vector<PairRule> some = pairRules(*s, 0, std::vector<uint32_t>{1, 2, 3, 4, 5, 6}, {});
    QVERIFY(std::any_of(some.begin(), some.end(), [](const PairRule &r) { return r.count > 0; }));
}

void TestPairStatistics::groceriesMatchNaiveRules()
{
    MB_REQUIRE_DATASET(file, "groceries/groceries.csv");
    std::string error;
    const auto s = mbtest::groceriesFromFile(file.toStdString(), error);
    QVERIFY2(s, error.c_str());
    QCOMPARE(s->basketCount(), size_t(9835));
    QCOMPARE(s->products.size(), size_t(169));

    PairOptions options;
    options.minCount = 1;
    options.minSupport = 0.001;
    options.minConfidence = 0.5;
    const PairStatistics mined = minePairs(*s, options);

    const auto lists = basketLists(*s);
    const double n = double(s->basketCount());
    std::vector<PairRule> naive;
    for (uint32_t a = 0; a < lists.size(); ++a)
        for (uint32_t b = 0; b < lists.size(); ++b) {
            if (a == b) continue;
            const uint32_t c = intersection(lists[a], lists[b]);
            if (c / n < 0.001 || double(c) / double(lists[a].size()) < 0.5) continue;
            PairRule r;
            r.antecedent = a;
            r.consequent = b;
            r.count = c;
            r.support = c / n;
            r.confidence = double(c) / double(lists[a].size());
            r.lift = r.confidence / (double(lists[b].size()) / n);
            r.cosine = c / std::sqrt(double(lists[a].size()) * double(lists[b].size()));
            naive.push_back(r);
        }
    QVERIFY(!naive.empty());
    QCOMPARE(ruleTexts(*s, mined.rules), ruleTexts(*s, naive));
    for (size_t i = 0; i < naive.size(); ++i) {
        QCOMPARE(mined.rules[i].count, naive[i].count);
        QVERIFY(std::abs(mined.rules[i].support - naive[i].support) < 1e-12);
        QVERIFY(std::abs(mined.rules[i].confidence - naive[i].confidence) < 1e-12);
        QVERIFY(std::abs(mined.rules[i].lift - naive[i].lift) < 1e-12);
        QVERIFY(std::abs(mined.rules[i].cosine - naive[i].cosine) < 1e-12);
    }
}

QTEST_GUILESS_MAIN(TestPairStatistics)
#include "tst_pairstatistics.moc"

// A product whose pairs all fall under the store-wide thresholds still keeps its strongest partners: by
// count, ties by SKU in byte order (not by product index), never under topMinCount; and the rules passing the
// thresholds stay, whatever their rank.
void TestPairStatistics::topPerAnchorKeepsEachProductsStrongest()
{
    Snapshot s = handSnapshot();
    PairOptions o;
    o.minCount = 4;  // no pair is in 4 baskets: only the top-N part keeps anything
    o.topPerAnchor = 1;
    o.topMinCount = 2;
    PairStatistics r = minePairs(s, o);
    // A: B 3, C 3, D 2 -> B (B < C); B: A 3, C 3 -> A; C: A 3, B 3 -> A; D: A 2, C 2 -> A; E: none.
    QCOMPARE(ruleTexts(s, r.rules), (QStringList{"A>B", "B>A", "C>A", "D>A"}));
    QCOMPARE(r.summary.topOnlyRules, size_t(4));
    QCOMPARE(r.summary.frequentPairs, size_t(0));

    // The tie goes by SKU, not by position: renamed "Z", the second product loses A's tie to C.
    s.products[1].sku = "Z";
    r = minePairs(s, o);
    QCOMPARE(ruleTexts(s, r.rules), (QStringList{"A>C", "Z>A", "C>A", "D>A"}));
    s = handSnapshot();

    // Two each, seen at least 3 times: D's partners (2 baskets) are under the floor.
    o.topPerAnchor = 2;
    o.topMinCount = 3;
    r = minePairs(s, o);
    QCOMPARE(ruleTexts(s, r.rules), (QStringList{"A>B", "A>C", "B>A", "B>C", "C>A", "C>B"}));

    // With thresholds: D -> A and D -> C pass them (2 of D's 2 baskets), A -> D does not (2 of 4) but is
    // A's third strongest: kept at topPerAnchor 3. Every rule carries its true statistics.
    o.minCount = 2;
    o.minConfidence = 0.9;
    o.topPerAnchor = 3;
    o.topMinCount = 2;
    r = minePairs(s, o);
    QCOMPARE(ruleTexts(s, r.rules), (QStringList{"A>B", "A>C", "A>D", "B>A", "B>C", "C>A", "C>B", "C>D", "D>A", "D>C"}));
    QCOMPARE(r.summary.topOnlyRules, size_t(8));
    const PairRule &ad = r.rules[2];
    QCOMPARE(ad.count, 2u);
    QVERIFY(std::abs(ad.confidence - 0.5) < 1e-12);
    QVERIFY(std::abs(ad.lift - (2.0 / 4.0) / (2.0 / 6.0)) < 1e-12);

    // Off (0): only the thresholds.
    o.topPerAnchor = 0;
    QCOMPARE(ruleTexts(s, minePairs(s, o).rules), (QStringList{"D>A", "D>C"}));
}

// Groceries (169 items, 9,835 baskets): the kept rules are exactly the union a warehouse query computes —
// above the thresholds, or among the anchor's first N when its partners seen >= topMinCount times are sorted by
// count descending, then SKU ascending.
void TestPairStatistics::topPerAnchorMatchesNaiveRanking()
{
    MB_REQUIRE_DATASET(file, "groceries/groceries.csv");
    std::string error;
    const auto s = mbtest::groceriesFromFile(file.toStdString(), error);
    QVERIFY2(s, error.c_str());
    PairOptions options;
    options.minCount = 1;
    options.minSupport = 0.01;
    options.minConfidence = 0.3;
    options.topPerAnchor = 5;
    options.topMinCount = 10;
    const PairStatistics mined = minePairs(*s, options);

    const auto lists = basketLists(*s);
    const uint32_t threshold = supportCountThreshold(0.01, s->basketCount());
    QStringList naive;
    size_t topOnly = 0;
    for (uint32_t a = 0; a < lists.size(); ++a) {
        std::vector<std::pair<uint32_t, uint32_t>> partners;  // (count, b)
        for (uint32_t b = 0; b < lists.size(); ++b)
            if (a != b) partners.push_back({intersection(lists[a], lists[b]), b});
        std::vector<std::pair<uint32_t, uint32_t>> ranked;
        for (const auto &p : partners)
            if (p.first >= 10) ranked.push_back(p);
        std::sort(ranked.begin(), ranked.end(), [&](const auto &x, const auto &y) {
            return x.first != y.first ? x.first > y.first : s->products[x.second].sku < s->products[y.second].sku;
        });
        std::set<uint32_t> top;
        for (size_t k = 0; k < ranked.size() && k < 5; ++k) top.insert(ranked[k].second);
        for (const auto &p : partners) {
            const bool passes = p.first >= threshold && p.first / double(lists[a].size()) >= 0.3;
            if (passes || top.count(p.second)) naive << QString::fromStdString(s->products[a].sku + ">" + s->products[p.second].sku);
            topOnly += !passes && top.count(p.second);
        }
    }
    QVERIFY(topOnly > 100);
    QCOMPARE(ruleTexts(*s, mined.rules), naive);
    QCOMPARE(mined.summary.topOnlyRules, topOnly);
}

#include "core/mining/minedresults.h"

#include "core/storage/snapshot.h"
#include "core/storage/transaction.h"
#include "core/storage/workspace.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace mb {

MiningSettings::MiningSettings()
{
    // What suggestions and placements read, not the long tail of one-off baskets: every product's 50
    // strongest partners seen in 3 baskets or more (placements keep 24 per product, the Maps suggestions list
    // up to 50 by confidence), and every pair above a store-wide support and confidence besides. On Online
    // Retail that saves 163,928 rules instead of 637,108 (core/mining/README.md).
    pairs.minCount = 3;
    pairs.minSupport = 0.005;
    pairs.minConfidence = 0.1;
    pairs.topPerAnchor = 50;
    pairs.topMinCount = 3;
    ease.topK = 10;
}

void MiningSettings::setExclusion(const OrderExclusion &exclude)
{
    pairs.exclude = exclude;
    ease.exclude = exclude;
    replenishment.exclude = exclude;
}

namespace {

QJsonObject parametersOf(const std::optional<MiningRun> &run)
{
    return run ? QJsonDocument::fromJson(QByteArray::fromStdString(run->parameters)).object() : QJsonObject();
}

std::vector<std::string> strings(const QJsonValue &v)
{
    std::vector<std::string> out;
    for (const QJsonValue &x : v.toArray()) out.push_back(x.toString().toStdString());
    return out;
}

// What a re-run leaves out: the same tags and sources, the products marked non-merchandise at that time
// (runs from before the parameter existed left none out, but a re-run follows today's default) and the
// SKUs named besides.
OrderExclusion exclusionOf(const QJsonObject &p)
{
    OrderExclusion e;
    e.tags = strings(p.value("excludeTags"));
    e.sources = strings(p.value("excludeSources"));
    e.nonMerchandise = p.value("nonMerchandise").toBool(true);
    e.skus = strings(p.value("excludeSkus"));
    return e;
}

// What the run left out when it was mined: the products it recorded, whatever is marked now, so a pair
// counted on demand uses the run's baskets.
OrderExclusion exclusionAsMined(const QJsonObject &p)
{
    OrderExclusion e;
    e.tags = strings(p.value("excludeTags"));
    e.sources = strings(p.value("excludeSources"));
    e.nonMerchandise = false;
    e.skus = strings(p.value("excludedProducts"));
    return e;
}

}  // namespace

MiningSettings MiningSettings::ofSavedRuns(const Workspace &ws)
{
    MinedResults runs;
    for (const MiningRun &run : miningRuns(ws)) {
        if (run.kind == "pairs") runs.pairsRun = run;
        else if (run.kind == "ease") runs.easeRun = run;
        else if (run.kind == "replenishment") runs.replenishmentRun = run;
    }
    return fromRuns(runs);
}

MiningSettings MiningSettings::fromRuns(const MinedResults &saved)
{
    MiningSettings s;
    const QJsonObject pairs = parametersOf(saved.pairsRun), ease = parametersOf(saved.easeRun), repl = parametersOf(saved.replenishmentRun);
    s.pairs.minSupport = pairs.value("minSupport").toDouble(s.pairs.minSupport);
    s.pairs.minCount = uint32_t(pairs.value("minCount").toInteger(s.pairs.minCount));
    s.pairs.minConfidence = pairs.value("minConfidence").toDouble(s.pairs.minConfidence);
    s.pairs.topPerAnchor = uint32_t(pairs.value("topPerAnchor").toInteger(s.pairs.topPerAnchor));
    s.pairs.topMinCount = uint32_t(pairs.value("topMinCount").toInteger(s.pairs.topMinCount));
    s.ease.lambda = ease.value("lambda").toDouble(s.ease.lambda);
    s.ease.minBaskets = uint32_t(ease.value("minBaskets").toInteger(s.ease.minBaskets));
    s.ease.topK = int(ease.value("topK").toInteger(s.ease.topK));
    s.replenishment.minIntervals = uint32_t(repl.value("minIntervals").toInteger(s.replenishment.minIntervals));
    // One run leaves the same orders out of all three; the pairs run's list is the one suggestions use.
    s.setExclusion(exclusionOf(saved.pairsRun ? pairs : saved.easeRun ? ease : repl));
    return s;
}

const ReplenishmentStat *MinedResults::replenishmentOf(uint32_t p) const
{
    return p < replenishmentIndex.size() && replenishmentIndex[p] >= 0 ? &replenishment[size_t(replenishmentIndex[p])] : nullptr;
}

const EaseItem *MinedResults::easeOf(uint32_t p) const
{
    return p < easeIndex.size() && easeIndex[p] >= 0 ? &ease[size_t(easeIndex[p])] : nullptr;
}

std::pair<const PairRule *, const PairRule *> MinedResults::rulesFrom(uint32_t p) const
{
    if (p + 1 >= pairsStart.size()) return {nullptr, nullptr};
    return {pairs.data() + pairsStart[p], pairs.data() + pairsStart[p + 1]};
}

namespace {

std::string json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString(); }

// The run's parameters with the orders and products it left out, so `mine status` and a reader of the
// workspace can tell evidence mined without subscription reorders or postage from evidence mined over
// everything: nonMerchandise (the marked products were left out), excludeSkus (named besides) and
// excludedProducts (every SKU actually left out).
QJsonObject withExclusion(QJsonObject o, const OrderExclusion &e, const std::vector<std::string> &leftOut,
                          const char *countName, size_t excluded)
{
    auto list = [](const std::vector<std::string> &v) {
        QJsonArray a;
        for (const std::string &s : v) a.append(QString::fromStdString(s));
        return a;
    };
    o.insert("nonMerchandise", e.nonMerchandise);
    if (!e.skus.empty()) o.insert("excludeSkus", list(e.skus));
    if (!leftOut.empty()) o.insert("excludedProducts", list(leftOut));
    if (e.empty() && leftOut.empty()) return o;
    if (!e.tags.empty()) o.insert("excludeTags", list(e.tags));
    if (!e.sources.empty()) o.insert("excludeSources", list(e.sources));
    o.insert(countName, qint64(excluded));
    return o;
}

}  // namespace

bool mineAndSave(Workspace &ws, const Snapshot &snap, const MiningSettings &settings, std::string &error, const ProgressFn &progress)
{
    auto part = [&](double from, double to) -> ProgressFn {
        if (!progress) return {};
        return [=](double f) { return progress(from + (to - from) * f); };
    };
    QElapsedTimer t;
    t.start();
    const PairStatistics pairs = minePairs(snap, settings.pairs, part(0.0, 0.3));
    if (pairs.summary.cancelled) return false;
    const int64_t pairsMs = t.restart();
    const EaseModel ease = trainEase(snap, settings.ease, part(0.3, 0.8));
    if (ease.cancelled) return false;
    const int64_t easeMs = t.restart();
    const Replenishment repl = replenishment(snap, settings.replenishment, part(0.8, 0.9));
    if (repl.cancelled) return false;
    const int64_t replMs = t.restart();

    // Every run replaces the previous one of its kind, all three in one transaction.
    return writeTransaction(ws, error, [&](sqlite3 *db, std::string &error) {
        const int64_t version = snap.historyVersion;
        // The newest import the mined history includes, so a reader can count the orders imported after it;
        // unknown (left out, counted by time then) when an import landed while this run was mining.
        const bool historyUnchanged = ws.historyVersion() == version;
        const qint64 lastImport = historyUnchanged ? lastImportId(db) : -1;
        MinedRunWriter out(db);
        QJsonObject pairsParams = withExclusion({{"minSupport", settings.pairs.minSupport}, {"minCount", qint64(settings.pairs.minCount)},
                                                 {"minConfidence", settings.pairs.minConfidence}, {"topPerAnchor", qint64(settings.pairs.topPerAnchor)},
                                                 {"topMinCount", qint64(settings.pairs.topMinCount)}, {"baskets", qint64(pairs.summary.baskets)}},
                                                settings.pairs.exclude, pairs.summary.excludedSkus, "excludedBaskets",
                                                pairs.summary.excludedBaskets);
        if (historyUnchanged) pairsParams.insert("lastImportId", lastImport);
        const int64_t pairsRun = out.replaceRun("pairs", json(pairsParams), version, pairsMs, error);
        if (pairsRun < 0) return false;
        for (size_t i = 0; i < pairs.rules.size(); ++i) {
            const PairRule &r = pairs.rules[i];
            const StoredPairRule row{snap.products[r.antecedent].id, snap.products[r.consequent].id, int64_t(r.count),
                                     r.support, r.confidence, r.lift, r.cosine};
            if (!out.addPairRule(pairsRun, row, error)) return false;
            if (progress && (i & 4095) == 0 && !progress(0.9 + 0.05 * double(i) / double(pairs.rules.size() + 1))) return false;
        }
        QJsonObject easeParams = withExclusion({{"lambda", settings.ease.lambda}, {"minBaskets", qint64(settings.ease.minBaskets)},
                                                {"topK", settings.ease.topK}, {"items", qint64(ease.items.size())},
                                                {"error", QString::fromStdString(ease.error)}},
                                               settings.ease.exclude, excludedSkus(snap, excludedProducts(snap, settings.ease.exclude)),
                                               "excludedBaskets", ease.excludedBaskets);
        if (historyUnchanged) easeParams.insert("lastImportId", lastImport);
        const int64_t easeRun = out.replaceRun("ease", json(easeParams), version, easeMs, error);
        if (easeRun < 0) return false;
        for (const EaseItem &item : ease.items)
            for (size_t k = 0; k < item.neighbours.size(); ++k) {
                const StoredEaseNeighbour row{snap.products[item.product].id, snap.products[item.neighbours[k].product].id,
                                              item.neighbours[k].weight};
                if (!out.addEaseNeighbour(easeRun, row, int64_t(k + 1), error)) return false;
            }
        QJsonObject replParams = withExclusion({{"minIntervals", qint64(settings.replenishment.minIntervals)}},
                                               settings.replenishment.exclude,
                                               excludedSkus(snap, excludedProducts(snap, settings.replenishment.exclude)),
                                               "excludedOrders", repl.excludedOrders);
        if (historyUnchanged) replParams.insert("lastImportId", lastImport);
        const int64_t replRun = out.replaceRun("replenishment", json(replParams), version, replMs, error);
        if (replRun < 0) return false;
        for (const ReplenishmentStat &r : repl.products) {
            const StoredReplenishment row{snap.products[r.product].id, r.medianDays, r.repeatShare, int64_t(r.intervals), int64_t(r.buyers)};
            if (!out.addReplenishment(replRun, row, error)) return false;
        }
        return !progress || progress(1.0);
    });
}

MinedResults loadMinedResults(const Workspace &ws, const Snapshot &snap)
{
    MinedResults m;
    m.historyVersion = snap.historyVersion;
    const size_t n = snap.products.size();
    std::unordered_map<int64_t, uint32_t> index;
    index.reserve(n);
    for (uint32_t i = 0; i < n; ++i) index.emplace(snap.products[i].id, i);
    auto idx = [&](int64_t id) -> int64_t {
        auto it = index.find(id);
        return it == index.end() ? -1 : int64_t(it->second);
    };
    const MiningRun *oldest = nullptr;
    for (const MiningRun &r : miningRuns(ws)) {
        std::optional<MiningRun> *slot = r.kind == "pairs" ? &m.pairsRun : r.kind == "ease" ? &m.easeRun
                                        : r.kind == "replenishment" ? &m.replenishmentRun : nullptr;
        if (!slot) continue;
        *slot = r;
        if (r.historyVersion != snap.historyVersion) m.stale = true;
        if (!oldest || r.createdAt < oldest->createdAt) oldest = &**slot;
    }
    if (oldest) {
        m.oldestRunAt = oldest->createdAt;
        if (m.stale) {
            // Runs written before they recorded the last import are counted from their time instead.
            const QJsonObject p = parametersOf(*oldest);
            m.ordersImportedSince = ordersImportedSince(ws, p.contains("lastImportId") ? p.value("lastImportId").toInteger() : -1,
                                                        oldest->createdAt);
        }
    }
    auto keepFirstError = [&](const std::string &e) {
        if (m.error.empty()) m.error = e;
    };
    std::string error;
    std::vector<uint32_t> keptCounts;
    if (m.pairsRun) {
        m.pairsExclusion = exclusionAsMined(parametersOf(m.pairsRun));
        m.pairsKept = keptBaskets(snap, m.pairsExclusion);
        if (!m.pairsKept.empty()) keptCounts = basketCountsByProduct(snap, m.pairsKept);
        if (!readPairRules(ws, m.pairsRun->id, [&](const StoredPairRule &row) {
                const int64_t a = idx(row.antecedentId), c = idx(row.consequentId);
                if (a < 0 || c < 0) return;
                PairRule r;
                r.antecedent = uint32_t(a);
                r.consequent = uint32_t(c);
                r.count = uint32_t(row.count);
                r.support = row.support;
                r.confidence = row.confidence;
                r.lift = row.lift;
                r.cosine = row.cosine;
                r.antecedentCount = r.confidence > 0 ? uint32_t(std::lround(r.count / r.confidence)) : 0;
                r.consequentCount = !keptCounts.empty() ? keptCounts[r.consequent]
                                    : snap.basketsWith.empty()   ? 0
                                                                 : snap.basketsWith[r.consequent];
                m.pairs.push_back(r);
            }, error))
            keepFirstError(error);
        std::sort(m.pairs.begin(), m.pairs.end(), [](const PairRule &x, const PairRule &y) {
            return x.antecedent != y.antecedent ? x.antecedent < y.antecedent : x.consequent < y.consequent;
        });
    }
    m.pairsStart.assign(n + 1, 0);
    for (const PairRule &r : m.pairs) ++m.pairsStart[r.antecedent + 1];
    for (size_t i = 0; i < n; ++i) m.pairsStart[i + 1] += m.pairsStart[i];
    m.easeIndex.assign(n, -1);
    if (m.easeRun && !readEaseNeighbours(ws, m.easeRun->id, [&](const StoredEaseNeighbour &row) {
            const int64_t i = idx(row.itemId), nb = idx(row.neighbourId);
            if (i < 0 || nb < 0) return;
            if (m.easeIndex[size_t(i)] < 0) {
                m.easeIndex[size_t(i)] = int32_t(m.ease.size());
                EaseItem item;
                item.product = uint32_t(i);
                item.baskets = snap.basketsWith.empty() ? 0 : snap.basketsWith[size_t(i)];
                m.ease.push_back(item);
            }
            m.ease[size_t(m.easeIndex[size_t(i)])].neighbours.push_back({uint32_t(nb), row.weight});
        }, error))
        keepFirstError(error);
    m.replenishmentIndex.assign(n, -1);
    if (m.replenishmentRun && !readReplenishment(ws, m.replenishmentRun->id, [&](const StoredReplenishment &row) {
            const int64_t p = idx(row.productId);
            if (p < 0) return;
            ReplenishmentStat r;
            r.product = uint32_t(p);
            r.medianDays = row.medianDays;
            r.repeatShare = row.rebuyShare;
            r.intervals = uint32_t(row.intervals);
            r.buyers = uint32_t(row.buyers);
            r.repeatBuyers = uint32_t(std::lround(r.repeatShare * r.buyers));
            m.replenishmentIndex[size_t(p)] = int32_t(m.replenishment.size());
            m.replenishment.push_back(r);
        }, error))
        keepFirstError(error);
    return m;
}

}  // namespace mb

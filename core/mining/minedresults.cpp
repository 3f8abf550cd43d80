#include "core/mining/minedresults.h"

#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
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
    // Suggestions want pairs seen often enough to mean something, not the long tail of one-off baskets.
    pairs.minCount = 3;
    pairs.minSupport = 0.001;
    pairs.minConfidence = 0.02;
    ease.topK = 10;
}

void MiningSettings::setExclusion(const OrderExclusion &exclude)
{
    pairs.exclude = exclude;
    ease.exclude = exclude;
    replenishment.exclude = exclude;
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

// The run's parameters with the orders it left out, so `mine status` and a reader of the workspace can tell
// evidence mined without subscription reorders from evidence mined over everything.
QJsonObject withExclusion(QJsonObject o, const OrderExclusion &e, const char *countName, size_t excluded)
{
    if (e.empty()) return o;
    auto list = [](const std::vector<std::string> &v) {
        QJsonArray a;
        for (const std::string &s : v) a.append(QString::fromStdString(s));
        return a;
    };
    if (!e.tags.empty()) o.insert("excludeTags", list(e.tags));
    if (!e.sources.empty()) o.insert("excludeSources", list(e.sources));
    o.insert(countName, qint64(excluded));
    return o;
}

int64_t insertRun(sqlite3 *db, const char *kind, const std::string &params, int64_t version, int64_t ms, std::string &error)
{
    Statement del(db, "DELETE FROM mining_runs WHERE kind = ?1");
    del.bind(1, std::string_view(kind));
    if (!del.exec()) { error = del.error(); return -1; }
    Statement s(db, "INSERT INTO mining_runs(kind, parameters, history_version, created_at, duration_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
    s.bind(1, std::string_view(kind)).bind(2, params).bind(3, version).bind(4, int64_t(QDateTime::currentSecsSinceEpoch())).bind(5, ms);
    if (!s.exec()) { error = s.error(); return -1; }
    return sqlite3_last_insert_rowid(db);
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
        const int64_t pairsRun = insertRun(db, "pairs",
                                           json(withExclusion({{"minSupport", settings.pairs.minSupport}, {"minCount", qint64(settings.pairs.minCount)},
                                                               {"minConfidence", settings.pairs.minConfidence}, {"baskets", qint64(pairs.summary.baskets)}},
                                                              settings.pairs.exclude, "excludedBaskets", pairs.summary.excludedBaskets)),
                                           version, pairsMs, error);
        if (pairsRun < 0) return false;
        Statement ps(db, "INSERT INTO pair_stats(run_id, antecedent_id, consequent_id, count, support, confidence, lift, cosine) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        for (size_t i = 0; i < pairs.rules.size(); ++i) {
            const PairRule &r = pairs.rules[i];
            ps.bind(1, pairsRun).bind(2, snap.products[r.antecedent].id).bind(3, snap.products[r.consequent].id).bind(4, int64_t(r.count));
            ps.bind(5, r.support).bind(6, r.confidence).bind(7, r.lift).bind(8, r.cosine);
            if (!ps.exec()) { error = ps.error(); return false; }
            if (progress && (i & 4095) == 0 && !progress(0.9 + 0.05 * double(i) / double(pairs.rules.size() + 1))) return false;
        }
        const std::string easeParams = json(withExclusion({{"lambda", settings.ease.lambda}, {"minBaskets", qint64(settings.ease.minBaskets)},
                                                           {"topK", settings.ease.topK}, {"items", qint64(ease.items.size())},
                                                           {"error", QString::fromStdString(ease.error)}},
                                                          settings.ease.exclude, "excludedBaskets", ease.excludedBaskets));
        const int64_t easeRun = insertRun(db, "ease", easeParams, version, easeMs, error);
        if (easeRun < 0) return false;
        Statement es(db, "INSERT INTO ease_neighbours(run_id, item_id, rank, neighbour_id, weight) VALUES (?1, ?2, ?3, ?4, ?5)");
        for (const EaseItem &item : ease.items)
            for (size_t k = 0; k < item.neighbours.size(); ++k) {
                es.bind(1, easeRun).bind(2, snap.products[item.product].id).bind(3, int64_t(k + 1));
                es.bind(4, snap.products[item.neighbours[k].product].id).bind(5, item.neighbours[k].weight);
                if (!es.exec()) { error = es.error(); return false; }
            }
        const int64_t replRun = insertRun(db, "replenishment", json(withExclusion({{"minIntervals", qint64(settings.replenishment.minIntervals)}},
                                                               settings.replenishment.exclude, "excludedOrders", repl.excludedOrders)),
                                          version, replMs, error);
        if (replRun < 0) return false;
        Statement rs(db, "INSERT INTO replenishment(run_id, product_id, median_days, rebuy_share, intervals, buyers) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        for (const ReplenishmentStat &r : repl.products) {
            rs.bind(1, replRun).bind(2, snap.products[r.product].id).bind(3, r.medianDays).bind(4, r.repeatShare);
            rs.bind(5, int64_t(r.intervals)).bind(6, int64_t(r.buyers));
            if (!rs.exec()) { error = rs.error(); return false; }
        }
        return !progress || progress(1.0);
    });
}

std::vector<MiningRun> miningRuns(const Workspace &ws)
{
    std::vector<MiningRun> runs;
    Statement s(ws.db(), "SELECT id, kind, parameters, history_version, created_at, duration_ms FROM mining_runs ORDER BY kind");
    while (s.step()) runs.push_back({s.int64(0), s.text(1), s.text(2), s.int64(3), s.int64(4), s.int64(5)});
    return runs;
}

MinedResults loadMinedResults(const Workspace &ws, const Snapshot &snap)
{
    MinedResults m;
    const size_t n = snap.products.size();
    std::unordered_map<int64_t, uint32_t> index;
    index.reserve(n);
    for (uint32_t i = 0; i < n; ++i) index.emplace(snap.products[i].id, i);
    auto idx = [&](int64_t id) -> int64_t {
        auto it = index.find(id);
        return it == index.end() ? -1 : int64_t(it->second);
    };
    for (const MiningRun &r : miningRuns(ws)) {
        if (r.kind == "pairs") m.pairsRun = r;
        else if (r.kind == "ease") m.easeRun = r;
        else if (r.kind == "replenishment") m.replenishmentRun = r;
        if (r.historyVersion != snap.historyVersion) m.stale = true;
    }
    sqlite3 *db = ws.db();
    std::vector<uint32_t> keptCounts;
    if (m.pairsRun) {
        const QJsonObject p = QJsonDocument::fromJson(QByteArray::fromStdString(m.pairsRun->parameters)).object();
        for (const QJsonValue &v : p.value("excludeTags").toArray()) m.pairsExclusion.tags.push_back(v.toString().toStdString());
        for (const QJsonValue &v : p.value("excludeSources").toArray()) m.pairsExclusion.sources.push_back(v.toString().toStdString());
        m.pairsKept = keptBaskets(snap, m.pairsExclusion);
        if (!m.pairsKept.empty()) keptCounts = basketCountsByProduct(snap, m.pairsKept);
    }
    if (m.pairsRun) {
        Statement s(db, "SELECT antecedent_id, consequent_id, count, support, confidence, lift, cosine FROM pair_stats WHERE run_id = ?1");
        s.bind(1, m.pairsRun->id);
        while (s.step()) {
            const int64_t a = idx(s.int64(0)), c = idx(s.int64(1));
            if (a < 0 || c < 0) continue;
            PairRule r;
            r.antecedent = uint32_t(a);
            r.consequent = uint32_t(c);
            r.count = uint32_t(s.int64(2));
            r.support = s.real(3);
            r.confidence = s.real(4);
            r.lift = s.real(5);
            r.cosine = s.real(6);
            r.antecedentCount = r.confidence > 0 ? uint32_t(std::lround(r.count / r.confidence)) : 0;
            r.consequentCount = !keptCounts.empty() ? keptCounts[r.consequent]
                                : snap.basketsWith.empty()   ? 0
                                                             : snap.basketsWith[r.consequent];
            m.pairs.push_back(r);
        }
        std::sort(m.pairs.begin(), m.pairs.end(), [](const PairRule &x, const PairRule &y) {
            return x.antecedent != y.antecedent ? x.antecedent < y.antecedent : x.consequent < y.consequent;
        });
    }
    m.pairsStart.assign(n + 1, 0);
    for (const PairRule &r : m.pairs) ++m.pairsStart[r.antecedent + 1];
    for (size_t i = 0; i < n; ++i) m.pairsStart[i + 1] += m.pairsStart[i];
    m.easeIndex.assign(n, -1);
    if (m.easeRun) {
        Statement s(db, "SELECT item_id, neighbour_id, weight FROM ease_neighbours WHERE run_id = ?1 ORDER BY item_id, rank");
        s.bind(1, m.easeRun->id);
        while (s.step()) {
            const int64_t i = idx(s.int64(0)), nb = idx(s.int64(1));
            if (i < 0 || nb < 0) continue;
            if (m.easeIndex[size_t(i)] < 0) {
                m.easeIndex[size_t(i)] = int32_t(m.ease.size());
                EaseItem item;
                item.product = uint32_t(i);
                item.baskets = snap.basketsWith.empty() ? 0 : snap.basketsWith[size_t(i)];
                m.ease.push_back(item);
            }
            m.ease[size_t(m.easeIndex[size_t(i)])].neighbours.push_back({uint32_t(nb), s.real(2)});
        }
    }
    m.replenishmentIndex.assign(n, -1);
    if (m.replenishmentRun) {
        Statement s(db, "SELECT product_id, median_days, rebuy_share, intervals, buyers FROM replenishment WHERE run_id = ?1");
        s.bind(1, m.replenishmentRun->id);
        while (s.step()) {
            const int64_t p = idx(s.int64(0));
            if (p < 0) continue;
            ReplenishmentStat r;
            r.product = uint32_t(p);
            r.medianDays = s.real(1);
            r.repeatShare = s.real(2);
            r.intervals = uint32_t(s.int64(3));
            r.buyers = uint32_t(s.int64(4));
            r.repeatBuyers = uint32_t(std::lround(r.repeatShare * r.buyers));
            m.replenishmentIndex[size_t(p)] = int32_t(m.replenishment.size());
            m.replenishment.push_back(r);
        }
    }
    return m;
}

}  // namespace mb

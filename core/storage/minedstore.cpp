#include "core/storage/minedstore.h"

#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QDateTime>

#include <optional>

namespace mb {

std::vector<MiningRun> miningRuns(const Workspace &ws)
{
    std::vector<MiningRun> runs;
    Statement s(ws.db(), "SELECT id, kind, parameters, history_version, created_at, duration_ms FROM mining_runs ORDER BY kind");
    while (s.step()) runs.push_back({s.int64(0), s.text(1), s.text(2), s.int64(3), s.int64(4), s.int64(5)});
    return runs;
}

namespace {

// Steps a bound statement to the end; a failure names the table read.
template <typename Row>
bool readAll(Statement &s, const char *table, const Row &row, std::string &error)
{
    while (s.step()) row(s);
    if (!s.failed()) return true;
    error = std::string("cannot read the mined ") + table + ": " + s.error();
    return false;
}

StoredPairRule pairOf(const Statement &s)
{
    return {s.int64(0), s.int64(1), s.int64(2), s.real(3), s.real(4), s.real(5), s.real(6)};
}

}  // namespace

bool readPairRules(const Workspace &ws, int64_t runId, const std::function<void(const StoredPairRule &)> &row, std::string &error)
{
    Statement s(ws.db(), "SELECT antecedent_id, consequent_id, count, support, confidence, lift, cosine FROM pair_stats WHERE run_id = ?1");
    s.bind(1, runId);
    return readAll(s, "pair statistics", [&](const Statement &st) { row(pairOf(st)); }, error);
}

bool readEaseNeighbours(const Workspace &ws, int64_t runId, const std::function<void(const StoredEaseNeighbour &)> &row,
                        std::string &error)
{
    Statement s(ws.db(), "SELECT item_id, neighbour_id, weight FROM ease_neighbours WHERE run_id = ?1 ORDER BY item_id, rank");
    s.bind(1, runId);
    return readAll(s, "EASE neighbours", [&](const Statement &st) { row({st.int64(0), st.int64(1), st.real(2)}); }, error);
}

bool readReplenishment(const Workspace &ws, int64_t runId, const std::function<void(const StoredReplenishment &)> &row,
                       std::string &error)
{
    Statement s(ws.db(), "SELECT product_id, median_days, rebuy_share, intervals, buyers FROM replenishment WHERE run_id = ?1");
    s.bind(1, runId);
    return readAll(s, "re-buy intervals",
                   [&](const Statement &st) { row({st.int64(0), st.real(1), st.real(2), st.int64(3), st.int64(4)}); }, error);
}

int64_t lastImportId(sqlite3 *db)
{
    Statement s(db, "SELECT coalesce(max(id), 0) FROM imports");
    return s.step() ? s.int64(0) : 0;
}

int64_t ordersImportedSince(const Workspace &ws, int64_t afterImportId, int64_t sinceSecs)
{
    if (afterImportId >= 0) {
        Statement s(ws.db(), "SELECT count(*) FROM orders WHERE import_id > ?1");
        s.bind(1, afterImportId);
        return s.step() ? s.int64(0) : 0;
    }
    Statement s(ws.db(), "SELECT count(*) FROM orders o JOIN imports i ON i.id = o.import_id WHERE i.imported_at >= ?1");
    s.bind(1, sinceSecs);
    return s.step() ? s.int64(0) : 0;
}

struct MinedRunWriter::Statements {
    explicit Statements(sqlite3 *db)
        : del(db, "DELETE FROM mining_runs WHERE kind = ?1"),
          run(db, "INSERT INTO mining_runs(kind, parameters, history_version, created_at, duration_ms) VALUES (?1, ?2, ?3, ?4, ?5)")
    {
    }
    Statement del, run;
    std::optional<Statement> pair, ease, repl;  // prepared on first use
};

MinedRunWriter::MinedRunWriter(sqlite3 *db) : db_(db), s_(std::make_unique<Statements>(db)) {}

MinedRunWriter::~MinedRunWriter() = default;

namespace {

bool done(Statement &s, std::string &error)
{
    if (s.exec()) return true;
    error = s.error();
    return false;
}

}  // namespace

int64_t MinedRunWriter::replaceRun(std::string_view kind, const std::string &parameters, int64_t historyVersion, int64_t durationMs,
                                   std::string &error)
{
    // The run's rows go with it (ON DELETE CASCADE).
    s_->del.bind(1, kind);
    if (!done(s_->del, error)) return -1;
    s_->run.bind(1, kind).bind(2, parameters).bind(3, historyVersion).bind(4, int64_t(QDateTime::currentSecsSinceEpoch())).bind(5, durationMs);
    if (!done(s_->run, error)) return -1;
    return sqlite3_last_insert_rowid(db_);
}

bool MinedRunWriter::addPairRule(int64_t runId, const StoredPairRule &r, std::string &error)
{
    if (!s_->pair)
        s_->pair.emplace(db_, "INSERT INTO pair_stats(run_id, antecedent_id, consequent_id, count, support, confidence, lift, cosine) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    Statement &s = *s_->pair;
    s.bind(1, runId).bind(2, r.antecedentId).bind(3, r.consequentId).bind(4, r.count);
    s.bind(5, r.support).bind(6, r.confidence).bind(7, r.lift).bind(8, r.cosine);
    return done(s, error);
}

bool MinedRunWriter::addEaseNeighbour(int64_t runId, const StoredEaseNeighbour &n, int64_t rank, std::string &error)
{
    if (!s_->ease)
        s_->ease.emplace(db_, "INSERT INTO ease_neighbours(run_id, item_id, rank, neighbour_id, weight) VALUES (?1, ?2, ?3, ?4, ?5)");
    Statement &s = *s_->ease;
    s.bind(1, runId).bind(2, n.itemId).bind(3, rank).bind(4, n.neighbourId).bind(5, n.weight);
    return done(s, error);
}

bool MinedRunWriter::addReplenishment(int64_t runId, const StoredReplenishment &r, std::string &error)
{
    if (!s_->repl)
        s_->repl.emplace(db_, "INSERT INTO replenishment(run_id, product_id, median_days, rebuy_share, intervals, buyers) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    Statement &s = *s_->repl;
    s.bind(1, runId).bind(2, r.productId).bind(3, r.medianDays).bind(4, r.rebuyShare).bind(5, r.intervals).bind(6, r.buyers);
    return done(s, error);
}

}  // namespace mb

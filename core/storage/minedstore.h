#pragma once
// The mined-results tables (mining_runs, pair_stats, ease_neighbours, replenishment) as rows of workspace
// ids: the one place that reads and writes them. core/mining turns these rows into snapshot indices and
// decides what they mean; only core/storage runs SQL.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace mb {

class Workspace;

struct MiningRun {
    int64_t id = 0;
    std::string kind;        // pairs, ease, replenishment
    std::string parameters;  // JSON, as given
    int64_t historyVersion = 0;
    int64_t createdAt = 0;
    int64_t durationMs = 0;
};

struct StoredPairRule {
    int64_t antecedentId = 0, consequentId = 0, count = 0;
    double support = 0, confidence = 0, lift = 0, cosine = 0;
};

struct StoredEaseNeighbour {
    int64_t itemId = 0, neighbourId = 0;
    double weight = 0;
};

struct StoredReplenishment {
    int64_t productId = 0;
    double medianDays = 0, rebuyShare = 0;
    int64_t intervals = 0, buyers = 0;
};

// The last run of each kind, ordered by kind.
std::vector<MiningRun> miningRuns(const Workspace &ws);

// Each reader calls `row` for every stored row of the run, on the calling thread's connection; false with
// `error` naming the table when the read failed part way (the rows seen so far were delivered).
bool readPairRules(const Workspace &ws, int64_t runId, const std::function<void(const StoredPairRule &)> &row, std::string &error);
// By item, then rank.
bool readEaseNeighbours(const Workspace &ws, int64_t runId, const std::function<void(const StoredEaseNeighbour &)> &row,
                        std::string &error);
bool readReplenishment(const Workspace &ws, int64_t runId, const std::function<void(const StoredReplenishment &)> &row,
                       std::string &error);

// The newest import's id (0 when nothing was imported): a run records it, so the orders imported after the
// run can be counted exactly (timestamps have one-second resolution).
int64_t lastImportId(sqlite3 *db);
// Orders written by an import after `afterImportId`; when the run predates that record (afterImportId < 0),
// by imports made at or after `sinceSecs`.
int64_t ordersImportedSince(const Workspace &ws, int64_t afterImportId, int64_t sinceSecs);

// Writes one mining run and its rows; used inside the caller's writeTransaction (on its `db`). Each call
// returns false with `error` set when the statement failed; the transaction then rolls back.
class MinedRunWriter {
public:
    explicit MinedRunWriter(sqlite3 *db);
    ~MinedRunWriter();
    MinedRunWriter(const MinedRunWriter &) = delete;
    MinedRunWriter &operator=(const MinedRunWriter &) = delete;

    // Replaces the previous run of this kind; the new run's id, or -1.
    int64_t replaceRun(std::string_view kind, const std::string &parameters, int64_t historyVersion, int64_t durationMs, std::string &error);
    bool addPairRule(int64_t runId, const StoredPairRule &r, std::string &error);
    bool addEaseNeighbour(int64_t runId, const StoredEaseNeighbour &n, int64_t rank, std::string &error);
    bool addReplenishment(int64_t runId, const StoredReplenishment &r, std::string &error);

private:
    struct Statements;
    sqlite3 *db_;
    std::unique_ptr<Statements> s_;
};

}  // namespace mb

#pragma once
// Mined evidence kept in the workspace: the last run of each kind (pair statistics, EASE, replenishment)
// with its parameters and the order-history version it saw. After an import the history version moves on
// and the runs read as stale until they are run again.
#include "core/mining/ease.h"
#include "core/mining/pairstatistics.h"
#include "core/mining/replenishment.h"
#include "core/storage/minedstore.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mb {

class Workspace;
struct Snapshot;

// What suggestions need, in snapshot indices; loaded once per snapshot.
struct MinedResults {
    std::optional<MiningRun> pairsRun, easeRun, replenishmentRun;
    std::vector<PairRule> pairs;                  // by antecedent, then consequent
    std::vector<uint32_t> pairsStart;             // per product: first rule with that antecedent (size products+1)
    std::vector<EaseItem> ease;                   // modelled items with their neighbours
    std::vector<int32_t> easeIndex;               // per product: index into ease, or -1
    std::vector<ReplenishmentStat> replenishment;
    std::vector<int32_t> replenishmentIndex;      // per product: index into replenishment, or -1
    bool stale = false;                           // a run saw an older order history than the snapshot
    int64_t historyVersion = 0;                   // of the snapshot these results were read for
    int64_t ordersImportedSince = 0;              // when stale: orders imported after the oldest run
    int64_t oldestRunAt = 0;                      // UTC seconds of the oldest run (the one staleness counts from)
    std::string error;                            // a table could not be read (what was read is kept)
    // The orders the pairs run left out (its parameters), and per snapshot basket whether it counted (empty:
    // all), so a pair looked up outside the saved rules is counted over the same baskets.
    OrderExclusion pairsExclusion;
    std::vector<char> pairsKept;

    const ReplenishmentStat *replenishmentOf(uint32_t product) const;
    const EaseItem *easeOf(uint32_t product) const;
    // Rules with this antecedent.
    std::pair<const PairRule *, const PairRule *> rulesFrom(uint32_t product) const;
    bool empty() const { return !pairsRun && !easeRun && !replenishmentRun; }
};

// The parameters the suggestions use unless told otherwise; written into the run's parameters.
struct MiningSettings {
    PairOptions pairs;
    EaseOptions ease;
    ReplenishmentOptions replenishment;
    MiningSettings();
    // Leaves the same orders out of all three (pairs, EASE, replenishment).
    void setExclusion(const OrderExclusion &exclude);
    // The parameters the saved runs were made with (the defaults for a kind never run): "Re-run" mines
    // again with them.
    static MiningSettings fromRuns(const MinedResults &saved);
    // The same read from the workspace's saved runs alone (their parameters, not their rows: cheap).
    static MiningSettings ofSavedRuns(const Workspace &ws);
};

// Mines all three on the snapshot and saves them, replacing earlier runs, in one transaction. progress
// covers the whole; false cancels and nothing is saved (error empty).
bool mineAndSave(Workspace &ws, const Snapshot &snapshot, const MiningSettings &settings, std::string &error,
                 const ProgressFn &progress = {});

// All saved runs and their rows, in the snapshot's indices (rows of products the snapshot lacks are
// dropped). A read error is kept in MinedResults::error.
MinedResults loadMinedResults(const Workspace &ws, const Snapshot &snapshot);

}  // namespace mb

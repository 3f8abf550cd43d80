#pragma once
// The mined side of a placement's candidates, computed once per snapshot: for every anchor product the
// products the history links to it (pair confidence and lift, EASE weight), each with a kind guessed from
// the evidence, and for every product its replenishment interval. The placement engine reads only this,
// so mining results can come from a fresh run (mineEvidence) or from the results saved in the workspace
// (buildMinedEvidence from MinedResults: no mining at all when a saved run is fresh).
//
// Each mined candidate's kind comes from the same documented heuristic the Maps suggestions use
// (core/maps/kindsuggestion.h), so a product page and the Maps view never disagree about a pair.
#include "core/maps/kindsuggestion.h"
#include "core/storage/relation.h"
#include "core/mining/replenishment.h"

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

namespace mb {

struct Snapshot;
struct PairRule;
struct PairStatistics;
struct EaseModel;
struct EaseItem;
struct MinedResults;
class Workspace;

struct MinedCandidate {
    uint32_t product = 0;
    RelationKind kind = RelationKind::Accessory;
    float confidence = 0;   // pair attach rate anchor -> product, 0 when the pair was not mined
    float lift = 0;
    float ease = 0;         // EASE weight normalised by the anchor's strongest neighbour (0..1)
    float easeWeight = 0;   // the EASE weight itself: a cart's items add theirs up, as EASE scores a basket
    bool substitute = false;  // like the anchor, priced alike, rarely bought with it (kindsuggestion.h): never a cross-sell
};

struct MinedEvidenceOptions {
    size_t maxPerAnchor = 24;          // candidates kept per anchor, by max(confidence, ease)
    KindHeuristics kinds;
};

struct MinedEvidence {
    // CSR by anchor product: candidates of anchor a are items[start[a] .. start[a + 1]).
    std::vector<uint32_t> start;
    std::vector<MinedCandidate> items;
    std::vector<float> replenishDays;  // per product: median days between purchases, NAN when unknown
    std::vector<float> repeatShares;   // per product: share of its buyers who bought it on two days or more, NAN when unknown

    std::span<const MinedCandidate> of(uint32_t anchor) const
    {
        if (anchor + 1 >= start.size()) return {};
        return {items.data() + start[anchor], items.data() + start[anchor + 1]};
    }
    double replenishment(uint32_t product) const
    {
        return product < replenishDays.size() ? double(replenishDays[product]) : NAN;
    }
    double repeatShare(uint32_t product) const
    {
        return product < repeatShares.size() ? double(repeatShares[product]) : NAN;
    }
    bool empty() const { return items.empty() && replenishDays.empty(); }
};

// Streams pair rules (a PairSink can forward to addPairRules), so that a big store never holds them all.
class MinedEvidenceBuilder {
public:
    MinedEvidenceBuilder(const Snapshot &snapshot, MinedEvidenceOptions options = {});
    void addPairRules(std::span<const PairRule> rules);
    void addEase(const EaseModel &model);
    void addEase(std::span<const EaseItem> items);
    void addReplenishment(const Replenishment &r);
    void addReplenishment(std::span<const ReplenishmentStat> stats);
    MinedEvidence finish();

private:
    const Snapshot &snap_;
    MinedEvidenceOptions options_;
    std::vector<std::vector<MinedCandidate>> perAnchor_;
    std::vector<float> days_;
    std::vector<ReplenishmentStat> replenishment_;  // per product; intervals 0 when not re-bought
};

// Any of the inputs may be null (not mined): the evidence then lacks that part.
MinedEvidence buildMinedEvidence(const Snapshot &snapshot, const PairStatistics *pairs, const EaseModel *ease,
                                 const Replenishment *replenishment, MinedEvidenceOptions options = {});

// From the runs saved in the workspace (loadMinedResults); a kind never run is simply absent. The caller
// decides whether stale results are good enough (MinedResults::stale).
MinedEvidence buildMinedEvidence(const Snapshot &snapshot, const MinedResults &saved, MinedEvidenceOptions options = {});

// Runs pair statistics (min count 2), EASE and replenishment with settings fit for previews and builds
// the evidence. easeMaxItems bounds the dense EASE model on big catalogs.
MinedEvidence mineEvidence(const Snapshot &snapshot, size_t easeMaxItems = 3000, MinedEvidenceOptions options = {});

// Where a placement's evidence came from, so a view or the CLI can say so.
enum class EvidenceOrigin { None, Saved, MinedNow, StaleMinedNow };
struct EvidenceSource {
    MinedEvidence evidence;
    EvidenceOrigin origin = EvidenceOrigin::None;
    int64_t minedAt = 0;  // when the saved run was made (Saved only)
};
// The saved runs when they are there and fresh; otherwise mined here, so a preview is never blind.
EvidenceSource evidenceFor(const Workspace &ws, const Snapshot &snapshot);
// The same from results already read (loadMinedResults for this snapshot): a view that shares them reads
// nothing from the workspace.
EvidenceSource evidenceFor(const Snapshot &snapshot, const MinedResults &saved);

}  // namespace mb

#pragma once
// The mined side of a placement's candidates, computed once per snapshot: for every anchor product the
// products the history links to it (pair confidence and lift, EASE weight), each with a kind guessed from
// the evidence, and for every product its replenishment interval. The placement engine reads only this,
// so mining results can come from a fresh run (buildMinedEvidence) or, later, from stored results.
//
// Kind heuristic for mined candidates (until a map says otherwise), first match wins:
//   upgrade     same family as the anchor and dearer;
//   consumable  the history says it is re-bought (replenishment: >= minRepeatShare of its buyers came back);
//   necessity   most buyers of the anchor take it (confidence >= necessityConfidence) and it costs at most
//               necessityPriceShare of the anchor: a cheap item almost everybody needs with it (memory card);
//   accessory   everything else.
#include "core/maps/relation.h"

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

namespace mb {

struct Snapshot;
struct PairRule;
struct PairStatistics;
struct EaseModel;
struct Replenishment;

struct MinedCandidate {
    uint32_t product = 0;
    RelationKind kind = RelationKind::Accessory;
    float confidence = 0;   // pair attach rate anchor -> product, 0 when the pair was not mined
    float lift = 0;
    float ease = 0;         // EASE weight normalised by the anchor's strongest neighbour (0..1)
};

struct MinedEvidenceOptions {
    size_t maxPerAnchor = 24;          // candidates kept per anchor, by max(confidence, ease)
    double minRepeatShare = 0.25;
    double necessityConfidence = 0.4;
    double necessityPriceShare = 0.25;
};

struct MinedEvidence {
    // CSR by anchor product: candidates of anchor a are items[start[a] .. start[a + 1]).
    std::vector<uint32_t> start;
    std::vector<MinedCandidate> items;
    std::vector<float> replenishDays;  // per product: median days between purchases, NAN when unknown

    std::span<const MinedCandidate> of(uint32_t anchor) const
    {
        if (anchor + 1 >= start.size()) return {};
        return {items.data() + start[anchor], items.data() + start[anchor + 1]};
    }
    double replenishment(uint32_t product) const
    {
        return product < replenishDays.size() ? double(replenishDays[product]) : NAN;
    }
    bool empty() const { return items.empty() && replenishDays.empty(); }
};

// Streams pair rules (a PairSink can forward to addPairRules), so that a big store never holds them all.
class MinedEvidenceBuilder {
public:
    MinedEvidenceBuilder(const Snapshot &snapshot, MinedEvidenceOptions options = {});
    void addPairRules(std::span<const PairRule> rules);
    void addEase(const EaseModel &model);
    void addReplenishment(const Replenishment &r);
    MinedEvidence finish();

private:
    const Snapshot &snap_;
    MinedEvidenceOptions options_;
    std::vector<std::vector<MinedCandidate>> perAnchor_;
    std::vector<float> days_, repeatShare_;
};

// Any of the inputs may be null (not mined): the evidence then lacks that part.
MinedEvidence buildMinedEvidence(const Snapshot &snapshot, const PairStatistics *pairs, const EaseModel *ease,
                                 const Replenishment *replenishment, MinedEvidenceOptions options = {});

// Runs pair statistics (min count 2), EASE and replenishment with settings fit for previews and builds
// the evidence. easeMaxItems bounds the dense EASE model on big catalogs.
MinedEvidence mineEvidence(const Snapshot &snapshot, size_t easeMaxItems = 3000, MinedEvidenceOptions options = {});

}  // namespace mb

#pragma once
// Mined candidates for a product's map that the map does not have yet, each with its evidence and a
// suggested kind; accepting one makes it a relation (source mined), rejecting one stores the rejection so
// it is not suggested again for that anchor, whatever is mined later.
#include "core/maps/kindsuggestion.h"
#include "core/mining/minedresults.h"

#include <cmath>
#include <string>
#include <vector>

namespace mb {

class Workspace;
class RelationResolver;

struct Suggestion {
    uint32_t anchor = 0, target = 0;     // product indices
    PairRule pair;                       // count 0 when only EASE proposed it
    double easeWeight = NAN;             // NAN when EASE did not list it
    const ReplenishmentStat *targetReplenishment = nullptr;
    KindSuggestion kind;
    double score = 0;                    // for ranking: confidence, or EASE weight when there is no pair
    std::string evidence;                // "bought together in 412 of 1,930 orders (21 %), lift 5.2; re-bought every 34 days"
};

struct SuggestionFilter {
    uint32_t minCount = 3;
    double minConfidence = 0.05;
    double minLift = 1.0;
    bool includeEaseOnly = true;         // candidates from EASE without pair statistics above the thresholds
    // A map runs from the main product to its complements: a target from another category that costs more
    // than this many times the anchor (a phone for its screen protector) is the pair seen backwards.
    double maxPriceRatioAcrossCategories = 2.0;
};

class SuggestionEngine {
public:
    SuggestionEngine(const Snapshot &snapshot, const RelationResolver &resolver, const MinedResults &mined,
                     KindHeuristics heuristics = KindHeuristics());

    // Substitutes (kindsuggestion.h) are no complements and never suggested.
    std::vector<Suggestion> forAnchor(uint32_t anchor, const SuggestionFilter &filter = SuggestionFilter(), size_t limit = 20) const;
    // Every anchor's suggestions above the thresholds: the preview of a bulk accept.
    std::vector<Suggestion> all(const SuggestionFilter &filter) const;

private:
    Suggestion make(uint32_t anchor, uint32_t target, const PairRule *pair, double easeWeight) const;

    const Snapshot &snap_;
    const RelationResolver &resolver_;
    const MinedResults &mined_;
    KindHeuristics heuristics_;
};

std::string evidenceText(const PairRule &pair, double easeWeight, const ReplenishmentStat *replenishment);

// What kindsuggestion.h needs about a pair, from the saved mining results (the anchor's typical lift over
// its saved rules, both sides' replenishment).
KindEvidence kindEvidence(const MinedResults &mined, uint32_t anchor, uint32_t target, const PairRule &pair);

// A relation of source mined from anchor product to target product: what accepting or rejecting stores.
Relation minedRelation(int64_t anchorProductId, int64_t targetProductId, RelationKind kind, RelationStatus status);

// Accept: a relation from the anchor product to the target product of this kind, source mined, active.
bool acceptSuggestion(Workspace &ws, int64_t anchorProductId, int64_t targetProductId, RelationKind kind, std::string &error);
// Reject: remembered as a relation with status rejected, so later mining does not suggest it again.
bool rejectSuggestion(Workspace &ws, int64_t anchorProductId, int64_t targetProductId, RelationKind kind, std::string &error);
// Accepts many at once in one transaction; returns how many were added (-1 on error).
int acceptSuggestions(Workspace &ws, const Snapshot &snapshot, const std::vector<Suggestion> &suggestions, std::string &error);

}  // namespace mb

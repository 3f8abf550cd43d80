#pragma once
// Which kind a mined pair A -> B probably is, and why. A documented heuristic (core/maps/README.md), first
// match wins:
//  1. substitute   B is like A (same family, same category, or titles alike: TitleWords similarity >=
//                  `substituteSimilarity`), priced alike (B / A within 1 / `substitutePriceRatio` ..
//                  `substitutePriceRatio`) and rarely in one basket with A for what their popularity
//                  predicts: lift below max(1, `substituteLiftRatio` x A's typical lift, the median lift of
//                  A's mined partners), or no pair mined at all. A substitute is never a cross-sell: it is
//                  an upgrade when dearer within `upgradeMin` .. `upgradeMax` times A's price, otherwise
//                  it is flagged `substitute` (the placement engine leaves it out, the Maps suggestions
//                  skip it). Two cake stands bought by the same wholesale buyers at A's usual lift are
//                  substitutes; two teacups of one range bought together at 3x A's usual lift are not;
//  2. consumable   B is re-bought by its buyers markedly more often than A is by A's, and than the store's
//                  products are by theirs: B's repeat share is at least `consumableShare` over at least
//                  `consumableIntervals` gaps, at least `consumableRatio` times max(A's share, the store's
//                  share) and `consumableGap` above it (A without replenishment figures counts as 0), and B
//                  is cheaper than A. Where every buyer re-orders everything (a wholesaler) the ratio fails
//                  and nothing becomes a consumable by habit alone;
//  3. the map's own category rules: when a curated rule already links A's category (or one above) to B's
//                  category (or one above), its kind — this is how enhancements are learnt;
//  4. necessity    the attach rate is very high (>= `necessityConfidence`) and B is much cheaper
//                  (<= `necessityPriceShare` of A's price);
//  5. accessory    otherwise.
#include "core/storage/relation.h"
#include "core/mining/pairstatistics.h"
#include "core/mining/replenishment.h"

#include <cmath>
#include <string>

namespace mb {

struct Snapshot;
class RelationResolver;

struct KindHeuristics {
    double consumableShare = 0.25;
    uint32_t consumableIntervals = 5;
    double consumableRatio = 1.5;     // B's repeat share >= this x A's ...
    double consumableGap = 0.15;      // ... and at least this much above it
    double upgradeMin = 1.05, upgradeMax = 2.0;
    double necessityConfidence = 0.4;
    double necessityPriceShare = 0.25;
    double substituteSimilarity = 0.35;  // TitleWords cosine from which two titles name the same sort of thing
    double substitutePriceRatio = 2.0;  // priced alike: within 1/x .. x of each other
    double substituteLiftRatio = 1.5;   // "rarely together": lift < max(1, this x the anchor's typical lift) ...
    double substituteMaxConfidence = 0.10;  // ... and in fewer than this share of A's baskets or of B's (or lift < 1)
};

// What the history says about the pair and its two sides; everything may be unknown (0 / null).
struct KindEvidence {
    double confidence = 0;           // attach rate A -> B
    double lift = 0;                 // 0: the pair was not mined (bought together fewer times than the minimum)
    double reverseConfidence = NAN;  // attach rate B -> A; NAN when unknown
    double anchorTypicalLift = 0;    // median lift of A's mined partners; 0 when unknown
    const ReplenishmentStat *anchorReplenishment = nullptr;
    const ReplenishmentStat *targetReplenishment = nullptr;
    double storeRepeatShare = 0;     // the store's habit: storeRepeatShare() of all its products
};

struct KindSuggestion {
    RelationKind kind = RelationKind::Accessory;
    bool substitute = false;  // like A, priced alike, rarely bought with it, and no upgrade: never a cross-sell
    std::string reasoning;    // one sentence a merchandiser can check
};

// The kind alone (reasoning empty): the placement engine classifies every mined candidate of a whole
// catalogue and needs no sentence for each.
KindSuggestion suggestedKind(const Snapshot &snapshot, const RelationResolver &resolver, uint32_t anchor, uint32_t target,
                             const KindEvidence &evidence, const KindHeuristics &h = KindHeuristics());

KindSuggestion suggestKind(const Snapshot &snapshot, const RelationResolver &resolver, uint32_t anchor, uint32_t target,
                           const KindEvidence &evidence, const KindHeuristics &h = KindHeuristics());

// The store's habit of re-buying: all repeat buyers over all buyers of the products with figures (a
// wholesaler's buyers re-order most of what they stock; a camera shop's buy most things once).
double storeRepeatShare(const ReplenishmentStat *first, const ReplenishmentStat *last);

// A's typical lift: the median lift of its `keep` partners of highest confidence among [first, last) (its
// mined rules), as the placement evidence keeps them (MinedEvidenceOptions::maxPerAnchor); 0 when none.
double typicalLift(const PairRule *first, const PairRule *last, size_t keep = 24);

}  // namespace mb

#pragma once
// Which kind a mined pair A -> B probably is, and why. A documented heuristic, first match wins:
//  1. consumable   B is re-bought by the same customers on an interval (replenishment: at least
//                  `consumableShare` of its buyers came back, over at least `consumableIntervals` gaps);
//  2. upgrade      B is of A's family, or of A's category, and dearer than A within the upsell band
//                  (`upgradeMin` .. `upgradeMax` times A's price);
//  3. the map's own category rules: when a curated rule already links A's category (or one above) to B's
//                  category (or one above), its kind — this is how enhancements are learnt;
//  4. necessity    the attach rate is very high (>= `necessityConfidence`) and B is much cheaper
//                  (<= `necessityPriceShare` of A's price);
//  5. accessory    otherwise.
#include "core/storage/relation.h"
#include "core/mining/pairstatistics.h"
#include "core/mining/replenishment.h"

#include <string>

namespace mb {

struct Snapshot;
class RelationResolver;

struct KindHeuristics {
    double consumableShare = 0.25;
    uint32_t consumableIntervals = 5;
    double upgradeMin = 1.05, upgradeMax = 2.0;
    double necessityConfidence = 0.4;
    double necessityPriceShare = 0.25;
};

struct KindSuggestion {
    RelationKind kind = RelationKind::Accessory;
    std::string reasoning;  // one sentence a merchandiser can check
};

// The kind alone: the placement engine classifies every mined candidate of a whole catalogue and needs
// no sentence for each.
RelationKind suggestedKind(const Snapshot &snapshot, const RelationResolver &resolver, uint32_t anchor, uint32_t target,
                           double confidence, const ReplenishmentStat *targetReplenishment,
                           const KindHeuristics &h = KindHeuristics());

KindSuggestion suggestKind(const Snapshot &snapshot, const RelationResolver &resolver, uint32_t anchor, uint32_t target,
                           double confidence, const ReplenishmentStat *targetReplenishment,
                           const KindHeuristics &h = KindHeuristics());

}  // namespace mb

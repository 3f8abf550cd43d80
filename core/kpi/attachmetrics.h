#pragma once
// How often mapped complements come with their anchor, and what the orders where they did are worth.
// "Mapped complements" are what RelationResolver says for the anchor (own rules, then category rules,
// exclusions applied); a rule whose target is a category is met by any product of that category.
#include "core/storage/relation.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace mb {

class KpiContext;
struct OrderSelection;
struct KpiFilter;

struct PairAttach {
    uint32_t anchor = 0;
    int32_t targetProduct = -1;   // set when the target is a product
    int32_t targetCategory = -1;  // set when the target is a whole category
    RelationKind kind = RelationKind::Accessory;
    int64_t anchorOrders = 0;     // counted orders holding the anchor
    int64_t bothOrders = 0;       // ... that also hold the target
    double rate = NAN;            // bothOrders / anchorOrders (= confidence)
};

struct GroupAttach {
    std::string name;             // kind name or category path
    int64_t eligible = 0;         // (order, anchor) occurrences where the anchor has complements of the group
    int64_t attached = 0;         // ... where at least one of them was in the same order
    double rate = NAN;
};

struct AttachMetrics {
    bool hasMaps = false;
    int64_t orders = 0;           // counted orders
    int64_t eligibleOrders = 0;   // orders holding an item that has mapped cross-sell complements
    int64_t attachedOrders = 0;   // orders in which some item came with at least one of its complements
    double storeRate = NAN;       // attachedOrders / orders
    double eligibleRate = NAN;    // attachedOrders / eligibleOrders
    std::vector<GroupAttach> byKind;      // all five kinds, in vocabulary order
    std::vector<GroupAttach> byCategory;  // by the anchor's category one level below the filter (or top level)
    std::vector<PairAttach> pairs;        // most orders together first
    // Attributed, not causal: orders where an anchor came with a complement vs orders with an anchor alone.
    int64_t ordersAttached = 0, ordersAnchorAlone = 0;
    double aovAttached = NAN, aovAnchorAlone = NAN;
    double aovDifference = NAN;           // aovAttached - aovAnchorAlone
    double attributedRevenue = NAN;       // aovDifference × ordersAttached
};

AttachMetrics computeAttach(const KpiContext &ctx, const OrderSelection &sel, const KpiFilter &filter);

}  // namespace mb

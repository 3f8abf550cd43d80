#pragma once
// Bundle take rate per tier: of the counted orders holding a bundle's anchor, the share that also hold
// every required item of a tier (in at least the tier's quantity). An order that meets several tiers
// counts for the highest one, so a bundle's tier rates add up to its overall take rate.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace mb {

class KpiContext;
struct OrderSelection;

struct TierTake {
    std::string bundle, tier;
    int position = 0;
    int64_t anchorOrders = 0;    // counted orders holding the bundle's anchor
    int64_t takenOrders = 0;     // ... whose highest tier met is this one
    double rate = NAN;
};

struct BundleMetrics {
    bool hasBundles = false;
    int64_t bundles = 0;
    int64_t anchorOrders = 0;    // counted orders holding some bundle's anchor
    int64_t takenOrders = 0;     // ... that meet some tier of such a bundle
    double rate = NAN;
    std::vector<TierTake> tiers; // bundle by bundle, tiers ascending
};

BundleMetrics computeBundles(const KpiContext &ctx, const OrderSelection &sel);

}  // namespace mb

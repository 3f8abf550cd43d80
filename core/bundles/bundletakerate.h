#pragma once
// How often the history already holds a tier: of the orders with the bundle's anchor, how many hold every
// required item of the tier in at least its quantity. Tiers are counted independently (an order holding
// Premium also holds Basic when Basic's items are inside Premium); the KPI view's bundle take rate
// (core/kpi/bundlemetrics) instead credits each order to its highest tier.
#include "core/bundles/bundlepricing.h"

#include <vector>

namespace mb {

struct TierTakeRate {
    int64_t orders = 0;        // orders holding the tier's required items
    double share = NAN;        // orders / anchorOrders
};

struct BundleTakeRate {
    int64_t anchorOrders = 0;  // orders (not cancelled) holding the anchor
    std::vector<TierTakeRate> tiers;
};

BundleTakeRate takeRate(const BundleCatalog &catalog, const Bundle &bundle);

}  // namespace mb

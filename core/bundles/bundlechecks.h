#pragma once
// The warnings a bundle builder shows in place: each names the tier (and item) it is about and says what to
// fix in words a merchandiser uses.
#include "core/bundles/bundlepricing.h"

#include <string>
#include <vector>

namespace mb {

enum class BundleCheck {
    MarginBelowFloor,   // tier margin % under the floor
    OutOfStock,         // an item's stock is below its quantity
    MissingCost,        // an item without a cost: margin unknown
    MissingPrice,       // an item without a price: totals unknown
    NotAscending,       // a tier not richer (compare-at) and dearer (price) than the one below
    DuplicateItem,      // the same product twice in one tier
    PriceAboveSum,      // a tier priced above the sum of its items
    EmptyTier,          // a tier without required items
    UnknownProduct,     // an item whose product is no longer in the catalog
    FreeTier,           // a tier priced at 0 (or less): exported as is, the store gives it away
    BelowCheapestItem,  // a tier priced under its cheapest required item alone
};

const char *checkName(BundleCheck c);

struct BundleIssue {
    BundleCheck check;
    int tier = -1;       // index into Bundle::tiers
    int item = -1;       // index into the tier's items, -1 for the whole tier
    std::string message;
};

struct BundleCheckOptions {
    double marginFloorPercent = 10;  // a bundle under 10% margin rarely pays for its discount
};

std::vector<BundleIssue> checkBundle(const BundleCatalog &catalog, const Bundle &bundle, const BundleCheckOptions &options = {});

// The tiers an export would give away (FreeTier: priced at 0 or less), as "bundle › tier": exports refuse
// them unless the merchandiser confirms (the window) or passes --allow-free-tiers (the command line).
std::vector<std::string> freeTiers(const BundleCatalog &catalog, const std::vector<Bundle> &bundles);

}  // namespace mb

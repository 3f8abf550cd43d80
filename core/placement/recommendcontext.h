#pragma once
// What one recommend() call is about: the placement, the product being viewed or the cart, and optionally
// who is shopping and when. Products and customers are snapshot indices; the CLI and the GUI translate
// SKUs and customer ids with PlacementEngine::productIndex / customerIndex.
#include "core/placement/placementpolicy.h"

#include <cstdint>
#include <vector>

namespace mb {

struct CartLine {
    uint32_t product = 0;  // index into Snapshot::products
    double quantity = 1;
};

struct RecommendContext {
    Placement placement = Placement::ProductPage;
    int32_t anchor = -1;          // the product viewed (product page) or bought (post-purchase); -1 with a cart
    std::vector<CartLine> cart;   // the cart (cart, checkout) or the order (post-purchase); may hold the anchor
    int32_t customer = -1;        // index into Snapshot::customers; -1 = anonymous
    // The day of the request as days since 1970-01-01; INT32_MIN = the day after the snapshot's last order.
    // Purchases on or after this day are not "already bought" (previews can replay the past).
    int32_t day = INT32_MIN;
    int limit = 0;                // > 0: show at most this many (never more than the policy's slots)
};

}  // namespace mb

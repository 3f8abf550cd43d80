#pragma once
// Recommendation click-through and conversion, and cart abandonment, from imported storefront events.
// Order history alone cannot give these (it has no sessions or carts): without events, `missing` says
// which data they need instead of the figures reading zero.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace mb {

class KpiContext;

struct PlacementEvents {
    std::string placement;          // "product-page", ..., or "(none)"
    int64_t impressions = 0, clicks = 0, conversions = 0;
    double clickThrough = NAN;      // clicks / impressions
    double conversion = NAN;        // conversions / clicks
};

struct EventMetrics {
    bool hasEvents = false;
    std::string missing;            // what to import when hasEvents is false
    int64_t events = 0, sessions = 0;   // in the period
    int64_t impressions = 0, clicks = 0;
    int64_t conversions = 0;        // clicks followed, in the same session, by a purchase of the clicked product
    double clickThrough = NAN;
    double conversion = NAN;        // conversions / clicks
    int64_t cartSessions = 0;       // sessions with an add_to_cart
    int64_t abandonedSessions = 0;  // ... and no purchase after it
    double abandonment = NAN;       // abandonedSessions / cartSessions
    std::vector<PlacementEvents> placements;
};

// Events whose UTC day lies in [fromDay, toDay].
EventMetrics computeEvents(const KpiContext &ctx, int64_t fromDay, int64_t toDay);

}  // namespace mb

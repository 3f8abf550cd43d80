#pragma once
// The orders a filter selects, resolved once per computation so every metric agrees on them.
#include "core/kpi/kpifilter.h"

#include <cstdint>
#include <vector>

namespace mb {

class KpiContext;

struct OrderSelection {
    int64_t fromDay = 0, toDay = 0;      // the period, inclusive local days
    std::vector<uint32_t> counted;       // orders that count (not cancelled, a line with quantity > 0), in time order
    std::vector<uint32_t> revenue;       // every order that is not cancelled (returns too), in time order
};

// `from`/`to` override the filter's days (the previous period uses the same filter, shifted).
OrderSelection selectOrders(const KpiContext &ctx, const KpiFilter &filter, int64_t fromDay, int64_t toDay);

}  // namespace mb

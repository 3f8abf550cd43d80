#include "core/kpi/orderselection.h"

#include "core/kpi/kpicontext.h"

#include <algorithm>

namespace mb {

OrderSelection selectOrders(const KpiContext &ctx, const KpiFilter &filter, int64_t fromDay, int64_t toDay)
{
    const Snapshot &s = ctx.snapshot();
    OrderSelection sel;
    sel.fromDay = fromDay;
    sel.toDay = toDay;
    std::vector<char> inCategory;
    if (filter.category >= 0) {
        inCategory.resize(s.products.size());
        for (size_t p = 0; p < s.products.size(); ++p)
            inCategory[p] = s.products[p].category >= 0 && s.categoryWithin(s.products[p].category, filter.category);
    }
    // Orders are sorted by UTC time and offsets differ by hours at most, so a binary search on the day
    // gives a start a day early at worst; the loop checks each order's own day.
    const auto &orders = s.orders;
    const int64_t startSeconds = (fromDay - 1) * 86400;
    auto it = std::lower_bound(orders.begin(), orders.end(), startSeconds,
                               [](const SnapshotOrder &o, int64_t t) { return o.orderedAt < t; });
    for (uint32_t i = uint32_t(it - orders.begin()); i < orders.size(); ++i) {
        const SnapshotOrder &o = orders[i];
        const int64_t day = ctx.day(i);
        if (day > toDay + 2) break;
        if (day < fromDay || day > toDay || o.status == OrderStatus::Cancelled) continue;
        if (!filter.country.empty() && o.country != filter.country) continue;
        if (filter.customers != CustomerScope::All) {
            if (o.customer < 0) continue;
            const int32_t first = ctx.firstOrderOf(o.customer);
            // A return before any purchase has no first order yet: it belongs to a new customer.
            const bool returning = first >= 0 && first < int32_t(i);
            if (returning != (filter.customers == CustomerScope::Returning)) continue;
        }
        if (filter.category >= 0) {
            bool holds = false;
            for (uint32_t l = o.lineBegin; l < o.lineEnd && !holds; ++l) holds = inCategory[s.lines[l].product];
            if (!holds) continue;
        }
        sel.revenue.push_back(i);
        if (ctx.counted(i)) sel.counted.push_back(i);
    }
    return sel;
}

}  // namespace mb

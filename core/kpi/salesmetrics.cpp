#include "core/kpi/salesmetrics.h"

#include "core/kpi/kpicontext.h"
#include "core/kpi/orderselection.h"

#include <vector>

namespace mb {

SalesMetrics computeSales(const KpiContext &ctx, const OrderSelection &sel)
{
    const Snapshot &s = ctx.snapshot();
    SalesMetrics m;
    for (uint32_t i : sel.revenue) {
        const SnapshotOrder &o = s.orders[i];
        m.revenue += o.merchandiseTotal;
        for (uint32_t l = o.lineBegin; l < o.lineEnd; ++l)
            if (s.lines[l].quantity < 0) m.returnsValue -= s.lines[l].net();  // what the return gave back, net too
    }
    double units = 0, items = 0;
    std::vector<char> seen(s.customers.size(), 0);
    for (uint32_t i : sel.counted) {
        const SnapshotOrder &o = s.orders[i];
        for (uint32_t l = o.lineBegin; l < o.lineEnd; ++l)
            if (s.lines[l].quantity > 0) units += s.lines[l].quantity;
        const int32_t b = ctx.basketOf(i);
        items += double(s.basketStart[size_t(b) + 1] - s.basketStart[size_t(b)]);
        if (o.customer < 0) ++m.guestOrders;
        else if (!seen[size_t(o.customer)]) { seen[size_t(o.customer)] = 1; ++m.customers; }
    }
    m.orders = int64_t(sel.counted.size());
    if (m.orders > 0) {
        m.aov = m.revenue / double(m.orders);
        m.unitsPerOrder = units / double(m.orders);
        m.itemsPerBasket = items / double(m.orders);
    }
    return m;
}

}  // namespace mb

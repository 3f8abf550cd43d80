#include "core/kpi/timeseries.h"

#include "core/kpi/kpicalendar.h"
#include "core/kpi/kpicontext.h"
#include "core/kpi/orderselection.h"

#include <algorithm>

namespace mb {
namespace {

int64_t bucketStart(int64_t day, Granularity g)
{
    switch (g) {
    case Granularity::Day: return day;
    case Granularity::Week: return kpicalendar::weekStart(day);
    case Granularity::Month: return kpicalendar::monthStart(day);
    }
    return day;
}

int64_t nextBucket(int64_t start, Granularity g)
{
    switch (g) {
    case Granularity::Day: return start + 1;
    case Granularity::Week: return start + 7;
    case Granularity::Month: return kpicalendar::nextMonthStart(start);
    }
    return start + 1;
}

}  // namespace

std::vector<TimePoint> computeSeries(const KpiContext &ctx, const OrderSelection &sel, Granularity g)
{
    std::vector<TimePoint> out;
    if (sel.toDay < sel.fromDay) return out;
    for (int64_t d = bucketStart(sel.fromDay, g); d <= sel.toDay; d = nextBucket(d, g)) {
        TimePoint p;
        p.startDay = d;
        p.label = g == Granularity::Month ? kpicalendar::monthLabel(d) : kpicalendar::isoDate(d);
        out.push_back(std::move(p));
    }
    // Buckets are ascending, so a binary search on start days finds each order's bucket.
    auto bucketOf = [&](int64_t day) {
        const auto it = std::upper_bound(out.begin(), out.end(), day, [](int64_t d, const TimePoint &p) { return d < p.startDay; });
        return size_t(it - out.begin()) - 1;
    };
    const Snapshot &s = ctx.snapshot();
    for (uint32_t i : sel.revenue) out[bucketOf(ctx.day(i))].revenue += s.orders[i].merchandiseTotal;
    for (uint32_t i : sel.counted) ++out[bucketOf(ctx.day(i))].orders;
    for (TimePoint &p : out)
        if (p.orders > 0) p.aov = p.revenue / double(p.orders);
    return out;
}

}  // namespace mb

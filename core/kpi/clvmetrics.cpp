#include "core/kpi/clvmetrics.h"

#include "core/kpi/kpicontext.h"
#include "core/kpi/orderselection.h"

#include <algorithm>

namespace mb {
namespace {

// A bin width of 1, 2 or 5 × 10^n, so the histogram's axis reads 0, 50, 100 ... rather than 0, 47.3 ...
double niceWidth(double raw)
{
    if (!(raw > 0)) return 1;
    double p = 1;
    while (p * 10 <= raw) p *= 10;
    while (p > raw) p /= 10;
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (f * p >= raw) return f * p;
    return 10 * p;
}

}  // namespace

ClvMetrics computeClv(const KpiContext &ctx, const OrderSelection &sel, int bins)
{
    const Snapshot &s = ctx.snapshot();
    ClvMetrics m;
    std::vector<double> value(s.customers.size(), 0);
    std::vector<int32_t> orders(s.customers.size(), 0);
    for (uint32_t i : sel.revenue)
        if (s.orders[i].customer >= 0) value[size_t(s.orders[i].customer)] += s.orders[i].merchandiseTotal;
    int64_t orderCount = 0;
    for (uint32_t i : sel.counted)
        if (s.orders[i].customer >= 0) { ++orders[size_t(s.orders[i].customer)]; ++orderCount; }
    std::vector<double> values;
    int64_t repeaters = 0;
    for (size_t c = 0; c < value.size(); ++c) {
        if (orders[c] == 0) continue;
        values.push_back(value[c]);
        m.revenue += value[c];
        repeaters += orders[c] > 1;
    }
    m.customers = int64_t(values.size());
    m.periodYears = double(sel.toDay - sel.fromDay + 1) / 365.25;
    if (m.customers == 0) return m;
    m.historic = m.revenue / double(m.customers);
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    m.medianHistoric = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;

    m.aov = m.revenue / double(orderCount);
    m.frequencyPerYear = double(orderCount) / double(m.customers) / m.periodYears;
    m.repeatRate = double(repeaters) / double(m.customers);
    m.churnPerPeriod = 1 - m.repeatRate;
    m.lifespanYears = m.churnPerPeriod > 0 ? std::min(m.periodYears / m.churnPerPeriod, ClvMetrics::maxLifespanYears)
                                           : ClvMetrics::maxLifespanYears;
    m.predictive = m.aov * m.frequencyPerYear * m.lifespanYears;

    // Bins from 0 (or the lowest value, when returns make some negative) to the 99th percentile, so one
    // wholesale customer does not squeeze everyone else into the first bar.
    const double low = std::min(0.0, values.front());
    const double high = values[std::min(n - 1, size_t(double(n) * 0.99))];
    const double width = niceWidth((high - low) / std::max(1, bins));
    const double start = std::floor(low / width) * width;
    const int count = std::max(1, int(std::ceil((high - start) / width)));
    for (int b = 0; b < count; ++b) m.histogram.push_back({start + b * width, start + (b + 1) * width, 0});
    for (double v : values) {
        const int b = std::clamp(int(std::floor((v - start) / width)), 0, count - 1);
        ++m.histogram[size_t(b)].customers;
    }
    return m;
}

}  // namespace mb

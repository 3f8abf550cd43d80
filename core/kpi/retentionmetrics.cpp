#include "core/kpi/retentionmetrics.h"

#include "core/io/fieldparse.h"
#include "core/kpi/kpicalendar.h"
#include "core/kpi/kpicontext.h"
#include "core/kpi/orderselection.h"

#include <algorithm>
#include <map>

namespace mb {

RetentionMetrics computeRetention(const KpiContext &ctx, const OrderSelection &sel)
{
    const Snapshot &s = ctx.snapshot();
    RetentionMetrics m;
    // Per customer: orders seen in the period and the time of the first two.
    std::vector<int32_t> count(s.customers.size(), 0);
    std::vector<int64_t> firstAt(s.customers.size(), 0);
    std::vector<double> gaps;
    for (uint32_t i : sel.counted) {
        const SnapshotOrder &o = s.orders[i];
        if (o.customer < 0) continue;
        const size_t c = size_t(o.customer);
        if (count[c] == 0) firstAt[c] = o.orderedAt;
        else if (count[c] == 1) gaps.push_back(double(o.orderedAt - firstAt[c]) / 86400.0);
        ++count[c];
    }
    for (int32_t n : count) {
        m.customers += n > 0;
        m.repeatCustomers += n > 1;
    }
    if (m.customers > 0) m.repeatRate = double(m.repeatCustomers) / double(m.customers);
    if (!gaps.empty()) {
        std::sort(gaps.begin(), gaps.end());
        const size_t n = gaps.size();
        m.medianDaysToSecond = n % 2 ? gaps[n / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
        double sum = 0;
        for (double g : gaps) sum += g;
        m.meanDaysToSecond = sum / double(n);
    }

    // Cohorts: a customer joins the cohort of the month of their first order ever, when that order is in
    // the selection; activity is any selected order in the months after, up to the period's end.
    const int64_t lastMonth = kpicalendar::monthIndex(sel.toDay);
    std::map<int64_t, size_t> rowOf;            // month index -> row
    std::vector<int64_t> cohortOf(s.customers.size(), -1);
    for (uint32_t i : sel.counted) {
        const int32_t c = s.orders[i].customer;
        if (c < 0 || ctx.firstOrderOf(c) != int32_t(i)) continue;
        const int64_t month = kpicalendar::monthIndex(ctx.day(i));
        cohortOf[size_t(c)] = month;
        rowOf.emplace(month, 0);
    }
    for (auto &[month, row] : rowOf) {
        row = m.cohorts.size();
        CohortRow r;
        const int64_t y = month / 12;
        const unsigned mo = unsigned(month % 12) + 1;
        r.monthStart = daysFromCivil(y, mo, 1);
        r.label = kpicalendar::monthLabel(r.monthStart);
        r.active.assign(size_t(lastMonth - month + 1), 0);
        m.cohorts.push_back(std::move(r));
    }
    // Count each customer once per month offset: orders come in time order, so remember the last offset.
    std::vector<int64_t> lastOffset(s.customers.size(), -1);
    for (uint32_t i : sel.counted) {
        const int32_t c = s.orders[i].customer;
        if (c < 0 || cohortOf[size_t(c)] < 0) continue;
        const int64_t offset = kpicalendar::monthIndex(ctx.day(i)) - cohortOf[size_t(c)];
        if (offset < 0 || offset == lastOffset[size_t(c)]) continue;
        lastOffset[size_t(c)] = offset;
        CohortRow &r = m.cohorts[rowOf[cohortOf[size_t(c)]]];
        if (size_t(offset) < r.active.size()) ++r.active[size_t(offset)];
    }
    for (CohortRow &r : m.cohorts) {
        r.size = r.active.empty() ? 0 : r.active[0];
        r.retention.resize(r.active.size());
        for (size_t k = 0; k < r.active.size(); ++k) r.retention[k] = r.size > 0 ? double(r.active[k]) / double(r.size) : NAN;
    }
    return m;
}

}  // namespace mb

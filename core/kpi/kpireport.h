#pragma once
// The whole KPI computation for one filter: one call, one struct, no database access. The dashboard runs
// it on a worker thread; the CLI prints it; the tests check it against hand-computed figures.
#include "core/kpi/attachmetrics.h"
#include "core/kpi/bundlemetrics.h"
#include "core/kpi/clvmetrics.h"
#include "core/kpi/eventmetrics.h"
#include "core/kpi/kpifilter.h"
#include "core/kpi/retentionmetrics.h"
#include "core/kpi/salesmetrics.h"
#include "core/kpi/timeseries.h"

#include <atomic>
#include <optional>

namespace mb {

class KpiContext;

// The figures of the headline tiles, computed for the period and for the one before it.
struct KpiHeadline {
    SalesMetrics sales;
    double attachRate = NAN;        // store-wide (AttachMetrics::storeRate)
    double attributedAovUplift = NAN;  // AttachMetrics::aovDifference
    double repeatRate = NAN;
    double medianDaysToSecond = NAN;
    double historicClv = NAN;
    double predictiveClv = NAN;
    double bundleTakeRate = NAN;
    double recommendationConversion = NAN;
    double cartAbandonment = NAN;
};

struct KpiReport {
    KpiFilter filter;
    bool empty = true;              // the workspace has no orders with a time
    int64_t fromDay = 0, toDay = 0; // the period as resolved (whole history when the filter leaves it open)
    bool hasPrevious = false;       // the previous period of equal length overlaps the history
    int64_t previousFromDay = 0, previousToDay = 0;
    KpiHeadline current, previous;
    std::vector<TimePoint> series;
    AttachMetrics attach;
    BundleMetrics bundles;
    RetentionMetrics retention;
    ClvMetrics clv;
    EventMetrics events;
    double computeMilliseconds = 0;
};

// `cancel` (optional) is polled between metrics; a cancelled computation returns nullopt.
std::optional<KpiReport> computeKpiReport(const KpiContext &ctx, const KpiFilter &filter,
                                          const std::atomic<bool> *cancel = nullptr);

}  // namespace mb

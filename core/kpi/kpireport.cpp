#include "core/kpi/kpireport.h"

#include "core/kpi/kpicontext.h"
#include "core/kpi/orderselection.h"

#include <QElapsedTimer>

namespace mb {
namespace {

KpiHeadline headlineOf(const SalesMetrics &sales, const AttachMetrics &attach, const RetentionMetrics &retention,
                       const ClvMetrics &clv, const BundleMetrics &bundles, const EventMetrics &events)
{
    KpiHeadline h;
    h.sales = sales;
    h.attachRate = attach.storeRate;
    h.attributedAovUplift = attach.aovDifference;
    h.repeatRate = retention.repeatRate;
    h.medianDaysToSecond = retention.medianDaysToSecond;
    h.historicClv = clv.historic;
    h.predictiveClv = clv.predictive;
    h.bundleTakeRate = bundles.rate;
    h.recommendationConversion = events.conversion;
    h.cartAbandonment = events.abandonment;
    return h;
}

}  // namespace

std::optional<KpiReport> computeKpiReport(const KpiContext &ctx, const KpiFilter &filter, const std::atomic<bool> *cancel)
{
    QElapsedTimer timer;
    timer.start();
    auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };
    KpiReport r;
    r.filter = filter;
    r.empty = !ctx.hasOrders();
    r.fromDay = filter.fromDay.value_or(ctx.firstDay());
    r.toDay = filter.toDay.value_or(ctx.lastDay());

    const OrderSelection sel = selectOrders(ctx, filter, r.fromDay, r.toDay);
    const SalesMetrics sales = computeSales(ctx, sel);
    r.series = computeSeries(ctx, sel, filter.granularity);
    if (cancelled()) return std::nullopt;
    r.attach = computeAttach(ctx, sel, filter);
    r.bundles = computeBundles(ctx, sel);
    if (cancelled()) return std::nullopt;
    r.retention = computeRetention(ctx, sel);
    r.clv = computeClv(ctx, sel);
    r.events = computeEvents(ctx, r.fromDay, r.toDay);
    r.current = headlineOf(sales, r.attach, r.retention, r.clv, r.bundles, r.events);
    if (cancelled()) return std::nullopt;

    const int64_t length = r.toDay - r.fromDay + 1;
    r.previousToDay = r.fromDay - 1;
    r.previousFromDay = r.fromDay - length;
    r.hasPrevious = ctx.hasOrders() && length > 0 && r.previousToDay >= ctx.firstDay();
    if (r.hasPrevious) {
        const OrderSelection prev = selectOrders(ctx, filter, r.previousFromDay, r.previousToDay);
        const RetentionMetrics retention = computeRetention(ctx, prev);
        r.previous = headlineOf(computeSales(ctx, prev), computeAttach(ctx, prev, filter), retention,
                                computeClv(ctx, prev), computeBundles(ctx, prev),
                                computeEvents(ctx, r.previousFromDay, r.previousToDay));
    }
    r.computeMilliseconds = double(timer.nsecsElapsed()) / 1e6;
    return r;
}

}  // namespace mb

#include "core/kpi/kpijson.h"

#include "core/io/csvwriter.h"
#include "core/kpi/kpicalendar.h"
#include "core/kpi/kpicontext.h"
#include "core/kpi/kpireport.h"

#include <QJsonArray>


namespace mb {
namespace {

QJsonValue num(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }
QString qs(const std::string &s) { return QString::fromStdString(s); }
QString day(int64_t d) { return qs(kpicalendar::isoDate(d)); }

QJsonObject headlineJson(const KpiHeadline &h)
{
    return {{"revenue", num(h.sales.revenue)}, {"returns", num(h.sales.returnsValue)}, {"orders", qint64(h.sales.orders)},
            {"aov", num(h.sales.aov)}, {"unitsPerOrder", num(h.sales.unitsPerOrder)},
            {"itemsPerBasket", num(h.sales.itemsPerBasket)}, {"customers", qint64(h.sales.customers)},
            {"guestOrders", qint64(h.sales.guestOrders)}, {"attachRate", num(h.attachRate)},
            {"attributedAovUplift", num(h.attributedAovUplift)}, {"repeatRate", num(h.repeatRate)},
            {"medianDaysToSecond", num(h.medianDaysToSecond)}, {"historicClv", num(h.historicClv)}, {"predictiveClv", num(h.predictiveClv)},
            {"bundleTakeRate", num(h.bundleTakeRate)}, {"recommendationConversion", num(h.recommendationConversion)},
            {"cartAbandonment", num(h.cartAbandonment)}};
}

QJsonArray groupsJson(const std::vector<GroupAttach> &groups)
{
    QJsonArray a;
    for (const GroupAttach &g : groups)
        a.append(QJsonObject{{"name", qs(g.name)}, {"eligible", qint64(g.eligible)}, {"attached", qint64(g.attached)},
                             {"rate", num(g.rate)}});
    return a;
}

std::string numText(double v) { return std::isfinite(v) ? csvNumber(v) : std::string(); }

}  // namespace

std::string pairTargetName(const KpiContext &ctx, int32_t targetProduct, int32_t targetCategory)
{
    const Snapshot &s = ctx.snapshot();
    if (targetCategory >= 0) return "any of " + s.categories[size_t(targetCategory)].path;
    return targetProduct >= 0 ? s.products[size_t(targetProduct)].sku : std::string();
}

QJsonObject kpiReportJson(const KpiContext &ctx, const KpiReport &r)
{
    const Snapshot &s = ctx.snapshot();
    QJsonObject filter{{"from", day(r.fromDay)}, {"to", day(r.toDay)}, {"by", granularityName(r.filter.granularity)},
                       {"category", r.filter.category >= 0 ? QJsonValue(qs(s.categories[size_t(r.filter.category)].path)) : QJsonValue()},
                       {"customers", customerScopeName(r.filter.customers)}, {"country", qs(r.filter.country)}};
    QJsonObject o{{"filter", filter}, {"current", headlineJson(r.current)}, {"computeMilliseconds", r.computeMilliseconds}};
    if (r.hasPrevious) {
        QJsonObject prev = headlineJson(r.previous);
        prev.insert("from", day(r.previousFromDay));
        prev.insert("to", day(r.previousToDay));
        o.insert("previous", prev);
    }
    QJsonArray series;
    for (const TimePoint &p : r.series)
        series.append(QJsonObject{{"period", qs(p.label)}, {"revenue", num(p.revenue)}, {"orders", qint64(p.orders)}, {"aov", num(p.aov)}});
    o.insert("series", series);

    const AttachMetrics &a = r.attach;
    QJsonArray pairs;
    for (const PairAttach &p : a.pairs)
        pairs.append(QJsonObject{{"anchor", qs(s.products[p.anchor].sku)}, {"target", qs(pairTargetName(ctx, p.targetProduct, p.targetCategory))},
                                 {"kind", kindName(p.kind)}, {"anchorOrders", qint64(p.anchorOrders)},
                                 {"bothOrders", qint64(p.bothOrders)}, {"rate", num(p.rate)}});
    o.insert("attach", QJsonObject{{"hasMaps", a.hasMaps}, {"orders", qint64(a.orders)}, {"eligibleOrders", qint64(a.eligibleOrders)},
                                   {"attachedOrders", qint64(a.attachedOrders)}, {"storeRate", num(a.storeRate)},
                                   {"eligibleRate", num(a.eligibleRate)}, {"byKind", groupsJson(a.byKind)},
                                   {"byCategory", groupsJson(a.byCategory)}, {"pairs", pairs},
                                   {"attributed", QJsonObject{{"ordersAttached", qint64(a.ordersAttached)},
                                                              {"ordersAnchorAlone", qint64(a.ordersAnchorAlone)},
                                                              {"aovAttached", num(a.aovAttached)},
                                                              {"aovAnchorAlone", num(a.aovAnchorAlone)},
                                                              {"aovDifference", num(a.aovDifference)},
                                                              {"attributedRevenue", num(a.attributedRevenue)}}}});
    QJsonArray tiers;
    for (const TierTake &t : r.bundles.tiers)
        tiers.append(QJsonObject{{"bundle", qs(t.bundle)}, {"tier", qs(t.tier)}, {"position", t.position},
                                 {"anchorOrders", qint64(t.anchorOrders)}, {"takenOrders", qint64(t.takenOrders)}, {"rate", num(t.rate)}});
    o.insert("bundles", QJsonObject{{"hasBundles", r.bundles.hasBundles}, {"bundles", qint64(r.bundles.bundles)},
                                    {"anchorOrders", qint64(r.bundles.anchorOrders)}, {"takenOrders", qint64(r.bundles.takenOrders)},
                                    {"rate", num(r.bundles.rate)}, {"tiers", tiers}});
    const RetentionMetrics &ret = r.retention;
    QJsonArray cohorts;
    for (const CohortRow &c : ret.cohorts) {
        QJsonArray retention;
        for (double v : c.retention) retention.append(num(v));
        cohorts.append(QJsonObject{{"month", qs(c.label)}, {"size", qint64(c.size)}, {"retention", retention}});
    }
    o.insert("retention", QJsonObject{{"customers", qint64(ret.customers)}, {"repeatCustomers", qint64(ret.repeatCustomers)},
                                      {"repeatRate", num(ret.repeatRate)}, {"medianDaysToSecond", num(ret.medianDaysToSecond)},
                                      {"meanDaysToSecond", num(ret.meanDaysToSecond)}, {"cohorts", cohorts}});
    const ClvMetrics &c = r.clv;
    QJsonArray hist;
    for (const HistogramBin &b : c.histogram)
        hist.append(QJsonObject{{"from", b.from}, {"to", b.to}, {"customers", qint64(b.customers)}});
    o.insert("clv", QJsonObject{{"customers", qint64(c.customers)}, {"historic", num(c.historic)}, {"medianHistoric", num(c.medianHistoric)},
                                {"predictive", num(c.predictive)}, {"aov", num(c.aov)}, {"frequencyPerYear", num(c.frequencyPerYear)},
                                {"periodYears", num(c.periodYears)}, {"repeatRate", num(c.repeatRate)},
                                {"churnPerPeriod", num(c.churnPerPeriod)}, {"lifespanYears", num(c.lifespanYears)}, {"histogram", hist}});
    const EventMetrics &e = r.events;
    QJsonArray placements;
    for (const PlacementEvents &p : e.placements)
        placements.append(QJsonObject{{"placement", qs(p.placement)}, {"impressions", qint64(p.impressions)}, {"clicks", qint64(p.clicks)},
                                      {"conversions", qint64(p.conversions)}, {"clickThrough", num(p.clickThrough)},
                                      {"conversion", num(p.conversion)}});
    QJsonObject events{{"hasEvents", e.hasEvents}, {"events", qint64(e.events)}, {"sessions", qint64(e.sessions)},
                       {"impressions", qint64(e.impressions)}, {"clicks", qint64(e.clicks)}, {"conversions", qint64(e.conversions)},
                       {"clickThrough", num(e.clickThrough)}, {"conversion", num(e.conversion)},
                       {"cartSessions", qint64(e.cartSessions)}, {"abandonedSessions", qint64(e.abandonedSessions)},
                       {"abandonment", num(e.abandonment)}, {"placements", placements}};
    if (!e.missing.empty()) events.insert("missing", qs(e.missing));
    o.insert("events", events);
    return o;
}

std::string kpiReportCsv(const KpiContext &ctx, const KpiReport &r)
{
    const Snapshot &s = ctx.snapshot();
    std::string out = "section,key,metric,value\n";
    auto row = [&](const std::string &section, const std::string &key, const std::string &metric, const std::string &value) {
        out += csvField(section) + ',' + csvField(key) + ',' + csvField(metric) + ',' + csvField(value, false) + '\n';
    };
    auto headline = [&](const std::string &key, const KpiHeadline &h) {
        row("headline", key, "revenue", numText(h.sales.revenue));
        row("headline", key, "orders", std::to_string(h.sales.orders));
        row("headline", key, "aov", numText(h.sales.aov));
        row("headline", key, "units_per_order", numText(h.sales.unitsPerOrder));
        row("headline", key, "items_per_basket", numText(h.sales.itemsPerBasket));
        row("headline", key, "customers", std::to_string(h.sales.customers));
        row("headline", key, "attach_rate", numText(h.attachRate));
        row("headline", key, "repeat_rate", numText(h.repeatRate));
        row("headline", key, "historic_clv", numText(h.historicClv));
        row("headline", key, "predictive_clv", numText(h.predictiveClv));
        row("headline", key, "bundle_take_rate", numText(h.bundleTakeRate));
        row("headline", key, "recommendation_conversion", numText(h.recommendationConversion));
        row("headline", key, "cart_abandonment", numText(h.cartAbandonment));
    };
    headline(kpicalendar::isoDate(r.fromDay) + ".." + kpicalendar::isoDate(r.toDay), r.current);
    if (r.hasPrevious) headline(kpicalendar::isoDate(r.previousFromDay) + ".." + kpicalendar::isoDate(r.previousToDay), r.previous);
    for (const TimePoint &p : r.series) {
        row("series", p.label, "revenue", numText(p.revenue));
        row("series", p.label, "orders", std::to_string(p.orders));
        row("series", p.label, "aov", numText(p.aov));
    }
    for (const GroupAttach &g : r.attach.byKind) row("attach_by_kind", g.name, "attach_rate", numText(g.rate));
    for (const GroupAttach &g : r.attach.byCategory) row("attach_by_category", g.name, "attach_rate", numText(g.rate));
    for (const PairAttach &p : r.attach.pairs) {
        const std::string key = s.products[p.anchor].sku + " -> " + pairTargetName(ctx, p.targetProduct, p.targetCategory);
        row("attach_pair", key, "anchor_orders", std::to_string(p.anchorOrders));
        row("attach_pair", key, "both_orders", std::to_string(p.bothOrders));
        row("attach_pair", key, "attach_rate", numText(p.rate));
    }
    row("attributed", "", "aov_attached", numText(r.attach.aovAttached));
    row("attributed", "", "aov_anchor_alone", numText(r.attach.aovAnchorAlone));
    row("attributed", "", "attributed_revenue", numText(r.attach.attributedRevenue));
    for (const TierTake &t : r.bundles.tiers) row("bundle_tier", t.bundle + " / " + t.tier, "take_rate", numText(t.rate));
    row("retention", "", "median_days_to_second_order", numText(r.retention.medianDaysToSecond));
    for (const CohortRow &c : r.retention.cohorts)
        for (size_t k = 0; k < c.retention.size(); ++k) row("cohort", c.label, "month_" + std::to_string(k), numText(c.retention[k]));
    row("clv", "", "aov", numText(r.clv.aov));
    row("clv", "", "frequency_per_year", numText(r.clv.frequencyPerYear));
    row("clv", "", "lifespan_years", numText(r.clv.lifespanYears));
    for (const HistogramBin &b : r.clv.histogram)
        row("clv_histogram", numText(b.from) + ".." + numText(b.to), "customers", std::to_string(b.customers));
    return out;
}

}  // namespace mb

#include "ui/dashboard/dashboardtiles.h"

#include "core/kpi/kpireport.h"
#include "ui/dashboard/kpitile.h"
#include "ui/format.h"

#include <QObject>

#include <cmath>

namespace mb {
namespace {

enum Tile { Revenue, Orders, Aov, Units, Items, Attach, Attributed, Bundles, Repeat, DaysToSecond, HistoricClv,
            PredictiveClv, Conversion, Abandonment, TileCount };

// Relative change for amounts, percentage points for rates: "+3.1 pts" says more than "+12 %" of a rate.
QString change(bool has, double now, double before, bool rate)
{
    if (!has || !std::isfinite(now) || !std::isfinite(before)) return {};
    if (rate) {
        const double pts = (now - before) * 100;
        return QObject::tr("%1%2 pts vs previous").arg(pts >= 0 ? QStringLiteral("+") : QString()).arg(pts, 0, 'f', 1);
    }
    if (before == 0) return {};
    const double c = (now - before) / std::fabs(before) * 100;
    return QObject::tr("%1%2 % vs previous").arg(c >= 0 ? QStringLiteral("+") : QString()).arg(c, 0, 'f', 1);
}

QString pct(double fraction) { return fmt::percent(fraction * 100); }

}  // namespace

QList<KpiTile *> createDashboardTiles(QWidget *parent)
{
    const QString titles[TileCount] = {
        QObject::tr("Revenue"), QObject::tr("Orders"), QObject::tr("Average order value"), QObject::tr("Units per order"),
        QObject::tr("Items per basket"), QObject::tr("Attach rate"), QObject::tr("Attributed AOV uplift"),
        QObject::tr("Bundle take rate"), QObject::tr("Repeat purchase rate"), QObject::tr("Days to 2nd order"),
        QObject::tr("CLV (historic)"), QObject::tr("CLV (predictive)"), QObject::tr("Recommendation conversion"),
        QObject::tr("Cart abandonment")};
    QList<KpiTile *> tiles;
    for (const QString &t : titles) tiles << new KpiTile(t, parent);
    return tiles;
}

void fillDashboardTiles(const QList<KpiTile *> &tiles, const KpiReport &r)
{
    const KpiHeadline &h = r.current, &p = r.previous;
    const bool prev = r.hasPrevious;
    auto set = [&](Tile t, const QString &value, double now, double before, bool rate, bool upIsGood, const QString &note) {
        const QString c = change(prev, now, before, rate);
        tiles[t]->setFigures(value, c, (now >= before) == upIsGood, note);
    };
    set(Revenue, fmt::money(h.sales.revenue), h.sales.revenue, p.sales.revenue, false, true,
        QObject::tr("paid for merchandise, after discounts and refunds; returns %1").arg(fmt::money(-h.sales.returnsValue)));
    set(Orders, fmt::count(h.sales.orders), double(h.sales.orders), double(p.sales.orders), false, true,
        QObject::tr("%1 customers, %2 guest orders").arg(fmt::count(h.sales.customers), fmt::count(h.sales.guestOrders)));
    set(Aov, fmt::money(h.sales.aov), h.sales.aov, p.sales.aov, false, true, QObject::tr("revenue ÷ orders; no shipping or tax"));
    set(Units, fmt::quantity(std::round(h.sales.unitsPerOrder * 100) / 100), h.sales.unitsPerOrder, p.sales.unitsPerOrder, false, true,
        QObject::tr("units bought per order"));
    set(Items, QString::number(h.sales.itemsPerBasket, 'f', 2), h.sales.itemsPerBasket, p.sales.itemsPerBasket, false, true,
        QObject::tr("distinct products per basket"));
    if (r.attach.hasMaps)
        set(Attach, pct(h.attachRate), h.attachRate, p.attachRate, true, true,
            QObject::tr("of orders; %1 of orders with a mapped anchor").arg(pct(r.attach.eligibleRate)));
    else
        tiles[Attach]->setUnavailable(QObject::tr("needs complement maps: map complements or adopt the catalog's links"));
    if (std::isfinite(r.attach.aovDifference))
        set(Attributed, fmt::money(r.attach.aovDifference), h.attributedAovUplift, p.attributedAovUplift, false, true,
            QObject::tr("AOV %1 with a complement vs %2 alone; attributed, not causal")
                .arg(fmt::money(r.attach.aovAttached), fmt::money(r.attach.aovAnchorAlone)));
    else
        tiles[Attributed]->setUnavailable(r.attach.hasMaps ? QObject::tr("needs orders both with and without complements")
                                                           : QObject::tr("needs complement maps"));
    if (r.bundles.hasBundles)
        set(Bundles, pct(h.bundleTakeRate), h.bundleTakeRate, p.bundleTakeRate, true, true,
            QObject::tr("of %1 orders holding a bundle's anchor").arg(fmt::count(r.bundles.anchorOrders)));
    else
        tiles[Bundles]->setUnavailable(QObject::tr("no bundles yet: build tiered bundles to see take rates"));
    // Without a known customer (guest orders only, or a redacted export imported as guests) the customer
    // tiles say so, as the predictive CLV does, rather than show a blank and "0 of 0".
    const QString needsCustomers = QObject::tr("needs orders from known customers");
    if (r.retention.customers > 0)
        set(Repeat, pct(h.repeatRate), h.repeatRate, p.repeatRate, true, true,
            QObject::tr("%1 of %2 customers ordered again").arg(fmt::count(r.retention.repeatCustomers), fmt::count(r.retention.customers)));
    else
        tiles[Repeat]->setUnavailable(needsCustomers);
    if (std::isfinite(r.retention.medianDaysToSecond))
        set(DaysToSecond, QString::number(r.retention.medianDaysToSecond, 'f', 0), h.medianDaysToSecond, p.medianDaysToSecond, false,
            false, QObject::tr("median days; mean %1 days").arg(r.retention.meanDaysToSecond, 0, 'f', 0));
    else
        tiles[DaysToSecond]->setUnavailable(r.retention.customers > 0 ? QObject::tr("no customer ordered twice in the period")
                                                                      : needsCustomers);
    if (std::isfinite(h.historicClv))
        set(HistoricClv, fmt::money(h.historicClv), h.historicClv, p.historicClv, false, true,
            QObject::tr("revenue per customer in the period; median %1").arg(fmt::money(r.clv.medianHistoric)));
    else
        tiles[HistoricClv]->setUnavailable(needsCustomers);
    if (std::isfinite(h.predictiveClv))
        set(PredictiveClv, fmt::money(h.predictiveClv), h.predictiveClv, p.predictiveClv, false, true,
            QObject::tr("AOV %1 × %2 orders/year × %3 years")
                .arg(fmt::money(r.clv.aov))
                .arg(r.clv.frequencyPerYear, 0, 'f', 2)
                .arg(r.clv.lifespanYears, 0, 'f', 2));
    else
        tiles[PredictiveClv]->setUnavailable(needsCustomers);
    if (r.events.hasEvents && std::isfinite(h.recommendationConversion))
        set(Conversion, pct(h.recommendationConversion), h.recommendationConversion, p.recommendationConversion, true, true,
            QObject::tr("of %1 recommendation clicks; click-through %2").arg(fmt::count(r.events.clicks), pct(r.events.clickThrough)));
    else
        tiles[Conversion]->setUnavailable(r.events.hasEvents ? QObject::tr("no recommendation clicks in the events")
                                                             : QObject::tr("needs an event import (session, time, sku, event, placement)"));
    if (r.events.hasEvents && std::isfinite(h.cartAbandonment))
        set(Abandonment, pct(h.cartAbandonment), h.cartAbandonment, p.cartAbandonment, true, false,
            QObject::tr("of %1 sessions with a cart").arg(fmt::count(r.events.cartSessions)));
    else
        tiles[Abandonment]->setUnavailable(r.events.hasEvents ? QObject::tr("no add-to-cart events in the period")
                                                              : QObject::tr("needs an event import with add_to_cart and purchase"));
}

}  // namespace mb

#include "core/kpi/eventmetrics.h"

#include "core/kpi/kpicalendar.h"
#include "core/kpi/kpicontext.h"

#include <algorithm>

namespace mb {

EventMetrics computeEvents(const KpiContext &ctx, int64_t fromDay, int64_t toDay)
{
    const KpiData &data = ctx.data();
    EventMetrics m;
    if (data.events.empty()) {
        m.missing = "needs a storefront event import (CSV: session, time, sku, event = view | add_to_cart | checkout | "
                    "purchase | recommendation_impression | recommendation_click, placement): "
                    "merchbench-cli import events FILE";
        return m;
    }
    m.placements.resize(data.placements.size() + 1);
    for (size_t p = 0; p < data.placements.size(); ++p) m.placements[p].placement = data.placements[p];
    m.placements.back().placement = "(none)";
    auto placementRow = [&](int16_t p) -> PlacementEvents & { return m.placements[p < 0 ? m.placements.size() - 1 : size_t(p)]; };

    const auto &ev = data.events;
    // Events are sorted by session then time: walk one session at a time.
    for (size_t begin = 0; begin < ev.size();) {
        size_t end = begin;
        while (end < ev.size() && ev[end].session == ev[begin].session) ++end;
        bool any = false, carted = false, purchasedAfterCart = false;
        for (size_t i = begin; i < end; ++i) {
            const KpiEvent &e = ev[i];
            const int64_t day = kpicalendar::floorDiv(e.at, 86400);
            if (day < fromDay || day > toDay) continue;
            any = true;
            ++m.events;
            switch (e.type) {
            case EventType::RecommendationImpression: ++m.impressions; ++placementRow(e.placement).impressions; break;
            case EventType::RecommendationClick: {
                ++m.clicks;
                ++placementRow(e.placement).clicks;
                const bool bought = e.product >= 0 && std::any_of(ev.begin() + long(i) + 1, ev.begin() + long(end), [&](const KpiEvent &x) {
                    return x.type == EventType::Purchase && x.product == e.product;
                });
                if (bought) { ++m.conversions; ++placementRow(e.placement).conversions; }
                break;
            }
            case EventType::AddToCart: carted = true; break;
            case EventType::Purchase: purchasedAfterCart |= carted; break;
            default: break;
            }
        }
        m.sessions += any;
        m.cartSessions += carted;
        m.abandonedSessions += carted && !purchasedAfterCart;
        begin = end;
    }
    m.hasEvents = m.events > 0;
    if (!m.hasEvents)
        m.missing = "no storefront events fall in this period (the imported events cover other dates)";
    auto rate = [](int64_t a, int64_t b) { return b > 0 ? double(a) / double(b) : NAN; };
    m.clickThrough = rate(m.clicks, m.impressions);
    m.conversion = rate(m.conversions, m.clicks);
    m.abandonment = rate(m.abandonedSessions, m.cartSessions);
    for (PlacementEvents &p : m.placements) {
        p.clickThrough = rate(p.clicks, p.impressions);
        p.conversion = rate(p.conversions, p.clicks);
    }
    m.placements.erase(std::remove_if(m.placements.begin(), m.placements.end(),
                                      [](const PlacementEvents &p) { return p.impressions == 0 && p.clicks == 0; }),
                       m.placements.end());
    return m;
}

}  // namespace mb

#include "core/kpi/kpicontext.h"

#include "core/kpi/kpicalendar.h"
#include "core/maps/relationresolver.h"

#include <algorithm>

namespace mb {

KpiContext::KpiContext(std::shared_ptr<const Snapshot> snapshot, KpiData data)
    : snapshot_(std::move(snapshot)), data_(std::move(data))
{
    const Snapshot &s = *snapshot_;
    basketOf_.assign(s.orders.size(), -1);
    for (uint32_t b = 0; b < s.basketCount(); ++b) basketOf_[s.basketOrder[b]] = int32_t(b);
    day_.resize(s.orders.size());
    firstOrder_.assign(s.customers.size(), -1);
    for (uint32_t i = 0; i < s.orders.size(); ++i) {
        const SnapshotOrder &o = s.orders[i];
        day_[i] = kpicalendar::localDay(o.orderedAt, o.utcOffsetMinutes);
        if (!hasOrders_) { firstDay_ = lastDay_ = day_[i]; hasOrders_ = true; }
        firstDay_ = std::min(firstDay_, day_[i]);
        lastDay_ = std::max(lastDay_, day_[i]);
        // Orders are sorted by time, so the first counted order seen is the customer's first.
        if (o.customer >= 0 && basketOf_[i] >= 0 && firstOrder_[size_t(o.customer)] < 0)
            firstOrder_[size_t(o.customer)] = int32_t(i);
    }

    for (const SnapshotRelation &r : s.relations) relationsUsed_ += r.status == RelationStatus::Active;
    complements_.resize(s.products.size());
    if (relationsUsed_ == 0) return;
    const RelationResolver resolver(s);
    // Only products that were ever bought can be an anchor in a basket.
    for (uint32_t p = 0; p < s.products.size(); ++p) {
        if (s.basketsWith.size() == s.products.size() && s.basketsWith[p] == 0) continue;
        auto &out = complements_[p];
        for (const ResolvedRelation &rr : resolver.resolve(p)) {
            KpiComplement c{rr.product, rr.viaCategory, rr.kind};
            if (c.category < 0 && c.product == p) continue;
            const bool dup = std::any_of(out.begin(), out.end(), [&](const KpiComplement &x) {
                return x.kind == c.kind && x.category == c.category && (c.category >= 0 || x.product == c.product);
            });
            if (!dup) out.push_back(c);
        }
    }
}

std::shared_ptr<const KpiContext> loadKpiContext(const Workspace &ws, std::string &error)
{
    auto snapshot = Snapshot::load(ws, error);
    if (!snapshot) return nullptr;
    KpiData data;
    if (!KpiData::load(ws, *snapshot, data, error)) return nullptr;
    return std::make_shared<const KpiContext>(std::move(snapshot), std::move(data));
}

bool KpiContext::basketHolds(uint32_t basket, const KpiComplement &c, uint32_t anchor) const
{
    const Snapshot &s = *snapshot_;
    const uint32_t *begin = s.basketItems.data() + s.basketStart[basket];
    const uint32_t *end = s.basketItems.data() + s.basketStart[basket + 1];
    if (c.category < 0) return std::binary_search(begin, end, c.product);
    for (const uint32_t *it = begin; it != end; ++it)
        if (*it != anchor && s.products[*it].category >= 0 && s.categoryWithin(s.products[*it].category, c.category)) return true;
    return false;
}

}  // namespace mb

#include "core/bundles/bundlepricing.h"

#include <algorithm>
#include <cmath>

namespace mb {

BundleCatalog::BundleCatalog(const Snapshot &snapshot, std::shared_ptr<const EndpointIndex> endpoints)
    : snap_(snapshot), ids_(endpoints ? std::move(endpoints) : EndpointIndex::of(snapshot))
{
}

int32_t BundleCatalog::index(int64_t id) const { return ids_->product(id); }

const SnapshotProduct *BundleCatalog::product(int64_t id) const
{
    const int32_t i = index(id);
    return i < 0 ? nullptr : &snap_.products[size_t(i)];
}

int64_t BundleCatalog::idOf(const std::string &sku) const
{
    const int32_t i = snap_.productIndex(sku);
    return i < 0 ? 0 : snap_.products[size_t(i)].id;
}

TierTotals priceTier(const BundleCatalog &catalog, const BundleTier &tier)
{
    TierTotals t;
    double compareAt = 0, cost = 0;
    bool priceKnown = true, costKnown = true;
    for (const BundleItem &item : tier.items) {
        const SnapshotProduct *p = catalog.product(item.productId);
        const double q = double(item.quantity);
        if (item.optional) {
            ++t.optionalItems;
            if (p && !std::isnan(p->price)) t.optionalValue += p->price * q;
            continue;
        }
        ++t.requiredItems;
        if (!p || std::isnan(p->price)) priceKnown = false;
        else compareAt += p->price * q;
        if (!p || std::isnan(p->cost)) costKnown = false;
        else cost += p->cost * q;
        if (p && p->stock >= 0 && item.quantity > 0) {
            const int64_t n = p->stock / item.quantity;
            t.availability = t.availability < 0 ? n : std::min(t.availability, n);
        }
    }
    if (t.requiredItems == 0) return t;
    if (priceKnown) t.compareAt = compareAt;
    if (costKnown) t.cost = cost;
    switch (tier.pricing) {
    case TierPricing::Sum: t.price = t.compareAt; break;
    // A shop charges whole cents, so the discounted price is rounded the way the checkout will show it.
    case TierPricing::Discount: t.price = std::round(t.compareAt * (100.0 - tier.discountPercent)) / 100.0; break;
    case TierPricing::Fixed: t.price = tier.fixedPrice; break;
    }
    if (!std::isnan(t.price) && !std::isnan(t.compareAt)) {
        t.savings = t.compareAt - t.price;
        if (t.compareAt > 0) t.savingsPercent = t.savings / t.compareAt * 100.0;
    }
    if (!std::isnan(t.price) && !std::isnan(t.cost)) {
        t.margin = t.price - t.cost;
        if (t.price > 0) t.marginPercent = t.margin / t.price * 100.0;
    }
    return t;
}

}  // namespace mb

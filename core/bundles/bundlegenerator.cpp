#include "core/bundles/bundlegenerator.h"

#include "core/bundles/bundlepricing.h"
#include "core/maps/relationresolver.h"

#include <algorithm>
#include <unordered_map>

namespace mb {

std::vector<double> attachRates(const Snapshot &s, uint32_t anchor, const std::vector<uint32_t> &targets)
{
    std::vector<double> rates(targets.size(), 0.0);
    std::unordered_map<uint32_t, size_t> slot;
    for (size_t i = 0; i < targets.size(); ++i) slot.emplace(targets[i], i);
    std::vector<uint64_t> both(targets.size(), 0);
    uint64_t withAnchor = 0;
    for (size_t b = 0; b + 1 < s.basketStart.size(); ++b) {
        const uint32_t *begin = s.basketItems.data() + s.basketStart[b], *end = s.basketItems.data() + s.basketStart[b + 1];
        if (!std::binary_search(begin, end, anchor)) continue;
        ++withAnchor;
        for (const uint32_t *it = begin; it != end; ++it)
            if (auto f = slot.find(*it); f != slot.end()) ++both[f->second];
    }
    if (withAnchor > 0)
        for (size_t i = 0; i < targets.size(); ++i) rates[i] = double(both[i]) / double(withAnchor);
    return rates;
}

Bundle generateBundle(const Snapshot &s, uint32_t anchor, const BundleGeneratorOptions &options)
{
    const RelationResolver resolver(s);
    const std::vector<ResolvedRelation> map = resolver.resolve(anchor);
    auto inStock = [&](uint32_t p) { return !options.skipOutOfStock || s.products[p].stock != 0; };

    std::vector<uint32_t> necessities, extras, consumables;
    int32_t upgrade = -1;
    for (const ResolvedRelation &r : map) {
        if (r.product == anchor) continue;
        switch (r.kind) {
        case RelationKind::Necessity: necessities.push_back(r.product); break;
        case RelationKind::Enhancement:
        case RelationKind::Accessory:
            if (inStock(r.product)) extras.push_back(r.product);
            break;
        case RelationKind::Consumable:
            if (inStock(r.product)) consumables.push_back(r.product);
            break;
        case RelationKind::Upgrade:
            if (upgrade < 0 && inStock(r.product)) upgrade = int32_t(r.product);
            break;
        }
    }
    // Best attach rate first; the map's own order breaks ties, so a curated position still counts.
    const std::vector<double> rates = attachRates(s, anchor, extras);
    std::vector<size_t> order(extras.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rates[a] > rates[b]; });

    const BundleCatalog catalog(s);
    auto item = [&](uint32_t p, int quantity = 1) { return BundleItem{s.products[p].id, quantity, false}; };
    // The anchor's own category does not count: a camera kit may hold the upgrade camera in Premium.
    auto contains = [&](const std::vector<BundleItem> &items, int64_t id) {
        const int32_t category = s.products[size_t(catalog.index(id))].category;
        return std::any_of(items.begin() + 1, items.end(), [&](const BundleItem &i) {
            return i.productId == id || (category >= 0 && s.products[size_t(catalog.index(i.productId))].category == category);
        }) || items.front().productId == id;
    };
    std::vector<std::vector<BundleItem>> tiers(3);
    tiers[0].push_back(item(anchor));
    if (upgrade >= 0 && s.products[size_t(upgrade)].id == tiers[0].front().productId) upgrade = -1;
    for (uint32_t p : necessities)
        if (!contains(tiers[0], s.products[p].id)) tiers[0].push_back(item(p));
    tiers[1] = tiers[0];
    const size_t standardCount = std::min(order.size(), size_t(std::max(0, options.standardExtras)));
    for (size_t k = 0; k < standardCount; ++k)
        if (!contains(tiers[1], s.products[extras[order[k]]].id)) tiers[1].push_back(item(extras[order[k]]));
    tiers[2] = tiers[1];
    if (upgrade >= 0) tiers[2].front() = item(uint32_t(upgrade));
    for (size_t k = standardCount; k < order.size(); ++k)
        if (!contains(tiers[2], s.products[extras[order[k]]].id)) tiers[2].push_back(item(extras[order[k]]));
    if (!consumables.empty() && !contains(tiers[2], s.products[consumables.front()].id))
        tiers[2].push_back(item(consumables.front(), std::max(1, options.consumablePack)));

    Bundle b;
    b.name = (s.products[anchor].title.empty() ? s.products[anchor].sku : s.products[anchor].title) + " bundle";
    b.anchorProductId = s.products[anchor].id;
    for (size_t t = 0; t < tiers.size(); ++t) {
        if (!b.tiers.empty() && b.tiers.back().items == tiers[t]) continue;
        BundleTier tier;
        const size_t slot = b.tiers.size();
        tier.name = slot < options.tierNames.size() ? options.tierNames[slot] : defaultTierNames()[slot];
        const double discount = slot < options.discountPercent.size() ? options.discountPercent[slot] : 0.0;
        tier.pricing = discount > 0 ? TierPricing::Discount : TierPricing::Sum;
        tier.discountPercent = discount;
        tier.items = std::move(tiers[t]);
        if (!b.tiers.empty() && priceTier(catalog, tier).price <= priceTier(catalog, b.tiers.back()).price) {
            tier.discountPercent = b.tiers.back().discountPercent;
            tier.pricing = b.tiers.back().pricing;
        }
        b.tiers.push_back(std::move(tier));
    }
    return b;
}

}  // namespace mb

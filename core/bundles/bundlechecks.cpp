#include "core/bundles/bundlechecks.h"

#include <QString>

#include <unordered_set>

namespace mb {

namespace {

std::string money(double v) { return QString::number(v, 'f', 2).toStdString(); }
std::string percent(double v) { return QString::number(v, 'f', 1).toStdString() + "%"; }

}  // namespace

const char *checkName(BundleCheck c)
{
    switch (c) {
    case BundleCheck::MarginBelowFloor: return "margin-below-floor";
    case BundleCheck::OutOfStock: return "out-of-stock";
    case BundleCheck::MissingCost: return "missing-cost";
    case BundleCheck::MissingPrice: return "missing-price";
    case BundleCheck::NotAscending: return "not-ascending";
    case BundleCheck::DuplicateItem: return "duplicate-item";
    case BundleCheck::PriceAboveSum: return "price-above-sum";
    case BundleCheck::EmptyTier: return "empty-tier";
    case BundleCheck::UnknownProduct: return "unknown-product";
    case BundleCheck::FreeTier: return "free-tier";
    case BundleCheck::BelowCheapestItem: return "below-cheapest-item";
    }
    return "";
}

std::vector<BundleIssue> checkBundle(const BundleCatalog &catalog, const Bundle &bundle, const BundleCheckOptions &options)
{
    std::vector<BundleIssue> out;
    TierTotals below;
    for (int t = 0; t < int(bundle.tiers.size()); ++t) {
        const BundleTier &tier = bundle.tiers[size_t(t)];
        const std::string where = tier.name + ": ";
        std::unordered_set<int64_t> seen;
        for (int i = 0; i < int(tier.items.size()); ++i) {
            const BundleItem &item = tier.items[size_t(i)];
            const SnapshotProduct *p = catalog.product(item.productId);
            if (!p) {
                out.push_back({BundleCheck::UnknownProduct, t, i, where + "an item's product is no longer in the catalog; remove it"});
                continue;
            }
            if (!seen.insert(item.productId).second)
                out.push_back({BundleCheck::DuplicateItem, t, i, where + p->sku + " is in the tier twice; raise the quantity of one instead"});
            if (p->stock >= 0 && p->stock < item.quantity)
                out.push_back({BundleCheck::OutOfStock, t, i,
                               where + p->sku + (p->stock == 0 ? " is out of stock" : " has " + std::to_string(p->stock) + " in stock")
                                   + " (the tier needs " + std::to_string(item.quantity) + ")"});
            if (std::isnan(p->price))
                out.push_back({BundleCheck::MissingPrice, t, i, where + p->sku + " has no price; the tier's totals are unknown"});
            if (std::isnan(p->cost) && !item.optional)
                out.push_back({BundleCheck::MissingCost, t, i, where + p->sku + " has no cost; the tier's margin is unknown"});
        }
        const TierTotals totals = priceTier(catalog, tier);
        if (totals.requiredItems == 0)
            out.push_back({BundleCheck::EmptyTier, t, -1, where + "the tier has no required items"});
        // The price itself: free, or under one of its items alone (a fixed price typed in, or a discount of
        // 100 %) is a giveaway, not a bundle. At 0 the margin is unknown (no price to divide by): said here.
        if (totals.requiredItems > 0 && !std::isnan(totals.price) && totals.price <= 0) {
            out.push_back({BundleCheck::FreeTier, t, -1, where + "price " + money(totals.price) + ": the store would give the tier away; set a price"});
        } else if (totals.requiredItems > 0 && !std::isnan(totals.price)) {
            // Only for a tier of two units or more: one item alone at a discount is a sale, not a giveaway.
            double cheapest = NAN;
            std::string cheapestSku;
            int units = 0;
            for (const BundleItem &item : tier.items) {
                const SnapshotProduct *p = catalog.product(item.productId);
                if (!p || item.optional) continue;
                units += item.quantity;
                if (!std::isnan(p->price) && (std::isnan(cheapest) || p->price < cheapest)) {
                    cheapest = p->price;
                    cheapestSku = p->sku;
                }
            }
            if (units >= 2 && !std::isnan(cheapest) && totals.price < cheapest - 1e-9)
                out.push_back({BundleCheck::BelowCheapestItem, t, -1,
                               where + "price " + money(totals.price) + " is below " + cheapestSku + " alone (" + money(cheapest) + ")"});
        }
        // (A price under cost is a margin under the floor too: below 0 %, which the message shows.)
        if (!std::isnan(totals.marginPercent) && totals.marginPercent < options.marginFloorPercent)
            out.push_back({BundleCheck::MarginBelowFloor, t, -1,
                           where + "margin " + percent(totals.marginPercent) + " is under the floor of " + percent(options.marginFloorPercent)});
        if (!std::isnan(totals.price) && !std::isnan(totals.compareAt) && totals.price > totals.compareAt + 1e-9)
            out.push_back({BundleCheck::PriceAboveSum, t, -1,
                           where + "price " + money(totals.price) + " is above the sum of its items " + money(totals.compareAt)});
        if (t > 0 && !std::isnan(totals.compareAt) && !std::isnan(below.compareAt) && !std::isnan(totals.price) && !std::isnan(below.price)) {
            const std::string lower = bundle.tiers[size_t(t - 1)].name;
            if (totals.compareAt <= below.compareAt)
                out.push_back({BundleCheck::NotAscending, t, -1,
                               where + "not richer than " + lower + " (items worth " + money(totals.compareAt) + " against " + money(below.compareAt) + ")"});
            else if (totals.price <= below.price)
                out.push_back({BundleCheck::NotAscending, t, -1,
                               where + "not dearer than " + lower + " (" + money(totals.price) + " against " + money(below.price) + ")"});
        }
        below = totals;
    }
    return out;
}

std::vector<std::string> freeTiers(const BundleCatalog &catalog, const std::vector<Bundle> &bundles)
{
    std::vector<std::string> out;
    for (const Bundle &b : bundles)
        for (const BundleIssue &i : checkBundle(catalog, b))
            if (i.check == BundleCheck::FreeTier) out.push_back(b.name + " › " + b.tiers[size_t(i.tier)].name);
    return out;
}

}  // namespace mb

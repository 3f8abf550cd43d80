#include "core/kpi/bundlemetrics.h"

#include "core/kpi/kpicontext.h"
#include "core/kpi/orderselection.h"

#include <algorithm>
#include <unordered_map>

namespace mb {

BundleMetrics computeBundles(const KpiContext &ctx, const OrderSelection &sel)
{
    const Snapshot &s = ctx.snapshot();
    const auto &bundles = ctx.data().bundles;
    BundleMetrics m;
    m.bundles = int64_t(bundles.size());
    m.hasBundles = !bundles.empty();
    std::vector<std::vector<size_t>> bundlesOf(s.products.size());   // anchor -> bundles
    std::vector<size_t> firstRow(bundles.size());
    for (size_t b = 0; b < bundles.size(); ++b) {
        bundlesOf[bundles[b].anchor].push_back(b);
        firstRow[b] = m.tiers.size();
        for (const KpiBundleTier &t : bundles[b].tiers) m.tiers.push_back({bundles[b].name, t.name, t.position, 0, 0, NAN});
    }
    std::unordered_map<uint32_t, double> quantity;
    for (uint32_t i : sel.counted) {
        const uint32_t basket = uint32_t(ctx.basketOf(i));
        bool holdsAnchor = false, took = false;
        quantity.clear();
        for (uint32_t k = s.basketStart[basket]; k < s.basketStart[basket + 1]; ++k) {
            const uint32_t anchor = s.basketItems[k];
            if (bundlesOf[anchor].empty()) continue;
            if (!holdsAnchor) {
                holdsAnchor = true;
                const SnapshotOrder &o = s.orders[i];
                for (uint32_t l = o.lineBegin; l < o.lineEnd; ++l) quantity[s.lines[l].product] += s.lines[l].quantity;
            }
            for (size_t b : bundlesOf[anchor]) {
                const auto &tiers = bundles[b].tiers;
                for (size_t t = 0; t < tiers.size(); ++t) ++m.tiers[firstRow[b] + t].anchorOrders;
                for (size_t t = tiers.size(); t-- > 0;) {
                    const bool met = std::all_of(tiers[t].items.begin(), tiers[t].items.end(), [&](const KpiBundleItem &it) {
                        if (it.optional) return true;
                        const auto q = quantity.find(it.product);
                        return q != quantity.end() && q->second >= double(it.quantity);
                    });
                    if (met && !tiers[t].items.empty()) {
                        ++m.tiers[firstRow[b] + t].takenOrders;
                        took = true;
                        break;
                    }
                }
            }
        }
        m.anchorOrders += holdsAnchor;
        m.takenOrders += took;
    }
    for (TierTake &t : m.tiers)
        if (t.anchorOrders > 0) t.rate = double(t.takenOrders) / double(t.anchorOrders);
    if (m.anchorOrders > 0) m.rate = double(m.takenOrders) / double(m.anchorOrders);
    return m;
}

}  // namespace mb

#include "core/bundles/bundletakerate.h"

#include <algorithm>
#include <unordered_map>

namespace mb {

BundleTakeRate takeRate(const BundleCatalog &catalog, const Bundle &bundle)
{
    const Snapshot &s = catalog.snapshot();
    BundleTakeRate out;
    out.tiers.resize(bundle.tiers.size());
    const int32_t anchor = catalog.index(bundle.anchorProductId);
    if (anchor < 0) return out;
    // Required items per tier as (product index, quantity); a tier naming an unknown product is never held.
    std::vector<std::vector<std::pair<uint32_t, double>>> need(bundle.tiers.size());
    std::vector<bool> possible(bundle.tiers.size(), true);
    for (size_t t = 0; t < bundle.tiers.size(); ++t) {
        for (const BundleItem &item : bundle.tiers[t].items) {
            if (item.optional) continue;
            const int32_t p = catalog.index(item.productId);
            if (p < 0) { possible[t] = false; continue; }
            auto it = std::find_if(need[t].begin(), need[t].end(), [&](auto &n) { return n.first == uint32_t(p); });
            if (it == need[t].end()) need[t].push_back({uint32_t(p), double(item.quantity)});
            else it->second += double(item.quantity);
        }
        possible[t] = possible[t] && !need[t].empty();
    }
    std::unordered_map<uint32_t, double> quantity;
    for (size_t b = 0; b + 1 < s.basketStart.size(); ++b) {
        const uint32_t *begin = s.basketItems.data() + s.basketStart[b], *end = s.basketItems.data() + s.basketStart[b + 1];
        if (!std::binary_search(begin, end, uint32_t(anchor))) continue;
        ++out.anchorOrders;
        quantity.clear();
        const SnapshotOrder &o = s.orders[s.basketOrder[b]];
        for (uint32_t l = o.lineBegin; l < o.lineEnd; ++l) quantity[s.lines[l].product] += s.lines[l].quantity;
        for (size_t t = 0; t < need.size(); ++t) {
            if (!possible[t]) continue;
            const bool held = std::all_of(need[t].begin(), need[t].end(), [&](const auto &n) {
                auto q = quantity.find(n.first);
                return q != quantity.end() && q->second >= n.second;
            });
            out.tiers[t].orders += held;
        }
    }
    for (TierTakeRate &t : out.tiers)
        if (out.anchorOrders > 0) t.share = double(t.orders) / double(out.anchorOrders);
    return out;
}

}  // namespace mb

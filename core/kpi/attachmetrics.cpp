#include "core/kpi/attachmetrics.h"

#include "core/kpi/kpicontext.h"
#include "core/kpi/kpifilter.h"
#include "core/kpi/orderselection.h"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <unordered_map>

namespace mb {
namespace {

int depthOf(const Snapshot &s, int32_t c)
{
    int d = 0;
    for (; c >= 0 && s.categories[size_t(c)].parent >= 0; c = s.categories[size_t(c)].parent) ++d;
    return d;
}

// The anchor's category at `depth` (its own when it is shallower), -1 when it has none.
int32_t categoryAtDepth(const Snapshot &s, int32_t c, int depth)
{
    if (c < 0) return -1;
    std::vector<int32_t> chain;
    for (; c >= 0; c = s.categories[size_t(c)].parent) chain.push_back(c);
    const size_t fromRoot = std::min(size_t(depth), chain.size() - 1);
    return chain[chain.size() - 1 - fromRoot];
}

uint64_t pairKey(uint32_t anchor, const KpiComplement &c)
{
    const uint32_t target = c.category >= 0 ? (0x80000000u | uint32_t(c.category)) : c.product;
    return (uint64_t(anchor) << 32) | target;
}

}  // namespace

AttachMetrics computeAttach(const KpiContext &ctx, const OrderSelection &sel, const KpiFilter &filter)
{
    const Snapshot &s = ctx.snapshot();
    AttachMetrics m;
    m.hasMaps = ctx.hasMaps();
    m.orders = int64_t(sel.counted.size());
    constexpr size_t kindCount = std::size(allKinds);
    m.byKind.resize(kindCount);
    for (size_t k = 0; k < kindCount; ++k) m.byKind[k].name = kindName(allKinds[k]);
    if (!m.hasMaps) return m;

    const int groupDepth = filter.category >= 0 ? depthOf(s, filter.category) + 1 : 0;
    std::vector<int32_t> groupOf(s.products.size(), -2);   // -2: not computed yet
    std::unordered_map<int32_t, size_t> categoryRow;
    std::unordered_map<uint64_t, size_t> pairRow;
    double revenueAttached = 0, revenueAlone = 0;

    for (uint32_t i : sel.counted) {
        const uint32_t b = uint32_t(ctx.basketOf(i));
        bool eligible = false, attached = false;
        for (uint32_t k = s.basketStart[b]; k < s.basketStart[b + 1]; ++k) {
            const uint32_t anchor = s.basketItems[k];
            const auto &comps = ctx.complements(anchor);
            if (comps.empty()) continue;
            unsigned hasKind = 0, gotKind = 0;
            for (const KpiComplement &c : comps) {
                const bool present = ctx.basketHolds(b, c, anchor);
                const unsigned bit = 1u << unsigned(c.kind);
                hasKind |= bit;
                if (present) gotKind |= bit;
                auto [it, added] = pairRow.emplace(pairKey(anchor, c), m.pairs.size());
                if (added) m.pairs.push_back({anchor, c.category >= 0 ? -1 : int32_t(c.product), c.category, c.kind, 0, 0, NAN});
                PairAttach &p = m.pairs[it->second];
                ++p.anchorOrders;
                p.bothOrders += present;
            }
            for (size_t kk = 0; kk < kindCount; ++kk) {
                const unsigned bit = 1u << unsigned(allKinds[kk]);
                if (!(hasKind & bit)) continue;
                ++m.byKind[kk].eligible;
                m.byKind[kk].attached += (gotKind & bit) != 0;
            }
            // Cross-sell only from here on: an upgrade in the same basket is not an attachment.
            const unsigned crossBit = ~(1u << unsigned(RelationKind::Upgrade));
            if (!(hasKind & crossBit)) continue;
            eligible = true;
            const bool got = (gotKind & crossBit) != 0;
            attached |= got;
            if (groupOf[anchor] == -2) groupOf[anchor] = categoryAtDepth(s, s.products[anchor].category, groupDepth);
            auto [cit, added] = categoryRow.emplace(groupOf[anchor], m.byCategory.size());
            if (added) {
                const int32_t c = groupOf[anchor];
                m.byCategory.push_back({c >= 0 ? s.categories[size_t(c)].path : std::string("(no category)"), 0, 0, NAN});
            }
            ++m.byCategory[cit->second].eligible;
            m.byCategory[cit->second].attached += got;
        }
        m.eligibleOrders += eligible;
        m.attachedOrders += attached;
        if (attached) { ++m.ordersAttached; revenueAttached += s.orders[i].merchandiseTotal; }
        else if (eligible) { ++m.ordersAnchorAlone; revenueAlone += s.orders[i].merchandiseTotal; }
    }

    auto rate = [](int64_t num, int64_t den) { return den > 0 ? double(num) / double(den) : NAN; };
    m.storeRate = rate(m.attachedOrders, m.orders);
    m.eligibleRate = rate(m.attachedOrders, m.eligibleOrders);
    for (GroupAttach &g : m.byKind) g.rate = rate(g.attached, g.eligible);
    for (GroupAttach &g : m.byCategory) g.rate = rate(g.attached, g.eligible);
    std::sort(m.byCategory.begin(), m.byCategory.end(), [](const GroupAttach &a, const GroupAttach &b) { return a.name < b.name; });
    for (PairAttach &p : m.pairs) p.rate = rate(p.bothOrders, p.anchorOrders);
    std::sort(m.pairs.begin(), m.pairs.end(), [](const PairAttach &a, const PairAttach &b) {
        if (a.bothOrders != b.bothOrders) return a.bothOrders > b.bothOrders;
        if (a.anchorOrders != b.anchorOrders) return a.anchorOrders > b.anchorOrders;
        return std::tie(a.anchor, a.targetProduct, a.targetCategory) < std::tie(b.anchor, b.targetProduct, b.targetCategory);
    });
    if (m.ordersAttached > 0) m.aovAttached = revenueAttached / double(m.ordersAttached);
    if (m.ordersAnchorAlone > 0) m.aovAnchorAlone = revenueAlone / double(m.ordersAnchorAlone);
    if (m.ordersAttached > 0 && m.ordersAnchorAlone > 0) {
        m.aovDifference = m.aovAttached - m.aovAnchorAlone;
        m.attributedRevenue = m.aovDifference * double(m.ordersAttached);
    }
    return m;
}

}  // namespace mb

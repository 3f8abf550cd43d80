#include "core/kpi/kpidata.h"

#include "core/storage/bundlestore.h"
#include "core/storage/eventstore.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <algorithm>
#include <unordered_map>

namespace mb {

bool KpiData::load(const Workspace &ws, const Snapshot &snapshot, KpiData &out, std::string &error)
{
    out = KpiData{};
    const auto ids = EndpointIndex::of(snapshot);
    std::unordered_map<std::string, int16_t> placementIndex;
    std::string lastSession;
    bool first = true;
    const bool read = readEvents(ws, [&](std::string_view session, int64_t at, int64_t productId, std::string_view event,
                                         std::string_view placement) {
        KpiEvent e;
        if (first || session != lastSession) {
            if (!first) ++out.sessions;
            lastSession.assign(session);
            first = false;
        }
        e.session = out.sessions;
        e.at = at;
        e.product = productId < 0 ? -1 : ids->product(productId);
        e.type = eventTypeFromName(event).value_or(EventType::View);
        if (!placement.empty()) {
            auto [it, added] = placementIndex.emplace(std::string(placement), int16_t(out.placements.size()));
            if (added) out.placements.emplace_back(placement);
            e.placement = it->second;
        }
        out.events.push_back(e);
    }, error);
    if (!first) ++out.sessions;
    if (!read) return false;

    std::string bundleError;
    out.bundles = bundlesOf(storedBundles(ws, &bundleError), *ids);
    if (!bundleError.empty()) {
        error = bundleError;
        return false;
    }
    return true;
}

std::vector<KpiBundle> KpiData::bundlesOf(std::vector<Bundle> bundles, const EndpointIndex &ids)
{
    std::sort(bundles.begin(), bundles.end(), [](const Bundle &a, const Bundle &b) { return a.id < b.id; });
    std::vector<KpiBundle> out;
    for (const Bundle &b : bundles) {
        const int32_t anchor = ids.product(b.anchorProductId);
        if (anchor < 0 || b.tiers.empty()) continue;
        KpiBundle bundle{b.id, b.name, uint32_t(anchor), {}};
        for (size_t t = 0; t < b.tiers.size(); ++t) {
            KpiBundleTier tier{int(t + 1), b.tiers[t].name, {}};
            for (const BundleItem &i : b.tiers[t].items)
                if (const int32_t product = ids.product(i.productId); product >= 0) tier.items.push_back({uint32_t(product), i.quantity, i.optional});
            bundle.tiers.push_back(std::move(tier));
        }
        out.push_back(std::move(bundle));
    }
    return out;
}

}  // namespace mb

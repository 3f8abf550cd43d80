#include "core/kpi/kpidata.h"

#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <unordered_map>

namespace mb {

bool KpiData::load(const Workspace &ws, const Snapshot &snapshot, KpiData &out, std::string &error)
{
    out = KpiData{};
    std::unordered_map<int64_t, uint32_t> productIndex;
    productIndex.reserve(snapshot.products.size());
    for (uint32_t i = 0; i < snapshot.products.size(); ++i) productIndex.emplace(snapshot.products[i].id, i);
    auto indexOf = [&](int64_t id) -> int32_t {
        const auto it = productIndex.find(id);
        return it == productIndex.end() ? -1 : int32_t(it->second);
    };
    sqlite3 *db = ws.db();
    auto check = [&](const Statement &s) {
        if (s.failed()) error = ws.path() + ": cannot read the workspace: " + s.error();
        return !s.failed();
    };

    std::unordered_map<std::string, int16_t> placementIndex;
    Statement ev(db, "SELECT session, occurred_at, product_id, event, placement FROM events ORDER BY session, occurred_at, id");
    std::string lastSession;
    bool first = true;
    while (ev.step()) {
        KpiEvent e;
        const std::string_view session = ev.textView(0);
        if (first || session != lastSession) {
            if (!first) ++out.sessions;
            lastSession.assign(session);
            first = false;
        }
        e.session = out.sessions;
        e.at = ev.int64(1);
        e.product = ev.isNull(2) ? -1 : indexOf(ev.int64(2));
        e.type = eventTypeFromName(ev.textView(3)).value_or(EventType::View);
        const std::string placement(ev.textView(4));
        if (!placement.empty()) {
            auto [it, added] = placementIndex.emplace(placement, int16_t(out.placements.size()));
            if (added) out.placements.push_back(placement);
            e.placement = it->second;
        }
        out.events.push_back(e);
    }
    if (!first) ++out.sessions;
    if (!check(ev)) return false;

    Statement b(db, R"sql(
SELECT b.id, b.name, b.anchor_product_id, t.id, t.position, t.name, i.product_id, i.quantity, i.optional
FROM bundles b JOIN bundle_tiers t ON t.bundle_id = b.id LEFT JOIN bundle_items i ON i.tier_id = t.id
ORDER BY b.id, t.position, i.position)sql");
    while (b.step()) {
        const int32_t anchor = indexOf(b.int64(2));
        if (anchor < 0) continue;
        if (out.bundles.empty() || out.bundles.back().id != b.int64(0))
            out.bundles.push_back({b.int64(0), b.text(1), uint32_t(anchor), {}});
        KpiBundle &bundle = out.bundles.back();
        if (bundle.tiers.empty() || bundle.tiers.back().id != b.int64(3))
            bundle.tiers.push_back({b.int64(3), int(b.int64(4)), b.text(5), {}});
        if (b.isNull(6)) continue;
        const int32_t product = indexOf(b.int64(6));
        if (product >= 0) bundle.tiers.back().items.push_back({uint32_t(product), int(b.int64(7)), b.int64(8) != 0});
    }
    return check(b);
}

}  // namespace mb

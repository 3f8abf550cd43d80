// Slot order: upgrades first where the policy says so, then add-ons that close the free-shipping gap,
// then map relations in the map's own order (the policy's kind order, then position: the blend's
// "curated first, then filled"), then the mined rest by the strength of their evidence; kinds only filter and label, the policy's kind order breaks ties of
// score, and the product index the rest, so that every run gives the same page.
#include "core/placement/placementcandidate.h"
#include "core/placement/placementengine.h"
#include "core/storage/snapshot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace mb {
namespace {

void setSendDay(const Request &r, Recommendation &pick)
{
    const PlacementPolicy &pol = r.policy;
    char buf[160];
    if (pick.kind == RelationKind::Consumable) {
        const double mined = r.engine.evidence().replenishment(pick.product);
        if (!std::isnan(mined) && mined >= 1) {
            pick.sendDay = int(std::lround(mined));
            std::snprintf(buf, sizeof buf, "refill reminder on day %d: customers re-buy it every %.1f days (median)", pick.sendDay, mined);
            pick.reasons.push_back({ReasonCode::SendDayMined, buf});
        } else {
            pick.sendDay = pol.consumableDefaultDays;
            std::snprintf(buf, sizeof buf, "refill reminder on day %d: no mined interval, the policy's default", pick.sendDay);
            pick.reasons.push_back({ReasonCode::SendDayDefault, buf});
        }
    } else {
        pick.sendDay = pol.addOnDelayDays;
        std::snprintf(buf, sizeof buf, "sent %d days after the order, once the purchase has arrived", pick.sendDay);
        pick.reasons.push_back({ReasonCode::SendDayAddOn, buf});
    }
}

}  // namespace

void rankAndFill(const Request &r, std::vector<Candidate> &survivors, RecommendResult &result)
{
    const PlacementPolicy &pol = r.policy;
    const Snapshot &s = r.engine.snapshot();
    auto key = [&](const Candidate &c) {
        const int upgradeGroup = pol.upgradesFirst && c.kind == RelationKind::Upgrade ? 0 : 1;
        const int gapGroup = c.closesGap ? 0 : 1;
        const int sourceGroup = c.fromMap ? 0 : 1;
        // The map's relations keep the merchandiser's structure: the policy's kind order, then the map's order
        // (positions count within a kind). Mined candidates rank by their evidence alone.
        const int mapKind = c.fromMap ? pol.kindRank(c.kind) : 0;
        const int mapOrder = c.fromMap ? c.mapOrder : 0;
        return std::make_tuple(upgradeGroup, gapGroup, sourceGroup, mapKind, mapOrder, -c.score, pol.kindRank(c.kind), c.product);
    };
    std::stable_sort(survivors.begin(), survivors.end(), [&](const Candidate &a, const Candidate &b) { return key(a) < key(b); });
    for (Candidate &c : survivors) {
        const SnapshotProduct &p = s.products[c.product];
        if (pol.onePerFamily && !p.family.empty()) {
            const auto same = std::find_if(result.picks.begin(), result.picks.end(),
                                           [&](const Recommendation &x) { return s.products[x.product].family == p.family; });
            if (same != result.picks.end()) {
                result.leftOut.push_back(leftOutOf(c, LeftOutRule::Family, "family " + p.family + " is already shown by " +
                                                                             s.products[same->product].sku));
                continue;
            }
        }
        if (pol.noDuplicates && std::any_of(result.picks.begin(), result.picks.end(), [&](const Recommendation &x) { return x.product == c.product; })) {
            result.leftOut.push_back(leftOutOf(c, LeftOutRule::Duplicate, "already shown"));
            continue;
        }
        if (int(result.picks.size()) >= r.slots) {
            result.leftOut.push_back(leftOutOf(c, LeftOutRule::NoSlot, "qualified, but all " + std::to_string(r.slots) + " slots are taken"));
            continue;
        }
        Recommendation pick;
        pick.product = c.product;
        pick.kind = c.kind;
        pick.score = c.score;
        pick.source = c.source;
        pick.anchor = c.anchor;
        pick.pitch = std::move(c.pitch);
        pick.reasons = std::move(c.reasons);
        if (pol.placement == Placement::PostPurchase) setSendDay(r, pick);
        result.picks.push_back(std::move(pick));
    }
}

}  // namespace mb

#include "core/maps/kindsuggestion.h"

#include "core/maps/relationresolver.h"
#include "core/storage/snapshot.h"

#include <cmath>
#include <cstdio>

namespace mb {

namespace {
std::string percent(double v)
{
    char b[32];
    std::snprintf(b, sizeof b, "%.0f %%", v * 100);
    return b;
}
}  // namespace

KindSuggestion suggestKind(const Snapshot &s, const RelationResolver &resolver, uint32_t anchor, uint32_t target,
                           double confidence, const ReplenishmentStat *repl, const KindHeuristics &h)
{
    const SnapshotProduct &a = s.products[anchor];
    const SnapshotProduct &b = s.products[target];
    if (repl && repl->repeatShare >= h.consumableShare && repl->intervals >= h.consumableIntervals) {
        char b2[160];
        std::snprintf(b2, sizeof b2, "re-bought by %s of its buyers, every %.0f days (median)", percent(repl->repeatShare).c_str(),
                      repl->medianDays);
        return {RelationKind::Consumable, b2};
    }
    const bool priced = !std::isnan(a.price) && !std::isnan(b.price) && a.price > 0;
    const double ratio = priced ? b.price / a.price : 0;
    const bool sameFamily = !a.family.empty() && a.family == b.family;
    const bool sameCategory = a.category >= 0 && a.category == b.category;
    if ((sameFamily || sameCategory) && priced && ratio >= h.upgradeMin && ratio <= h.upgradeMax)
        return {RelationKind::Upgrade, std::string(sameFamily ? "same family" : "same category") + ", " + percent(ratio - 1) + " dearer"};
    // Learn from the map: a curated category rule covering both sides names the kind.
    if (a.category >= 0 && b.category >= 0)
        for (int32_t c : resolver.categoryChain(anchor))
            for (uint32_t i : resolver.ofCategory(c)) {
                const SnapshotRelation &r = s.relations[i];
                if (r.status != RelationStatus::Active || r.targetType != EndpointType::Category) continue;
                if (s.categoryWithin(b.category, r.target))
                    return {r.kind, "the map relates " + s.categories[size_t(c)].path + " to " + s.categories[size_t(r.target)].path +
                                        " as " + kindName(r.kind)};
            }
    if (confidence >= h.necessityConfidence && priced && ratio <= h.necessityPriceShare)
        return {RelationKind::Necessity, "bought with it in " + percent(confidence) + " of its orders, at " + percent(ratio) + " of its price"};
    return {RelationKind::Accessory, "often bought together"};
}

}  // namespace mb

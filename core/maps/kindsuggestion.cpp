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

namespace {

enum class Rule { Consumable, Upgrade, MapRule, Necessity, Otherwise };

struct Verdict {
    RelationKind kind = RelationKind::Accessory;
    Rule rule = Rule::Otherwise;
    double ratio = 0;              // target price / anchor price
    bool sameFamily = false;
    int32_t fromCategory = -1, toCategory = -1;  // the map rule's categories
};

Verdict classify(const Snapshot &s, const RelationResolver &resolver, uint32_t anchor, uint32_t target, double confidence,
                 const ReplenishmentStat *repl, const KindHeuristics &h)
{
    const SnapshotProduct &a = s.products[anchor];
    const SnapshotProduct &b = s.products[target];
    Verdict v;
    if (repl && repl->repeatShare >= h.consumableShare && repl->intervals >= h.consumableIntervals) {
        v.kind = RelationKind::Consumable;
        v.rule = Rule::Consumable;
        return v;
    }
    const bool priced = !std::isnan(a.price) && !std::isnan(b.price) && a.price > 0;
    v.ratio = priced ? b.price / a.price : 0;
    v.sameFamily = !a.family.empty() && a.family == b.family;
    const bool sameCategory = a.category >= 0 && a.category == b.category;
    if ((v.sameFamily || sameCategory) && priced && v.ratio >= h.upgradeMin && v.ratio <= h.upgradeMax) {
        v.kind = RelationKind::Upgrade;
        v.rule = Rule::Upgrade;
        return v;
    }
    // Learn from the map: a curated category rule covering both sides names the kind.
    if (a.category >= 0 && b.category >= 0)
        for (int32_t c : resolver.categoryChain(anchor))
            for (uint32_t i : resolver.ofCategory(c)) {
                const SnapshotRelation &r = s.relations[i];
                if (r.status != RelationStatus::Active || r.targetType != EndpointType::Category) continue;
                if (s.categoryWithin(b.category, r.target)) {
                    v.kind = r.kind;
                    v.rule = Rule::MapRule;
                    v.fromCategory = c;
                    v.toCategory = r.target;
                    return v;
                }
            }
    if (confidence >= h.necessityConfidence && priced && v.ratio <= h.necessityPriceShare) {
        v.kind = RelationKind::Necessity;
        v.rule = Rule::Necessity;
    }
    return v;
}

}  // namespace

RelationKind suggestedKind(const Snapshot &s, const RelationResolver &resolver, uint32_t anchor, uint32_t target, double confidence,
                           const ReplenishmentStat *repl, const KindHeuristics &h)
{
    return classify(s, resolver, anchor, target, confidence, repl, h).kind;
}

KindSuggestion suggestKind(const Snapshot &s, const RelationResolver &resolver, uint32_t anchor, uint32_t target,
                           double confidence, const ReplenishmentStat *repl, const KindHeuristics &h)
{
    const Verdict v = classify(s, resolver, anchor, target, confidence, repl, h);
    char b[200];
    switch (v.rule) {
    case Rule::Consumable:
        std::snprintf(b, sizeof b, "re-bought by %s of its buyers, every %.0f days (median)", percent(repl->repeatShare).c_str(),
                      repl->medianDays);
        return {v.kind, b};
    case Rule::Upgrade:
        return {v.kind, std::string(v.sameFamily ? "same family" : "same category") + ", " + percent(v.ratio - 1) + " dearer"};
    case Rule::MapRule:
        return {v.kind, "the map relates " + s.categories[size_t(v.fromCategory)].path + " to " +
                            s.categories[size_t(v.toCategory)].path + " as " + kindName(v.kind)};
    case Rule::Necessity:
        return {v.kind, "bought with it in " + percent(confidence) + " of its orders, at " + percent(v.ratio) + " of its price"};
    case Rule::Otherwise:
        break;
    }
    return {v.kind, "often bought together"};
}

}  // namespace mb

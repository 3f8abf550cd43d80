#include "core/maps/kindsuggestion.h"

#include "core/maps/relationresolver.h"
#include "core/maps/titlewords.h"
#include "core/storage/snapshot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace mb {

namespace {
std::string percent(double v)
{
    char b[32];
    std::snprintf(b, sizeof b, "%.0f %%", v * 100);
    return b;
}

enum class Rule { Substitute, Upgrade, Consumable, MapRule, Necessity, Otherwise };

struct Verdict {
    RelationKind kind = RelationKind::Accessory;
    Rule rule = Rule::Otherwise;
    bool substitute = false;
    double ratio = 0;              // target price / anchor price
    const char *alike = "";        // why the two are alike: "same family", "same category", "similar titles"
    double liftLimit = 0;          // the substitute rule's "rarely together" bound
    double anchorShare = 0;        // the consumable rule's repeat shares
    int32_t fromCategory = -1, toCategory = -1;  // the map rule's categories
};

Verdict classify(const Snapshot &s, const RelationResolver &resolver, uint32_t anchor, uint32_t target, const KindEvidence &e,
                 const KindHeuristics &h)
{
    const SnapshotProduct &a = s.products[anchor];
    const SnapshotProduct &b = s.products[target];
    Verdict v;
    const bool priced = !std::isnan(a.price) && !std::isnan(b.price) && a.price > 0 && b.price > 0;
    v.ratio = priced ? b.price / a.price : 0;

    // 1. Substitutes: alike, priced alike, and not bought together more than A's partners usually are.
    if (!a.family.empty() && a.family == b.family) v.alike = "same family";
    else if (a.category >= 0 && a.category == b.category) v.alike = "same category";
    else if (resolver.titleWords().similarity(anchor, target) >= h.substituteSimilarity) v.alike = "similar titles";
    v.liftLimit = std::max(1.0, h.substituteLiftRatio * e.anchorTypicalLift);
    const bool pricedAlike = priced && v.ratio >= 1 / h.substitutePriceRatio && v.ratio <= h.substitutePriceRatio;
    // "Rarely in one basket with each other" in both senses: no more than the anchor's partners usually are (or
    // below chance), and in few of the baskets of one of the two (the smaller attach rate: the dearer of two
    // cake stands is in a quarter of the cheaper one's baskets, the cheaper in 6.5 % of the dearer's). A range
    // a wholesaler stocks together (one jumbo bag in five designs, 85099B -> 22386 in 39 % of its baskets) is
    // bought together, so it is no substitute, however alike.
    const double together = std::isnan(e.reverseConfidence) ? e.confidence : std::min(e.confidence, e.reverseConfidence);
    const bool rarelyTogether = e.lift <= 0 || e.lift < 1 || (e.lift < v.liftLimit && together < h.substituteMaxConfidence);
    if (*v.alike && pricedAlike && rarelyTogether) {
        if (v.ratio >= h.upgradeMin && v.ratio <= h.upgradeMax) {
            v.kind = RelationKind::Upgrade;
            v.rule = Rule::Upgrade;
        } else {
            v.substitute = true;
            v.rule = Rule::Substitute;
        }
        return v;
    }
    // 2. Consumables: re-bought markedly more than the anchor, and cheaper.
    const ReplenishmentStat *t = e.targetReplenishment;
    v.anchorShare = e.anchorReplenishment && e.anchorReplenishment->intervals > 0 ? e.anchorReplenishment->repeatShare : 0;
    if (t && t->repeatShare >= h.consumableShare && t->intervals >= h.consumableIntervals &&
        t->repeatShare >= h.consumableRatio * std::max(v.anchorShare, e.storeRepeatShare) &&
        t->repeatShare - std::max(v.anchorShare, e.storeRepeatShare) >= h.consumableGap && priced && v.ratio < 1) {
        v.kind = RelationKind::Consumable;
        v.rule = Rule::Consumable;
        return v;
    }
    // 3. Learn from the map: a curated category rule covering both sides names the kind.
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
    // 4. Necessities: nearly always taken, and much cheaper.
    if (e.confidence >= h.necessityConfidence && priced && v.ratio <= h.necessityPriceShare) {
        v.kind = RelationKind::Necessity;
        v.rule = Rule::Necessity;
    }
    return v;
}

}  // namespace

double storeRepeatShare(const ReplenishmentStat *first, const ReplenishmentStat *last)
{
    double buyers = 0, repeat = 0;
    for (const ReplenishmentStat *r = first; r && r != last; ++r) {
        buyers += r->buyers;
        repeat += r->repeatBuyers;
    }
    return buyers > 0 ? repeat / buyers : 0;
}

double typicalLift(const PairRule *first, const PairRule *last, size_t keep)
{
    std::vector<std::pair<double, double>> byConfidence;  // (-confidence, lift)
    for (const PairRule *r = first; r && r != last; ++r)
        if (r->lift > 0) byConfidence.push_back({-r->confidence, r->lift});
    if (byConfidence.size() > keep) {
        std::nth_element(byConfidence.begin(), byConfidence.begin() + ptrdiff_t(keep), byConfidence.end());
        byConfidence.resize(keep);
    }
    std::vector<double> lifts;
    for (const auto &x : byConfidence) lifts.push_back(x.second);
    if (lifts.empty()) return 0;
    std::nth_element(lifts.begin(), lifts.begin() + lifts.size() / 2, lifts.end());
    return lifts[lifts.size() / 2];
}

KindSuggestion suggestedKind(const Snapshot &s, const RelationResolver &resolver, uint32_t anchor, uint32_t target,
                             const KindEvidence &e, const KindHeuristics &h)
{
    const Verdict v = classify(s, resolver, anchor, target, e, h);
    return {v.kind, v.substitute, {}};
}

KindSuggestion suggestKind(const Snapshot &s, const RelationResolver &resolver, uint32_t anchor, uint32_t target,
                           const KindEvidence &e, const KindHeuristics &h)
{
    const Verdict v = classify(s, resolver, anchor, target, e, h);
    char b[240];
    auto together = [&] {
        if (e.lift <= 0) return std::string("never bought together often enough to mine");
        char t[120];
        std::snprintf(t, sizeof t, "bought together at lift %.1f, under %.1f", e.lift, v.liftLimit);
        return std::string(t);
    };
    switch (v.rule) {
    case Rule::Substitute:
        std::snprintf(b, sizeof b, "a substitute, not an add-on: %s, %s the price, %s", v.alike, percent(v.ratio).c_str(), together().c_str());
        return {v.kind, true, b};
    case Rule::Upgrade:
        std::snprintf(b, sizeof b, "%s, %s dearer, %s", v.alike, percent(v.ratio - 1).c_str(), together().c_str());
        return {v.kind, false, b};
    case Rule::Consumable:
        std::snprintf(b, sizeof b, "re-bought by %s of its buyers (against %s for the product, %s in the store), every %.0f days (median), and cheaper",
                      percent(e.targetReplenishment->repeatShare).c_str(), percent(v.anchorShare).c_str(),
                      percent(e.storeRepeatShare).c_str(), e.targetReplenishment->medianDays);
        return {v.kind, false, b};
    case Rule::MapRule:
        return {v.kind, false, "the map relates " + s.categories[size_t(v.fromCategory)].path + " to " +
                                   s.categories[size_t(v.toCategory)].path + " as " + kindName(v.kind)};
    case Rule::Necessity:
        return {v.kind, false, "bought with it in " + percent(e.confidence) + " of its orders, at " + percent(v.ratio) + " of its price"};
    case Rule::Otherwise:
        break;
    }
    return {v.kind, false, "often bought together"};
}

}  // namespace mb

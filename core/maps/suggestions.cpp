#include "core/maps/suggestions.h"

#include "core/maps/relationresolver.h"
#include "core/storage/relationstore.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <algorithm>
#include <cstdio>

namespace mb {

std::string evidenceText(const PairRule &pair, double easeWeight, const ReplenishmentStat *repl)
{
    std::string out;
    char b[200];
    if (pair.count > 0) {
        std::snprintf(b, sizeof b, "bought together in %u of %u orders (%.0f %%), lift %.1f", pair.count, pair.antecedentCount,
                      pair.confidence * 100, pair.lift);
        out = b;
    }
    if (!std::isnan(easeWeight)) {
        std::snprintf(b, sizeof b, "%sEASE neighbour (weight %.3f)", out.empty() ? "" : "; ", easeWeight);
        out += b;
    }
    if (repl && repl->intervals > 0) {
        std::snprintf(b, sizeof b, "; re-bought every %.0f days by %.0f %% of its buyers", repl->medianDays, repl->repeatShare * 100);
        out += b;
    }
    return out;
}

KindEvidence kindEvidence(const MinedResults &mined, uint32_t anchor, uint32_t target, const PairRule &pair)
{
    KindEvidence e;
    e.confidence = pair.count > 0 ? pair.confidence : 0;
    e.lift = pair.count > 0 ? pair.lift : 0;
    if (pair.count > 0 && pair.consequentCount > 0) e.reverseConfidence = double(pair.count) / double(pair.consequentCount);
    const auto [begin, end] = mined.rulesFrom(anchor);
    e.anchorTypicalLift = typicalLift(begin, end);
    e.anchorReplenishment = mined.replenishmentOf(anchor);
    e.targetReplenishment = mined.replenishmentOf(target);
    e.storeRepeatShare = storeRepeatShare(mined.replenishment.data(), mined.replenishment.data() + mined.replenishment.size());
    return e;
}

SuggestionEngine::SuggestionEngine(const Snapshot &s, const RelationResolver &r, const MinedResults &m, KindHeuristics h)
    : snap_(s), resolver_(r), mined_(m), heuristics_(h)
{
}

Suggestion SuggestionEngine::make(uint32_t anchor, uint32_t target, const PairRule *pair, double easeWeight) const
{
    Suggestion s;
    s.anchor = anchor;
    s.target = target;
    s.pair = pair ? *pair : pairRule(snap_, anchor, target, mined_.pairsKept);  // the baskets the pairs run counted
    s.easeWeight = easeWeight;
    s.targetReplenishment = mined_.replenishmentOf(target);
    s.kind = suggestKind(snap_, resolver_, anchor, target, kindEvidence(mined_, anchor, target, s.pair), heuristics_);
    s.score = s.pair.count > 0 ? s.pair.confidence : 0;
    s.evidence = evidenceText(s.pair, easeWeight, s.targetReplenishment);
    return s;
}

std::vector<Suggestion> SuggestionEngine::forAnchor(uint32_t anchor, const SuggestionFilter &f, size_t limit) const
{
    std::vector<Suggestion> out;
    if (!snap_.products[anchor].offered()) return out;
    // Mapped targets are collected once: resolving per candidate would repeat the category walk.
    std::vector<uint32_t> mapped;
    for (uint32_t i : resolver_.ofProduct(anchor)) {
        const SnapshotRelation &r = snap_.relations[i];
        if (r.targetType == EndpointType::Product) mapped.push_back(uint32_t(r.target));
    }
    for (const ResolvedRelation &x : resolver_.resolve(anchor)) mapped.push_back(x.product);
    const SnapshotProduct &a = snap_.products[anchor];
    auto backwards = [&](uint32_t t) {
        const SnapshotProduct &b = snap_.products[t];
        return a.price > 0 && b.price > a.price * f.maxPriceRatioAcrossCategories && a.category != b.category &&
               (a.family.empty() || a.family != b.family);
    };
    auto skip = [&](uint32_t t) {
        return relatesToItself(EndpointType::Product, anchor, EndpointType::Product, t) || !snap_.products[t].recommendable || backwards(t) ||
               std::find(mapped.begin(), mapped.end(), t) != mapped.end() ||
               std::any_of(out.begin(), out.end(), [&](const Suggestion &s) { return s.target == t; });
    };
    const EaseItem *ease = mined_.easeOf(anchor);
    auto easeWeightOf = [&](uint32_t t) {
        if (ease)
            for (const EaseNeighbour &n : ease->neighbours)
                if (n.product == t) return n.weight;
        return double(NAN);
    };
    auto [begin, end] = mined_.rulesFrom(anchor);
    for (const PairRule *r = begin; r && r != end; ++r) {
        if (r->count < f.minCount || r->confidence < f.minConfidence || r->lift < f.minLift || skip(r->consequent)) continue;
        Suggestion s = make(anchor, r->consequent, r, easeWeightOf(r->consequent));
        if (!s.kind.substitute) out.push_back(std::move(s));
    }
    if (f.includeEaseOnly && ease) {
        std::vector<uint32_t> easeOnly;
        for (const EaseNeighbour &n : ease->neighbours)
            if (n.weight > 0 && !skip(n.product)) easeOnly.push_back(n.product);
        // No saved rule covers these: their pairs are counted together, in one pass over the baskets.
        const std::vector<PairRule> pairs = pairRules(snap_, anchor, easeOnly, mined_.pairsKept);
        for (size_t i = 0; i < easeOnly.size(); ++i) {
            Suggestion s = make(anchor, easeOnly[i], &pairs[i], easeWeightOf(easeOnly[i]));
            if (s.pair.count < f.minCount || s.kind.substitute) continue;  // EASE alone on a handful of baskets is noise
            out.push_back(std::move(s));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Suggestion &a, const Suggestion &b) {
        if (a.score != b.score) return a.score > b.score;
        return a.pair.lift > b.pair.lift;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

std::vector<Suggestion> SuggestionEngine::all(const SuggestionFilter &f) const
{
    std::vector<Suggestion> out;
    for (uint32_t p = 0; p < snap_.products.size(); ++p) {
        auto some = forAnchor(p, f, 50);
        out.insert(out.end(), std::make_move_iterator(some.begin()), std::make_move_iterator(some.end()));
    }
    return out;
}

Relation minedRelation(int64_t anchor, int64_t target, RelationKind kind, RelationStatus status)
{
    Relation r;
    r.anchorId = anchor;
    r.targetId = target;
    r.kind = kind;
    r.source = RelationSource::Mined;
    r.status = status;
    return r;
}

namespace {
bool storeOne(Workspace &ws, int64_t anchor, int64_t target, RelationKind kind, RelationStatus status, std::string &error)
{
    Relation r = minedRelation(anchor, target, kind, status);
    return RelationStore(ws).add(r, error);
}
}  // namespace

bool acceptSuggestion(Workspace &ws, int64_t a, int64_t t, RelationKind k, std::string &error)
{
    return storeOne(ws, a, t, k, RelationStatus::Active, error);
}

bool rejectSuggestion(Workspace &ws, int64_t a, int64_t t, RelationKind k, std::string &error)
{
    return storeOne(ws, a, t, k, RelationStatus::Rejected, error);
}

int acceptSuggestions(Workspace &ws, const Snapshot &snap, const std::vector<Suggestion> &list, std::string &error)
{
    std::vector<Relation> relations;
    for (const Suggestion &s : list)
        relations.push_back(minedRelation(snap.products[s.anchor].id, snap.products[s.target].id, s.kind.kind, RelationStatus::Active));
    return RelationStore(ws).addAll(relations, error) ? int(relations.size()) : -1;
}

}  // namespace mb

// Where candidates come from: the map (RelationResolver: own, inherited and category-target relations)
// and the mined evidence, per the policy's strategy. A product reached twice merges into one candidate
// (the map's kind wins, the mined evidence adds its reasons and score). A product that several cart items'
// evidence names is one candidate scored over all of them: the highest pair confidence, the sum of EASE
// weights (the back-test on Online Retail: core/placement/README.md), labelled with the kind and anchor of
// the strongest; a map relation reached
// from a second anchor is left out as a duplicate when the policy forbids showing an item twice.
#include "core/placement/placementcandidate.h"
#include "core/placement/placementengine.h"
#include "core/storage/snapshot.h"

#include <algorithm>
#include <cstdio>

namespace mb {
namespace {

std::string percent(double share)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", share * 100);
    return buf;
}

Candidate *find(std::vector<Candidate> &list, uint32_t product, int32_t anchor, bool anyAnchor)
{
    for (Candidate &c : list)
        if (c.product == product && (anyAnchor || c.anchor == anchor)) return &c;
    return nullptr;
}

void addMapCandidates(const Request &r, uint32_t anchor, std::vector<Candidate> &out, std::vector<LeftOut> &leftOut)
{
    const Snapshot &s = r.engine.snapshot();
    // A category target goes to the product that fits this anchor: matching title, family or brand (the
    // resolver's match), plus what the history says about the pair.
    // A product over the placement's price cap could not be shown: the category offers the next best fit.
    const auto mined = r.engine.evidence().of(anchor);
    const double cap = r.policy.priceCap;
    const RelationResolver::Score coBought = [&mined, &s, cap](uint32_t, uint32_t p) {
        if (cap > 0 && s.products[p].price > cap) return -10.0;
        for (const MinedCandidate &m : mined)
            if (m.product == p) return double(std::max(m.confidence, m.ease));
        return 0.0;
    };
    for (const ResolvedRelation &rel : r.engine.resolver().resolve(anchor, coBought)) {
        Candidate c;
        c.product = rel.product;
        c.kind = rel.kind;
        c.anchor = int32_t(anchor);
        c.fromMap = true;
        c.source = rel.relation && rel.relation->source == RelationSource::Imported ? PickSource::Imported : PickSource::Curated;
        // Map order is the merchandiser's order: earlier positions score higher, all above any mined score.
        c.score = 2.0 + 1.0 / double(1 + std::max(0, rel.position));
        c.mapOrder = int(out.size());
        if (rel.relation) c.pitch = rel.relation->pitch;
        std::string text = std::string(c.source == PickSource::Imported ? "platform link" : "map") + ": " + kindName(rel.kind) +
                           " of " + s.products[anchor].sku;
        if (rel.inheritedFrom >= 0) text += " (inherited from category " + s.categories[size_t(rel.inheritedFrom)].path + ")";
        if (rel.viaCategory >= 0) text += " (the best fit in category " + s.categories[size_t(rel.viaCategory)].path + ")";
        c.reasons.push_back({c.source == PickSource::Imported ? ReasonCode::ImportedRelation : ReasonCode::CuratedRelation, std::move(text)});
        if (Candidate *seen = find(out, c.product, c.anchor, r.policy.noDuplicates)) {
            leftOut.push_back(leftOutOf(c, LeftOutRule::Duplicate, "already a candidate for " + s.products[size_t(seen->anchor)].sku));
            continue;
        }
        out.push_back(std::move(c));
    }
}

void addMinedCandidates(const Request &r, uint32_t anchor, std::vector<Candidate> &out)
{
    const Snapshot &s = r.engine.snapshot();
    const double w = r.policy.pairWeight;
    for (const MinedCandidate &m : r.engine.evidence().of(anchor)) {
        Candidate c;
        c.product = m.product;
        c.kind = m.kind;
        c.anchor = int32_t(anchor);
        c.source = PickSource::Mined;
        c.confidence = double(m.confidence);
        c.ease = double(m.easeWeight);
        c.best = w * c.confidence + (1 - w) * double(m.ease);  // this anchor alone: labels the candidate
        c.substitute = m.substitute;
        if (m.confidence > 0) {
            char lift[32];
            std::snprintf(lift, sizeof lift, "%.1f", double(m.lift));
            c.reasons.push_back({ReasonCode::BoughtTogether, "bought in " + percent(m.confidence) + " of the orders with " +
                                                                 s.products[anchor].sku + " (lift " + lift + ")"});
        }
        if (m.ease > 0)
            c.reasons.push_back({ReasonCode::EaseNeighbour, "EASE neighbour of " + s.products[anchor].sku + " (" + percent(m.ease) +
                                                                " of its strongest)"});
        if (Candidate *same = find(out, c.product, c.anchor, true)) {
            if (same->fromMap) {
                // The map already names it: keep the map's kind and place, add what the history says.
                for (Reason &x : c.reasons) same->reasons.push_back(std::move(x));
                continue;
            }
            // Another cart item's evidence names it too: EASE weights add up (the cart as one bag of items,
            // as EASE models a basket), a pair rule is read one item at a time (the highest confidence);
            // the strongest anchor labels it.
            same->confidence = std::max(same->confidence, c.confidence);
            same->ease += c.ease;
            if (c.best > same->best) {
                same->best = c.best;
                same->kind = c.kind;
                same->anchor = c.anchor;
                same->substitute = c.substitute;  // as the strongest anchor sees it: a wholesale cart holds ranges
            }
            for (Reason &x : c.reasons) same->reasons.push_back(std::move(x));
            continue;
        }
        out.push_back(std::move(c));
    }
}

// The mined score, once every anchor has spoken: each side relative to the request's strongest candidate, so
// that both weigh on one scale (a raw attach rate of 5 % would count for nothing beside an EASE weight), and
// a cart's item with weak partners does not count as much as one with strong ones (back-test: core/placement/
// README.md). On a product page this is the anchor's strongest partner and neighbour.
void scoreMined(const Request &r, std::vector<Candidate> &out)
{
    const double w = r.policy.pairWeight;
    double topPair = 0, topEase = 0;
    for (const Candidate &c : out)
        if (!c.fromMap) {
            topPair = std::max(topPair, c.confidence);
            topEase = std::max(topEase, c.ease);
        }
    for (Candidate &c : out)
        if (!c.fromMap) c.score = w * (topPair > 0 ? c.confidence / topPair : 0.0) + (1 - w) * (topEase > 0 ? c.ease / topEase : 0.0);
}

}  // namespace

std::vector<Candidate> collectCandidates(const Request &r, std::vector<LeftOut> &leftOut)
{
    std::vector<Candidate> out;
    const Strategy strategy = r.policy.strategy;
    // A blend lists every anchor's map candidates before any mined one: curated first, then filled.
    if (strategy != Strategy::Mined)
        for (uint32_t a : r.anchors) addMapCandidates(r, a, out, leftOut);
    if (strategy != Strategy::Curated) {
        for (uint32_t a : r.anchors) addMinedCandidates(r, a, out);
        scoreMined(r, out);
    }
    return out;
}

std::vector<Candidate> fallbackCandidates(const Request &r)
{
    std::vector<Candidate> out;
    if (r.anchors.empty()) return out;
    const Snapshot &s = r.engine.snapshot();
    const uint32_t anchor = r.anchors.front();
    // Enough to fill the slots after the filters in all but pathological categories, without a scan.
    const size_t budget = size_t(r.slots) * 8 + 16;
    auto add = [&](uint32_t p, const std::string &where, double sold, const char *unit) {
        if (std::any_of(out.begin(), out.end(), [&](const Candidate &c) { return c.product == p; })) return;
        if (std::find(r.anchors.begin(), r.anchors.end(), p) != r.anchors.end()) return;
        Candidate c;
        c.product = p;
        c.anchor = int32_t(anchor);
        c.source = PickSource::Fallback;
        c.kind = RelationKind::Accessory;
        // Nearest category first, best seller first within it: the discovery order is the rank.
        c.score = double(budget - out.size());
        char buf[48];
        std::snprintf(buf, sizeof buf, "%.0f %s", sold, unit);
        c.reasons.push_back({ReasonCode::FallbackBestSeller, "fallback: best seller in " + where + " (" + buf + ")"});
        out.push_back(std::move(c));
    };
    const std::vector<int32_t> chain = r.engine.resolver().categoryChain(anchor);
    for (int32_t cat : chain)
        for (uint32_t p : r.engine.resolver().productsIn(cat)) {
            if (out.size() >= budget) return out;
            add(p, s.categories[size_t(cat)].path, s.unitsSold[p], "units sold");
        }
    // A product without a category (a catalogue without any, like Online Retail's) falls back on the
    // store's best sellers by baskets: a placement is never empty for want of a category.
    if (chain.empty())
        for (uint32_t p : r.engine.bestSellers()) {
            if (out.size() >= budget) return out;
            add(p, "the store", double(s.basketsWith[p]), "orders");
        }
    return out;
}

}  // namespace mb

#include "core/placement/minedevidence.h"

#include "core/maps/relationresolver.h"
#include "core/mining/ease.h"
#include "core/mining/minedresults.h"
#include "core/mining/pairstatistics.h"
#include "core/mining/replenishment.h"
#include "core/storage/snapshot.h"

#include <algorithm>

namespace mb {

MinedEvidenceBuilder::MinedEvidenceBuilder(const Snapshot &s, MinedEvidenceOptions options)
    : snap_(s), options_(options), perAnchor_(s.products.size()), days_(s.products.size(), NAN), replenishment_(s.products.size())
{
}

namespace {

MinedCandidate &entry(std::vector<MinedCandidate> &list, uint32_t product)
{
    for (MinedCandidate &c : list)
        if (c.product == product) return c;
    list.push_back({});
    list.back().product = product;
    return list.back();
}

// Keeps the list bounded while streaming: the strongest by pair confidence and by EASE weight.
void trim(std::vector<MinedCandidate> &list, size_t keep)
{
    if (list.size() <= keep) return;
    std::sort(list.begin(), list.end(), [](const MinedCandidate &a, const MinedCandidate &b) {
        const float x = std::max(a.confidence, a.ease), y = std::max(b.confidence, b.ease);
        return x != y ? x > y : a.product < b.product;
    });
    list.resize(keep);
}

}  // namespace

void MinedEvidenceBuilder::addPairRules(std::span<const PairRule> rules)
{
    for (const PairRule &r : rules) {
        if (r.antecedent >= perAnchor_.size()) continue;
        auto &list = perAnchor_[r.antecedent];
        MinedCandidate &c = entry(list, r.consequent);
        c.confidence = float(r.confidence);
        c.lift = float(r.lift);
        // Trimming at 2x keeps the streaming cost linear without losing the top maxPerAnchor.
        if (list.size() > 2 * options_.maxPerAnchor) trim(list, options_.maxPerAnchor);
    }
}

void MinedEvidenceBuilder::addEase(const EaseModel &model) { addEase(std::span<const EaseItem>(model.items)); }

void MinedEvidenceBuilder::addEase(std::span<const EaseItem> items)
{
    for (const EaseItem &item : items) {
        if (item.product >= perAnchor_.size() || item.neighbours.empty()) continue;
        const double top = item.neighbours.front().weight;
        if (top <= 0) continue;
        auto &list = perAnchor_[item.product];
        for (const EaseNeighbour &n : item.neighbours)
            if (n.weight > 0) {
                MinedCandidate &c = entry(list, n.product);
                c.ease = float(n.weight / top);
                c.easeWeight = float(n.weight);
            }
    }
}

void MinedEvidenceBuilder::addReplenishment(const Replenishment &r) { addReplenishment(std::span<const ReplenishmentStat>(r.products)); }

void MinedEvidenceBuilder::addReplenishment(std::span<const ReplenishmentStat> stats)
{
    for (const ReplenishmentStat &st : stats) {
        if (st.product >= days_.size()) continue;
        days_[st.product] = float(st.medianDays);
        replenishment_[st.product] = st;
    }
}

MinedEvidence MinedEvidenceBuilder::finish()
{
    MinedEvidence e;
    const RelationResolver resolver(snap_);
    e.start.reserve(perAnchor_.size() + 1);
    e.start.push_back(0);
    std::vector<double> lifts;
    const double storeShare = storeRepeatShare(replenishment_.data(), replenishment_.data() + replenishment_.size());
    for (uint32_t a = 0; a < perAnchor_.size(); ++a) {
        auto &list = perAnchor_[a];
        trim(list, options_.maxPerAnchor);
        // The anchor's typical lift, for "rarely together": the median over the partners it keeps.
        lifts.clear();
        for (const MinedCandidate &c : list)
            if (c.lift > 0) lifts.push_back(double(c.lift));
        double typical = 0;
        if (!lifts.empty()) {
            std::nth_element(lifts.begin(), lifts.begin() + lifts.size() / 2, lifts.end());
            typical = lifts[lifts.size() / 2];
        }
        const ReplenishmentStat &ra = replenishment_[a];
        for (MinedCandidate c : list) {
            const ReplenishmentStat &r = replenishment_[c.product];
            KindEvidence ke;
            ke.confidence = c.confidence;
            ke.lift = c.lift;
            // B -> A from A -> B: the same baskets together over B's baskets instead of A's.
            const uint32_t na = a < snap_.basketsWith.size() ? snap_.basketsWith[a] : 0;
            const uint32_t nb = c.product < snap_.basketsWith.size() ? snap_.basketsWith[c.product] : 0;
            if (na > 0 && nb > 0 && c.confidence > 0) ke.reverseConfidence = double(c.confidence) * double(na) / double(nb);
            ke.anchorTypicalLift = typical;
            ke.anchorReplenishment = ra.intervals > 0 ? &ra : nullptr;
            ke.targetReplenishment = r.intervals > 0 ? &r : nullptr;
            ke.storeRepeatShare = storeShare;
            const KindSuggestion k = suggestedKind(snap_, resolver, a, c.product, ke, options_.kinds);
            c.kind = k.kind;
            c.substitute = k.substitute;
            e.items.push_back(c);
        }
        e.start.push_back(uint32_t(e.items.size()));
        std::vector<MinedCandidate>().swap(list);
    }
    e.replenishDays = std::move(days_);
    e.repeatShares.assign(replenishment_.size(), NAN);
    for (size_t p = 0; p < replenishment_.size(); ++p)
        if (replenishment_[p].intervals > 0) e.repeatShares[p] = float(replenishment_[p].repeatShare);
    return e;
}

MinedEvidence buildMinedEvidence(const Snapshot &snapshot, const PairStatistics *pairs, const EaseModel *ease,
                                 const Replenishment *replenishment, MinedEvidenceOptions options)
{
    MinedEvidenceBuilder b(snapshot, options);
    if (pairs) b.addPairRules(pairs->rules);
    if (ease) b.addEase(*ease);
    if (replenishment) b.addReplenishment(*replenishment);
    return b.finish();
}

MinedEvidence buildMinedEvidence(const Snapshot &snapshot, const MinedResults &saved, MinedEvidenceOptions options)
{
    MinedEvidenceBuilder b(snapshot, options);
    b.addPairRules(saved.pairs);
    b.addEase(std::span<const EaseItem>(saved.ease));
    b.addReplenishment(std::span<const ReplenishmentStat>(saved.replenishment));
    return b.finish();
}

MinedEvidence mineEvidence(const Snapshot &snapshot, size_t easeMaxItems, MinedEvidenceOptions options)
{
    MinedEvidenceBuilder b(snapshot, options);
    PairOptions po;
    po.minCount = 2;
    forEachPairRule(snapshot, po, [&](std::span<const PairRule> rules) {
        b.addPairRules(rules);
        return true;
    });
    EaseOptions eo;
    eo.maxItems = easeMaxItems;
    const EaseModel model = trainEase(snapshot, eo);
    if (model.ok()) b.addEase(model);
    b.addReplenishment(replenishment(snapshot, ReplenishmentOptions{}));
    return b.finish();
}

EvidenceSource evidenceFor(const Workspace &ws, const Snapshot &snap) { return evidenceFor(snap, loadMinedResults(ws, snap)); }

EvidenceSource evidenceFor(const Snapshot &snap, const MinedResults &saved)
{
    EvidenceSource out;
    if (!saved.empty() && !saved.stale) {
        out.evidence = buildMinedEvidence(snap, saved);
        out.origin = EvidenceOrigin::Saved;
        out.minedAt = saved.pairsRun ? saved.pairsRun->createdAt : 0;
    } else if (!snap.basketStart.empty()) {
        out.evidence = mineEvidence(snap);
        out.origin = saved.stale ? EvidenceOrigin::StaleMinedNow : EvidenceOrigin::MinedNow;
    }
    return out;
}

}  // namespace mb

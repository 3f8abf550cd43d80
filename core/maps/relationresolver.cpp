#include "core/maps/relationresolver.h"

#include "core/maps/relationrules.h"

#include <algorithm>

namespace mb {

RelationResolver::RelationResolver(const Snapshot &s)
    : snap_(s), byProduct_(s.products.size()), byCategory_(s.categories.size()), inCategory_(s.categories.size())
{
    for (uint32_t i = 0; i < s.relations.size(); ++i) {
        const SnapshotRelation &r = s.relations[i];
        if (r.anchorType == EndpointType::Product) byProduct_[size_t(r.anchor)].push_back(i);
        else byCategory_[size_t(r.anchor)].push_back(i);
    }
    for (uint32_t p = 0; p < s.products.size(); ++p)
        for (int32_t c = s.products[p].category; c >= 0; c = s.categories[size_t(c)].parent) inCategory_[size_t(c)].push_back(p);
    for (auto &list : inCategory_)
        std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) { return s.unitsSold[a] > s.unitsSold[b]; });
}

std::vector<int32_t> RelationResolver::categoryChain(uint32_t product) const
{
    std::vector<int32_t> chain;
    for (int32_t c = snap_.products[product].category; c >= 0; c = snap_.categories[size_t(c)].parent) chain.push_back(c);
    return chain;
}

int32_t RelationResolver::bestInCategory(int32_t category, uint32_t exclude, const Score &score) const
{
    int32_t best = -1;
    double bestScore = 0;
    for (uint32_t p : inCategory_[size_t(category)]) {
        const SnapshotProduct &prod = snap_.products[p];
        if (p == exclude || prod.stock == 0 || !prod.offered()) continue;
        if (!score) return int32_t(p);  // the list is best seller first
        const double v = score(exclude, p);
        if (best < 0 || v > bestScore) { best = int32_t(p); bestScore = v; }
    }
    return best;
}

std::vector<ResolvedRelation> RelationResolver::resolve(uint32_t product, const Score &score) const
{
    std::vector<ResolvedRelation> out;
    // A rule is dropped when one of the product's own relations vetoes it (relationrules.h).
    auto isExcluded = [&](const SnapshotRelation &r) {
        return std::any_of(byProduct_[product].begin(), byProduct_[product].end(), [&](uint32_t i) {
            const SnapshotRelation &own = snap_.relations[i];
            return vetoes(own.status, own.targetType, own.target, r.targetType, r.target);
        });
    };
    auto already = [&](uint32_t p) {
        return std::any_of(out.begin(), out.end(), [&](const ResolvedRelation &x) { return x.product == p; });
    };
    auto take = [&](const SnapshotRelation &r, int32_t inheritedFrom) {
        if (r.status != RelationStatus::Active || isExcluded(r)) return;
        ResolvedRelation x;
        x.kind = r.kind;
        x.position = r.position;
        x.relation = &r;
        x.inheritedFrom = inheritedFrom;
        if (r.targetType == EndpointType::Product) {
            x.product = uint32_t(r.target);
        } else {
            const int32_t p = bestInCategory(r.target, product, score);
            if (p < 0) return;
            x.product = uint32_t(p);
            x.viaCategory = r.target;
        }
        if (x.product == product || already(x.product)) return;
        out.push_back(x);
    };
    for (uint32_t i : byProduct_[product]) take(snap_.relations[i], -1);
    for (int32_t c : categoryChain(product))
        for (uint32_t i : byCategory_[size_t(c)]) take(snap_.relations[i], c);
    return out;
}

}  // namespace mb

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

const TitleWords &RelationResolver::titleWords() const
{
    std::call_once(*titleOnce_, [this] { titles_ = std::make_unique<TitleWords>(snap_); });
    return *titles_;
}

double RelationResolver::match(uint32_t anchor, uint32_t p) const
{
    const SnapshotProduct &a = snap_.products[anchor], &b = snap_.products[p];
    double m = titleWords().similarity(anchor, p);
    if (!a.family.empty() && a.family == b.family) m += 0.5;
    if (!a.brand.empty() && a.brand == b.brand) m += 0.25;
    return m;
}

int32_t RelationResolver::bestInCategory(int32_t category, uint32_t anchor, const Score &score) const
{
    // Enough to reach the fitting product of any real category; a bound keeps a request cheap on a
    // category of 100,000 products (the list is best seller first, so the bound drops the slowest sellers).
    constexpr size_t scanLimit = 2000;
    int32_t best = -1;
    double bestScore = 0;
    size_t scanned = 0;
    for (uint32_t p : inCategory_[size_t(category)]) {
        const SnapshotProduct &prod = snap_.products[p];
        if (p == anchor || prod.stock == 0 || !prod.offered()) continue;
        if (++scanned > scanLimit) break;
        const double v = (anchor < snap_.products.size() ? match(anchor, p) : 0) + (score ? score(anchor, p) : 0);
        if (best < 0 || v > bestScore) { best = int32_t(p); bestScore = v; }  // strict: the best seller among equals
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
            // A product the map already names here is no target twice: the category offers its next best.
            const Score fresh = [&](uint32_t a, uint32_t p) { return already(p) ? -1e9 : (score ? score(a, p) : 0.0); };
            const int32_t p = bestInCategory(r.target, product, fresh);
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

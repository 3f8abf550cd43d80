#include "core/placement/placementengine.h"

#include "core/placement/placementcandidate.h"
#include "core/storage/snapshot.h"
#include "core/storage/typicalproduct.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace mb {

PlacementEngine::PlacementEngine(const Snapshot &snapshot, MinedEvidence evidence, PolicySet policies,
                                 std::shared_ptr<const PurchaseHistory> purchases)
    : snap_(snapshot), evidence_(std::move(evidence)), policies_(std::move(policies)), resolver_(snapshot),
      purchases_(purchases ? std::move(purchases) : std::make_shared<const PurchaseHistory>(snapshot))
{
    customers_.reserve(snapshot.customers.size());
    for (size_t i = 0; i < snapshot.customers.size(); ++i) customers_.emplace(snapshot.customers[i].externalId, int32_t(i));
    for (uint32_t p = 0; p < snapshot.products.size() && p < snapshot.basketsWith.size(); ++p)
        if (snapshot.products[p].offered() && snapshot.basketsWith[p] > 0) bestSellers_.push_back(p);
    const size_t keep = std::min<size_t>(512, bestSellers_.size());
    std::partial_sort(bestSellers_.begin(), bestSellers_.begin() + ptrdiff_t(keep), bestSellers_.end(), [&](uint32_t a, uint32_t b) {
        return snapshot.basketsWith[a] != snapshot.basketsWith[b] ? snapshot.basketsWith[a] > snapshot.basketsWith[b] : a < b;
    });
    bestSellers_.resize(keep);
}

int32_t PlacementEngine::productIndex(const std::string &sku) const { return snap_.productIndex(sku); }

int32_t PlacementEngine::customerIndex(const std::string &externalId) const
{
    const auto it = customers_.find(externalId);
    return it == customers_.end() ? -1 : it->second;
}

RecommendResult PlacementEngine::recommend(const RecommendContext &ctx) const
{
    const PlacementPolicy &pol = policy(ctx.placement);
    Request r{*this, pol, ctx, {}, 0, 0, 0, 0, 0};
    RecommendResult result;
    result.placement = ctx.placement;
    if (ctx.anchor >= 0 && size_t(ctx.anchor) < snap_.products.size()) r.anchors.push_back(uint32_t(ctx.anchor));
    for (const CartLine &l : ctx.cart) {
        if (l.product >= snap_.products.size()) {
            result.error = "cart line names product index " + std::to_string(l.product) + ", beyond the catalog";
            return result;
        }
        if (std::find(r.anchors.begin(), r.anchors.end(), l.product) == r.anchors.end()) r.anchors.push_back(l.product);
        const double price = snap_.products[l.product].price;
        if (!std::isnan(price) && l.quantity > 0) r.subtotal += price * l.quantity;
    }
    {
        std::vector<double> prices;
        for (uint32_t a : r.anchors)
            if (!std::isnan(snap_.products[a].price)) prices.push_back(snap_.products[a].price);
        if (!prices.empty()) r.medianItemPrice = median(prices);
    }
    if (r.anchors.empty()) {
        result.error = ctx.placement == Placement::ProductPage ? "no product to recommend for" : "the cart is empty";
        return result;
    }
    r.day = ctx.day == INT32_MIN ? purchases_->lastDay() + 1 : ctx.day;
    r.slots = ctx.limit > 0 ? std::min(ctx.limit, pol.slots) : pol.slots;
    if (pol.freeShippingThreshold > 0 && r.subtotal < pol.freeShippingThreshold) r.shippingGap = pol.freeShippingThreshold - r.subtotal;
    result.cartSubtotal = r.subtotal;

    std::vector<Candidate> candidates = collectCandidates(r, result.leftOut);
    std::vector<Candidate> survivors;
    survivors.reserve(candidates.size());
    LeftOut lo;
    for (Candidate &c : candidates) {
        if (filterOut(r, c, lo, false)) result.leftOut.push_back(std::move(lo));
        else survivors.push_back(std::move(c));
    }
    rankAndFill(r, survivors, result);
    if (result.picks.empty() && pol.fallbackBestSellers) {
        std::vector<Candidate> fallback = fallbackCandidates(r);
        survivors.clear();
        for (Candidate &c : fallback) {
            if (filterOut(r, c, lo, true)) result.leftOut.push_back(std::move(lo));
            else survivors.push_back(std::move(c));
        }
        rankAndFill(r, survivors, result);
        result.fallback = !result.picks.empty();
    }
    return result;
}

const char *pickSourceName(PickSource s)
{
    static const char *const names[] = {"curated", "imported", "mined", "fallback"};
    return names[int(s)];
}

const char *reasonCodeName(ReasonCode c)
{
    static const char *const names[] = {"curated-relation", "imported-relation", "bought-together", "ease-neighbour",
                                        "upgrade-in-band",  "closes-shipping-gap", "due-again",     "send-day-mined",
                                        "send-day-default", "send-day-addon",    "fallback-best-seller"};
    return names[int(c)];
}

const char *leftOutRuleName(LeftOutRule r)
{
    static const char *const names[] = {"kind-not-allowed", "duplicate", "in-cart", "not-recommendable", "out-of-stock",
                                        "low-stock",        "already-bought", "not-due-yet", "margin", "price-band",
                                        "cart-share",       "price-cap", "cannibalisation", "family", "no-slot"};
    return names[int(r)];
}

}  // namespace mb

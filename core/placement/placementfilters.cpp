// The rules a candidate must pass before it can take a slot, in the order a merchandiser reads them:
// what the placement shows at all, what the shopper already has, what the shop can sell, what it earns,
// and the price rules of the placement. The first rule that fails is the one reported.
#include "core/io/numbertext.h"
#include "core/placement/placementcandidate.h"
#include "core/placement/placementengine.h"
#include "core/storage/snapshot.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>

namespace mb {

std::string money(double v) { return fixedDecimals(v, 2); }

LeftOut leftOutOf(const Candidate &c, LeftOutRule rule, std::string text)
{
    return {c.product, c.kind, c.source, c.anchor, rule, std::move(text)};
}

bool Request::inCart(uint32_t product) const
{
    return std::find(anchors.begin(), anchors.end(), product) != anchors.end();
}

namespace {

std::string pct(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g%%", v);
    return buf;
}

// Already bought, or a consumable due again. Returns the rule to report, or -1 when it passes.
int purchaseRule(const Request &r, Candidate &c, std::string &text)
{
    const PlacementPolicy &pol = r.policy;
    if (!pol.excludeBought || r.context.customer < 0) return -1;
    const int32_t last = r.engine.purchases().lastPurchase(r.context.customer, c.product, r.day);
    if (last == INT32_MIN) return -1;
    const int since = r.day - last;
    // Bought before, but its buyers re-buy it as a matter of course: no reason to hide it.
    if (const double share = r.engine.evidence().repeatShare(c.product); pol.rebuyShare < 1 && !std::isnan(share) && share >= pol.rebuyShare &&
                                                                          c.kind != RelationKind::Consumable)
        return -1;
    if (c.kind == RelationKind::Consumable && pol.consumablesDueAgain) {
        const double mined = r.engine.evidence().replenishment(c.product);
        const double interval = std::isnan(mined) ? double(pol.consumableDefaultDays) : mined;
        const int dueIn = int(std::lround(interval)) - pol.dueLeadDays - since;
        char buf[160];
        if (dueIn <= 0) {
            std::snprintf(buf, sizeof buf, "due again: last bought %d days ago, re-bought every %.0f days%s", since, interval,
                          std::isnan(mined) ? " (default)" : "");
            c.reasons.push_back({ReasonCode::DueAgain, buf});
            return -1;
        }
        std::snprintf(buf, sizeof buf, "bought %d days ago; due again in %d days (every %.0f days%s)", since, dueIn, interval,
                      std::isnan(mined) ? ", default" : "");
        text = buf;
        return int(LeftOutRule::NotDueYet);
    }
    text = "the customer bought it " + std::to_string(since) + " days ago";
    return int(LeftOutRule::AlreadyBought);
}

}  // namespace

bool filterOut(const Request &r, Candidate &c, LeftOut &out, bool isFallback)
{
    const Snapshot &s = r.engine.snapshot();
    const PlacementPolicy &pol = r.policy;
    const SnapshotProduct &p = s.products[c.product];
    auto reject = [&](LeftOutRule rule, std::string text) {
        out = leftOutOf(c, rule, std::move(text));
        return true;
    };
    if (!isFallback && !pol.allows(c.kind))
        return reject(LeftOutRule::KindNotAllowed, std::string(placementName(pol.placement)) + " does not show " + kindPluralName(c.kind));
    // A substitute would replace the sale, not add to it: never a cross-sell (kindsuggestion.h), whatever the
    // cannibalisation switch says. The map's own relations are the merchandiser's word and never flagged.
    if (c.substitute && !c.fromMap && !isFallback && c.anchor >= 0)
        return reject(LeftOutRule::Cannibalisation, "a substitute for " + s.products[size_t(c.anchor)].sku +
                                                        " (alike, priced alike, rarely bought with it): it would replace the sale");
    if (pol.excludeInCart && r.inCart(c.product))
        return reject(LeftOutRule::InCart, r.context.placement == Placement::ProductPage ? "it is the product itself" : "already in the cart");
    if (pol.recommendableOnly && !p.recommendable) return reject(LeftOutRule::NotRecommendable, "marked not recommendable");
    // The store does not sell it (draft, archived, hidden, disabled): never recommendable, whatever the policy.
    if (!p.unavailable.empty()) return reject(LeftOutRule::NotRecommendable, p.unavailable);
    if (pol.inStockOnly && p.stock == 0) return reject(LeftOutRule::OutOfStock, "out of stock");
    if (pol.inStockOnly && p.stock > 0 && p.stock <= pol.lowStockThreshold)
        return reject(LeftOutRule::LowStock, "only " + std::to_string(p.stock) + " in stock (needs more than " +
                                                 std::to_string(pol.lowStockThreshold) + ")");
    std::string text;
    if (const int rule = purchaseRule(r, c, text); rule >= 0) return reject(LeftOutRule(rule), std::move(text));
    if (pol.minMarginPercent > 0 && !std::isnan(p.cost) && !std::isnan(p.price)) {
        const double margin = p.price > 0 ? (p.price - p.cost) / p.price * 100 : -100;
        if (margin < pol.minMarginPercent) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "margin %.1f%% is under the minimum of %s", margin, pct(pol.minMarginPercent).c_str());
            return reject(LeftOutRule::Margin, buf);
        }
    }
    const SnapshotProduct *anchor = c.anchor >= 0 ? &s.products[size_t(c.anchor)] : nullptr;
    if (c.kind == RelationKind::Upgrade && !isFallback && anchor) {
        const double lo = anchor->price * (1 + pol.upsellMinPercent / 100), hi = anchor->price * (1 + pol.upsellMaxPercent / 100);
        if (std::isnan(p.price) || std::isnan(anchor->price))
            return reject(LeftOutRule::PriceBand, "no price to compare with the upsell band");
        if (p.price < lo || p.price > hi)
            return reject(LeftOutRule::PriceBand, "costs " + money(p.price) + ", outside the upsell band " + money(lo) + " .. " + money(hi) +
                                                      " (+" + pct(pol.upsellMinPercent) + " .. +" + pct(pol.upsellMaxPercent) + " of " +
                                                      money(anchor->price) + ")");
        char buf[96];
        std::snprintf(buf, sizeof buf, "upgrade for %.0f%% more than %s", (p.price / anchor->price - 1) * 100, anchor->sku.c_str());
        c.reasons.push_back({ReasonCode::UpgradeInBand, buf});
    }
    const double price = std::isnan(p.price) ? 0 : p.price;
    if (pol.maxCartSharePercent > 0 && r.subtotal > 0) {
        // The share has a floor, so that a cart of cheap items still gets cheap add-ons: the policy's amount,
        // and with two items or more the cart's median item price (with one, the median is the whole cart
        // and the share would mean nothing).
        const double share = r.subtotal * pol.maxCartSharePercent / 100;
        const double median = r.anchors.size() >= 2 ? r.medianItemPrice : 0;
        const double limit = std::max({share, pol.cartShareFloor, median});
        if (price > limit) {
            std::string text = "costs " + money(price) + ", more than " + pct(pol.maxCartSharePercent) + " of the cart subtotal " + money(r.subtotal);
            if (limit > share)
                text += limit == median ? " and more than the cart's median item price " + money(limit)
                                                   : " and more than the floor of " + money(limit);
            return reject(LeftOutRule::CartShare, std::move(text));
        }
    }
    if (pol.priceCap > 0 && price > pol.priceCap)
        return reject(LeftOutRule::PriceCap, "costs " + money(price) + ", over the cap of " + money(pol.priceCap));
    // A cheaper product of the anchor's own category would replace the sale, not add to it.
    if (pol.cannibalisationGuard && !isFallback && anchor && c.kind != RelationKind::Upgrade && p.category >= 0 &&
        p.category == anchor->category && price < anchor->price)
        return reject(LeftOutRule::Cannibalisation, "a cheaper substitute (" + money(price) + ") from " + anchor->sku + "'s own category " +
                                                        s.categories[size_t(p.category)].path);
    if (r.shippingGap > 0 && price >= r.shippingGap) {
        c.closesGap = true;
        c.reasons.push_back({ReasonCode::ClosesShippingGap, "adds " + money(price) + " and closes the free-shipping gap of " +
                                                                money(r.shippingGap)});
    }
    return false;
}

}  // namespace mb

#pragma once
// Orders left out of mining. A store's subscription reorders (Shopify tag "Subscription Recurring Order",
// source "subscription_contract") repeat the same basket on a schedule the customer never chose again: they
// inflate the pairs they hold and turn the subscription's cycle into a "replenishment interval". The
// merchandiser names the tags or sources to leave out; the run records them in its parameters.
#include <cstddef>
#include <string>
#include <vector>

namespace mb {

struct Snapshot;
struct SnapshotOrder;

struct OrderExclusion {
    std::vector<std::string> tags;     // an order with any of these tags is left out (case-insensitive, whole tags)
    std::vector<std::string> sources;  // an order from any of these sources is left out (case-insensitive)
    // Products left out of every basket: postage, fees, bank charges are no merchandise, and a rule "bought
    // with POST" says only that orders are posted. The products the workspace confirms as non-merchandise
    // (SnapshotProduct::nonMerchandise, set by `hygiene apply`) when nonMerchandise is set, and the SKUs in
    // `skus` besides (exact text). Their lines count in no item and no pair, and a basket holding nothing
    // else is no basket (not in support's denominator), exactly as `warehouse sql` leaves them out.
    bool nonMerchandise = true;
    std::vector<std::string> skus;

    // No order is left out by its tags or source (products may still be).
    bool empty() const { return tags.empty() && sources.empty(); }
    // Tags as the platform wrote them, comma-separated ("Subscription, Subscription Recurring Order"): a
    // tag matches one whole element, so "Subscription" does not leave out "Subscription Recurring Order" orders.
    bool excludes(const SnapshotOrder &order) const;
};

// Per product of the snapshot, 1 when mining leaves it out of every basket; empty when none is.
std::vector<char> excludedProducts(const Snapshot &snapshot, const OrderExclusion &exclusion);

// The SKUs of the products `excluded` marks, in byte order: what a run records and `warehouse sql` leaves out.
std::vector<std::string> excludedSkus(const Snapshot &snapshot, const std::vector<char> &excluded);

// Per basket of the snapshot, 1 when mining counts it: its order is not left out and it holds at least one
// product that is not left out. Empty when nothing is excluded (every basket counts).
std::vector<char> keptBaskets(const Snapshot &snapshot, const OrderExclusion &exclusion);
std::vector<char> keptBaskets(const Snapshot &snapshot, const OrderExclusion &exclusion, const std::vector<char> &excluded);

// Baskets mining counts: all of them with an empty `kept`.
size_t keptBasketCount(const Snapshot &snapshot, const std::vector<char> &kept);

}  // namespace mb

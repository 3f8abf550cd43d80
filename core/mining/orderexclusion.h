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

    bool empty() const { return tags.empty() && sources.empty(); }
    // Tags as the platform wrote them, comma-separated ("Subscription, Subscription Recurring Order"): a
    // tag matches one whole element, so "Subscription" does not leave out "Subscription Recurring Order" orders.
    bool excludes(const SnapshotOrder &order) const;
};

// Per basket of the snapshot, 1 when mining counts it; empty when nothing is excluded (every basket counts).
std::vector<char> keptBaskets(const Snapshot &snapshot, const OrderExclusion &exclusion);

// Baskets mining counts: all of them with an empty `kept`.
size_t keptBasketCount(const Snapshot &snapshot, const std::vector<char> &kept);

}  // namespace mb

#pragma once
// What a tier costs and earns: compare-at (the sum of its items at their prices), the tier price under its
// pricing rule, the savings, the margin over the items' costs, and how many bundles the stock allows.
// Optional items are offered beside the tier, not inside its price, so every total covers required items.
#include "core/storage/bundle.h"
#include "core/storage/endpointindex.h"
#include "core/storage/snapshot.h"

#include <memory>

namespace mb {

// Bundle items name products by workspace id; the engine reads them from a snapshot by index.
class BundleCatalog {
public:
    // endpoints: the snapshot's id lookups when the caller has them (the window's document does), else
    // built here (a hash of every product: build one per snapshot, not one per bundle).
    explicit BundleCatalog(const Snapshot &snapshot, std::shared_ptr<const EndpointIndex> endpoints = nullptr);
    const Snapshot &snapshot() const { return snap_; }
    const SnapshotProduct *product(int64_t id) const;
    int32_t index(int64_t id) const;   // -1 when the product is not in the snapshot
    int64_t idOf(const std::string &sku) const;  // 0 when unknown

private:
    const Snapshot &snap_;
    std::shared_ptr<const EndpointIndex> ids_;
};

struct TierTotals {
    double compareAt = NAN;       // sum of required items' price × quantity; NAN when a price is unknown
    double price = NAN;           // what the customer pays for the tier
    double savings = NAN;         // compareAt - price
    double savingsPercent = NAN;  // savings / compareAt × 100
    double cost = NAN;            // sum of required items' cost × quantity; NAN when a cost is unknown
    double margin = NAN;          // price - cost
    double marginPercent = NAN;   // margin / price × 100
    int64_t availability = -1;    // min over items with known stock of floor(stock / quantity); -1 unknown
    int requiredItems = 0, optionalItems = 0;
    double optionalValue = 0;     // the price of the optional items at their quantities (known prices)
};

TierTotals priceTier(const BundleCatalog &catalog, const BundleTier &tier);

}  // namespace mb

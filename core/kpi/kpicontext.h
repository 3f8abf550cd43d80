#pragma once
// Per-snapshot facts every KPI needs and that do not depend on the filter: each order's local day and
// basket, each customer's first order, and each product's mapped complements. Built once per snapshot
// (the dashboard keeps it across filter changes) and read-only afterwards, so workers can share it.
#include "core/kpi/kpidata.h"
#include "core/storage/relation.h"
#include "core/storage/snapshot.h"

#include <memory>
#include <string>
#include <vector>

namespace mb {

// One mapped complement of a product, as the relation resolver says (own rules, then category rules).
struct KpiComplement {
    uint32_t product = 0;       // the target product
    int32_t category = -1;      // when the rule's target was a whole category: any product in it counts
    RelationKind kind = RelationKind::Accessory;
};

class KpiContext {
public:
    KpiContext(std::shared_ptr<const Snapshot> snapshot, KpiData data);

    const Snapshot &snapshot() const { return *snapshot_; }
    const KpiData &data() const { return data_; }
    // For a copy made after a bundle edit: the bundles the GUI's document holds now (no query, nothing else
    // recomputed: the bundles feed only the take-rate figures, which are computed per report).
    void setBundles(std::vector<KpiBundle> bundles) { data_.bundles = std::move(bundles); }

    // An order counts (in orders, AOV, baskets) when it is not cancelled and holds a line with quantity > 0.
    bool counted(uint32_t order) const { return basketOf_[order] >= 0; }
    int32_t basketOf(uint32_t order) const { return basketOf_[order]; }
    int64_t day(uint32_t order) const { return day_[order]; }
    // The customer's first counted order in the whole history, or -1 (guest, or never a counted order).
    int32_t firstOrderOf(int32_t customer) const { return customer < 0 ? -1 : firstOrder_[size_t(customer)]; }
    const std::vector<KpiComplement> &complements(uint32_t product) const { return complements_[product]; }
    bool hasMaps() const { return relationsUsed_ > 0; }
    int64_t relationsUsed() const { return relationsUsed_; }   // active relations
    // Local days of the first and last order with a time; both 0 when there are none.
    int64_t firstDay() const { return firstDay_; }
    int64_t lastDay() const { return lastDay_; }
    bool hasOrders() const { return hasOrders_; }

    // Does the basket hold this product, or (category >= 0) any product in that category other than the anchor?
    bool basketHolds(uint32_t basket, const KpiComplement &c, uint32_t anchor) const;

private:
    std::shared_ptr<const Snapshot> snapshot_;
    KpiData data_;
    std::vector<int32_t> basketOf_;
    std::vector<int64_t> day_;
    std::vector<int32_t> firstOrder_;
    std::vector<std::vector<KpiComplement>> complements_;
    int64_t relationsUsed_ = 0;
    int64_t firstDay_ = 0, lastDay_ = 0;
    bool hasOrders_ = false;
};

// Snapshot, events and bundles of a workspace in one go (the CLI, tests and benchmarks); null with error set.
std::shared_ptr<const KpiContext> loadKpiContext(const Workspace &ws, std::string &error);

}  // namespace mb

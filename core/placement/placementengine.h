#pragma once
// The placement engine: recommend(context) picks what one placement would show for a product or a cart,
// by its policy, and says why for each pick and which rule removed every other candidate. Everything it
// needs is indexed once in the constructor (map resolution, mined evidence, purchases per customer, SKU
// and customer look-ups), so recommend() touches only the anchor's candidates: no database, no scan of the
// catalog or the history. Deterministic; const and so safe to call from several threads at once.
#include "core/maps/relationresolver.h"
#include "core/placement/minedevidence.h"
#include "core/placement/purchasehistory.h"
#include "core/placement/recommendation.h"
#include "core/placement/recommendcontext.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace mb {

struct Snapshot;

class PlacementEngine {
public:
    // purchases: the history's purchases per customer when the caller has them for the same orders (an
    // edit of a map changes no order: the preview passes the previous engine's), else indexed here.
    PlacementEngine(const Snapshot &snapshot, MinedEvidence evidence, PolicySet policies = defaultPolicies(),
                    std::shared_ptr<const PurchaseHistory> purchases = nullptr);

    RecommendResult recommend(const RecommendContext &context) const;

    const Snapshot &snapshot() const { return snap_; }
    const PolicySet &policies() const { return policies_; }
    const PlacementPolicy &policy(Placement p) const { return policies_[size_t(p)]; }
    void setPolicies(const PolicySet &p) { policies_ = p; }  // not while recommend() runs elsewhere
    const MinedEvidence &evidence() const { return evidence_; }
    const RelationResolver &resolver() const { return resolver_; }
    const PurchaseHistory &purchases() const { return *purchases_; }
    const std::shared_ptr<const PurchaseHistory> &sharedPurchases() const { return purchases_; }

    // The offered products in most baskets, best first (at most 512): the fallback of a product without a category.
    const std::vector<uint32_t> &bestSellers() const { return bestSellers_; }

    int32_t productIndex(const std::string &sku) const;
    int32_t customerIndex(const std::string &externalId) const;  // -1 when unknown

private:
    const Snapshot &snap_;
    MinedEvidence evidence_;
    PolicySet policies_;
    RelationResolver resolver_;
    std::shared_ptr<const PurchaseHistory> purchases_;
    std::unordered_map<std::string, int32_t> customers_;
    std::vector<uint32_t> bestSellers_;
};

}  // namespace mb

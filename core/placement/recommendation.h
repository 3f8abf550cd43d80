#pragma once
// What recommend() returns: the picks in slot order, each with structured reasons (a code a GUI can
// turn into an icon or a filter, and the sentence shown to the merchandiser), and every candidate left
// out with the one rule that removed it. Plain data: safe to hand from a worker thread to a model.
#include "core/storage/relation.h"
#include "core/placement/placementpolicy.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mb {

// Where a pick came from. Fallback = the category's best sellers when nothing else qualified.
enum class PickSource { Curated, Imported, Mined, Fallback };
const char *pickSourceName(PickSource s);

enum class ReasonCode {
    CuratedRelation,     // the map says so (own or inherited from a category)
    ImportedRelation,    // a platform link brought in with the catalog
    BoughtTogether,      // pair statistics: attach rate and lift
    EaseNeighbour,       // the item-to-item model
    UpgradeInBand,       // an upgrade priced inside the upsell band
    ClosesShippingGap,   // brings the cart over the free-shipping threshold
    DueAgain,            // a consumable the customer bought and is due to re-buy
    SendDayMined,        // post-purchase: sent at the mined replenishment interval
    SendDayDefault,      // post-purchase: sent at the policy's default day
    SendDayAddOn,        // post-purchase: accessories and enhancements a few days after the order
    FallbackBestSeller,  // nothing qualified: a best seller of the anchor's category
};
const char *reasonCodeName(ReasonCode c);

struct Reason {
    ReasonCode code;
    std::string text;  // "bought together in 52% of orders with it (lift 10.4)"
};

// The rule that removed a candidate.
enum class LeftOutRule {
    KindNotAllowed,    // the placement does not show this kind (an upgrade at checkout)
    Duplicate,         // already picked (no item twice)
    InCart,            // already in the cart or the product itself
    NotRecommendable,
    OutOfStock,
    LowStock,
    AlreadyBought,
    NotDueYet,         // a consumable bought too recently to be due again
    Margin,
    PriceBand,         // an upgrade outside the upsell band
    CartShare,         // dearer than the allowed share of the cart subtotal
    PriceCap,          // checkout cap
    Cannibalisation,   // a cheaper substitute from the anchor's own category
    Family,            // another product of the family is already picked
    NoSlot,            // qualified, but ranked below the last slot
};
const char *leftOutRuleName(LeftOutRule r);

struct Recommendation {
    uint32_t product = 0;
    RelationKind kind = RelationKind::Accessory;
    double score = 0;              // comparable within one result only
    PickSource source = PickSource::Mined;
    int32_t anchor = -1;           // the anchor (or cart line's product) it was found for
    int sendDay = -1;              // post-purchase: days after the order; -1 elsewhere
    std::string pitch;             // the relation's pitch, "" when none
    std::vector<Reason> reasons;
};

struct LeftOut {
    uint32_t product = 0;
    RelationKind kind = RelationKind::Accessory;
    PickSource source = PickSource::Mined;
    int32_t anchor = -1;
    LeftOutRule rule = LeftOutRule::NoSlot;
    std::string text;              // "out of stock", "costs 64.00, over 25% of the 120.00 cart"
};

struct RecommendResult {
    Placement placement = Placement::ProductPage;
    std::vector<Recommendation> picks;  // slot order
    std::vector<LeftOut> leftOut;       // in the order the candidates were considered
    bool fallback = false;              // picks are best sellers: nothing from the maps or mining qualified
    double cartSubtotal = 0;            // cart and checkout (and post-purchase orders): sum of quantity * price
    std::string error;                  // a context the engine cannot serve ("the cart is empty"); picks empty
};

}  // namespace mb

#pragma once
// The rules of one placement (DESIGN.md "placement policy"): which kinds it shows, how many, the price
// rules of its kind of page, the filters every placement shares (each switchable), and the strategy that
// produces its candidates. Stored as (placement, key, value) text rows in placement_policies so that a
// merchandiser can edit one key at a time; absent keys keep their defaults.
#include "core/storage/relation.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mb {

class Workspace;

enum class Placement { ProductPage, Cart, Checkout, PostPurchase };
constexpr Placement allPlacements[] = {Placement::ProductPage, Placement::Cart, Placement::Checkout, Placement::PostPurchase};
const char *placementName(Placement p);
std::optional<Placement> placementFromName(std::string_view s);

// Curated only, mined only, or curated first and the remaining slots filled from mined evidence.
enum class Strategy { Curated, Mined, Blend };
const char *strategyName(Strategy s);
std::optional<Strategy> strategyFromName(std::string_view s);

struct PlacementPolicy {
    Placement placement = Placement::ProductPage;
    std::vector<RelationKind> kinds;  // allowed kinds; earlier ones rank first when scores tie
    int slots = 6;
    Strategy strategy = Strategy::Blend;
    double pairWeight = 0.5;          // mined score = w * pair confidence + (1 - w) * normalised EASE weight

    // product-page: upgrades cost anchor * (1 + min) .. anchor * (1 + max) and come first.
    double upsellMinPercent = 10, upsellMaxPercent = 50;
    bool upgradesFirst = false;
    // cart: each add-on at most this share of the cart subtotal (0 = no limit); under the free-shipping
    // threshold (0 = none), add-ons that close the gap come first.
    double maxCartSharePercent = 0;
    // The share's floor, so that a cheap cart still gets cheap add-ons: an add-on may always cost up to
    // max(this amount, the median price of the cart's items), whatever the share says.
    double cartShareFloor = 0;
    double freeShippingThreshold = 0;
    // checkout: nothing dearer than this (0 = no cap).
    double priceCap = 0;
    // post-purchase: when the follow-up e-mail offers each kind, in days after the order.
    int addOnDelayDays = 3;          // accessories, enhancements, necessities
    int consumableDefaultDays = 30;  // consumables without a mined replenishment interval
    int dueLeadDays = 3;             // a bought consumable is due again this many days before its interval ends

    // Filters shared by every placement.
    bool inStockOnly = true;
    int64_t lowStockThreshold = 2;   // with inStockOnly: stock must exceed it (unknown stock passes)
    bool excludeInCart = true;
    bool excludeBought = true;
    // With excludeBought: a product whose buyers re-buy it this often (the share of its buyers who bought it
    // on two days or more, from the mined replenishment) is no "already bought": the customer may well buy it
    // again (a wholesaler's buyers re-order what they stock). 1 = every bought product is left out.
    double rebuyShare = 0.1;
    bool consumablesDueAgain = true; // with excludeBought: a consumable due again is offered anyway
    bool recommendableOnly = true;
    bool onePerFamily = true;
    double minMarginPercent = 5;     // 0 = off; products without a cost pass
    bool cannibalisationGuard = true;
    bool noDuplicates = true;
    bool fallbackBestSellers = true;

    bool allows(RelationKind k) const;
    int kindRank(RelationKind k) const;  // position in kinds, kinds.size() when not allowed
};

PlacementPolicy defaultPolicy(Placement p);

// The kind of value a key takes, so that an editor (the policy panel) is built from data, never from the
// prose of `expected`.
enum class PolicyKeyKind {
    Bool,      // true or false
    Integer,   // a whole number in [min, max]
    Number,    // a number in [min, max]
    Choice,    // one of `choices` (the strategy: curated, mined, blend)
    KindList,  // an ordered, comma-separated list of distinct relation kinds, each one of `choices`
};

struct PolicyKeyInfo {
    const char *key;
    const char *expected;     // "a whole number from 1 to 50", for error messages and `policy show`
    const char *description;
    PolicyKeyKind kind = PolicyKeyKind::Bool;
    double min = 0, max = 0;  // Integer and Number: the accepted range, both ends included
    // Choice: every accepted value; KindList: the kinds this placement may list (placementMayShow), by name.
    std::vector<std::string> choices;
};

// Whether a placement may show a kind at all: checkout never shows upgrades (the last step before paying
// is no place to sell a dearer product instead). The one place the rule is written: the kinds key refuses
// the rest, and policyKeys offers only these.
bool placementMayShow(Placement p, RelationKind k);
// The keys a placement understands, in display order.
std::vector<PolicyKeyInfo> policyKeys(Placement p);
// The key's current value as stored text ("necessity,consumable", "25", "true").
std::string policyValue(const PlacementPolicy &policy, std::string_view key);
// Sets one key from its text; false with an error naming the key, the value and what was expected.
bool setPolicyValue(PlacementPolicy &policy, std::string_view key, std::string_view value, std::string &error);

using PolicySet = std::array<PlacementPolicy, 4>;  // indexed by Placement
PolicySet defaultPolicies();

// Reads placement_policies over the defaults. A stored row that no longer validates is an error naming
// placement, key and value (the file was edited outside Merchbench, or by a newer version).
bool loadPolicies(const Workspace &ws, PolicySet &out, std::string &error);
// Validates and stores one key in its own transaction; the workspace is unchanged on error.
bool savePolicyValue(Workspace &ws, Placement p, std::string_view key, std::string_view value, std::string &error);

}  // namespace mb

#pragma once
// Internal to core/placement: one candidate on its way through collection, filters and ranking, and the
// request state the rule groups share. Not for the GUI: it reads RecommendResult.
#include "core/placement/recommendation.h"
#include "core/placement/recommendcontext.h"

#include <vector>

namespace mb {

class PlacementEngine;

struct Candidate {
    uint32_t product = 0;
    RelationKind kind = RelationKind::Accessory;
    PickSource source = PickSource::Mined;
    int32_t anchor = -1;
    bool fromMap = false;    // curated or imported relation: ranks before mined in a blend
    bool closesGap = false;  // cart: reaches the free-shipping threshold
    bool substitute = false; // mined: a substitute for an anchor (kindsuggestion.h), never a cross-sell
    int mapOrder = 0;        // map candidates: their place in the map's order (own, then inherited, by position)
    double score = 0;        // map: position score; mined: the evidence, summed over the anchors that name it
    double best = 0;         // mined: the strongest single anchor's score (its kind and anchor label the candidate)
    double confidence = 0;   // mined: the highest pair confidence over the anchors that name it
    double ease = 0;         // mined: the sum of their EASE weights (the basket's EASE score over the anchors)
    std::string pitch;
    std::vector<Reason> reasons;
};

// The request as the rule groups see it.
struct Request {
    const PlacementEngine &engine;
    const PlacementPolicy &policy;
    const RecommendContext &context;
    std::vector<uint32_t> anchors;   // the product, or the cart's / order's products, in their order
    int32_t day = 0;                 // today, as days since 1970-01-01
    double subtotal = 0;
    double medianItemPrice = 0;      // of the cart's / order's products: the cart-share rule's floor
    double shippingGap = 0;          // > 0: the cart is this much under the free-shipping threshold
    int slots = 0;

    bool inCart(uint32_t product) const;
};

// candidatecollector.cpp: curated/imported relations and mined evidence of every anchor, by strategy.
std::vector<Candidate> collectCandidates(const Request &r, std::vector<LeftOut> &leftOut);
// Best sellers of the first anchor's category (and above), for when nothing qualified.
std::vector<Candidate> fallbackCandidates(const Request &r);

// placementfilters.cpp: the first rule that removes the candidate, or false when it passes (it may gain
// a reason, e.g. a consumable due again, or an upgrade inside the band).
bool filterOut(const Request &r, Candidate &c, LeftOut &out, bool isFallback);

// placementranker.cpp: orders the survivors and fills the slots (family dedupe, duplicates, slot limit),
// setting send days for post-purchase.
void rankAndFill(const Request &r, std::vector<Candidate> &survivors, RecommendResult &result);

LeftOut leftOutOf(const Candidate &c, LeftOutRule rule, std::string text);
std::string money(double v);  // "19.99"

}  // namespace mb

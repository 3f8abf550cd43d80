#pragma once
// Non-merchandise proposals: the products that look like postage, fees, samples, adjustments, tips or gift
// cards, proposed after an import for the merchandiser to confirm (the product becomes not recommendable)
// or dismiss (remembered: core/storage/hygienestore.h). Nothing here changes the workspace.
//
// Two kinds of evidence, each proposal names its own:
// - Documented rules (nonMerchandiseRule): SKU codes and title phrases shops use for services, listed in
//   nonmerchandise.cpp with the kind each one means (postage, fee, sample, adjustment, tip, gift card).
// - Learned signals, from the history alone, for codes no list knows:
//   * everywhere at one price: in more than 20 % of baskets (and at least 20 of them: a share of a handful
//     says nothing), at least 80 % of its priced lines at one price and 90 % of its lines one unit (a flat
//     shipping or handling line rides along with most orders, once; a best seller is bought by the dozen);
//   * priced per order: at least 10 priced lines, fewer than 10 % of them at its most common price and
//     the 90th percentile price at least 5x the 10th (a charge typed in per order: Online Retail's DOT,
//     "DOTCOM POSTAGE", and M, "Manual"; merchandise has a few price tiers);
//   * mostly credits: at least 5 lines and more than half of them with a negative quantity (a discount,
//     bank charges, commission or samples booked as credit notes, not sold).
#include "core/storage/snapshot.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace mb {

struct NonMerchRule {
    std::string kind;     // postage, fee, sample, adjustment, tip, gift card; "" when no rule matches
    std::string reason;   // "SKU POST is a postage code", "title says POSTAGE"
};
NonMerchRule nonMerchandiseRule(const std::string &sku, const std::string &title);

struct NonMerchProposal {
    uint32_t product = 0;          // index into Snapshot::products
    std::string sku, title;
    std::string kind;              // as NonMerchRule, or "service" for a learned signal alone
    std::string reason;            // every rule and signal that matched, "; "-separated
    bool learned = false;          // true when a learned signal matched (with or without a rule)
    bool ruled = false;            // true when a documented rule matched
    // The evidence the list shows.
    uint32_t baskets = 0;
    double basketShare = 0;        // of all baskets
    double medianPrice = NAN;      // of its positive unit prices
    double priceSpread = NAN;      // p90 / p10 of its positive unit prices
    double modalPriceShare = NAN;  // share of priced lines at its most common price
    double creditShare = 0;        // share of its lines with a negative quantity
};

// The proposals for products that are still recommendable and not dismissed, documented rules first,
// then by basket share.
std::vector<NonMerchProposal> proposeNonMerchandise(const Snapshot &snapshot, const std::set<std::string> &dismissed);

}  // namespace mb

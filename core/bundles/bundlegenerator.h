#pragma once
// One click from a product's map to good / better / best: Basic is the anchor with what it needs,
// Standard adds the enhancements and accessories customers attach most often, Premium steps up to the
// anchor's upgrade (when the map names one) with the rest and a pack of its consumable. Discounts rise by
// tier. The result is a starting point: every tier stays editable.
#include "core/storage/bundle.h"
#include "core/storage/snapshot.h"

#include <string>
#include <vector>

namespace mb {

struct BundleGeneratorOptions {
    std::vector<std::string> tierNames = {"Basic", "Standard", "Premium"};
    std::vector<double> discountPercent = {0, 5, 10};  // per tier; 0 means priced at the sum
    int standardExtras = 2;        // enhancements and accessories added in Standard, best attach rate first
    int consumablePack = 3;        // quantity of the consumable in Premium
    bool skipOutOfStock = true;    // leave out optional extras with no stock (necessities always stay)
};

// Attach rate of each target given the anchor: baskets holding both ÷ baskets holding the anchor.
std::vector<double> attachRates(const Snapshot &snapshot, uint32_t anchor, const std::vector<uint32_t> &targets);

// A tier holds one product per category (two memory cards make no better kit), tiers identical in
// content to the one below are dropped, so a product with a thin map gets fewer tiers, and a discount that
// would price a tier at or under the one below falls back to the lower tier's discount.
// The bundle's name is "<title> bundle"; the caller makes it unique.
Bundle generateBundle(const Snapshot &snapshot, uint32_t anchor, const BundleGeneratorOptions &options = {});

}  // namespace mb

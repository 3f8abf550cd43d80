#pragma once
// A tiered bundle (DESIGN.md): a named offer around an anchor product with 1–5 ascending tiers (good,
// better, best), each a list of items with quantities, some optional, priced as the sum of its items, with
// a discount, or at a fixed price. Items name products by their workspace id, like relations do.
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mb {

enum class TierPricing { Sum, Discount, Fixed };

const char *pricingName(TierPricing p);
std::optional<TierPricing> pricingFromName(std::string_view s);

struct BundleItem {
    int64_t productId = 0;
    int quantity = 1;
    // Offered with the tier but not part of its price: the customer may add it (a spare battery).
    bool optional = false;

    bool operator==(const BundleItem &) const = default;
};

struct BundleTier {
    std::string name;
    TierPricing pricing = TierPricing::Sum;
    double discountPercent = 0;   // used when pricing is Discount
    double fixedPrice = NAN;      // used when pricing is Fixed
    std::vector<BundleItem> items;

    bool operator==(const BundleTier &o) const
    {
        auto same = [](double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; };
        return name == o.name && pricing == o.pricing && discountPercent == o.discountPercent &&
               same(fixedPrice, o.fixedPrice) && items == o.items;
    }
};

struct Bundle {
    static constexpr int MaxTiers = 5;

    int64_t id = 0;               // 0 until stored
    std::string name;             // unique in the workspace
    int64_t anchorProductId = 0;
    std::vector<BundleTier> tiers;
    int64_t createdAt = 0, updatedAt = 0;

    // Content equality (ids and timestamps aside): what an undo or an import compares.
    bool sameContent(const Bundle &o) const { return name == o.name && anchorProductId == o.anchorProductId && tiers == o.tiers; }
};

// The default tier names, by position.
const std::vector<std::string> &defaultTierNames();

// `base` if no bundle has that name, else "base (2)", "base (3)", … whichever is free first.
std::string freeBundleName(const std::string &base, const std::function<bool(const std::string &)> &taken);

}  // namespace mb

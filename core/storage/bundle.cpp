#include "core/storage/bundle.h"

namespace mb {

const char *pricingName(TierPricing p)
{
    switch (p) {
    case TierPricing::Sum: return "sum";
    case TierPricing::Discount: return "discount";
    case TierPricing::Fixed: return "fixed";
    }
    return "sum";
}

std::optional<TierPricing> pricingFromName(std::string_view s)
{
    if (s == "sum") return TierPricing::Sum;
    if (s == "discount") return TierPricing::Discount;
    if (s == "fixed") return TierPricing::Fixed;
    return std::nullopt;
}

const std::vector<std::string> &defaultTierNames()
{
    static const std::vector<std::string> names = {"Basic", "Standard", "Premium", "Deluxe", "Ultimate"};
    return names;
}

std::string freeBundleName(const std::string &base, const std::function<bool(const std::string &)> &taken)
{
    if (!taken(base)) return base;
    for (int n = 2;; ++n)
        if (std::string candidate = base + " (" + std::to_string(n) + ")"; !taken(candidate)) return candidate;
}

}  // namespace mb

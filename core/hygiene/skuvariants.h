#pragma once
// SKUs that differ only by letter case or by spaces (Online Retail's 85123A and 85123a, a "  X1" beside
// "X1"): listed for a one-click merge (core/storage/hygienestore.h) or keep-apart (remembered).
//
// Two SKUs are variants when they are equal after trimming, collapsing runs of spaces and upper-casing.
// The canonical one, which keeps its id and receives the other's lines: a catalog product before an
// order-only one, then the one with more order lines, then the one already in normal form (trimmed,
// upper-case), then the older product. A group of three or more gives one pair per variant.
#include "core/storage/snapshot.h"

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace mb {

// Trimmed, runs of spaces collapsed to one, upper-cased: how SKUs group into variants, and how the
// non-merchandise rules compare codes and titles (spaces and case do not change what they say).
std::string normalSku(const std::string &sku);

struct SkuVariant {
    uint32_t canonical = 0, variant = 0;  // indices into Snapshot::products
    std::string canonicalSku, variantSku, canonicalTitle, variantTitle;
    std::string difference;               // "case", "spaces", "case and spaces"
    uint32_t canonicalLines = 0, variantLines = 0;
};

// The variant pairs not kept apart (pairs as (smaller, larger) SKU), by SKU.
std::vector<SkuVariant> findSkuVariants(const Snapshot &snapshot,
                                        const std::set<std::pair<std::string, std::string>> &keptApart);

}  // namespace mb

#pragma once
// The placement benchmarks' requests: random product pages and carts of 1-4 items over all four placements,
// half of them with a known customer, from a fixed seed, so that bench_placement and bench_scale time the
// same mix.
#include "core/placement/placementengine.h"
#include "core/storage/snapshot.h"

#include <random>
#include <vector>

namespace mbbench {

inline std::vector<mb::RecommendContext> randomRequests(const mb::Snapshot &s, int requests)
{
    std::mt19937_64 rng(12345);
    auto below = [&](size_t n) { return size_t(rng() % n); };
    std::vector<mb::RecommendContext> contexts;
    contexts.reserve(size_t(requests));
    for (int i = 0; i < requests; ++i) {
        mb::RecommendContext c;
        c.placement = mb::allPlacements[i % 4];
        if (c.placement == mb::Placement::ProductPage) c.anchor = int32_t(below(s.products.size()));
        else
            for (size_t k = 1 + below(4); k > 0; --k) c.cart.push_back({uint32_t(below(s.products.size())), 1});
        if (i % 2 && !s.customers.empty()) c.customer = int32_t(below(s.customers.size()));
        contexts.push_back(std::move(c));
    }
    return contexts;
}

}  // namespace mbbench

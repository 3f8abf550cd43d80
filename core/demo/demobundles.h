#pragma once
// The demo store's bundles, so the Bundles view shows the idea at first start: bundles generated from the
// curated map, one with three tiers and a margin warning to fix, one with a fixed-price tier.
#include <string>

namespace mb {

class Workspace;

// Adds the demo bundles (after addDemoMap: they are generated from the map); false with error on failure.
bool addDemoBundles(Workspace &ws, std::string &error);

}  // namespace mb

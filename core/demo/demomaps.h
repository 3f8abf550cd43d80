#pragma once
// The demo store's curated complementary-product map, so the Maps view shows the idea at first start:
// every kind present, category-level rules, product-level rules that come first, pitches, and one
// product that excludes a rule it would inherit.
#include <string>

namespace mb {

class Workspace;

// Adds the curated map to a demo workspace (its SKUs and category paths); false with error on failure.
bool addDemoMap(Workspace &ws, std::string &error);

}  // namespace mb

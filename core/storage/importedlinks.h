#pragma once
// The product links the store platforms' own files carried at catalog import (imported_relations), with the
// platform they came from. Exports read them so a link keeps the platform column it came in (a pair can be
// both "related" and "upsell" in Magento, while the map holds one relation per pair).
#include <string>
#include <vector>

namespace mb {

class Workspace;

struct ImportedLink {
    std::string anchorSku, targetSku;
    std::string platformType;  // upsell, cross-sell, grouped, related, complementary, crosssell (as imported)
    std::string platform;      // the catalog format of the import: woocommerce, magento, shopify, generic
    int position = 0;
};

// Every imported link, by anchor, platform type and position.
std::vector<ImportedLink> importedLinks(const Workspace &ws);

}  // namespace mb

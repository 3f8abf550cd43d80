#pragma once
// One rule for the SKU text of every Shopify file (products export and orders export alike), so that the
// catalog and the orders name the same variant the same way.
#include <string_view>

namespace mb {

// Shopify's exporter writes a leading apostrophe before values a spreadsheet would turn into numbers
// (`'850003173764`, and Zip codes `'53122`), so that Excel keeps them as text and their leading zeros and
// digits intact. The apostrophe is not part of the SKU: the orders export of the same store writes the same
// variant as `850003173764`. One leading apostrophe followed by something is dropped; anything else is
// returned as given (docs/formats-shopify-orders.md, "The SKU apostrophe").
std::string_view shopifySku(std::string_view cell);

}  // namespace mb

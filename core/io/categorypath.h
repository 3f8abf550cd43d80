#pragma once
// Category paths as the platforms write them, turned into the one form the workspace stores: "A > B".
// Shopify and WooCommerce write "A > B", Magento "Default Category/A/B", spreadsheets often "A/B"; a product
// that sits in several categories gets the deepest one, because placement rules on a category also apply
// to its sub-categories, so the most specific path loses nothing.
#include <string>
#include <string_view>
#include <vector>

namespace mb {

// "Default Category/Gear/Bags" -> "Gear > Bags"; " A >B " -> "A > B". Splits on '>' when the text has one,
// else on '/'. Blank segments are dropped, and so is a leading Magento root ("Default Category").
std::string normaliseCategoryPath(std::string_view path);

// Number of segments of a normalised path ("" has 0).
int categoryDepth(std::string_view normalisedPath);

// Splits a list cell on `separator`, honouring a backslash before the separator (WooCommerce writes a comma
// inside a name as "\,"); tokens are trimmed and empty ones dropped.
std::vector<std::string> splitEscapedList(std::string_view cell, char separator);

// The deepest of several paths in one cell, normalised; the first wins a tie.
// "Clothing > Hoodies, Clothing" -> "Clothing > Hoodies".
std::string deepestCategoryPath(std::string_view cell, char separator);

}  // namespace mb

#pragma once
// What an order-only product (origin "orders") shows: the title and the price its own order lines say
// most credibly, over every import. A file's newest row is often a warehouse note ("damaged", "?", "wet")
// at price 0, so neither follows the newest row.
//
// Title: the most frequent real description of the SKU over all its stored lines; a tie goes to the one
// seen last (newest order). A junk description never wins while a real one exists; a SKU with only junk
// keeps its most frequent junk (it is what the file calls it). Junk is (isJunkDescription):
//   1. empty, or without a single letter ("?", "???", "20713");
//   2. starting with '?' or with more punctuation than letters ("????missing", "?lost");
//   3. made only of warehouse words (kJunkWords: damaged, missing, returned, check, lost, wet, found,
//      adjust, thrown away, sold as set, dotcom, amazon, ...) apart from filler words (as, on, the, ...),
//      digits and punctuation, or holding one of them and a '?' ("POSSIBLE DAMAGES OR LOST?");
//   4. with no capital letter while the same SKU has a description with capitals: the shop writes titles
//      in capitals, its notes in lower case ("crushed ctn" beside "WHITE HANGING HEART T-LIGHT HOLDER").
// Price: the median of the positive unit prices of its sold lines (quantity > 0), else of any line; no
// positive price at all leaves the price unknown (NULL), never 0.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace mb {

bool hasCapital(std::string_view text);
// Rules 1-3; rule 4 needs the SKU's other descriptions, so the caller says whether one has capitals.
bool isJunkDescription(std::string_view text, bool skuHasCapitals = false);

struct DescriptionTally {
    std::string text;
    int64_t count = 0;
    int64_t newest = 0;       // when last seen (order time): a tie in count goes to the newer
    int64_t newestLine = 0;   // ... and a tie in time to the later stored line
};
// The index into `tallies` of the title to show, or -1 when there are none.
int pickTitle(const std::vector<DescriptionTally> &tallies);

// Settles the title and price of those of `productIds` whose origin is "orders" from all their stored
// lines, inside the caller's transaction (an order import, a SKU merge). False with err set on failure.
bool settleOrderOnlyProducts(sqlite3 *db, const std::vector<int64_t> &productIds, int64_t now, std::string &err);

// The median of the values (the mean of the two middle ones for an even count); NAN when empty. Reorders.
double median(std::vector<double> &values);

}  // namespace mb

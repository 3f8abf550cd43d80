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
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
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

// The same settling in steps, for an order import: it already holds the lines it writes, so it adds them
// as it writes them and reads back only the lines stored before it (none on a first import), instead of
// every stored line (1.5 s of a 541,909-line import). Usage: begin, addStored and add in any order, settle.
class OrderOnlyFacts {
public:
    // Which of productIds are order-only (the others are ignored by add).
    bool begin(sqlite3 *db, const std::vector<int64_t> &productIds, std::string &err);
    // One stored line; descriptionId none for a line written before descriptions were kept; `when` is the
    // order's time (0 when it has none) and lineId the line's rowid, which break ties between titles.
    void add(int64_t productId, std::optional<int64_t> descriptionId, double quantity, double unitPrice, int64_t when,
             int64_t lineId);
    // Adds products to follow after begin() (an import's later chunk meets new SKUs): those of productIds
    // whose origin is "orders" and that are not followed yet.
    bool include(sqlite3 *db, const std::vector<int64_t> &productIds, std::string &err);
    // Adds the stored lines with rowid <= maxLineId (every line when it is negative; none when 0).
    bool addStored(sqlite3 *db, int64_t maxLineId, std::string &err);
    // Writes each order-only product's title and price.
    bool settle(sqlite3 *db, int64_t now, std::string &err);

private:
    // Compact: this runs once per written line (541,909 on Online Retail), so no hashing per line for the
    // product and, for the usual handful of descriptions per SKU, none for the description either.
    // The prices of a product's lines as (price, count) runs: a SKU's lines repeat a handful of prices, so
    // this stays small where a value per line (16 bytes a line over both tallies) grew with the history
    // (800 MB at 50M lines). A price already counted is counted in place; new prices wait in `pending` and are
    // folded in, sorted, when it fills.
    class PriceTally {
    public:
        void add(double price)
        {
            // Most lines repeat the price of the SKU's line before (prices change seldom): that run first, then
            // a binary search of the runs (a SKU such as a postage line has thousands of prices).
            if (last_ < counted_.size() && counted_[last_].first == price) {
                ++counted_[last_].second;
                return;
            }
            const auto at = std::lower_bound(counted_.begin(), counted_.end(), price,
                                             [](const std::pair<double, int64_t> &run, double p) { return run.first < p; });
            if (at != counted_.end() && at->first == price) {
                ++at->second;
                last_ = size_t(at - counted_.begin());
                return;
            }
            pending_.push_back(price);
            if (pending_.size() >= std::max<size_t>(16, counted_.size() / 2)) fold();
        }
        bool empty() const { return pending_.empty() && counted_.empty(); }
        // The median as median() gives it over every price added; NAN when none.
        double median();

    private:
        void fold();
        std::vector<double> pending_;
        std::vector<std::pair<double, int64_t>> counted_;  // ascending by price
        size_t last_ = 0;                                   // the run the last counted price was in
    };
    struct Tally {
        int64_t descriptionId, count, newest, newestLine;
    };
    struct Facts {
        std::vector<Tally> tallies;
        std::unordered_map<int64_t, uint32_t> byDescription;  // index into tallies, once a SKU has many
        PriceTally soldPrices, anyPrices;
        size_t undescribed = 0;  // lines written before descriptions were kept (an upgraded file)
        uint32_t lastHit = 0;
    };
    std::vector<int64_t> ids_;         // product id of each facts_ entry
    std::vector<uint32_t> slotById_;   // product id -> 1 + index in facts_, 0 when not order-only
    std::vector<Facts> facts_;
    std::vector<uint8_t> checked_;     // product id -> already looked at by include()
};

// The median of the values (the mean of the two middle ones for an even count); NAN when empty. Reorders.
double median(std::vector<double> &values);

}  // namespace mb

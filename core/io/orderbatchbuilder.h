#pragma once
// Shared bookkeeping of the order parsers: turns parsed rows into an OrderBatch, finding each order by its
// external id and each product by its SKU, and counting rows that repeat an earlier row byte for byte.
// Built for the 541,909-line Online Retail file: every look-up takes a string_view (no std::string per row),
// consecutive rows of one order skip the order look-up, and the indexes are open-addressing tables of
// 8-byte slots (32-bit hash tag + index) small enough to stay in cache.
#include "core/io/importrecords.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mb {

class OrderBatchBuilder {
public:
    // `data` is the whole file; raw records given to isDuplicateRow() must point into it.
    OrderBatchBuilder(OrderBatch &out, std::string_view data, size_t expectedLines);

    // The index of the order with this external id, creating it (with `line` as its first line) if new.
    // `created` tells the caller to fill the order-level fields from this row.
    uint32_t order(std::string_view externalId, int64_t line, bool &created);
    OrderRecord &orderAt(uint32_t index) { return out_.orders[index]; }
    // True when `externalId` is the order of the row before (where a streamed parse must not cut a chunk).
    bool isLastOrder(std::string_view externalId) const { return haveLastOrder_ && externalId == lastOrderId_; }

    // Appends an order line and records the product: title = last non-empty description, price = last unit
    // price seen (none for basket files, which carry no prices), line = first line the SKU appeared on.
    void addLine(uint32_t order, int64_t line, std::string_view sku, double quantity, std::optional<double> unitPrice,
                 std::string_view description);

    // True when a row of `order` had exactly these bytes before; counts it in duplicateRows. Only rows of the
    // same order can be identical (the order id is part of the bytes), which keeps the check local.
    bool isDuplicateRow(std::string_view rawRecord, uint32_t order);

    // Writes the products' titles and prices; call once, after the last addLine().
    void finish();

    // Per-order flag the parsers use for statuses: did any line have a quantity >= 0?
    bool hasNonNegativeLine(uint32_t order) const { return nonNegative_[order] != 0; }

private:
    // Open addressing, linear probing; a slot is (hash >> 32) << 32 | (index + 1), 0 = empty.
    struct FlatIndex {
        std::vector<uint64_t> slots;
        size_t used = 0;
        void reserve(size_t entries);
        void grow();
        void reset(size_t entries);
    };
    template <typename KeyOf>
    uint32_t findOrInsert(FlatIndex &index, std::string_view key, uint64_t hash, uint32_t next, KeyOf keyOf,
                          bool &inserted);
    bool inData(std::string_view s) const
    {
        return s.data() >= data_.data() && s.data() + s.size() <= data_.data() + data_.size();
    }
    std::string_view stable(std::string_view s);
    std::string_view rowBytes(uint32_t row) const { return data_.substr(rows_[row].offset, rows_[row].length); }

    OrderBatch &out_;
    std::string_view data_;
    FlatIndex orderIndex_;
    FlatIndex productIndex_;
    FlatIndex descriptionIndex_;          // into out_.descriptions
    std::vector<uint8_t> nonNegative_;
    // The last order looked up: the rows of one order are nearly always adjacent.
    std::string lastOrderId_;
    uint32_t lastOrder_ = 0;
    bool haveLastOrder_ = false;

    struct ProductState {
        uint32_t keyOffset;      // the SKU, in productKeys_
        uint32_t keyLength;
        std::string_view title;  // the last non-empty description
        double price;
        bool hasPrice;
    };
    std::vector<ProductState> products_;  // parallel to out_.products
    std::string productKeys_;             // all SKUs back to back: the look-up's compares stay in cache
    std::deque<std::string> copies_;      // titles that were not views into the file

    // Duplicate rows. While an order's rows come one after another (the usual case) they are checked in
    // runIndex_, emptied when the next order starts; an order whose rows come back after another order's
    // moves all its rows to scatteredIndex_, once. Either way every row is hashed and placed at most twice.
    struct RawRow {
        size_t offset;
        uint32_t length;
        uint32_t previous;  // the order's row before this one, or kNoRow
    };
    static constexpr uint32_t kNoRow = 0xFFFFFFFFu;
    std::vector<RawRow> rows_;
    std::vector<uint32_t> lastRowOfOrder_;
    std::vector<uint8_t> scattered_;
    FlatIndex runIndex_;
    FlatIndex scatteredIndex_;
    uint32_t runOrder_ = 0;
    bool haveRun_ = false;
};

}  // namespace mb

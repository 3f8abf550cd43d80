#include "core/io/orderbatchbuilder.h"

#include "core/storage/hugepages.h"

#include <algorithm>
#include <cstring>

namespace mb {

namespace {

// A word-at-a-time multiply-mix hash: std::hash over ~90-byte records cost more than the rest of the
// duplicate check, and these tables only need good spreading, not collision resistance.
uint64_t hashBytes(const char *p, size_t n)
{
    constexpr uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = 0x243F6A8885A308D3ULL ^ (uint64_t(n) * k);
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * k;
    h ^= h >> 32;
    h *= k;
    return h ^ (h >> 29);
}

constexpr uint64_t kTagMask = 0xFFFFFFFF00000000ULL;

}  // namespace

void OrderBatchBuilder::FlatIndex::reserve(size_t entries)
{
    size_t capacity = 64;
    while (capacity * 5 < entries * 8) capacity *= 2;  // keep the load under 5/8
    if (capacity > slots.size()) slots.assign(capacity, 0);
}

void OrderBatchBuilder::FlatIndex::reset(size_t entries)
{
    // A long run may have grown the table; give the memory back rather than clear it for every short run.
    if (slots.size() > 4 * entries + 64) slots.clear();
    else std::fill(slots.begin(), slots.end(), 0);
    used = 0;
    reserve(entries);
}

void OrderBatchBuilder::FlatIndex::grow()
{
    std::vector<uint64_t> old(slots.size() * 2, 0);
    old.swap(slots);
    const size_t mask = slots.size() - 1;
    // A slot keeps the hash's high half, which is also what picks its position: it moves without its key.
    for (uint64_t s : old) {
        if (!s) continue;
        size_t i = size_t(s >> 32) & mask;
        while (slots[i]) i = (i + 1) & mask;
        slots[i] = s;
    }
}

template <typename KeyOf>
uint32_t OrderBatchBuilder::findOrInsert(FlatIndex &index, std::string_view key, uint64_t hash, uint32_t next,
                                         KeyOf keyOf, bool &inserted)
{
    if ((index.used + 1) * 8 > index.slots.size() * 5) index.grow();
    const uint64_t tag = hash & kTagMask;
    const size_t mask = index.slots.size() - 1;
    for (size_t i = size_t(hash >> 32) & mask;; i = (i + 1) & mask) {
        const uint64_t s = index.slots[i];
        if (!s) {
            index.slots[i] = tag | (uint64_t(next) + 1);
            ++index.used;
            inserted = true;
            return next;
        }
        if ((s & kTagMask) == tag) {
            const uint32_t candidate = uint32_t(s & 0xFFFFFFFFULL) - 1;
            if (keyOf(candidate) == key) {
                inserted = false;
                return candidate;
            }
        }
    }
}

OrderBatchBuilder::OrderBatchBuilder(OrderBatch &out, std::string_view data, size_t expectedLines)
    : out_(out), data_(data)
{
    // Each chunk of a streamed import builds a new batch: in huge pages its lines are a few faults instead of
    // ~1,500 (core/storage/hugepages.h; 12,000 of Online Retail's 38,000 page faults were here).
    reserveHuge(out_.lines, expectedLines);
    reserveHuge(rows_, expectedLines);
    // Orders and products are far fewer than lines (Online Retail: 21 lines per order, 133 per SKU).
    const size_t expectedOrders = expectedLines / 8 + 16;
    reserveHuge(out_.orders, expectedOrders);
    nonNegative_.reserve(expectedOrders);
    lastRowOfOrder_.reserve(expectedOrders);
    scattered_.reserve(expectedOrders);
    orderIndex_.reserve(expectedOrders);
    productIndex_.reserve(expectedLines / 64 + 16);
    descriptionIndex_.reserve(expectedLines / 64 + 16);
    runIndex_.reserve(32);
    scatteredIndex_.reserve(32);
}

uint32_t OrderBatchBuilder::order(std::string_view externalId, int64_t line, bool &created)
{
    created = false;
    if (haveLastOrder_ && externalId == lastOrderId_) return lastOrder_;
    const uint32_t index =
        findOrInsert(orderIndex_, externalId, hashBytes(externalId.data(), externalId.size()),
                     uint32_t(out_.orders.size()),
                     [this](uint32_t i) { return std::string_view(out_.orders[i].externalId); }, created);
    if (created) {
        OrderRecord &o = out_.orders.emplace_back();
        o.line = line;
        o.externalId.assign(externalId);
        nonNegative_.push_back(0);
        lastRowOfOrder_.push_back(kNoRow);
        scattered_.push_back(0);
    }
    lastOrderId_.assign(externalId);
    lastOrder_ = index;
    haveLastOrder_ = true;
    return index;
}

void OrderBatchBuilder::addLine(uint32_t order, int64_t line, std::string_view sku, double quantity,
                                std::optional<double> unitPrice, std::string_view description)
{
    OrderLineRecord &l = out_.lines.emplace_back();
    l.line = line;
    l.order = order;
    l.sku.assign(sku);
    l.quantity = quantity;
    l.unitPrice = unitPrice.value_or(0.0);
    if (quantity >= 0) nonNegative_[order] = 1;

    // The look-up and the running title and price stay in the compact products_ array; the ProductRecords
    // (200+ bytes each, a cache miss per row) are written once, by finish().
    bool created = false;
    const uint32_t index = findOrInsert(productIndex_, sku, hashBytes(sku.data(), sku.size()),
                                        uint32_t(products_.size()),
                                        [this](uint32_t i) {
                                            return std::string_view(productKeys_).substr(products_[i].keyOffset,
                                                                                         products_[i].keyLength);
                                        },
                                        created);
    if (created) {
        ProductRecord &p = out_.products.emplace_back();
        p.line = line;
        p.sku.assign(sku);
        products_.push_back({uint32_t(productKeys_.size()), uint32_t(sku.size()), {}, 0.0, false});
        productKeys_.append(sku);
    }
    l.product = index + 1;
    if (!description.empty()) {
        // Each distinct description once: the writer counts them per SKU from the lines that name them.
        bool added = false;
        const uint32_t d = findOrInsert(descriptionIndex_, description,
                                        hashBytes(description.data(), description.size()),
                                        uint32_t(out_.descriptions.size()),
                                        [this](uint32_t i) { return std::string_view(out_.descriptions[i]); }, added);
        if (added) out_.descriptions.emplace_back(description);
        l.description = d + 1;
    }
    ProductState &p = products_[index];
    // Keeping the view costs nothing; comparing it with the last title would read an earlier row again.
    if (!description.empty()) {
        if (inData(description)) p.title = description;
        else if (description != p.title) p.title = stable(description);
    }
    if (unitPrice) {
        p.price = *unitPrice;
        p.hasPrice = true;
    }
}

std::string_view OrderBatchBuilder::stable(std::string_view s)
{
    // Most fields are views into the file; a quoted field with "" escapes lives in the reader's scratch
    // buffer, which the next record overwrites.
    return inData(s) ? s : std::string_view(copies_.emplace_back(s));
}

void OrderBatchBuilder::finish()
{
    for (size_t i = 0; i < products_.size(); ++i) {
        ProductRecord &p = out_.products[i];
        if (!products_[i].title.empty()) p.title.assign(products_[i].title);
        if (products_[i].hasPrice) p.price = products_[i].price;
    }
}

bool OrderBatchBuilder::isDuplicateRow(std::string_view raw, uint32_t order)
{
    if (!haveRun_ || order != runOrder_) {
        runIndex_.reset(32);
        runOrder_ = order;
        haveRun_ = true;
        if (lastRowOfOrder_[order] != kNoRow && !scattered_[order]) {
            // The order is back after another one: its earlier rows are not in runIndex_ any more.
            scattered_[order] = 1;
            for (uint32_t r = lastRowOfOrder_[order]; r != kNoRow; r = rows_[r].previous) {
                const std::string_view bytes = rowBytes(r);
                bool inserted = false;
                findOrInsert(scatteredIndex_, bytes, hashBytes(bytes.data(), bytes.size()), r,
                             [this](uint32_t i) { return rowBytes(i); }, inserted);
            }
        }
    }
    FlatIndex &index = scattered_[order] ? scatteredIndex_ : runIndex_;
    bool inserted = false;
    const uint32_t row = uint32_t(rows_.size());
    findOrInsert(index, raw, hashBytes(raw.data(), raw.size()), row, [this](uint32_t i) { return rowBytes(i); },
                 inserted);
    if (!inserted) {
        ++out_.duplicateRows;
        return true;
    }
    rows_.push_back({size_t(raw.data() - data_.data()), uint32_t(raw.size()), lastRowOfOrder_[order]});
    lastRowOfOrder_[order] = row;
    return false;
}

}  // namespace mb

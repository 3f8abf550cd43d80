#pragma once
// The immutable in-memory picture of a workspace that every engine function reads: products, categories,
// customers, orders, order lines, and the baskets in compressed-sparse-row form. Loaded with a handful of
// full-table queries (never a query per row) and safe to share across threads once built.
#include "core/io/importrecords.h"
#include "core/storage/relation.h"
#include "core/storage/sharedpart.h"
#include "core/storage/snapshottext.h"

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace mb {

class Workspace;

struct SnapshotCategory {
    int64_t id = 0;
    int32_t parent = -1;      // index into Snapshot::categories, -1 for a root
    std::string name;         // last path element
    std::string path;         // "Cameras > Mirrorless"
};

struct SnapshotProduct {
    int64_t id = 0;
    std::string sku, title, brand, family, origin;
    int32_t category = -1;    // index into Snapshot::categories
    double price = NAN;       // NAN when unknown
    double cost = NAN;
    int64_t stock = -1;       // -1 when unknown
    bool recommendable = true;  // the merchandiser's switch (non-merchandise, ...)
    bool nonMerchandise = false;  // confirmed no merchandise (postage, fees): never recommendable, not in mined baskets
    // What the store platform says (ProductRecord in core/io/importrecords.h documents each field).
    std::string platform, handle, platformId, productType, productTitle, platformStatus, stockStatus;
    std::string unavailable;    // why the store does not sell it; "" when it does
    double regularPrice = NAN, salePrice = NAN;
    // May a placement show it: the merchandiser allows it and the store sells it.
    bool offered() const { return recommendable && unavailable.empty(); }
};

struct SnapshotCustomer {
    int64_t id = 0;
    std::string externalId;
};

// 72 bytes (176 before issue #15): the text columns are SnapshotTexts (8 bytes each, characters in the
// snapshot's arena), the status a byte and the offset 16 bits. A 5M-line store holds 1.7M of these.
struct SnapshotOrder {
    int64_t id = 0;
    int64_t orderedAt = 0;    // UTC seconds
    double merchandiseTotal = 0;          // what was paid for the lines: sum of SnapshotLine::net()
    SnapshotText externalId;
    SnapshotText country;
    SnapshotText tags, source;            // as the platform wrote them
    int32_t customer = -1;    // index into Snapshot::customers
    uint32_t lineBegin = 0, lineEnd = 0;  // range in Snapshot::lines
    int16_t utcOffsetMinutes = 0;         // -14 h .. +14 h
    OrderStatus status : 8 = OrderStatus::Completed;
};
static_assert(sizeof(SnapshotOrder) == 72, "a 50M-line store holds 17M of these");

struct SnapshotLine {
    uint32_t product = 0;     // index into Snapshot::products
    float quantity = 0;       // whole units are exact to 16M; a float keeps the line at 24 bytes
    double unitPrice = 0;     // before discounts
    float discount = 0;       // money off the whole line (floats keep the line at 24 bytes; cents survive)
    float refund = 0;         // money refunded against the line
    double gross() const { return double(quantity) * unitPrice; }
    double net() const { return double(quantity) * unitPrice - double(discount) - double(refund); }
};
static_assert(sizeof(SnapshotLine) == 24, "a 50M-line store holds one of these per line");

// A relation with its endpoints as snapshot indices (into products or categories, by type).
struct SnapshotRelation {
    int64_t id = 0;
    EndpointType anchorType = EndpointType::Product;
    int32_t anchor = -1;
    EndpointType targetType = EndpointType::Product;
    int32_t target = -1;
    RelationKind kind = RelationKind::Accessory;
    int position = 0;
    std::string pitch;
    RelationSource source = RelationSource::Curated;
    RelationStatus status = RelationStatus::Active;
};

struct Snapshot {
    SharedPart<std::vector<SnapshotCategory>> categories;
    SharedPart<std::vector<SnapshotProduct>> products;
    SharedPart<std::vector<SnapshotCustomer>> customers;
    SharedPart<std::vector<SnapshotOrder>> orders;    // sorted by time, then id
    SharedPart<std::vector<SnapshotLine>> lines;
    // Baskets: the distinct products bought (quantity > 0) in each order that is not cancelled, sorted
    // ascending. basketStart has one entry more than there are baskets; empty baskets are not stored.
    SharedPart<std::vector<uint32_t>> basketStart;
    SharedPart<std::vector<uint32_t>> basketItems;
    SharedPart<std::vector<uint32_t>> basketOrder;    // index into orders of each basket
    SharedPart<std::unordered_map<std::string, uint32_t>> skuIndex;
    int64_t historyVersion = 0;
    // Where load() read customers, orders, lines and baskets: "cache" (snapshotcache.h), or "sql" and why
    // the cache was not used; empty when the cache was not consulted (off, or inside the caller's transaction).
    std::string historyFrom;
    std::shared_ptr<const TextArena> texts;    // the characters of the orders' SnapshotTexts
    std::vector<SnapshotRelation> relations;   // every status; sorted by anchor, kind, position
    SharedPart<std::vector<double>> unitsSold;             // per product: units in orders that are not cancelled (returns net)
    SharedPart<std::vector<uint32_t>> basketsWith;         // per product: number of baskets holding it

    size_t basketCount() const { return basketStart.empty() ? 0 : basketStart.size() - 1; }
    int32_t productIndex(const std::string &sku) const
    {
        auto it = skuIndex.find(sku);
        return it == skuIndex.end() ? -1 : int32_t(it->second);
    }
    // True when category `c` is `ancestor` or lies below it.
    bool categoryWithin(int32_t c, int32_t ancestor) const;

    // Null with error set on failure; null with error empty when cancelled.
    static std::shared_ptr<const Snapshot> load(const Workspace &ws, std::string &error, const ProgressFn &progress = {});
    // The same catalog (products, categories, customers, relations: shared, not copied) with only the orders
    // keepOrder marks (indexed like orders) and their lines; baskets, unitsSold and basketsWith rebuilt as
    // load() builds them. The back-test (core/backtest) trains on the orders before its split day with it.
    static std::shared_ptr<const Snapshot> withOrders(const Snapshot &from, const std::vector<char> &keepOrder);
};

}  // namespace mb

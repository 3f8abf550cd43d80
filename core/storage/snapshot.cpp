#include "core/storage/snapshot.h"

#include "core/storage/hugepages.h"
#include "core/storage/snapshotcache.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <unordered_map>

#include <sqlite3.h>

namespace mb {

bool Snapshot::categoryWithin(int32_t c, int32_t ancestor) const
{
    // Category trees are shallow (a handful of levels), so walking up is cheaper than keeping closure sets.
    while (c >= 0) {
        if (c == ancestor) return true;
        c = categories[size_t(c)].parent;
    }
    return false;
}

namespace {

// Baskets (what was actually bought together) and the per-product counts, from orders and lines: shared by
// load() and withOrders() so a back-test's training snapshot is built exactly like a loaded one.
void buildBaskets(Snapshot &snap)
{
    const Snapshot &in = snap;  // reads through the const side: no copy-on-write check per element
    std::vector<uint32_t> start{0}, basketItems, basketOrder;
    // Upper bounds: pages of the capacity never written are never resident (huge pages: hugepages.h).
    reserveHuge(start, in.orders.size() + 1);
    reserveHuge(basketOrder, in.orders.size());
    reserveHuge(basketItems, in.lines.size());
    std::vector<uint32_t> items;
    for (size_t i = 0; i < in.orders.size(); ++i) {
        const SnapshotOrder &o = in.orders[i];
        if (o.status == OrderStatus::Cancelled) continue;
        items.clear();
        for (uint32_t k = o.lineBegin; k < o.lineEnd; ++k)
            if (in.lines[k].quantity > 0) items.push_back(in.lines[k].product);
        if (items.empty()) continue;
        std::sort(items.begin(), items.end());
        items.erase(std::unique(items.begin(), items.end()), items.end());
        basketItems.insert(basketItems.end(), items.begin(), items.end());
        start.push_back(uint32_t(basketItems.size()));
        basketOrder.push_back(uint32_t(i));
    }
    std::vector<double> unitsSold(in.products.size(), 0.0);
    std::vector<uint32_t> basketsWith(in.products.size(), 0);
    for (const SnapshotOrder &o : *in.orders) {
        if (o.status == OrderStatus::Cancelled) continue;
        for (uint32_t k = o.lineBegin; k < o.lineEnd; ++k) unitsSold[in.lines[k].product] += in.lines[k].quantity;
    }
    for (uint32_t item : basketItems) ++basketsWith[item];
    snap.basketStart = std::move(start);
    snap.basketItems = std::move(basketItems);
    snap.basketOrder = std::move(basketOrder);
    snap.unitsSold = std::move(unitsSold);
    snap.basketsWith = std::move(basketsWith);
}

OrderStatus statusFrom(std::string_view s)
{
    if (s == "cancelled") return OrderStatus::Cancelled;
    if (s == "returned") return OrderStatus::Returned;
    return OrderStatus::Completed;
}

// The largest row id of a table: an index lookup, where count(*) scans the table.
int64_t maxRowId(sqlite3 *db, const char *sql)
{
    Statement s(db, sql);
    return s.step() && !s.isNull(0) ? s.int64(0) : 0;
}

struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
};

// Row ids are dense in practice (we only append), so a vector indexed by id beats a hash map here.
class IdIndex {
public:
    void add(int64_t id, uint32_t index)
    {
        if (id < 0) return;
        if (size_t(id) >= map_.size()) map_.resize(size_t(id) + 1, UINT32_MAX);
        map_[size_t(id)] = index;
    }
    int64_t find(int64_t id) const
    {
        return id >= 0 && size_t(id) < map_.size() && map_[size_t(id)] != UINT32_MAX ? int64_t(map_[size_t(id)]) : -1;
    }

private:
    std::vector<uint32_t> map_;
};

}  // namespace

std::shared_ptr<const Snapshot> Snapshot::load(const Workspace &ws, std::string &error, const ProgressFn &progress)
{
    auto snap = std::make_shared<Snapshot>();
    sqlite3 *db = ws.db();
    // One read transaction keeps the snapshot consistent. Inside the caller's own transaction it already is,
    // and a BEGIN would fail there while the COMMIT below would commit the caller's unfinished work.
    const bool ownRead = sqlite3_get_autocommit(db) != 0 && execSql(db, "BEGIN");
    struct EndRead { sqlite3 *db; bool own; ~EndRead() { if (own) execSql(db, "COMMIT"); } } endRead{db, ownRead};
    // The loader reads every page once: a small page cache for it, not the connection's 64 MB (which
    // would be resident on top of the snapshot at the peak); the connection's own size is restored after.
    const ScopedPragma smallCache(db, "cache_size", -2048);  // KiB
    auto check = [&](const Statement &s) {
        if (s.failed()) error = ws.path() + ": cannot read the workspace: " + s.error();
        return !s.failed();
    };
    auto cancelled = [&](double f) { return progress && !progress(f); };

    IdIndex catIndex;
    {
        Statement s(db, "SELECT id, parent_id, name, path FROM categories ORDER BY path");
        std::vector<int64_t> parentIds;
        while (s.step()) {
            SnapshotCategory c;
            c.id = s.int64(0);
            parentIds.push_back(s.isNull(1) ? -1 : s.int64(1));
            c.name = s.text(2);
            c.path = s.text(3);
            catIndex.add(c.id, uint32_t(snap->categories.size()));
            snap->categories.push_back(std::move(c));
        }
        if (!check(s)) return nullptr;
        for (size_t i = 0; i < parentIds.size(); ++i) snap->categories[i].parent = int32_t(catIndex.find(parentIds[i]));
    }
    IdIndex productIndex;
    {
        Statement s(db, "SELECT id, sku, title, brand, family, origin, category_id, price, cost, stock, recommendable, "
                        "platform, handle, platform_id, product_type, product_title, platform_status, unavailable, "
                        "regular_price, sale_price, stock_status, non_merchandise FROM products ORDER BY id");
        snap->products.edit().reserve(size_t(std::max<int64_t>(0, maxRowId(db, "SELECT max(rowid) FROM products"))));
        while (s.step()) {
            SnapshotProduct p;
            p.id = s.int64(0);
            p.sku = s.text(1);
            p.title = s.text(2);
            p.brand = s.text(3);
            p.family = s.text(4);
            p.origin = s.text(5);
            p.category = s.isNull(6) ? -1 : int32_t(catIndex.find(s.int64(6)));
            if (!s.isNull(7)) p.price = s.real(7);
            if (!s.isNull(8)) p.cost = s.real(8);
            if (!s.isNull(9)) p.stock = s.int64(9);
            p.recommendable = s.int64(10) != 0;
            p.platform = s.text(11);
            p.handle = s.text(12);
            p.platformId = s.text(13);
            p.productType = s.text(14);
            p.productTitle = s.text(15);
            p.platformStatus = s.text(16);
            p.unavailable = s.text(17);
            if (!s.isNull(18)) p.regularPrice = s.real(18);
            if (!s.isNull(19)) p.salePrice = s.real(19);
            p.stockStatus = s.text(20);
            p.nonMerchandise = s.int64(21) != 0;
            const auto index = uint32_t(snap->products.size());
            productIndex.add(p.id, index);
            snap->skuIndex.emplace(p.sku, index);
            snap->products.push_back(std::move(p));
        }
        if (!check(s)) return nullptr;
    }
    if (cancelled(0.1)) return nullptr;
    // The history from the snapshot cache when it is provably current (snapshotcache.h), else from SQL. Only
    // in a read transaction of our own: inside the caller's transaction its uncommitted writes are not yet
    // stamped, so the cache could not tell them apart.
    const bool useCache = ownRead && snapshotcache::enabled() && !ws.path().empty() && ws.path() != ":memory:";
    snapshotcache::Key cacheKey;
    bool keyRead = false, fromCache = false;
    const std::string cacheFile = snapshotcache::pathFor(ws.path());
    if (useCache) {
        std::string keyError, why;
        keyRead = snapshotcache::readKey(db, *snap->products, cacheKey, keyError);
        if (keyRead) {
            fromCache = snapshotcache::read(cacheFile, cacheKey, *snap, &why) == snapshotcache::ReadResult::Used;
            snap->historyFrom = fromCache ? "cache" : "sql (" + why + ")";
        } else {
            snap->historyFrom = "sql (" + keyError + ")";
        }
    }
    if (!fromCache) {
        IdIndex customerIndex;
        {
            Statement s(db, "SELECT id, external_id FROM customers ORDER BY id");
            while (s.step()) {
                customerIndex.add(s.int64(0), uint32_t(snap->customers.size()));
                snap->customers.push_back({s.int64(0), s.text(1)});
            }
            if (!check(s)) return nullptr;
        }
        auto texts = std::make_shared<TextArena>();
        IdIndex orderIndex;
        {
            // Row ids only grow, so the largest bounds the count without a count(*) scan; capacity beyond what
            // is read is address space, never touched memory.
            reserveHuge(snap->orders.edit(), size_t(std::max<int64_t>(0, maxRowId(db, "SELECT max(rowid) FROM orders"))));
            // Country, tags and source repeat: each distinct value is stored once.
            std::unordered_map<std::string, SnapshotText, TextHash, std::equal_to<>> interned;
            auto intern = [&](std::string_view v) {
                if (v.empty()) return SnapshotText();
                auto it = interned.find(v);
                if (it == interned.end()) it = interned.emplace(std::string(v), texts->add(v)).first;
                return it->second;
            };
            // Storage order, then sorted here: ORDER BY ordered_at would sort 1.7M rows in a temp b-tree at 5M
            // lines (2.4 s); stores append orders in time, so this finds them sorted and only checks.
            std::vector<char> noTime;
            Statement s(db, "SELECT id, external_id, customer_id, ordered_at, utc_offset, status, country, tags, source FROM orders");
            while (s.step()) {
                SnapshotOrder o;
                o.id = s.int64(0);
                o.externalId = texts->add(s.textView(1));
                o.customer = s.isNull(2) ? -1 : int32_t(customerIndex.find(s.int64(2)));
                noTime.push_back(s.isNull(3));
                o.orderedAt = s.isNull(3) ? 0 : s.int64(3);
                o.utcOffsetMinutes = int16_t(s.int64(4));
                o.status = statusFrom(s.textView(5));
                o.country = intern(s.textView(6));
                o.tags = intern(s.textView(7));
                o.source = intern(s.textView(8));
                snap->orders.push_back(std::move(o));
            }
            if (!check(s)) return nullptr;
            // The order ORDER BY ordered_at, id gives: no time (NULL) first.
            const std::vector<SnapshotOrder> &orders = *snap->orders;
            auto before = [&](size_t a, size_t b) {
                if (noTime[a] != noTime[b]) return noTime[a] > noTime[b];
                if (orders[a].orderedAt != orders[b].orderedAt) return orders[a].orderedAt < orders[b].orderedAt;
                return orders[a].id < orders[b].id;
            };
            bool sorted = true;
            for (size_t i = 1; i < orders.size() && sorted; ++i) sorted = before(i - 1, i);
            if (!sorted) {
                std::vector<uint32_t> by(orders.size());
                std::iota(by.begin(), by.end(), 0u);
                std::sort(by.begin(), by.end(), before);
                std::vector<SnapshotOrder> inTime;
                reserveHuge(inTime, orders.size());
                for (uint32_t i : by) inTime.push_back(orders[i]);
                snap->orders = std::move(inTime);
            }
            for (size_t i = 0; i < snap->orders.size(); ++i) orderIndex.add(snap->orders->at(i).id, uint32_t(i));
        }
        snap->texts = std::move(texts);
        if (cancelled(0.2)) return nullptr;
        {
            // Full scan in storage order (ORDER BY order_id would walk the index and fetch every row by id).
            // Lines go straight to their final vector with their order beside them (4 bytes a line); when the
            // store appended orders in time they are already grouped and in order, otherwise a counting sort
            // places them with an in-place permutation, so no second copy of the lines is ever held.
            std::vector<SnapshotLine> &lines = snap->lines.edit();
            const auto expected = size_t(std::max<int64_t>(0, maxRowId(db, "SELECT max(rowid) FROM order_lines")));
            reserveHuge(lines, expected);
            std::vector<uint32_t> lineOrder;
            reserveHuge(lineOrder, expected);
            Statement s(db, "SELECT order_id, product_id, quantity, unit_price, discount, refund FROM order_lines");
            bool grouped = true;
            while (s.step()) {
                const int64_t o = orderIndex.find(s.int64(0));
                const int64_t p = productIndex.find(s.int64(1));
                if (o < 0 || p < 0) continue;  // foreign keys make this unreachable; never index out of range
                if (!lineOrder.empty() && uint32_t(o) < lineOrder.back()) grouped = false;
                lineOrder.push_back(uint32_t(o));
                lines.push_back({uint32_t(p), float(s.real(2)), s.real(3), float(s.real(4)), float(s.real(5))});
                if ((lines.size() & 65535) == 0 && cancelled(0.2 + 0.6 * double(lines.size()) / double(expected + 1))) return nullptr;
            }
            if (!check(s)) return nullptr;
            std::vector<uint32_t> start(snap->orders.size() + 1, 0);
            for (uint32_t o : lineOrder) ++start[o + 1];
            std::partial_sum(start.begin(), start.end(), start.begin());
            if (!grouped) {
                // lineOrder becomes each line's destination (stable: a counting sort), then cycles move the lines.
                std::vector<uint32_t> fill(start.begin(), start.end() - 1);
                for (uint32_t &o : lineOrder) o = fill[o]++;
                for (size_t i = 0; i < lines.size(); ++i)
                    while (lineOrder[i] != i) {
                        const uint32_t d = lineOrder[i];
                        std::swap(lines[i], lines[d]);
                        std::swap(lineOrder[i], lineOrder[d]);
                    }
            }
            lineOrder = {};
            std::vector<SnapshotOrder> &orders = snap->orders.edit();
            for (size_t i = 0; i < orders.size(); ++i) {
                SnapshotOrder &o = orders[i];
                o.lineBegin = start[i];
                o.lineEnd = start[i + 1];
                double total = 0;
                for (uint32_t k = o.lineBegin; k < o.lineEnd; ++k) total += lines[k].net();
                o.merchandiseTotal = total;
            }
        }
        if (cancelled(0.85)) return nullptr;
        buildBaskets(*snap);
    }
    {
        Statement s(db, "SELECT id, anchor_type, anchor_id, target_type, target_id, kind, position, pitch, source, status "
                        "FROM relations ORDER BY anchor_type, anchor_id, kind, position, id");
        while (s.step()) {
            SnapshotRelation r;
            r.id = s.int64(0);
            r.anchorType = endpointFromName(s.textView(1)).value_or(EndpointType::Product);
            r.targetType = endpointFromName(s.textView(3)).value_or(EndpointType::Product);
            const IdIndex &a = r.anchorType == EndpointType::Product ? productIndex : catIndex;
            const IdIndex &t = r.targetType == EndpointType::Product ? productIndex : catIndex;
            r.anchor = int32_t(a.find(s.int64(2)));
            r.target = int32_t(t.find(s.int64(4)));
            if (r.anchor < 0 || r.target < 0) continue;  // an endpoint that no longer exists
            r.kind = kindFromName(s.textView(5)).value_or(RelationKind::Accessory);
            r.position = int(s.int64(6));
            r.pitch = s.text(7);
            r.source = sourceFromName(s.textView(8)).value_or(RelationSource::Curated);
            r.status = statusFromName(s.textView(9)).value_or(RelationStatus::Active);
            snap->relations.push_back(std::move(r));
        }
        if (!check(s)) return nullptr;
    }
    snap->historyVersion = ws.historyVersion();
    if (cancelled(1.0)) return nullptr;
    // A failed write just means no cache next time (a read-only folder, a full disk): the load succeeded.
    if (useCache && keyRead && !fromCache && snap->lines.size() >= snapshotcache::minimumLines()) {
        std::string why;
        if (!snapshotcache::write(cacheFile, cacheKey, *snap, &why)) snap->historyFrom += "; cache not written (" + why + ")";
    }
    return snap;
}

std::shared_ptr<const Snapshot> Snapshot::withOrders(const Snapshot &from, const std::vector<char> &keepOrder)
{
    auto snap = std::make_shared<Snapshot>(from);  // the catalog parts stay shared (copy on write)
    std::vector<SnapshotOrder> orders;
    std::vector<SnapshotLine> lines;
    for (size_t i = 0; i < from.orders.size(); ++i) {
        if (i >= keepOrder.size() || !keepOrder[i]) continue;
        SnapshotOrder o = from.orders[i];
        const uint32_t begin = uint32_t(lines.size());
        lines.insert(lines.end(), from.lines->begin() + o.lineBegin, from.lines->begin() + o.lineEnd);
        o.lineBegin = begin;
        o.lineEnd = uint32_t(lines.size());
        orders.push_back(std::move(o));
    }
    snap->orders = std::move(orders);
    snap->lines = std::move(lines);
    buildBaskets(*snap);
    return snap;
}

}  // namespace mb

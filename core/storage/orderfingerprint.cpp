#include "core/storage/orderfingerprint.h"

#include "core/storage/statement.h"

#include <cmath>
#include <cstring>
#include <unordered_map>

namespace mb {

namespace {

// MurmurHash3's 64-bit finaliser (public domain): a bijection whose every output bit depends on every
// input bit. Each word is xor-ed into the state and the state mixed, so a different word at any position
// gives a different state at that position; only a 64-bit collision later could make two orders meet.
uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

// Separates the order's fields from its first line, so that fields cannot pass for a line or back.
constexpr uint64_t kLinesStart = 0x4C494E4553ULL;  // "LINES"

}  // namespace

OrderFingerprint::OrderFingerprint(std::string_view customer, std::optional<int64_t> orderedAt, int32_t utcOffsetMinutes,
                                   std::string_view country, std::string_view currency, std::string_view status,
                                   std::string_view tags, std::string_view source)
    : state_(0x4D42'4F52'4445'5231ULL)  // "MBORDER1": a new digest gets a new seed
{
    absorb(customer);
    absorb(uint64_t(orderedAt.has_value()));
    absorb(uint64_t(orderedAt.value_or(0)));
    absorb(uint64_t(int64_t(utcOffsetMinutes)));
    absorb(country);
    absorb(currency);
    absorb(status);
    absorb(tags);
    absorb(source);
    absorb(kLinesStart);
}

void OrderFingerprint::addLine(std::string_view sku, double quantity, double unitPrice, double discount, double refund)
{
    absorb(sku);
    absorb(quantity);
    absorb(unitPrice);
    absorb(discount);
    absorb(refund);
    ++lines_;
}

int64_t OrderFingerprint::value() const
{
    // The line count closes the digest: an order and the same order with an empty-looking line more differ.
    const uint64_t h = mix(state_ ^ mix(lines_ + 0x9E3779B97F4A7C15ULL));
    int64_t v;
    std::memcpy(&v, &h, sizeof v);
    return v;
}

void OrderFingerprint::absorb(uint64_t word) { state_ = mix(state_ ^ word) + 0x9E3779B97F4A7C15ULL; }

void OrderFingerprint::absorb(std::string_view text)
{
    // The length first, then the bytes eight at a time (the last word zero-padded): "ab" + "c" and "a" + "bc"
    // differ, and so does every text from every other of another length.
    absorb(uint64_t(text.size()));
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        absorb(w);
    }
    if (i < text.size()) {
        uint64_t w = 0;
        std::memcpy(&w, text.data() + i, text.size() - i);
        absorb(w);
    }
}

void OrderFingerprint::absorb(double number)
{
    // As SQLite gives it back: -0.0 comes back as 0.0 (a REAL equal to an integer is stored as one), and NaN
    // as NULL, read as 0.0.
    if (number == 0.0 || std::isnan(number)) number = 0.0;
    uint64_t w;
    std::memcpy(&w, &number, sizeof w);
    absorb(w);
}

const char *orderStatusName(OrderStatus s)
{
    switch (s) {
    case OrderStatus::Completed: return "completed";
    case OrderStatus::Cancelled: return "cancelled";
    case OrderStatus::Returned: return "returned";
    }
    return "completed";
}

std::vector<int64_t> orderFingerprints(const OrderBatch &batch)
{
    std::vector<OrderFingerprint> prints;
    prints.reserve(batch.orders.size());
    for (const OrderRecord &o : batch.orders)
        prints.emplace_back(o.customer, o.hasTime ? std::optional<int64_t>(o.orderedAt) : std::nullopt, o.utcOffsetMinutes,
                            o.country, o.currency, orderStatusName(o.status), o.tags, o.source);
    // Lines in batch order, which is the order the writer inserts them in and so the order they read back.
    for (const OrderLineRecord &l : batch.lines) prints[l.order].addLine(l.sku, l.quantity, l.unitPrice, l.discount, l.refund);
    std::vector<int64_t> values;
    values.reserve(prints.size());
    for (const OrderFingerprint &p : prints) values.push_back(p.value());
    return values;
}

int64_t fillMissingFingerprints(sqlite3 *db, std::string &error)
{
    std::unordered_map<int64_t, OrderFingerprint> prints;
    {
        Statement orders(db, "SELECT o.id, coalesce(c.external_id, ''), o.ordered_at, o.utc_offset, o.country, o.currency, "
                             "o.status, o.tags, o.source FROM orders o LEFT JOIN customers c ON c.id = o.customer_id "
                             "WHERE o.fingerprint IS NULL");
        while (orders.step()) {
            const std::optional<int64_t> at = orders.isNull(2) ? std::nullopt : std::optional<int64_t>(orders.int64(2));
            prints.emplace(orders.int64(0),
                           OrderFingerprint(orders.textView(1), at, int32_t(orders.int64(3)), orders.textView(4),
                                            orders.textView(5), orders.textView(6), orders.textView(7), orders.textView(8)));
        }
        if (orders.failed()) {
            error = orders.error();
            return -1;
        }
    }
    if (prints.empty()) return 0;
    {
        // The lines in the order they were written (rowid), as the batch had them.
        Statement lines(db, "SELECT l.order_id, p.sku, l.quantity, l.unit_price, l.discount, l.refund FROM order_lines l "
                            "JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id "
                            "WHERE o.fingerprint IS NULL ORDER BY l.order_id, l.id");
        while (lines.step()) {
            auto it = prints.find(lines.int64(0));
            if (it != prints.end())
                it->second.addLine(lines.textView(1), lines.real(2), lines.real(3), lines.real(4), lines.real(5));
        }
        if (lines.failed()) {
            error = lines.error();
            return -1;
        }
    }
    Statement store(db, "UPDATE orders SET fingerprint = ?2 WHERE id = ?1");
    for (const auto &[id, print] : prints) {
        store.bind(1, id).bind(2, print.value());
        if (!store.exec()) {
            error = store.error();
            return -1;
        }
    }
    return int64_t(prints.size());
}

}  // namespace mb

#pragma once
// The fingerprint of an order: a 64-bit digest of everything the workspace keeps of it, so that a re-import
// can tell an order the file repeats unchanged (left alone, counted "unchanged") from one it changes
// (rewritten, counted "updated") by comparing one number per order instead of reading its lines back.
//
// What counts is what is stored: the customer's key, the time and its UTC offset, country, currency,
// status, tags, source, and the lines in file order (SKU, quantity, unit price, discount, refund). What does
// not count is where the file had it (line numbers) and which import wrote it: an unchanged order that a
// later export lists on other lines is still unchanged, and keeps the import and lines that wrote it.
//
// The digest is fixed here, not std::hash: it is stored in the file and must read the same on every
// platform and in every later version. A changed order passes for unchanged only if its 64-bit digest
// collides with the old one's, about 1 in 2^64.
#include "core/io/importrecords.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

struct sqlite3;

namespace mb {

class OrderFingerprint {
public:
    // The order's own fields; `orderedAt` is empty when the order has no time.
    OrderFingerprint(std::string_view customer, std::optional<int64_t> orderedAt, int32_t utcOffsetMinutes,
                     std::string_view country, std::string_view currency, std::string_view status,
                     std::string_view tags, std::string_view source);
    // Adds the order's next line.
    void addLine(std::string_view sku, double quantity, double unitPrice, double discount, double refund);
    // The digest as SQLite stores it (an INTEGER).
    int64_t value() const;

private:
    void absorb(uint64_t word);
    void absorb(std::string_view text);
    void absorb(double number);
    uint64_t state_;
    uint64_t lines_ = 0;
};

// The stored name of a status ("completed", "cancelled", "returned").
const char *orderStatusName(OrderStatus status);

// One fingerprint per order of the batch, in the order of batch.orders.
std::vector<int64_t> orderFingerprints(const OrderBatch &batch);

// Computes, from the stored rows, the fingerprint of every order that has none (orders written before the
// workspace kept them) and stores it; inside the caller's transaction. The number filled, or -1 with
// `error` set.
int64_t fillMissingFingerprints(sqlite3 *db, std::string &error);

}  // namespace mb

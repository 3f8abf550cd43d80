#include "ui/orders/orderrows.h"

#include "core/io/fieldparse.h"

#include <algorithm>
#include <string_view>

namespace mb {

namespace {
int64_t dayNumber(const QDate &d) { return d.toJulianDay() - QDate(1970, 1, 1).toJulianDay(); }
char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
}  // namespace

int64_t orderLocalDay(const SnapshotOrder &o)
{
    const int64_t t = o.orderedAt + int64_t(o.utcOffsetMinutes) * 60;
    return t >= 0 ? t / 86400 : (t - 86399) / 86400;
}

bool containsIgnoringCase(std::string_view text, std::string_view lowerNeedle)
{
    if (lowerNeedle.empty()) return true;
    if (lowerNeedle.size() > text.size()) return false;
    return std::search(text.begin(), text.end(), lowerNeedle.begin(), lowerNeedle.end(),
                       [](char a, char b) { return lowerAscii(a) == b; }) != text.end();
}

OrderRows computeOrderRows(const Snapshot &s, const OrderQuery &q)
{
    OrderRows out;
    const int64_t lo = q.from.isValid() ? dayNumber(q.from) : INT64_MIN;
    const int64_t hi = q.to.isValid() ? dayNumber(q.to) : INT64_MAX;
    const std::string needle = asciiLower(q.customer.trimmed().toStdString());
    // Which customers match, once each, so the scan over the orders is one lookup per order.
    std::vector<char> customerMatches;
    if (!needle.empty()) {
        customerMatches.resize(s.customers.size());
        for (size_t c = 0; c < s.customers.size(); ++c) customerMatches[c] = containsIgnoringCase(s.customers[c].externalId, needle);
    }
    const auto &orders = s.orders;
    out.rows.reserve(needle.empty() ? orders.size() : 0);
    for (size_t i = 0; i < orders.size(); ++i) {
        const SnapshotOrder &o = orders[i];
        if (!needle.empty() && (o.customer < 0 || !customerMatches[size_t(o.customer)])) continue;
        if (lo != INT64_MIN || hi != INT64_MAX) {
            const int64_t day = orderLocalDay(o);
            if (day < lo || day > hi) continue;
        }
        out.rows.push_back(uint32_t(i));
    }

    auto byKey = [&](auto proj) {
        std::stable_sort(out.rows.begin(), out.rows.end(), [&](uint32_t a, uint32_t b) { return proj(orders[a]) < proj(orders[b]); });
    };
    const auto &cust = s.customers;
    switch (q.sortColumn) {
    case OrderColumns::Order:  // Order: numbers as numbers ("99" before "100"), then as text
        byKey([](const SnapshotOrder &x) { return std::make_pair(x.externalId.size(), std::string_view(x.externalId)); });
        break;
    case OrderColumns::Time:
        // The snapshot holds the orders sorted by time (then id), and the scan above kept that order:
        // the rows are sorted already, and a stable sort of 1.7M sorted rows would only cost time.
        break;
    case OrderColumns::Customer:
        byKey([&](const SnapshotOrder &x) { return x.customer < 0 ? std::string_view() : std::string_view(cust[size_t(x.customer)].externalId); });
        break;
    case OrderColumns::Lines: byKey([](const SnapshotOrder &x) { return x.lineEnd - x.lineBegin; }); break;
    case OrderColumns::Total: byKey([](const SnapshotOrder &x) { return x.merchandiseTotal; }); break;
    case OrderColumns::Status: byKey([](const SnapshotOrder &x) { return int(x.status); }); break;
    case OrderColumns::Country: byKey([](const SnapshotOrder &x) { return std::string_view(x.country); }); break;
    }
    if (q.sortOrder == Qt::DescendingOrder) std::reverse(out.rows.begin(), out.rows.end());
    out.rowOf.assign(orders.size(), -1);
    for (size_t r = 0; r < out.rows.size(); ++r) out.rowOf[out.rows[r]] = int32_t(r);
    return out;
}

}  // namespace mb

#include "core/placement/purchasehistory.h"

#include "core/storage/snapshot.h"

#include <algorithm>
#include <climits>

namespace mb {

int32_t orderDay(int64_t orderedAt, int32_t utcOffsetMinutes)
{
    const int64_t local = orderedAt + int64_t(utcOffsetMinutes) * 60;
    return int32_t(local >= 0 ? local / 86400 : -((-local + 86399) / 86400));
}

PurchaseHistory::PurchaseHistory(const Snapshot &s) : start_(s.customers.size() + 1, 0)
{
    auto counts = [&](auto &&visit) {
        for (const SnapshotOrder &o : s.orders) {
            if (o.customer < 0 || o.status == OrderStatus::Cancelled) continue;
            const int32_t day = orderDay(o.orderedAt, o.utcOffsetMinutes);
            for (uint32_t l = o.lineBegin; l < o.lineEnd; ++l)
                if (s.lines[l].quantity > 0) visit(uint32_t(o.customer), s.lines[l].product, day);
        }
    };
    for (const SnapshotOrder &o : s.orders)
        if (o.orderedAt != 0) lastDay_ = std::max(lastDay_, orderDay(o.orderedAt, o.utcOffsetMinutes));
    counts([&](uint32_t c, uint32_t, int32_t) { ++start_[c + 1]; });
    for (size_t i = 1; i < start_.size(); ++i) start_[i] += start_[i - 1];
    entries_.resize(start_.back());
    std::vector<uint32_t> fill(start_.begin(), start_.end() - 1);
    counts([&](uint32_t c, uint32_t p, int32_t d) { entries_[fill[c]++] = {p, d}; });
    for (size_t c = 0; c + 1 < start_.size(); ++c)
        std::sort(entries_.begin() + start_[c], entries_.begin() + start_[c + 1],
                  [](const Entry &a, const Entry &b) { return a.product != b.product ? a.product < b.product : a.day < b.day; });
}

int32_t PurchaseHistory::lastPurchase(int32_t customer, uint32_t product, int32_t beforeDay) const
{
    if (customer < 0 || size_t(customer) + 1 >= start_.size()) return INT32_MIN;
    const Entry *b = entries_.data() + start_[size_t(customer)], *e = entries_.data() + start_[size_t(customer) + 1];
    // First entry past (product, beforeDay - 1); the one before it is the answer if it is this product.
    const Entry *it = std::lower_bound(b, e, Entry{product, beforeDay},
                                       [](const Entry &x, const Entry &key) { return x.product != key.product ? x.product < key.product : x.day < key.day; });
    if (it == b) return INT32_MIN;
    --it;
    return it->product == product ? it->day : INT32_MIN;
}

}  // namespace mb

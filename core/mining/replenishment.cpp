#include "core/mining/replenishment.h"

#include "core/storage/snapshot.h"

#include <algorithm>

namespace mb {

namespace {

struct Purchase {
    uint32_t product;
    int32_t customer;
    int64_t day;
    bool operator<(const Purchase &o) const
    {
        if (product != o.product) return product < o.product;
        if (customer != o.customer) return customer < o.customer;
        return day < o.day;
    }
    bool operator==(const Purchase &o) const = default;
};

int64_t localDay(const SnapshotOrder &o)
{
    const int64_t local = o.orderedAt + int64_t(o.utcOffsetMinutes) * 60;
    return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}

double median(std::vector<int64_t> &v)
{
    const size_t m = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + ptrdiff_t(m), v.end());
    if (v.size() % 2) return double(v[m]);
    const int64_t upper = v[m];
    const int64_t lower = *std::max_element(v.begin(), v.begin() + ptrdiff_t(m));
    return (double(lower) + double(upper)) / 2;
}

}  // namespace

Replenishment replenishment(const Snapshot &snapshot, const ReplenishmentOptions &options, const ProgressFn &progress)
{
    Replenishment result;
    auto stop = [&](double f) {
        if (progress && !progress(f)) result.cancelled = true;
        return result.cancelled;
    };
    if (stop(0)) return result;
    std::vector<Purchase> purchases;
    const std::vector<char> excluded = excludedProducts(snapshot, options.exclude);  // postage is no purchase
    const size_t orders = snapshot.orders.size();
    for (size_t i = 0; i < orders; ++i) {
        const SnapshotOrder &o = snapshot.orders[i];
        if (o.status == OrderStatus::Cancelled || o.customer < 0 || o.orderedAt == 0) continue;
        if (!options.exclude.empty() && options.exclude.excludes(o)) {
            ++result.excludedOrders;
            continue;
        }
        const int64_t day = localDay(o);
        for (uint32_t k = o.lineBegin; k < o.lineEnd; ++k)
            if (snapshot.lines[k].quantity > 0 && (excluded.empty() || !excluded[snapshot.lines[k].product]))
                purchases.push_back({snapshot.lines[k].product, o.customer, day});
        if ((i & 16383) == 16383 && stop(0.4 * double(i) / double(orders))) return result;
    }
    std::sort(purchases.begin(), purchases.end());
    purchases.erase(std::unique(purchases.begin(), purchases.end()), purchases.end());
    result.purchases = purchases.size();
    if (stop(0.6)) return result;

    std::vector<int64_t> gaps;
    for (size_t first = 0; first < purchases.size();) {
        const uint32_t product = purchases[first].product;
        ReplenishmentStat stat;
        stat.product = product;
        gaps.clear();
        size_t i = first;
        while (i < purchases.size() && purchases[i].product == product) {
            const int32_t customer = purchases[i].customer;
            const size_t from = i;
            for (++i; i < purchases.size() && purchases[i].product == product && purchases[i].customer == customer; ++i)
                gaps.push_back(purchases[i].day - purchases[i - 1].day);
            ++stat.buyers;
            if (i - from >= 2) ++stat.repeatBuyers;
        }
        first = i;
        stat.intervals = uint32_t(gaps.size());
        if (stat.intervals == 0 || stat.intervals < options.minIntervals) continue;
        stat.repeatShare = double(stat.repeatBuyers) / double(stat.buyers);
        stat.medianDays = median(gaps);
        result.products.push_back(stat);
    }
    stop(1.0);
    if (result.cancelled) result.products.clear();
    return result;
}

}  // namespace mb

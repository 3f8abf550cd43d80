#include "core/backtest/backtestrequests.h"

#include "core/kpi/kpicalendar.h"
#include "core/storage/snapshot.h"

#include <algorithm>
#include <unordered_map>

namespace mb::backtest {

int32_t localDay(const SnapshotOrder &o) { return int32_t(kpicalendar::localDay(o.orderedAt, o.utcOffsetMinutes)); }

uint64_t Random::next()
{
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint64_t mix(uint64_t a, uint64_t b)
{
    Random r(a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull));
    return r.next();
}

namespace {

// The merchandise of a basket: products the merchandiser has not switched off as non-merchandise (postage,
// fees). What a customer bought stays a target even when the store no longer sells it: history is history.
std::vector<uint32_t> merchandise(const Snapshot &s, uint32_t basket)
{
    std::vector<uint32_t> out;
    for (uint32_t k = s.basketStart[basket]; k < s.basketStart[basket + 1]; ++k) {
        const uint32_t p = s.basketItems[k];
        if (s.products[p].recommendable) out.push_back(p);
    }
    return out;
}

// Units bought and the unit price paid per product in an order (the first line with quantity > 0 sets the price).
struct Bought {
    double quantity = 0;
    double price = 0;
};
std::unordered_map<uint32_t, Bought> boughtIn(const Snapshot &s, uint32_t order)
{
    std::unordered_map<uint32_t, Bought> out;
    const SnapshotOrder &o = s.orders[order];
    for (uint32_t k = o.lineBegin; k < o.lineEnd; ++k) {
        const SnapshotLine &l = s.lines[k];
        if (l.quantity <= 0) continue;
        auto [it, fresh] = out.try_emplace(l.product);
        if (fresh) it->second.price = l.unitPrice;
        it->second.quantity += l.quantity;
    }
    return out;
}

void setTargets(Request &r, std::vector<uint32_t> targets, const std::unordered_map<uint32_t, Bought> &paid)
{
    std::sort(targets.begin(), targets.end());
    r.targets = std::move(targets);
    r.targetPrice.clear();
    for (uint32_t t : r.targets) {
        const auto it = paid.find(t);
        r.targetPrice.push_back(it == paid.end() ? 0.0 : it->second.price);
    }
}

void setCart(Request &r, const std::unordered_map<uint32_t, Bought> &bought)
{
    std::sort(r.given.begin(), r.given.end());
    r.cart.clear();
    for (uint32_t p : r.given) {
        const auto it = bought.find(p);
        r.cart.push_back({p, it == bought.end() ? 1.0 : it->second.quantity});
    }
}

}  // namespace

Split splitHistory(const Snapshot &full, int32_t day)
{
    Split s;
    s.day = day;
    s.trainOrder.assign(full.orders.size(), 0);
    for (size_t i = 0; i < full.orders.size(); ++i)
        if (localDay(full.orders[i]) < day) s.trainOrder[i] = 1;
    double total = 0;
    for (uint32_t b = 0; b < full.basketCount(); ++b) {
        const uint32_t order = full.basketOrder[b];
        const bool merch = !merchandise(full, b).empty();
        if (s.trainOrder[order]) {
            s.trainingOrders += merch ? 1 : 0;
        } else {
            s.testBaskets.push_back(b);
            if (merch) {
                ++s.testOrders;
                total += full.orders[order].merchandiseTotal;
            }
        }
    }
    s.testAov = s.testOrders ? total / double(s.testOrders) : 0;
    return s;
}

std::vector<Request> buildRequests(const Snapshot &full, const Split &split, BacktestTask task, const BacktestOptions &options,
                                   size_t &eligible)
{
    // Post-purchase: each known customer's test baskets in time order, to find the next one.
    std::unordered_map<int32_t, std::vector<uint32_t>> byCustomer;
    if (task == BacktestTask::PostPurchase)
        for (uint32_t b : split.testBaskets) {
            const int32_t c = full.orders[full.basketOrder[b]].customer;
            if (c >= 0) byCustomer[c].push_back(b);
        }
    // The next basket of the same customer, later and within the window, with something this one lacks.
    auto nextBasket = [&](uint32_t b) -> int64_t {
        const SnapshotOrder &o = full.orders[full.basketOrder[b]];
        if (o.customer < 0) return -1;
        const std::vector<uint32_t> &list = byCustomer[o.customer];
        auto it = std::upper_bound(list.begin(), list.end(), b);
        for (; it != list.end(); ++it) {
            const SnapshotOrder &n = full.orders[full.basketOrder[*it]];
            if (n.orderedAt <= o.orderedAt) continue;  // the same moment: one checkout split in two, not a next order
            if (n.orderedAt - o.orderedAt > int64_t(options.withinDays) * 86400) return -1;
            return int64_t(*it);
        }
        return -1;
    };

    std::vector<uint32_t> candidates;
    for (uint32_t b : split.testBaskets) {
        const std::vector<uint32_t> items = merchandise(full, b);
        if (task == BacktestTask::PostPurchase) {
            if (items.empty()) continue;
            const int64_t n = nextBasket(b);
            if (n < 0) continue;
            const std::vector<uint32_t> next = merchandise(full, uint32_t(n));
            const bool fresh = std::any_of(next.begin(), next.end(),
                                           [&](uint32_t p) { return !std::binary_search(items.begin(), items.end(), p); });
            if (fresh) candidates.push_back(b);
        } else if (items.size() >= 2) {
            candidates.push_back(b);
        }
    }
    eligible = candidates.size();
    // A seeded partial Fisher-Yates: the first `sample` positions are a uniform sample without replacement.
    const size_t sample = options.samplePerTask == 0 ? candidates.size() : std::min(options.samplePerTask, candidates.size());
    Random pick(mix(options.seed, uint64_t(task) + 1));
    for (size_t i = 0; i < sample; ++i) std::swap(candidates[i], candidates[i + pick.below(candidates.size() - i)]);
    candidates.resize(sample);
    std::sort(candidates.begin(), candidates.end());

    std::vector<Request> out;
    out.reserve(candidates.size());
    for (uint32_t b : candidates) {
        Request r;
        r.order = full.basketOrder[b];
        const SnapshotOrder &o = full.orders[r.order];
        r.customer = o.customer;
        r.day = localDay(o);
        std::vector<uint32_t> items = merchandise(full, b);
        const auto bought = boughtIn(full, r.order);
        // Each request draws from its own stream, so the anchor of a basket does not depend on the sample size.
        Random rng(mix(mix(options.seed, uint64_t(task) + 101), b));
        switch (task) {
        case BacktestTask::ProductPage: {
            const size_t a = rng.below(items.size());
            r.given = {items[a]};
            items.erase(items.begin() + ptrdiff_t(a));
            setTargets(r, std::move(items), bought);
            break;
        }
        case BacktestTask::Cart: {
            for (size_t i = 0; i + 1 < items.size(); ++i) std::swap(items[i], items[i + rng.below(items.size() - i)]);
            const size_t inCart = (items.size() + 1) / 2;
            r.given.assign(items.begin(), items.begin() + ptrdiff_t(inCart));
            setCart(r, bought);
            setTargets(r, std::vector<uint32_t>(items.begin() + ptrdiff_t(inCart), items.end()), bought);
            break;
        }
        case BacktestTask::PostPurchase: {
            r.given = items;
            setCart(r, bought);
            const uint32_t n = uint32_t(nextBasket(b));
            std::vector<uint32_t> targets;
            for (uint32_t p : merchandise(full, n))
                if (!std::binary_search(items.begin(), items.end(), p)) targets.push_back(p);
            setTargets(r, std::move(targets), boughtIn(full, full.basketOrder[n]));
            break;
        }
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace mb::backtest

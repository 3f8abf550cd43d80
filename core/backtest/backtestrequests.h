#pragma once
// The back-test's hold-out: which orders train, which baskets test, and the requests each task makes of a
// test basket (README.md "Split" and "Tasks"). Internal to core/backtest.
#include "core/backtest/backtest.h"
#include "core/placement/recommendcontext.h"

#include <cstdint>
#include <vector>

namespace mb {
struct Snapshot;
struct SnapshotOrder;
}

namespace mb::backtest {

int32_t localDay(const SnapshotOrder &o);

// Deterministic pseudo-random numbers (splitmix64): the same on every platform and standard library, unlike
// std::shuffle or the std distributions, so a seed names one sample everywhere.
class Random {
public:
    explicit Random(uint64_t seed) : state_(seed) {}
    uint64_t next();
    size_t below(size_t n) { return size_t(next() % uint64_t(n)); }  // n > 0; the bias is < n / 2^64

private:
    uint64_t state_;
};
uint64_t mix(uint64_t a, uint64_t b);

struct Split {
    int32_t day = 0;
    std::vector<char> trainOrder;        // per order of the full snapshot: 1 when it trains
    std::vector<uint32_t> testBaskets;   // basket indices of the full snapshot whose order is on/after the split
    size_t trainingOrders = 0, testOrders = 0;  // orders with a merchandise basket on each side
    double testAov = 0;                  // mean merchandise total of the test orders with a merchandise basket
};
Split splitHistory(const Snapshot &full, int32_t day);

struct Request {
    uint32_t order = 0;                  // the test order (index into the full snapshot's orders)
    std::vector<uint32_t> given;         // product page: the anchor; cart: the cart; post-purchase: the order
    std::vector<CartLine> cart;          // `given` with the quantities bought (cart, post-purchase)
    std::vector<uint32_t> targets;       // sorted ascending
    std::vector<double> targetPrice;     // per target: the unit price paid for it in the held-out order
    int32_t customer = -1;
    int32_t day = 0;                     // local day of the test order
};

// The sampled requests of one task, in basket order; `eligible` = test baskets that could make one.
std::vector<Request> buildRequests(const Snapshot &full, const Split &split, BacktestTask task,
                                   const BacktestOptions &options, size_t &eligible);

}  // namespace mb::backtest

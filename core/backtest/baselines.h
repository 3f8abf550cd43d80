#pragma once
// The plain baselines a placement policy is measured against (README.md "Methods"): popularity, co-occurrence
// count, pair rules by confidence and by lift, and EASE, all from the training orders only. Internal to
// core/backtest.
#include "core/backtest/backtest.h"

#include <Eigen/Core>

#include <cstdint>
#include <utility>
#include <vector>

namespace mb {
struct Snapshot;
struct EaseModel;
}

namespace mb::backtest {

// Per-thread work space, so lists are made in parallel without locks.
struct Scratch {
    std::vector<double> score;
    std::vector<char> seen;
    std::vector<uint32_t> touched;
};

class Baselines {
public:
    // ease may be null (EASE not asked for, or the model could not be built: its lists are then empty).
    Baselines(const Snapshot &train, const EaseModel *ease, const BacktestOptions &options);

    // Counts, for every product in `products`, the training baskets it shares with each other product; the
    // co-occurrence, confidence and lift lists read only these. False when progress cancelled.
    bool countPairs(std::vector<uint32_t> products, int threads, const ProgressFn &progress);

    // The ranked list (at most `length`) for what the shopper has (`given`): never an item of `given`,
    // never a product that is not offered, only products with a positive score; ties by training baskets,
    // then catalog order.
    std::vector<uint32_t> list(BacktestMethod method, const std::vector<uint32_t> &given, size_t length, Scratch &scratch) const;

    size_t trainingBaskets() const { return baskets_; }

private:
    using Row = std::vector<std::pair<uint32_t, uint32_t>>;  // (product, baskets holding both), by product
    const Row *row(uint32_t product) const;
    std::vector<uint32_t> top(const std::vector<uint32_t> &given, size_t length, Scratch &scratch) const;

    const Snapshot &train_;
    const EaseModel *ease_;
    BacktestOptions options_;
    size_t baskets_ = 0;
    std::vector<uint32_t> popular_;       // offered products by training baskets, descending
    std::vector<uint32_t> itemStart_, itemBaskets_;  // training baskets of each product (CSR)
    std::vector<int32_t> rowOf_;          // per product: index into rows_, -1 when not counted
    std::vector<Row> rows_;
    std::vector<int32_t> easeIndex_;      // per product: row/column of the EASE model, -1 when not modelled
    Eigen::MatrixXd easeByRow_;           // B transposed: column g is B's row g, contiguous for the per-cart sums
};

}  // namespace mb::backtest

#pragma once
// Scoring ranked lists against what was bought (README.md "Metrics"). Internal to core/backtest.
#include "core/backtest/backtest.h"
#include "core/backtest/backtestrequests.h"

#include <vector>

namespace mb::backtest {

// Accumulates one row's metrics, a request at a time.
class Tally {
public:
    // slots and listLength are the two k; products is the catalog size (for the distinct-picks count).
    Tally(int slots, int listLength, size_t products);
    // list: the method's picks in rank order (any length; only the first max(k) count). offered: per product.
    void add(const Request &request, const std::vector<uint32_t> &list, const std::vector<char> &offered);
    // Fills the metric fields of row (atSlots, atList, coverage, ..., projectedAovLift).
    void finish(BacktestRow &row, size_t offeredTrainingProducts, double attachRate, double testAov) const;

private:
    struct Sums {
        double hit = 0, recall = 0, ndcg = 0;
    };
    void addAt(Sums &sums, int k, const Request &request, const std::vector<uint32_t> &list) const;

    int slots_, listLength_;
    Sums atSlots_, atList_;
    size_t requests_ = 0, withPicks_ = 0, picks_ = 0, nonMerch_ = 0, hits_ = 0, distinct_ = 0;
    double hitValue_ = 0;
    std::vector<char> picked_;
};

}  // namespace mb::backtest

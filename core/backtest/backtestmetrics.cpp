#include "core/backtest/backtestmetrics.h"

#include <algorithm>
#include <cmath>

namespace mb::backtest {

Tally::Tally(int slots, int listLength, size_t products) : slots_(slots), listLength_(listLength), picked_(products, 0) {}

void Tally::addAt(Sums &sums, int k, const Request &r, const std::vector<uint32_t> &list) const
{
    if (r.targets.empty()) return;
    const size_t n = std::min(list.size(), size_t(std::max(k, 0)));
    size_t hits = 0;
    double dcg = 0;
    for (size_t i = 0; i < n; ++i)
        if (std::binary_search(r.targets.begin(), r.targets.end(), list[i])) {
            ++hits;
            dcg += 1.0 / std::log2(double(i) + 2.0);
        }
    double ideal = 0;
    const size_t best = std::min(size_t(std::max(k, 0)), r.targets.size());
    for (size_t i = 0; i < best; ++i) ideal += 1.0 / std::log2(double(i) + 2.0);
    sums.hit += hits > 0 ? 1.0 : 0.0;
    sums.recall += double(hits) / double(r.targets.size());
    sums.ndcg += ideal > 0 ? dcg / ideal : 0.0;
}

void Tally::add(const Request &r, const std::vector<uint32_t> &list, const std::vector<char> &offered)
{
    ++requests_;
    addAt(atSlots_, slots_, r, list);
    addAt(atList_, listLength_, r, list);
    const size_t shown = std::min(list.size(), size_t(std::max(slots_, 0)));
    if (shown > 0) ++withPicks_;
    for (size_t i = 0; i < shown; ++i) {
        const uint32_t p = list[i];
        ++picks_;
        if (p >= offered.size() || !offered[p]) ++nonMerch_;
        if (p < picked_.size() && !picked_[p]) {
            picked_[p] = 1;
            ++distinct_;
        }
        const auto it = std::lower_bound(r.targets.begin(), r.targets.end(), p);
        if (it != r.targets.end() && *it == p) {
            ++hits_;
            hitValue_ += r.targetPrice[size_t(it - r.targets.begin())];
        }
    }
}

void Tally::finish(BacktestRow &row, size_t offeredTrainingProducts, double attachRate, double testAov) const
{
    const double n = requests_ ? double(requests_) : 1.0;
    row.atSlots = {slots_, atSlots_.hit / n, atSlots_.recall / n, atSlots_.ndcg / n};
    row.atList = {listLength_, atList_.hit / n, atList_.recall / n, atList_.ndcg / n};
    row.requests = requests_;
    row.requestsWithPicks = withPicks_;
    row.coverage = double(withPicks_) / n;
    row.distinctPicked = distinct_;
    row.catalogCoverage = offeredTrainingProducts ? double(distinct_) / double(offeredTrainingProducts) : 0;
    row.picks = picks_;
    row.nonMerchandisePicks = nonMerch_;
    row.nonMerchandiseShare = picks_ ? double(nonMerch_) / double(picks_) : 0;
    row.hits = hits_;
    row.hitValue = hitValue_;
    row.projectedAovLift = testAov > 0 ? hitValue_ * attachRate / n / testAov : 0;
}

}  // namespace mb::backtest

#include "core/backtest/baselines.h"

#include "core/mining/ease.h"
#include "core/mining/taskpool.h"
#include "core/storage/snapshot.h"

#include <algorithm>

namespace mb::backtest {

Baselines::Baselines(const Snapshot &train, const EaseModel *ease, const BacktestOptions &options)
    : train_(train), ease_(ease && ease->ok() && ease->weights.rows() > 0 ? ease : nullptr), options_(options)
{
    const size_t n = train.products.size();
    baskets_ = train.basketCount();
    for (uint32_t p = 0; p < n; ++p)
        if (train.basketsWith[p] > 0 && train.products[p].offered()) popular_.push_back(p);
    std::stable_sort(popular_.begin(), popular_.end(),
                     [&](uint32_t a, uint32_t b) { return train.basketsWith[a] > train.basketsWith[b]; });
    itemStart_.assign(n + 1, 0);
    for (uint32_t item : *train.basketItems) ++itemStart_[item + 1];
    for (size_t p = 0; p < n; ++p) itemStart_[p + 1] += itemStart_[p];
    itemBaskets_.resize(train.basketItems.size());
    std::vector<uint32_t> fill(itemStart_.begin(), itemStart_.end() - 1);
    for (uint32_t b = 0; b < baskets_; ++b)
        for (uint32_t k = train.basketStart[b]; k < train.basketStart[b + 1]; ++k) itemBaskets_[fill[train.basketItems[k]]++] = b;
    rowOf_.assign(n, -1);
    easeIndex_.assign(n, -1);
    if (ease_) {
        for (size_t i = 0; i < ease_->items.size(); ++i) easeIndex_[ease_->items[i].product] = int32_t(i);
        easeByRow_ = ease_->weights.transpose();
    }
}

bool Baselines::countPairs(std::vector<uint32_t> products, int threads, const ProgressFn &progress)
{
    std::sort(products.begin(), products.end());
    products.erase(std::unique(products.begin(), products.end()), products.end());
    rows_.assign(products.size(), {});
    for (size_t i = 0; i < products.size(); ++i) rowOf_[products[i]] = int32_t(i);
    const int n = mining::threadCount(threads);
    std::vector<std::vector<uint32_t>> counts(size_t(n), std::vector<uint32_t>(train_.products.size(), 0));
    std::vector<std::vector<uint32_t>> touched(static_cast<size_t>(n));
    return mining::runTasks(products.size(), n, [&](size_t i, int worker) {
        std::vector<uint32_t> &count = counts[size_t(worker)];
        std::vector<uint32_t> &t = touched[size_t(worker)];
        const uint32_t a = products[i];
        for (uint32_t k = itemStart_[a]; k < itemStart_[a + 1]; ++k) {
            const uint32_t b = itemBaskets_[k];
            for (uint32_t j = train_.basketStart[b]; j < train_.basketStart[b + 1]; ++j) {
                const uint32_t other = train_.basketItems[j];
                if (other == a) continue;
                if (count[other]++ == 0) t.push_back(other);
            }
        }
        std::sort(t.begin(), t.end());
        Row &row = rows_[i];
        row.reserve(t.size());
        for (uint32_t other : t) {
            row.emplace_back(other, count[other]);
            count[other] = 0;
        }
        t.clear();
    }, progress);
}

const Baselines::Row *Baselines::row(uint32_t product) const
{
    return product < rowOf_.size() && rowOf_[product] >= 0 ? &rows_[size_t(rowOf_[product])] : nullptr;
}

std::vector<uint32_t> Baselines::top(const std::vector<uint32_t> &given, size_t length, Scratch &s) const
{
    std::vector<uint32_t> cands;
    for (uint32_t p : s.touched) {
        if (s.score[p] > 0 && train_.products[p].offered() &&
            std::find(given.begin(), given.end(), p) == given.end())
            cands.push_back(p);
    }
    auto better = [&](uint32_t a, uint32_t b) {
        if (s.score[a] != s.score[b]) return s.score[a] > s.score[b];
        if (train_.basketsWith[a] != train_.basketsWith[b]) return train_.basketsWith[a] > train_.basketsWith[b];
        return a < b;
    };
    const size_t k = std::min(length, cands.size());
    std::partial_sort(cands.begin(), cands.begin() + ptrdiff_t(k), cands.end(), better);
    cands.resize(k);
    for (uint32_t p : s.touched) {
        s.score[p] = 0;
        s.seen[p] = 0;
    }
    s.touched.clear();
    return cands;
}

std::vector<uint32_t> Baselines::list(BacktestMethod method, const std::vector<uint32_t> &given, size_t length, Scratch &s) const
{
    const size_t n = train_.products.size();
    if (s.score.size() != n) {
        s.score.assign(n, 0);
        s.seen.assign(n, 0);
        s.touched.clear();
    }
    auto touch = [&](uint32_t p) {
        if (!s.seen[p]) {
            s.seen[p] = 1;
            s.touched.push_back(p);
        }
    };
    switch (method) {
    case BacktestMethod::Policy:
        return {};
    case BacktestMethod::Popularity: {
        std::vector<uint32_t> out;
        for (uint32_t p : popular_) {
            if (out.size() >= length) break;
            if (std::find(given.begin(), given.end(), p) == given.end()) out.push_back(p);
        }
        return out;
    }
    case BacktestMethod::CoOccurrence:
    case BacktestMethod::Confidence:
    case BacktestMethod::Lift:
        // A cart's items combine: co-occurrence sums the counts (the cart as one bag of evidence); the rule
        // scores take the strongest rule any cart item makes, as rules are read one antecedent at a time.
        for (uint32_t g : given) {
            const Row *r = row(g);
            if (!r) continue;
            const double ng = double(train_.basketsWith[g]);
            for (const auto &[p, c] : *r) {
                double v = 0;
                if (method == BacktestMethod::CoOccurrence) {
                    v = double(c);
                } else if (method == BacktestMethod::Confidence) {
                    if (c < options_.confidenceMinCount) continue;
                    v = double(c) / ng;
                } else {
                    if (c < options_.liftMinCount) continue;
                    v = double(c) * double(baskets_) / (ng * double(train_.basketsWith[p]));
                }
                touch(p);
                s.score[p] = method == BacktestMethod::CoOccurrence ? s.score[p] + v : std::max(s.score[p], v);
            }
        }
        return top(given, length, s);
    case BacktestMethod::Ease:
        // Scores add over the cart (X B: a basket's row of predictions); items the model left out score nothing.
        if (!ease_) return {};
        for (uint32_t g : given) {
            const int32_t gi = g < easeIndex_.size() ? easeIndex_[g] : -1;
            if (gi < 0) continue;
            const double *row = easeByRow_.col(gi).data();
            for (Eigen::Index j = 0; j < easeByRow_.rows(); ++j) {
                const uint32_t p = ease_->items[size_t(j)].product;
                touch(p);
                s.score[p] += row[j];
            }
        }
        return top(given, length, s);
    }
    return {};
}

}  // namespace mb::backtest

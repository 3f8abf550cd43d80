#include "core/mining/ease.h"

#include "core/mining/pairstatistics.h"
#include "core/mining/taskpool.h"
#include "core/storage/hugepages.h"
#include "core/storage/snapshot.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <chrono>
#include <numeric>

namespace mb {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;

// Panel width of the blocked dense kernels: wide enough for Eigen's matrix product to run near its peak,
// narrow enough to give two threads many tasks to balance.
constexpr Index Panel = 128;

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// X as the gram loop wants it: kept baskets over dense item ids (ascending), and for each item where it
// sits in each basket, so that the loop visits only the items after it (the lower triangle).
struct ItemBaskets {
    std::vector<uint32_t> product;         // dense id -> product index
    std::vector<uint32_t> count;           // dense id -> baskets holding it
    std::vector<uint32_t> items;           // kept baskets, concatenated
    std::vector<uint32_t> invStart;        // dense id -> range in invFrom/invTo
    std::vector<uint32_t> invFrom, invTo;  // per occurrence: the rest of its basket in `items`
};

ItemBaskets selectItems(const Snapshot &s, const EaseOptions &o, const std::vector<char> &kept, const std::vector<char> &excluded,
                        size_t &qualifying)
{
    ItemBaskets x;
    std::vector<uint32_t> counts = basketCountsByProduct(s, kept);
    for (size_t p = 0; p < excluded.size() && p < counts.size(); ++p)
        if (excluded[p]) counts[p] = 0;  // non-merchandise: no item of the model, no context of another's
    std::vector<uint32_t> chosen;
    for (uint32_t p = 0; p < counts.size(); ++p)
        if (counts[p] > 0 && counts[p] >= o.minBaskets) chosen.push_back(p);
    qualifying = chosen.size();
    if (chosen.size() > o.maxItems) {
        std::stable_sort(chosen.begin(), chosen.end(), [&](uint32_t a, uint32_t b) { return counts[a] > counts[b]; });
        chosen.resize(o.maxItems);
        std::sort(chosen.begin(), chosen.end());
    }
    std::vector<uint32_t> dense(counts.size(), UINT32_MAX);
    for (uint32_t d = 0; d < chosen.size(); ++d) {
        dense[chosen[d]] = d;
        x.product.push_back(chosen[d]);
        x.count.push_back(counts[chosen[d]]);
    }
    // Baskets reduced to modelled items; those left with one item only add to the diagonal, which comes
    // from the counts, so they are dropped.
    std::vector<uint32_t> start{0};
    reserveHuge(x.items, s.basketItems.size());   // ~4 B a basket item: see core/storage/hugepages.h
    for (size_t b = 0; b < s.basketCount(); ++b) {
        if (!kept.empty() && !kept[b]) continue;
        const size_t before = x.items.size();
        for (uint32_t k = s.basketStart[b]; k < s.basketStart[b + 1]; ++k)
            if (const uint32_t d = dense[s.basketItems[k]]; d != UINT32_MAX) x.items.push_back(d);
        if (x.items.size() - before < 2)
            x.items.resize(before);
        else
            start.push_back(uint32_t(x.items.size()));
    }
    const size_t n = x.product.size();
    x.invStart.assign(n + 1, 0);
    for (uint32_t d : x.items) ++x.invStart[d + 1];
    std::partial_sum(x.invStart.begin(), x.invStart.end(), x.invStart.begin());
    reserveHuge(x.invFrom, x.items.size());
    reserveHuge(x.invTo, x.items.size());
    x.invFrom.resize(x.items.size());
    x.invTo.resize(x.items.size());
    std::vector<uint32_t> fill(x.invStart.begin(), x.invStart.end() - 1);
    for (size_t b = 0; b + 1 < start.size(); ++b)
        for (uint32_t k = start[b]; k < start[b + 1]; ++k) {
            const uint32_t at = fill[x.items[k]]++;
            x.invFrom[at] = k + 1;
            x.invTo[at] = start[b + 1];
        }
    return x;
}

// Lower triangle of X'X + lambda I, one column per anchor item: its co-counts land in a small per-thread
// array that stays in cache, and are written out as one contiguous column. The strict upper triangle is
// zeroed so that no kernel below ever reads uninitialised memory.
bool gram(const ItemBaskets &x, double lambda, int threads, MatrixXd &a, const ProgressFn &progress)
{
    const Index n = Index(x.product.size());
    std::vector<std::vector<uint32_t>> co(size_t(threads), std::vector<uint32_t>(size_t(n), 0));
    return mining::runTasks(size_t(n), threads, [&](size_t anchor, int worker) {
        std::vector<uint32_t> &c = co[size_t(worker)];
        const Index i = Index(anchor);
        for (uint32_t k = x.invStart[anchor]; k < x.invStart[anchor + 1]; ++k)
            for (uint32_t m = x.invFrom[k]; m < x.invTo[k]; ++m) ++c[x.items[m]];
        double *col = a.col(i).data();
        std::fill(col, col + i, 0.0);
        col[i] = double(x.count[anchor]) + lambda;
        for (Index j = i + 1; j < n; ++j) {
            col[j] = double(c[size_t(j)]);
            c[size_t(j)] = 0;
        }
    }, progress, 0.05, 0.1);
}

// In-place blocked right-looking Cholesky of the lower triangle; the trailing update (almost all of the
// work) is split into column panels run in parallel.
bool cholesky(MatrixXd &a, int threads, const ProgressFn &progress, bool &notPositive)
{
    const Index n = a.rows();
    for (Index k = 0; k < n; k += Panel) {
        const Index b = std::min(Panel, n - k);
        Eigen::Ref<MatrixXd> a11 = a.block(k, k, b, b);
        Eigen::LLT<Eigen::Ref<MatrixXd>> llt(a11);
        if (llt.info() != Eigen::Success) {
            notPositive = true;
            return false;
        }
        const Index r = n - k - b;
        if (r == 0) break;
        const auto l11 = a.block(k, k, b, b).triangularView<Eigen::Lower>();
        const Index rowTasks = (r + Panel - 1) / Panel;
        mining::runTasks(size_t(rowTasks), threads, [&](size_t t, int) {
            const Index r0 = k + b + Index(t) * Panel, rows = std::min(Panel, n - r0);
            auto a21 = a.block(r0, k, rows, b);
            l11.transpose().solveInPlace<Eigen::OnTheRight>(a21);
        });
        const double done = 1.0 - double(r) * double(r) * double(r) / (double(n) * double(n) * double(n));
        const bool go = mining::runTasks(size_t(rowTasks), threads, [&](size_t t, int) {
            const Index c0 = k + b + Index(t) * Panel, w = std::min(Panel, n - c0);
            a.block(c0, c0, n - c0, w).noalias() -= a.block(c0, k, n - c0, b) * a.block(c0, k, w, b).transpose();
        });
        if (!go || (progress && !progress(0.15 + 0.3 * done))) return false;
    }
    return true;
}

// L^-1, one column panel per task: panel c solves only the trailing triangle L[c:, c:] against the
// identity's columns, skipping the rows above c that are known to be zero (a third of a full solve).
bool lowerInverse(const MatrixXd &l, MatrixXd &li, int threads, const ProgressFn &progress)
{
    const Index n = l.rows();
    const Index panels = (n + Panel - 1) / Panel;
    return mining::runTasks(size_t(panels), threads, [&](size_t t, int) {
        const Index c = Index(t) * Panel, w = std::min(Panel, n - c);
        auto x = li.block(c, c, n - c, w);
        x.setZero();
        x.topRows(w).setIdentity();
        l.block(c, c, n - c, n - c).triangularView<Eigen::Lower>().solveInPlace(x);
    }, progress, 0.45, 0.25);
}

// Lower triangle of P = L^-T L^-1 into `p`, one block row per task; rows of L^-1 above the block row are
// zero in its columns, so each product starts at the block row.
bool inverseProduct(const MatrixXd &li, MatrixXd &p, int threads, const ProgressFn &progress)
{
    const Index n = li.rows();
    const Index panels = (n + Panel - 1) / Panel;
    // The middle block rows cost most ((n - start) x end); start them first so no thread idles at the end.
    std::vector<Index> order(static_cast<size_t>(panels));
    std::iota(order.begin(), order.end(), Index(0));
    auto cost = [&](Index t) { const Index s = t * Panel; return double(n - s) * double(std::min(n, s + Panel)); };
    std::stable_sort(order.begin(), order.end(), [&](Index x, Index y) { return cost(x) > cost(y); });
    const bool go = mining::runTasks(size_t(panels), threads, [&](size_t task, int) {
        const Index s = order[task] * Panel, w = std::min(Panel, n - s), end = s + w;
        p.block(s, 0, w, end).noalias() = li.block(s, s, n - s, w).transpose() * li.block(s, 0, n - s, end);
    }, progress, 0.7, 0.15);
    if (!go) return false;
    // Mirror into the upper triangle tile by tile, so column i of P is item i's whole row.
    return mining::runTasks(size_t(panels), threads, [&](size_t t, int) {
        const Index c = Index(t) * Panel, w = std::min(Panel, n - c);
        for (Index r = 0; r < c; r += Panel) {
            const Index h = std::min(Panel, c - r);
            p.block(r, c, h, w).noalias() = p.block(c, r, w, h).transpose();
        }
        for (Index j = c; j < c + w; ++j)
            for (Index i = c; i < j; ++i) p(i, j) = p(j, i);
    }, progress, 0.85, 0.05);
}

// Item i's neighbours from column i of P: weight of j is -P[j][i] / P[j][j]. The list is kept sorted by
// weight with earlier (smaller) indices first on ties; candidates arrive by ascending index, so a later
// equal weight never displaces an earlier one.
void topNeighbours(const MatrixXd &p, const std::vector<double> &diag, const ItemBaskets &x, int k, Index i,
                   std::vector<EaseNeighbour> &out)
{
    out.clear();
    if (k <= 0) return;
    const Index n = p.rows();
    const double *col = p.col(i).data();
    for (Index j = 0; j < n; ++j) {
        if (j == i) continue;
        const double w = -col[j] / diag[size_t(j)];
        if (out.size() == size_t(k) && !(w > out.back().weight)) continue;
        auto at = std::find_if(out.begin(), out.end(), [&](const EaseNeighbour &e) { return w > e.weight; });
        if (out.size() == size_t(k)) out.pop_back();
        out.insert(at, EaseNeighbour{x.product[size_t(j)], w});
    }
}

}  // namespace

EaseModel trainEase(const Snapshot &snapshot, const EaseOptions &options, const ProgressFn &progress)
{
    EaseModel model;
    const int threads = mining::threadCount(options.threads);
    auto cancelled = [&](double f) { return progress && !progress(f); };
    if (cancelled(0.0)) {
        model.cancelled = true;
        return model;
    }
    auto clock = std::chrono::steady_clock::now();
    const std::vector<char> excluded = excludedProducts(snapshot, options.exclude);
    const std::vector<char> kept = keptBaskets(snapshot, options.exclude, excluded);
    model.baskets = keptBasketCount(snapshot, kept);
    model.excludedBaskets = snapshot.basketCount() - model.baskets;
    const ItemBaskets x = selectItems(snapshot, options, kept, excluded, model.qualifyingItems);
    model.truncated = model.qualifyingItems > x.product.size();
    const Index n = Index(x.product.size());
    model.timings.loadMs = msSince(clock);
    if (n == 0) {
        model.error = "no product is in at least " + std::to_string(options.minBaskets) + " of the " +
                      std::to_string(model.baskets) + " baskets; lower the minimum to build the item model";
        return model;
    }
    if (cancelled(0.05)) {
        model.cancelled = true;
        return model;
    }

    clock = std::chrono::steady_clock::now();
    Eigen::initParallel();
    MatrixXd a(n, n);
    if (!gram(x, options.lambda, threads, a, progress)) {
        model.cancelled = true;
        return model;
    }
    model.timings.gramMs = msSince(clock);

    clock = std::chrono::steady_clock::now();
    bool notPositive = false;
    if (!cholesky(a, threads, progress, notPositive)) {
        if (notPositive)
            model.error = "the item model has no solution with lambda " + std::to_string(options.lambda) +
                          " (X'X + lambda I is not positive definite); use a lambda above 0";
        else
            model.cancelled = true;
        return model;
    }
    {
        MatrixXd li(n, n);
        if (!lowerInverse(a, li, threads, progress) || !inverseProduct(li, a, threads, progress)) {
            model.cancelled = true;
            return model;
        }
    }
    model.timings.solveMs = msSince(clock);

    clock = std::chrono::steady_clock::now();
    model.items.resize(size_t(n));
    std::vector<double> diag(static_cast<size_t>(n));
    for (Index j = 0; j < n; ++j) diag[size_t(j)] = a(j, j);
    const bool go = mining::runTasks(size_t(n), threads, [&](size_t i, int) {
        EaseItem &item = model.items[i];
        item.product = x.product[i];
        item.baskets = x.count[i];
        topNeighbours(a, diag, x, options.topK, Index(i), item.neighbours);
    }, progress, 0.9, 0.1);
    if (!go) {
        model.items.clear();
        model.cancelled = true;
        return model;
    }
    if (options.keepWeights) {
        // B = I - P diag(1/diag(P)): column j of P divided by -P[j][j], then the diagonal cleared.
        for (Index j = 0; j < n; ++j) {
            const double d = a(j, j);
            a.col(j) = -a.col(j) / d;
            a(j, j) = 0;
        }
        model.weights = std::move(a);
    }
    model.timings.topKMs = msSince(clock);
    return model;
}

}  // namespace mb

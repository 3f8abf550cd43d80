#include "core/mining/pairstatistics.h"

#include "core/mining/taskpool.h"
#include "core/storage/hugepages.h"
#include "core/storage/snapshot.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mb {

namespace {

constexpr uint32_t NotFrequent = std::numeric_limits<uint32_t>::max();

// The baskets again, keeping only items that can still form a frequent pair (a pair is never in more
// baskets than either of its items), renumbered densely in product order so that the dense order is the
// output order. Baskets left with fewer than two items hold no pair and are dropped.
struct PrunedBaskets {
    std::vector<uint32_t> product;            // dense id -> product index
    std::vector<uint32_t> start, items;       // CSR over the kept baskets
    std::vector<uint32_t> invStart, invBasket;  // dense id -> the kept baskets holding it
};

PrunedBaskets prune(const Snapshot &s, const std::vector<uint32_t> &counts, uint32_t threshold, const std::vector<char> &kept)
{
    PrunedBaskets p;
    std::vector<uint32_t> dense(counts.size(), NotFrequent);
    for (uint32_t i = 0; i < counts.size(); ++i)
        if (counts[i] >= threshold && counts[i] > 0) {
            dense[i] = uint32_t(p.product.size());
            p.product.push_back(i);
        }
    p.start.push_back(0);
    reserveHuge(p.items, s.basketItems.size());   // ~4 B a basket item: see core/storage/hugepages.h
    const size_t baskets = s.basketCount();
    for (size_t b = 0; b < baskets; ++b) {
        if (!kept.empty() && !kept[b]) continue;
        const size_t before = p.items.size();
        for (uint32_t k = s.basketStart[b]; k < s.basketStart[b + 1]; ++k)
            if (const uint32_t d = dense[s.basketItems[k]]; d != NotFrequent) p.items.push_back(d);
        if (p.items.size() - before < 2)
            p.items.resize(before);
        else
            p.start.push_back(uint32_t(p.items.size()));
    }
    const size_t n = p.product.size();
    p.invStart.assign(n + 1, 0);
    for (uint32_t d : p.items) ++p.invStart[d + 1];
    for (size_t i = 0; i < n; ++i) p.invStart[i + 1] += p.invStart[i];
    reserveHuge(p.invBasket, p.items.size());
    p.invBasket.resize(p.items.size());
    std::vector<uint32_t> fill(p.invStart.begin(), p.invStart.end() - 1);
    for (uint32_t b = 0; b + 1 < p.start.size(); ++b)
        for (uint32_t k = p.start[b]; k < p.start[b + 1]; ++k) p.invBasket[fill[p.items[k]]++] = b;
    return p;
}

PairRule makeRule(uint32_t a, uint32_t b, uint32_t count, uint32_t na, uint32_t nb, size_t baskets)
{
    PairRule r;
    r.antecedent = a;
    r.consequent = b;
    r.count = count;
    r.antecedentCount = na;
    r.consequentCount = nb;
    if (baskets == 0 || na == 0 || nb == 0) return r;
    const double c = double(count), n = double(baskets), da = double(na), db = double(nb);
    r.support = c / n;
    r.confidence = c / da;
    r.lift = c * n / (da * db);
    r.cosine = c / std::sqrt(da * db);
    return r;
}

// Per-thread scratch: co-counts of the current anchor with every dense item, and which ones it touched,
// so that resetting costs the touched entries, not the whole array.
struct Scratch {
    std::vector<uint32_t> co;
    std::vector<uint32_t> touched;
    std::vector<PairRule> anchorRules;  // the anchor's rules above the lower of the two count floors
    std::vector<uint32_t> ranked;       // indices into anchorRules, for the top-N cut
    std::vector<char> keep;
    size_t frequentPairs = 0;
    size_t topOnly = 0;
};

// Rank of every product by SKU in byte order: the top-N tie-break, the same a warehouse's ORDER BY sku
// COLLATE "C" gives, so that pushed-down mining keeps the very same rules.
std::vector<uint32_t> skuRanks(const Snapshot &s)
{
    std::vector<uint32_t> order(s.products.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return s.products[a].sku < s.products[b].sku; });
    std::vector<uint32_t> rank(order.size());
    for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    return rank;
}

}  // namespace

std::vector<uint32_t> basketCountsByProduct(const Snapshot &snapshot, const std::vector<char> &kept)
{
    std::vector<uint32_t> counts(snapshot.products.size(), 0);
    for (size_t b = 0; b < snapshot.basketCount(); ++b) {
        if (!kept.empty() && !kept[b]) continue;
        for (uint32_t k = snapshot.basketStart[b]; k < snapshot.basketStart[b + 1]; ++k) {
            const uint32_t p = snapshot.basketItems[k];
            if (p >= counts.size()) counts.resize(size_t(p) + 1, 0);
            ++counts[p];
        }
    }
    return counts;
}

uint32_t supportCountThreshold(double minSupport, size_t baskets)
{
    if (!(minSupport > 0) || baskets == 0) return 0;
    const double n = double(baskets);
    if (minSupport > 1) return uint32_t(std::min<size_t>(baskets + 1, std::numeric_limits<uint32_t>::max()));
    double c = std::ceil(minSupport * n);
    // minSupport * n is rounded; settle on the exact boundary of the comparison support >= minSupport.
    while (c > 0 && (c - 1) / n >= minSupport) c -= 1;
    while (c / n < minSupport) c += 1;
    return uint32_t(c);
}

PairSummary forEachPairRule(const Snapshot &snapshot, const PairOptions &options, const PairSink &sink,
                            const ProgressFn &progress)
{
    PairSummary summary;
    const std::vector<char> excluded = excludedProducts(snapshot, options.exclude);
    const std::vector<char> kept = keptBaskets(snapshot, options.exclude, excluded);
    summary.baskets = keptBasketCount(snapshot, kept);
    summary.excludedBaskets = snapshot.basketCount() - summary.baskets;
    summary.excludedSkus = excludedSkus(snapshot, excluded);
    std::vector<uint32_t> counts = basketCountsByProduct(snapshot, kept);
    // A product left out is in no basket: with a count of 0 it is pruned below and forms no pair.
    for (size_t p = 0; p < excluded.size() && p < counts.size(); ++p)
        if (excluded[p]) counts[p] = 0;
    summary.items = size_t(std::count_if(counts.begin(), counts.end(), [](uint32_t c) { return c > 0; }));
    summary.countThreshold =
        std::max({options.minCount, supportCountThreshold(options.minSupport, summary.baskets), uint32_t(1)});
    const bool top = options.topPerAnchor > 0;
    const uint32_t topFloor = std::max(options.topMinCount, uint32_t(1));
    // Items that cannot reach either floor hold no kept pair.
    const uint32_t floor = top ? std::min(summary.countThreshold, topFloor) : summary.countThreshold;
    if (progress && !progress(0.0)) {
        summary.cancelled = true;
        return summary;
    }
    const PrunedBaskets p = prune(snapshot, counts, floor, kept);
    const std::vector<uint32_t> skuRank = top ? skuRanks(snapshot) : std::vector<uint32_t>();
    const size_t n = p.product.size();
    summary.frequentItems = size_t(std::count_if(counts.begin(), counts.end(), [&](uint32_t c) { return c >= summary.countThreshold && c > 0; }));

    const int threads = mining::threadCount(options.threads);
    std::vector<Scratch> scratch(static_cast<size_t>(threads));
    for (Scratch &s : scratch) s.co.assign(n, 0);

    // Anchors go in blocks: each block's rules reach the sink in order before the next block starts, which
    // bounds memory and gives the caller a progress point between blocks.
    constexpr size_t Block = 256;
    std::vector<std::vector<PairRule>> perAnchor(Block);
    std::vector<PairRule> chunk;
    const uint32_t threshold = summary.countThreshold;
    for (size_t first = 0; first < n; first += Block) {
        const size_t last = std::min(n, first + Block);
        mining::runTasks(last - first, threads, [&](size_t local, int worker) {
            Scratch &s = scratch[size_t(worker)];
            std::vector<PairRule> &out = perAnchor[local];
            out.clear();
            const uint32_t a = uint32_t(first + local);
            for (uint32_t k = p.invStart[a]; k < p.invStart[a + 1]; ++k) {
                const uint32_t b = p.invBasket[k];
                for (uint32_t m = p.start[b]; m < p.start[b + 1]; ++m)
                    if (s.co[p.items[m]]++ == 0) s.touched.push_back(p.items[m]);
            }
            // Output by consequent: sort the touched ids, or sweep the array when most of it was touched.
            if (s.touched.size() * 16 > n) {
                s.touched.clear();
                for (uint32_t j = 0; j < n; ++j)
                    if (s.co[j]) s.touched.push_back(j);
            } else {
                std::sort(s.touched.begin(), s.touched.end());
            }
            const uint32_t pa = p.product[a];
            s.anchorRules.clear();
            for (uint32_t j : s.touched) {
                const uint32_t c = s.co[j];
                s.co[j] = 0;
                if (j == a || c < floor) continue;
                if (j > a && c >= threshold) ++s.frequentPairs;
                const uint32_t pb = p.product[j];
                s.anchorRules.push_back(makeRule(pa, pb, c, counts[pa], counts[pb], summary.baskets));
            }
            const size_t m = s.anchorRules.size();
            s.keep.assign(m, 0);
            for (size_t i = 0; i < m; ++i) {
                const PairRule &r = s.anchorRules[i];
                s.keep[i] = r.count >= threshold && r.confidence >= options.minConfidence;
            }
            if (top) {
                s.ranked.clear();
                for (size_t i = 0; i < m; ++i)
                    if (s.anchorRules[i].count >= topFloor) s.ranked.push_back(uint32_t(i));
                const size_t n = std::min<size_t>(options.topPerAnchor, s.ranked.size());
                std::partial_sort(s.ranked.begin(), s.ranked.begin() + ptrdiff_t(n), s.ranked.end(), [&](uint32_t x, uint32_t y) {
                    const PairRule &rx = s.anchorRules[x], &ry = s.anchorRules[y];
                    if (rx.count != ry.count) return rx.count > ry.count;
                    return skuRank[rx.consequent] < skuRank[ry.consequent];
                });
                for (size_t k = 0; k < n; ++k)
                    if (!s.keep[s.ranked[k]]) {
                        s.keep[s.ranked[k]] = 1;
                        ++s.topOnly;
                    }
            }
            for (size_t i = 0; i < m; ++i)
                if (s.keep[i]) out.push_back(s.anchorRules[i]);
            s.touched.clear();
        });
        chunk.clear();
        for (size_t local = 0; local < last - first; ++local)
            chunk.insert(chunk.end(), perAnchor[local].begin(), perAnchor[local].end());
        summary.rules += chunk.size();
        if (!chunk.empty() && sink && !sink(chunk)) break;
        if (progress && !progress(double(last) / double(n))) {
            summary.cancelled = true;
            break;
        }
    }
    for (const Scratch &s : scratch) {
        summary.frequentPairs += s.frequentPairs;
        summary.topOnlyRules += s.topOnly;
    }
    return summary;
}

PairStatistics minePairs(const Snapshot &snapshot, const PairOptions &options, const ProgressFn &progress)
{
    PairStatistics result;
    result.summary = forEachPairRule(
        snapshot, options,
        [&](std::span<const PairRule> rules) {
            result.rules.insert(result.rules.end(), rules.begin(), rules.end());
            return true;
        },
        progress);
    if (result.summary.cancelled) result.rules.clear();
    return result;
}

PairRule pairRule(const Snapshot &snapshot, uint32_t antecedent, uint32_t consequent, const std::vector<char> &kept)
{
    return pairRules(snapshot, antecedent, std::span<const uint32_t>(&consequent, 1), kept).front();
}

std::vector<PairRule> pairRules(const Snapshot &snapshot, uint32_t antecedent, std::span<const uint32_t> consequents,
                                const std::vector<char> &kept)
{
    // Each wanted product's slot in the counts; a product asked for twice shares one.
    std::vector<int32_t> slot(snapshot.products.size(), -1);
    std::vector<uint32_t> wanted;
    for (uint32_t c : consequents)
        if (c < slot.size() && slot[c] < 0) {
            slot[c] = int32_t(wanted.size());
            wanted.push_back(c);
        }
    std::vector<uint32_t> nb(wanted.size(), 0), both(wanted.size(), 0);
    uint32_t na = 0;
    const size_t baskets = keptBasketCount(snapshot, kept);
    for (size_t b = 0; b < snapshot.basketCount(); ++b) {
        if (!kept.empty() && !kept[b]) continue;
        const auto first = snapshot.basketItems.begin() + snapshot.basketStart[b];
        const auto last = snapshot.basketItems.begin() + snapshot.basketStart[b + 1];
        const bool hasA = std::binary_search(first, last, antecedent);
        na += hasA;
        for (auto it = first; it != last; ++it)
            if (const int32_t k = *it < slot.size() ? slot[*it] : -1; k >= 0) {
                ++nb[size_t(k)];
                both[size_t(k)] += hasA;
            }
    }
    std::vector<PairRule> out;
    out.reserve(consequents.size());
    for (uint32_t c : consequents) {
        const int32_t k = c < slot.size() ? slot[c] : -1;
        out.push_back(k < 0 ? makeRule(antecedent, c, 0, na, 0, baskets) : makeRule(antecedent, c, both[size_t(k)], na, nb[size_t(k)], baskets));
    }
    return out;
}

}  // namespace mb

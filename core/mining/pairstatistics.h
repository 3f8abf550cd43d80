#pragma once
// Pair statistics over the snapshot's baskets: for every ordered pair A -> B bought together often enough,
// how often (count, support), how often B follows A (confidence = attach rate), how much more than chance
// (lift) and a symmetric, size-fair similarity (cosine). Counting is exact integer arithmetic; the ratios
// are computed once per rule from the integer counts.
#include "core/io/importrecords.h"
#include "core/mining/orderexclusion.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace mb {

struct Snapshot;

struct PairOptions {
    double minSupport = 0;     // share of baskets holding both items (0..1)
    uint32_t minCount = 2;     // baskets holding both items; with minSupport the stricter one wins
    double minConfidence = 0;  // count / baskets holding the antecedent
    // Besides every rule passing the thresholds above, each antecedent keeps its topPerAnchor strongest
    // partners (by count, then consequent SKU in byte order) among those with count >= topMinCount, so a
    // product whose pairs all fall under a store-wide support still has its best evidence (0 = off).
    uint32_t topPerAnchor = 0;
    uint32_t topMinCount = 3;
    int threads = 0;           // 0 = one per core
    OrderExclusion exclude;    // orders whose baskets are not counted at all (not in support's denominator either),
                               // and products left out of every basket (non-merchandise)
};

struct PairRule {
    uint32_t antecedent = 0;       // index into Snapshot::products
    uint32_t consequent = 0;       // index into Snapshot::products
    uint32_t count = 0;            // baskets holding both
    uint32_t antecedentCount = 0;  // baskets holding the antecedent
    uint32_t consequentCount = 0;  // baskets holding the consequent
    double support = 0;            // count / baskets
    double confidence = 0;         // count / antecedentCount: the attach rate of the consequent
    double lift = 0;               // confidence / (consequentCount / baskets)
    double cosine = 0;             // count / sqrt(antecedentCount * consequentCount)
};

struct PairSummary {
    size_t baskets = 0;          // non-empty baskets counted: the denominator of support
    size_t excludedBaskets = 0;  // baskets PairOptions::exclude left out: an excluded order's, or holding only excluded products
    std::vector<std::string> excludedSkus;  // the products left out of every basket (non-merchandise), in byte order
    size_t items = 0;            // products in at least one basket
    uint32_t countThreshold = 0; // the minimum count actually applied (minCount and minSupport combined)
    size_t frequentItems = 0;    // items in at least countThreshold baskets: only these can form a pair
    size_t frequentPairs = 0;    // unordered pairs with count >= countThreshold (before minConfidence)
    size_t rules = 0;            // ordered rules kept (passing every threshold, or among an anchor's top)
    size_t topOnlyRules = 0;     // of those, kept only as one of their antecedent's topPerAnchor
    bool cancelled = false;
};

struct PairStatistics {
    PairSummary summary;
    std::vector<PairRule> rules;  // by antecedent index, then consequent index
};

// Receives the rules in their final order, a run of antecedents at a time; return false to stop early.
using PairSink = std::function<bool(std::span<const PairRule> rules)>;

// Streams every rule without holding them all: with minCount 1 a big shop has many millions. progress
// returning false cancels (summary.cancelled, sink not called again).
PairSummary forEachPairRule(const Snapshot &snapshot, const PairOptions &options, const PairSink &sink,
                            const ProgressFn &progress = {});

// All rules in memory; rules is empty when cancelled.
PairStatistics minePairs(const Snapshot &snapshot, const PairOptions &options, const ProgressFn &progress = {});

// The statistics of one given pair, whatever its count (all ratios 0 when an item is in no basket), over the
// kept baskets only when `kept` (keptBaskets()) is not empty.
PairRule pairRule(const Snapshot &snapshot, uint32_t antecedent, uint32_t consequent, const std::vector<char> &kept = {});
// The rules antecedent -> each of `consequents` (in their order) from ONE pass over the baskets: the Maps view
// asks for every EASE neighbour of an anchor that no saved rule covers, and a pass each took seconds on a
// 50M-line store (17M baskets), on the GUI thread.
std::vector<PairRule> pairRules(const Snapshot &snapshot, uint32_t antecedent, std::span<const uint32_t> consequents,
                                const std::vector<char> &kept = {});

// Baskets holding each product, indexed like Snapshot::products; only the kept ones (keptBaskets()) when
// `kept` is not empty.
std::vector<uint32_t> basketCountsByProduct(const Snapshot &snapshot, const std::vector<char> &kept = {});

// The smallest count c with c / baskets >= minSupport, compared exactly as support is, so that a filter on
// the printed support and this threshold never disagree.
uint32_t supportCountThreshold(double minSupport, size_t baskets);

}  // namespace mb

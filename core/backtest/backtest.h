#pragma once
// The back-test: a temporal hold-out of the workspace's own order history. Orders before the split day
// train every method (the placements' current policies over evidence mined from the training orders only,
// and plain baselines); the baskets from the split day on are the test. Each test basket is turned into
// requests a placement would have served (product page: one item viewed, the rest bought with it; cart:
// half the basket in the cart; post-purchase: the order, and what the customer bought next) and every
// method's list is scored against what the customer actually bought. README.md states every definition.
//
// Deterministic (sampling is seeded); runs on a worker thread with progress and Cancel; reads no database
// (runBacktest takes a loaded snapshot; the Workspace overload only reads the policies and mining settings).
#include "core/mining/minedresults.h"
#include "core/placement/placementpolicy.h"

#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mb {

class Workspace;
struct Snapshot;

// What a request looks like (README.md "Tasks").
enum class BacktestTask { ProductPage, Cart, PostPurchase };
constexpr BacktestTask allBacktestTasks[] = {BacktestTask::ProductPage, BacktestTask::Cart, BacktestTask::PostPurchase};
const char *backtestTaskName(BacktestTask t);                           // "product-page", "cart", "post-purchase"
const char *backtestTaskLabel(BacktestTask t);                          // "Product page", "Cart", "Post-purchase"
std::optional<BacktestTask> backtestTaskFromName(std::string_view s);   // the names above
// The placement whose slots set k for the task's baselines (and whose policy is its "policy" row).
Placement backtestTaskPlacement(BacktestTask t);

// Who makes the list (README.md "Methods").
enum class BacktestMethod { Policy, Popularity, CoOccurrence, Confidence, Lift, Ease };
constexpr BacktestMethod allBacktestMethods[] = {BacktestMethod::Policy, BacktestMethod::Popularity, BacktestMethod::CoOccurrence,
                                                 BacktestMethod::Confidence, BacktestMethod::Lift, BacktestMethod::Ease};
const char *backtestMethodName(BacktestMethod m);   // "policy", "popularity", "cooccurrence", "confidence", "lift", "ease"
const char *backtestMethodLabel(BacktestMethod m);  // "Current policy", "Popularity", "Co-occurrence", ...
std::optional<BacktestMethod> backtestMethodFromName(std::string_view s);

struct BacktestOptions {
    // The first test day, as days since 1970-01-01; an order belongs to the test when its local day (its
    // time plus its UTC offset) is on or after it. Unset: the day on which the last `testShare` of the
    // merchandise baskets begins (defaultSplitDay).
    std::optional<int32_t> splitDay;
    double testShare = 0.2;
    std::vector<BacktestTask> tasks{std::begin(allBacktestTasks), std::end(allBacktestTasks)};
    std::vector<BacktestMethod> methods{std::begin(allBacktestMethods), std::end(allBacktestMethods)};
    size_t samplePerTask = 1000;   // requests sampled per task; 0 = every eligible test basket
    uint64_t seed = 13;            // same seed, same history -> same sample, same figures
    int withinDays = 30;           // post-purchase: the customer's next order counts when this close
    double attachRate = 0.05;      // projected AOV lift: share of shown hits assumed to be bought
    int listLength = 10;           // the second k ("@10")
    uint32_t confidenceMinCount = 2;  // pair rules by confidence: baskets holding both, at least
    uint32_t liftMinCount = 5;        // pair rules by lift: a pair seen fewer times is noise, not lift
    bool knownCustomer = true;     // the policies see the test order's customer (already-bought rules apply)
    int threads = 0;               // 0 = one per core
};

// Phase text ("Mining the training orders") and the fraction of the whole run (0..1); false cancels.
// Called on the thread that called runBacktest only.
using BacktestProgressFn = std::function<bool(const std::string &phase, double fraction)>;

struct BacktestMetrics {
    int k = 0;
    double hitRate = 0;  // share of requests with at least one target in the first k picks
    double recall = 0;   // mean of (targets in the first k) / targets
    double ndcg = 0;     // mean NDCG@k, binary relevance, ideal = min(k, targets) hits on top
};

// One method on one task.
struct BacktestRow {
    BacktestTask task = BacktestTask::ProductPage;
    BacktestMethod method = BacktestMethod::Policy;
    Placement placement = Placement::ProductPage;  // the policy's placement; for baselines the task's
    std::string label;            // "Current policy (checkout)", "EASE"
    int slots = 0;                // the placement's slots: the first k
    BacktestMetrics atSlots, atList;  // k = slots and k = options.listLength
    size_t requests = 0;
    size_t requestsWithPicks = 0;
    double coverage = 0;          // requestsWithPicks / requests
    size_t distinctPicked = 0;    // products shown (first `slots` picks) in any request
    double catalogCoverage = 0;   // distinctPicked / offered products bought in the training orders
    size_t picks = 0;             // picks shown (first `slots`) over all requests
    size_t nonMerchandisePicks = 0;
    double nonMerchandiseShare = 0;  // picks of products not offered (the recommendable switch off or unavailable) / picks
    size_t hits = 0;              // shown picks that were bought (first `slots`)
    double hitValue = 0;          // what those hits were paid (one unit each, the price in the held-out order)
    double projectedAovLift = 0;  // hitValue * attachRate / requests / test AOV (an estimate: see assumptions)
    double millis = 0;            // time to answer every request
};

struct BacktestTaskSummary {
    BacktestTask task = BacktestTask::ProductPage;
    size_t eligible = 0;          // test baskets that can make a request
    size_t sampled = 0;           // requests evaluated
    double meanTargets = 0;       // targets per request
};

struct BacktestResult {
    BacktestOptions options;
    int32_t splitDay = 0;
    std::string splitDate;        // "2011-10-01"
    bool defaultSplit = false;    // chosen by defaultSplitDay
    size_t trainingOrders = 0, testOrders = 0;      // non-cancelled orders with merchandise baskets
    size_t trainingBaskets = 0, testBaskets = 0;
    size_t offeredTrainingProducts = 0;             // denominator of catalog coverage
    double testAov = 0;                             // mean merchandise total of the test orders
    std::vector<BacktestTaskSummary> tasks;         // in options.tasks order
    std::vector<BacktestRow> rows;                  // by task (options.tasks order), then method
    std::string assumptions;      // plain sentences: what the split, the sample and the AOV estimate assume
    double millis = 0;
    bool cancelled = false;
    std::string error;            // why nothing could be measured ("no orders before 2009-01-01")

    bool ok() const { return error.empty() && !cancelled; }
    const BacktestRow *row(BacktestTask t, BacktestMethod m, Placement p) const;
    const BacktestRow *row(BacktestTask t, BacktestMethod m) const;  // the first (policy: the task's placement)
};

// The day on which the last `testShare` of the non-cancelled baskets holding merchandise (a product whose
// recommendable switch is on) begins
// (days since 1970-01-01, local day of the order); INT32_MIN when the history has fewer than 2 such days.
int32_t defaultSplitDay(const Snapshot &snapshot, double testShare = 0.2);

// "2011-10-01" -> days since 1970-01-01; nullopt when not a valid YYYY-MM-DD date.
std::optional<int32_t> parseBacktestDate(std::string_view text);

// Runs every requested task and method; policies and mining settings are the workspace's (loadPolicies,
// MiningSettings::fromRuns). Safe on a worker thread: reads only `snapshot`, which must outlive the call.
BacktestResult runBacktest(const Snapshot &snapshot, const PolicySet &policies, const MiningSettings &mining,
                           const BacktestOptions &options, const BacktestProgressFn &progress = {});
// The same with the policies and mining settings read from the workspace (error set when they cannot be).
BacktestResult runBacktest(const Workspace &ws, const Snapshot &snapshot, const BacktestOptions &options,
                           const BacktestProgressFn &progress = {});

// One row per task x method x k (slots, then listLength), with a header row; RFC 4180 via core/io/csvwriter.
std::string backtestCsv(const BacktestResult &result);
// Everything in the result: split, counts, per-task summaries, rows with both metric sets, assumptions.
QJsonObject backtestJson(const BacktestResult &result);

}  // namespace mb

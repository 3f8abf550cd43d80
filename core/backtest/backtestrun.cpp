#include "core/backtest/backtest.h"

#include "core/backtest/backtestmetrics.h"
#include "core/backtest/backtestrequests.h"
#include "core/backtest/baselines.h"
#include "core/io/numbertext.h"
#include "core/kpi/kpicalendar.h"
#include "core/mining/taskpool.h"
#include "core/placement/minedevidence.h"
#include "core/placement/placementengine.h"
#include "core/storage/minedstore.h"
#include "core/storage/snapshot.h"
#include "core/storage/typicalproduct.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace mb {

using namespace backtest;

int32_t defaultSplitDay(const Snapshot &snapshot, double testShare)
{
    std::vector<int32_t> days;
    for (uint32_t b = 0; b < snapshot.basketCount(); ++b) {
        bool merch = false;
        for (uint32_t k = snapshot.basketStart[b]; k < snapshot.basketStart[b + 1] && !merch; ++k)
            merch = snapshot.products[snapshot.basketItems[k]].recommendable;
        if (merch) days.push_back(localDay(snapshot.orders[snapshot.basketOrder[b]]));
    }
    if (days.empty()) return INT32_MIN;
    const auto [lowest, highest] = std::minmax_element(days.begin(), days.end());
    const int32_t firstDay = *lowest;
    if (firstDay == *highest) return INT32_MIN;
    const double share = std::clamp(testShare, 0.0, 1.0);
    size_t first = size_t(double(days.size()) * (1.0 - share));
    first = std::min(first, days.size() - 1);
    // The day at that rank by selection, not a full sort: linear, which matters on 17M baskets (50M lines).
    std::nth_element(days.begin(), days.begin() + std::ptrdiff_t(first), days.end());
    if (days[first] != firstDay) return days[first];
    // The whole first day trains: a split inside a day would put half of one day's orders on each side.
    int32_t next = INT32_MAX;
    for (int32_t d : days)
        if (d > firstDay) next = std::min(next, d);
    return next;
}

namespace {



bool wants(const BacktestOptions &o, BacktestMethod m) { return std::find(o.methods.begin(), o.methods.end(), m) != o.methods.end(); }

std::string checkOptions(const BacktestOptions &o)
{
    if (o.tasks.empty()) return "no task to run: name at least one of product-page, cart, post-purchase";
    if (o.methods.empty()) return "no method to run: name at least one of policy, popularity, cooccurrence, confidence, lift, ease";
    if (o.withinDays < 1) return "within-days is " + std::to_string(o.withinDays) + "; expected a whole number of days from 1";
    if (!(o.attachRate > 0 && o.attachRate <= 1)) return "attach rate is " + fixedDecimals(o.attachRate, 4) + "; expected a share above 0 and at most 1";
    if (o.listLength < 1 || o.listLength > 100) return "list length is " + std::to_string(o.listLength) + "; expected 1 to 100";
    if (!(o.testShare > 0 && o.testShare < 1)) return "test share is " + fixedDecimals(o.testShare, 4) + "; expected a share between 0 and 1";
    return {};
}

// The rows one task produces, in display order: the policies first, then the baselines.
struct RowPlan {
    BacktestMethod method;
    Placement placement;
};
std::vector<RowPlan> planFor(BacktestTask task, const BacktestOptions &o)
{
    std::vector<RowPlan> out;
    for (BacktestMethod m : allBacktestMethods) {
        if (!wants(o, m)) continue;
        if (m == BacktestMethod::Policy) {
            out.push_back({m, backtestTaskPlacement(task)});
            // Checkout sees the same cart as the cart page: its policy is measured on the cart task too.
            if (task == BacktestTask::Cart) out.push_back({m, Placement::Checkout});
        } else {
            out.push_back({m, backtestTaskPlacement(task)});
        }
    }
    return out;
}

// The store as it stood before the split, as far as the workspace can tell: only the training orders; the
// relations the merchandiser accepted from mining are left out (they were mined over the whole history, the
// test included); a product known only from orders is priced at the median of its positive unit prices in
// the training orders (its stored price is that of every order, later ones too). Curated relations, the
// catalog's own prices and the switches stay as they are now: the workspace keeps no history of them.
std::shared_ptr<const Snapshot> trainingSnapshot(const Snapshot &full, const std::vector<char> &keepOrder)
{
    auto snap = std::make_shared<Snapshot>(*Snapshot::withOrders(full, keepOrder));
    std::erase_if(snap->relations, [](const SnapshotRelation &r) { return r.source == RelationSource::Mined; });
    std::vector<std::vector<double>> paid(snap->products.size());
    for (const SnapshotOrder &o : *snap->orders) {
        if (o.status == OrderStatus::Cancelled) continue;
        for (uint32_t i = o.lineBegin; i < o.lineEnd; ++i) {
            const SnapshotLine &l = (*snap->lines)[i];
            if (l.unitPrice > 0 && l.quantity > 0 && snap->products[l.product].origin == "orders") paid[l.product].push_back(l.unitPrice);
        }
    }
    for (size_t p = 0; p < paid.size(); ++p) {
        if (paid[p].empty()) continue;
        const double typical = median(paid[p]);  // the rule the import prices order-only products by
        if (snap->products[p].price != typical) snap->products.edit()[p].price = typical;
    }
    snap->historyVersion = -1;  // not the workspace's history: nothing may take it for the saved runs' history
    return snap;
}

std::string assumptionsText(const BacktestResult &r)
{
    const BacktestOptions &o = r.options;
    std::string s;
    s += "Split: orders from " + r.splitDate + " on (the order's local day) are the test" +
         (r.defaultSplit ? " (the default: the last " + fixedDecimals(o.testShare * 100, 0) + " % of the merchandise orders)" : "") +
         "; the " + withThousands(r.trainingOrders) + " orders before it alone train every method: the current policies over evidence mined "
         "from them with the workspace's mining settings, and the baselines. Relations accepted from mining are left out "
         "(they were mined over the test too); a product known only from orders is priced at the median of its training "
         "prices; curated relations, catalog prices and the switches are today's.\n";
    s += "Sample: " + (o.samplePerTask ? "up to " + withThousands(o.samplePerTask) : std::string("all")) +
         " test baskets per task, seed " + std::to_string(o.seed) + ". Targets are a basket's merchandise: products switched off as "
         "non-merchandise are neither anchors, cart items nor targets; post-purchase targets are what the same customer bought in "
         "their next order within " + std::to_string(o.withinDays) + " days and not in this one.\n";
    s += std::string("The policies see the test order's ") + (o.knownCustomer ? "customer (their earlier purchases apply)" : "shopper as anonymous") +
         " and its day. Baselines never show what is in the cart or a product that is not offered, and show only products with "
         "positive evidence; pair rules by confidence need " + std::to_string(o.confidenceMinCount) + " baskets holding both, by lift " +
         std::to_string(o.liftMinCount) + ".\n";
    s += "Projected AOV lift is an estimate, not a measurement: it assumes " + fixedDecimals(o.attachRate * 100, 1) +
         " % of the shown picks the customer did buy were bought because they were shown, one unit each at the price paid in the "
         "held-out order, spread over every request and divided by the test AOV of " + fixedDecimals(r.testAov, 2) +
         ". It credits nothing for picks the customer did not buy, and the held-out customer bought the hits without seeing them.";
    return s;
}

}  // namespace

BacktestResult runBacktest(const Snapshot &full, const PolicySet &policies, const MiningSettings &mining,
                           const BacktestOptions &options, const BacktestProgressFn &progress)
{
    QElapsedTimer timer;
    timer.start();
    BacktestResult result;
    result.options = options;
    result.error = checkOptions(options);
    if (!result.error.empty()) return result;
    auto say = [&](const std::string &phase, double f) {
        if (progress && !progress(phase, f)) result.cancelled = true;
        return !result.cancelled;
    };
    auto part = [&](const std::string &phase, double from, double to) -> ProgressFn {
        if (!progress) return {};
        return [&progress, &result, phase, from, to](double f) {
            if (!progress(phase, from + (to - from) * f)) result.cancelled = true;
            return !result.cancelled;
        };
    };
    if (!say("Splitting the history", 0)) return result;

    result.defaultSplit = !options.splitDay.has_value();
    result.splitDay = options.splitDay ? *options.splitDay : defaultSplitDay(full, options.testShare);
    if (result.splitDay == INT32_MIN) {
        result.error = "the order history spans fewer than two days of merchandise orders: there is nothing to split into training and test";
        return result;
    }
    result.splitDate = kpicalendar::isoDate(result.splitDay);
    const Split split = splitHistory(full, result.splitDay);
    result.trainingOrders = split.trainingOrders;
    result.testOrders = split.testOrders;
    result.testBaskets = split.testBaskets.size();
    result.testAov = split.testAov;
    if (split.trainingOrders == 0) {
        result.error = "no merchandise orders before the split day " + result.splitDate + ": nothing to train on";
        return result;
    }
    if (split.testOrders == 0) {
        result.error = "no merchandise orders on or after the split day " + result.splitDate + ": nothing to test";
        return result;
    }
    const std::shared_ptr<const Snapshot> trainPtr = trainingSnapshot(full, split.trainOrder);
    const Snapshot &train = *trainPtr;
    result.trainingBaskets = train.basketCount();
    std::vector<char> flags(train.products.size(), 0);
    for (size_t p = 0; p < train.products.size(); ++p) {
        const SnapshotProduct &product = train.products[p];
        if (!product.recommendable) flags[p] |= backtest::Tally::NonMerchandise;
        if (product.offered() && train.basketsWith[p] > 0) {
            flags[p] |= backtest::Tally::InCatalog;
            ++result.offeredTrainingProducts;
        }
    }
    if (!say("Sampling the test baskets", 0.03)) return result;

    std::vector<std::vector<Request>> requests;
    for (BacktestTask t : options.tasks) {
        BacktestTaskSummary sum;
        sum.task = t;
        requests.push_back(buildRequests(full, split, t, options, sum.eligible));
        sum.sampled = requests.back().size();
        size_t targets = 0;
        for (const Request &r : requests.back()) targets += r.targets.size();
        sum.meanTargets = sum.sampled ? double(targets) / double(sum.sampled) : 0;
        result.tasks.push_back(sum);
    }

    // Training: what the product would have mined from the training orders alone.
    const bool policy = wants(options, BacktestMethod::Policy);
    const bool easeBaseline = wants(options, BacktestMethod::Ease);
    MinedEvidenceBuilder evidence(train);
    if (policy) {
        PairOptions po = mining.pairs;
        po.threads = options.threads;
        const PairSummary ps = forEachPairRule(train, po, [&](std::span<const PairRule> rules) {
            evidence.addPairRules(rules);
            return true;
        }, part("Mining pairs in the training orders", 0.05, 0.2));
        if (ps.cancelled || result.cancelled) {
            result.cancelled = true;
            return result;
        }
    }
    std::unique_ptr<EaseModel> ease;
    if (policy || easeBaseline) {
        EaseOptions eo = mining.ease;
        eo.threads = options.threads;
        eo.keepWeights = easeBaseline;
        ease = std::make_unique<EaseModel>(trainEase(train, eo, part("Training EASE on the training orders", 0.2, 0.55)));
        if (ease->cancelled || result.cancelled) {
            result.cancelled = true;
            return result;
        }
        if (policy && ease->ok()) evidence.addEase(*ease);
    }
    std::unique_ptr<PlacementEngine> engine;
    if (policy) {
        const Replenishment repl = replenishment(train, mining.replenishment, part("Replenishment in the training orders", 0.55, 0.6));
        if (repl.cancelled || result.cancelled) {
            result.cancelled = true;
            return result;
        }
        evidence.addReplenishment(repl);
        engine = std::make_unique<PlacementEngine>(train, evidence.finish(), policies);
    }
    Baselines baselines(train, ease.get(), options);
    if (wants(options, BacktestMethod::CoOccurrence) || wants(options, BacktestMethod::Confidence) || wants(options, BacktestMethod::Lift)) {
        std::vector<uint32_t> given;
        for (const auto &list : requests)
            for (const Request &r : list) given.insert(given.end(), r.given.begin(), r.given.end());
        if (!baselines.countPairs(std::move(given), options.threads, part("Counting pairs for the baselines", 0.6, 0.65)) ||
            result.cancelled) {
            result.cancelled = true;
            return result;
        }
    }

    // Evaluation: every method's list for every request, in parallel; scored in request order.
    size_t plannedRows = 0;
    for (BacktestTask t : options.tasks) plannedRows += planFor(t, options).size();
    size_t doneRows = 0;
    const int threads = mining::threadCount(options.threads);
    for (size_t ti = 0; ti < options.tasks.size(); ++ti) {
        const BacktestTask task = options.tasks[ti];
        const std::vector<Request> &reqs = requests[ti];
        for (const RowPlan &plan : planFor(task, options)) {
            const PlacementPolicy &pol = policies[size_t(plan.placement)];
            const int slots = std::max(pol.slots, 1);
            const size_t length = size_t(std::max(slots, options.listLength));
            BacktestRow row;
            row.task = task;
            row.method = plan.method;
            row.placement = plan.placement;
            row.slots = slots;
            row.label = backtestMethodLabel(plan.method);
            if (plan.method == BacktestMethod::Policy) row.label += std::string(" (") + placementName(plan.placement) + ")";
            const std::string phase = std::string(backtestTaskLabel(task)) + ": " + row.label;
            const double from = 0.65 + 0.35 * double(doneRows) / double(plannedRows);
            const double to = 0.65 + 0.35 * double(doneRows + 1) / double(plannedRows);
            QElapsedTimer rowTimer;
            rowTimer.start();
            std::vector<std::vector<uint32_t>> lists(reqs.size());
            std::vector<Scratch> scratch(static_cast<size_t>(threads));
            const bool finished = mining::runTasks(reqs.size(), threads, [&](size_t i, int worker) {
                const Request &r = reqs[i];
                if (plan.method != BacktestMethod::Policy) {
                    lists[i] = baselines.list(plan.method, r.given, length, scratch[size_t(worker)]);
                    return;
                }
                RecommendContext ctx;
                ctx.placement = plan.placement;
                if (task == BacktestTask::ProductPage) ctx.anchor = int32_t(r.given.front());
                else ctx.cart = r.cart;
                ctx.customer = options.knownCustomer ? r.customer : -1;
                ctx.day = r.day;
                const RecommendResult rec = engine->recommend(ctx);
                lists[i].reserve(rec.picks.size());
                for (const Recommendation &p : rec.picks) lists[i].push_back(p.product);
            }, part(phase, from, to));
            if (!finished || result.cancelled) {
                result.cancelled = true;
                return result;
            }
            Tally tally(slots, options.listLength, full.products.size());
            for (size_t i = 0; i < reqs.size(); ++i) tally.add(reqs[i], lists[i], flags);
            tally.finish(row, result.offeredTrainingProducts, options.attachRate, result.testAov);
            row.millis = double(rowTimer.nsecsElapsed()) / 1e6;
            result.rows.push_back(std::move(row));
            ++doneRows;
        }
    }
    result.assumptions = assumptionsText(result);
    result.millis = double(timer.nsecsElapsed()) / 1e6;
    say("Done", 1.0);
    result.cancelled = false;  // finished: a late Cancel changes nothing
    return result;
}

BacktestResult runBacktest(const Workspace &ws, const Snapshot &snapshot, const BacktestOptions &options,
                           const BacktestProgressFn &progress)
{
    PolicySet policies = defaultPolicies();
    std::string error;
    if (!loadPolicies(ws, policies, error)) {
        BacktestResult r;
        r.options = options;
        r.error = error;
        return r;
    }
    // Only the runs' parameters: the mined rows themselves are of the whole history, which the back-test must not see.
    return runBacktest(snapshot, policies, MiningSettings::ofSavedRuns(ws), options, progress);
}

}  // namespace mb

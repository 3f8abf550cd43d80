#include "core/backtest/backtest.h"


#include <cctype>

namespace mb {

namespace {
const char *const taskNames[] = {"product-page", "cart", "post-purchase"};
const char *const taskLabels[] = {"Product page", "Cart", "Post-purchase"};
const char *const methodNames[] = {"policy", "popularity", "cooccurrence", "confidence", "lift", "ease"};
const char *const methodLabels[] = {"Current policy", "Popularity", "Co-occurrence", "Pair rules (confidence)",
                                    "Pair rules (lift)", "EASE"};
}  // namespace

const char *backtestTaskName(BacktestTask t) { return taskNames[int(t)]; }
const char *backtestTaskLabel(BacktestTask t) { return taskLabels[int(t)]; }

std::optional<BacktestTask> backtestTaskFromName(std::string_view s)
{
    for (BacktestTask t : allBacktestTasks)
        if (s == taskNames[int(t)]) return t;
    return std::nullopt;
}

Placement backtestTaskPlacement(BacktestTask t)
{
    switch (t) {
    case BacktestTask::ProductPage: return Placement::ProductPage;
    case BacktestTask::Cart: return Placement::Cart;
    case BacktestTask::PostPurchase: return Placement::PostPurchase;
    }
    return Placement::ProductPage;
}

const char *backtestMethodName(BacktestMethod m) { return methodNames[int(m)]; }
const char *backtestMethodLabel(BacktestMethod m) { return methodLabels[int(m)]; }

std::optional<BacktestMethod> backtestMethodFromName(std::string_view s)
{
    for (BacktestMethod m : allBacktestMethods)
        if (s == methodNames[int(m)]) return m;
    return std::nullopt;
}

const BacktestRow *BacktestResult::row(BacktestTask t, BacktestMethod m, Placement p) const
{
    for (const BacktestRow &r : rows)
        if (r.task == t && r.method == m && r.placement == p) return &r;
    return nullptr;
}

const BacktestRow *BacktestResult::row(BacktestTask t, BacktestMethod m) const
{
    if (m == BacktestMethod::Policy) return row(t, m, backtestTaskPlacement(t));
    for (const BacktestRow &r : rows)
        if (r.task == t && r.method == m) return &r;
    return nullptr;
}

}  // namespace mb

#include "core/backtest/backtest.h"

#include "core/io/fieldparse.h"

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

std::optional<int32_t> parseBacktestDate(std::string_view text)
{
    // Exactly YYYY-MM-DD: a split day is typed by hand, so "2011-9-1" or a trailing time is an error, not a guess.
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    auto num = [&](size_t from, size_t n) {
        int v = 0;
        for (size_t i = from; i < from + n; ++i) v = v * 10 + (text[i] - '0');
        return v;
    };
    const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (m < 1 || m > 12 || d < 1) return std::nullopt;
    static const int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > monthDays[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
    return int32_t(daysFromCivil(y, unsigned(m), unsigned(d)));
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

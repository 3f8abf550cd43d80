// backtest [--split YYYY-MM-DD] [--tasks ...] [--methods ...] [--sample N|all] [--seed S] [--within-days N]
//          [--attach-rate R] [--anonymous] [--csv FILE] [--json]: the temporal hold-out of core/backtest, printed as a table.
#include "command.h"

#include "core/backtest/backtest.h"
#include "core/io/atomicfile.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <algorithm>
#include <cstdio>

namespace mb::cli {
namespace {

std::vector<std::string> splitList(const std::string &s)
{
    std::vector<std::string> out;
    size_t from = 0;
    while (from <= s.size()) {
        const size_t comma = s.find(',', from);
        const std::string item = s.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
        if (!item.empty()) out.push_back(item);
        if (comma == std::string::npos) break;
        from = comma + 1;
    }
    return out;
}

std::string fixed(double v, int decimals)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string pad(std::string s, size_t width, bool right = false)
{
    if (s.size() >= width) return s;
    return right ? std::string(width - s.size(), ' ') + s : s + std::string(width - s.size(), ' ');
}

std::string table(const BacktestResult &r)
{
    std::string out;
    out += "Back-test: train before " + r.splitDate + (r.defaultSplit ? " (default split)" : "") + ", " + grouped(static_cast<long long>(r.trainingOrders)) +
           " training orders, " + grouped(static_cast<long long>(r.testOrders)) + " test orders (AOV " + fixed(r.testAov, 2) + ")\n";
    for (const BacktestTaskSummary &t : r.tasks) {
        out += "\n" + std::string(backtestTaskLabel(t.task)) + ": " + grouped(static_cast<long long>(t.sampled)) + " requests of " +
               grouped(static_cast<long long>(t.eligible)) + " eligible baskets, " + fixed(t.meanTargets, 1) + " targets each\n";
        out += "  " + pad("method", 32) + pad("k", 4, true) + pad("HR", 7, true) + pad("Recall", 8, true) + pad("NDCG", 7, true) +
               pad("k", 4, true) + pad("HR", 7, true) + pad("Recall", 8, true) + pad("NDCG", 7, true) + pad("cover", 7, true) +
               pad("catalog", 9, true) + pad("non-mer", 8, true) + pad("AOV lift", 10, true) + "\n";
        for (const BacktestRow &row : r.rows) {
            if (row.task != t.task) continue;
            out += "  " + pad(row.label, 32);
            for (const BacktestMetrics *m : {&row.atSlots, &row.atList})
                out += pad(std::to_string(m->k), 4, true) + pad(fixed(m->hitRate, 3), 7, true) + pad(fixed(m->recall, 3), 8, true) +
                       pad(fixed(m->ndcg, 3), 7, true);
            out += pad(fixed(row.coverage, 3), 7, true) + pad(fixed(row.catalogCoverage, 3), 9, true) +
                   pad(fixed(row.nonMerchandiseShare, 3), 8, true) + pad(fixed(row.projectedAovLift * 100, 2) + " %", 10, true) + "\n";
        }
    }
    out += "\n" + r.assumptions + "\n";
    out += "(" + fixed(r.millis / 1000, 1) + " s)\n";
    return out;
}

int runBacktestCommand(Context &ctx)
{
    CliArgs a(ctx.args, {"split", "tasks", "methods", "sample", "seed", "within-days", "attach-rate", "csv"}, {"anonymous"});
    if (!a.ok()) return ctx.usage(a.error());
    if (!a.positional().empty()) return ctx.usage("backtest takes no positional arguments, got \"" + a.positional().front() + "\"");
    BacktestOptions o;
    if (const auto split = a.value("split")) {
        o.splitDay = parseBacktestDate(*split);
        if (!o.splitDay) return ctx.usage("--split: \"" + *split + "\" is not a date; expected YYYY-MM-DD");
    }
    if (const auto tasks = a.value("tasks")) {
        o.tasks.clear();
        for (const std::string &t : splitList(*tasks)) {
            const auto task = backtestTaskFromName(t);
            if (!task) return ctx.usage("--tasks: \"" + t + "\" is not a task; expected a comma-separated list of product-page, cart, post-purchase");
            if (std::find(o.tasks.begin(), o.tasks.end(), *task) == o.tasks.end()) o.tasks.push_back(*task);
        }
        if (o.tasks.empty()) return ctx.usage("--tasks: expected a comma-separated list of product-page, cart, post-purchase");
    }
    if (const auto methods = a.value("methods")) {
        std::vector<BacktestMethod> chosen;
        for (const std::string &m : splitList(*methods)) {
            const auto method = backtestMethodFromName(m);
            if (!method) return ctx.usage("--methods: \"" + m + "\" is not a method; expected a comma-separated list of policy, popularity, cooccurrence, confidence, lift, ease");
            if (std::find(chosen.begin(), chosen.end(), *method) == chosen.end()) chosen.push_back(*method);
        }
        if (chosen.empty()) return ctx.usage("--methods: expected a comma-separated list of policy, popularity, cooccurrence, confidence, lift, ease");
        // Rows keep the documented order whatever order the methods were named in.
        o.methods.clear();
        for (BacktestMethod m : allBacktestMethods)
            if (std::find(chosen.begin(), chosen.end(), m) != chosen.end()) o.methods.push_back(m);
    }
    if (const auto sample = a.value("sample")) {
        if (*sample == "all") {
            o.samplePerTask = 0;
        } else {
            const long long n = a.integer("sample", 0);
            if (!a.ok() || n < 1) return ctx.usage("--sample: \"" + *sample + "\" is not valid; expected a whole number from 1, or all");
            o.samplePerTask = size_t(n);
        }
    }
    if (const auto seed = a.value("seed")) {
        const long long s = a.integer("seed", 0);
        if (!a.ok() || s < 0) return ctx.usage("--seed: \"" + *seed + "\" is not valid; expected a whole number from 0");
        o.seed = uint64_t(s);
    }
    if (const auto within = a.value("within-days")) {
        const long long d = a.integer("within-days", 0);
        if (!a.ok() || d < 1 || d > 3650) return ctx.usage("--within-days: \"" + *within + "\" is not valid; expected a whole number of days from 1 to 3650");
        o.withinDays = int(d);
    }
    if (const auto rate = a.value("attach-rate")) {
        const double r = a.number("attach-rate", 0);
        if (!a.ok() || !(r > 0 && r <= 1)) return ctx.usage("--attach-rate: \"" + *rate + "\" is not valid; expected a share above 0 and at most 1 (0.05 = 5 %)");
        o.attachRate = r;
    }

    o.knownCustomer = !a.flag("anonymous");

    int code = Success;
    std::unique_ptr<Workspace> ws;
    const auto snap = ctx.openSnapshot(ws, code);
    if (!snap) return code;
    const BacktestResult r = runBacktest(*ws, *snap, o);
    if (!r.error.empty()) return ctx.badInput(ws->path() + ": back-test: " + r.error);
    if (const auto csv = a.value("csv")) {
        std::string error;
        if (!writeFileAtomically(*csv, backtestCsv(r), error)) return ctx.badInput("--csv: " + error);
    }
    if (ctx.json) ctx.printJson(backtestJson(r));
    else ctx.print(table(r));
    return Success;
}

Registration backtest("backtest",
                      "[--split YYYY-MM-DD] [--tasks product-page,cart,post-purchase] [--methods policy,popularity,cooccurrence,confidence,lift,ease] "
                      "[--sample N|all] [--seed S] [--within-days N] [--attach-rate R] [--anonymous] [--csv FILE] [--json]",
                      "back-test the placements' current policies and plain baselines on a temporal hold-out of the order history",
                      runBacktestCommand);

}  // namespace
}  // namespace mb::cli

// kpi [--from DATE] [--to DATE] [--by day|week|month] [--category C] [--customers S] [--country X] [--csv]
// import events FILE [--strict] [--rejects FILE]
#include "command.h"

#include "core/io/numbertext.h"
#include "core/kpi/eventimport.h"
#include "core/kpi/kpicalendar.h"
#include "core/kpi/kpicontext.h"
#include "core/kpi/kpijson.h"
#include "core/kpi/kpireport.h"
#include "core/storage/workspace.h"

#include <QJsonArray>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace mb::cli {
namespace {

std::string lower(std::string s)
{
    for (char &c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A category by its full path ("Cameras > Mirrorless") or, when unique, its last name ("Mirrorless").
int32_t findCategory(const Snapshot &s, const std::string &text, std::string &error)
{
    const std::string want = lower(text);
    int32_t byName = -1, nameMatches = 0;
    for (size_t i = 0; i < s.categories.size(); ++i) {
        if (lower(s.categories[i].path) == want) return int32_t(i);
        if (lower(s.categories[i].name) == want) { byName = int32_t(i); ++nameMatches; }
    }
    if (nameMatches == 1) return byName;
    error = nameMatches > 1 ? "category \"" + text + "\" is ambiguous: give its full path (\"Parent > " + text + "\")"
                            : "there is no category \"" + text + "\" in the workspace";
    return -1;
}


std::string money(double v) { return groupedDecimals(v, 2); }

std::string pct(double v) { return std::isfinite(v) ? fixedDecimals(v * 100, 1) + " %" : "n/a"; }

std::string change(double now, double before)
{
    if (!std::isfinite(now) || !std::isfinite(before) || before == 0) return "";
    const double c = (now - before) / std::fabs(before) * 100;
    return " (" + std::string(c >= 0 ? "+" : "") + fixedDecimals(c, 1) + " % vs previous)";
}

std::string changePts(double now, double before)
{
    if (!std::isfinite(now) || !std::isfinite(before)) return "";
    const double pts = (now - before) * 100;
    return " (" + std::string(pts >= 0 ? "+" : "") + fixedDecimals(pts, 1) + " pts vs previous)";
}

std::string textReport(const KpiContext &ctx, const KpiReport &r)
{
    const Snapshot &s = ctx.snapshot();
    const KpiHeadline &h = r.current, &p = r.previous;
    auto ch = [&](double a, double b) { return r.hasPrevious ? change(a, b) : std::string(); };
    auto pts = [&](double a, double b) { return r.hasPrevious ? changePts(a, b) : std::string(); };
    std::string o = "KPIs " + kpicalendar::isoDate(r.fromDay) + " to " + kpicalendar::isoDate(r.toDay);
    if (r.filter.category >= 0) o += ", category " + s.categories[size_t(r.filter.category)].path;
    if (!r.filter.country.empty()) o += ", country " + r.filter.country;
    if (r.filter.customers != CustomerScope::All) o += std::string(", ") + customerScopeName(r.filter.customers) + " customers";
    o += r.hasPrevious ? "; previous period " + kpicalendar::isoDate(r.previousFromDay) + " to " + kpicalendar::isoDate(r.previousToDay) + "\n"
                       : "; no earlier history to compare with\n";
    o += "  revenue            " + money(h.sales.revenue) + ch(h.sales.revenue, p.sales.revenue) + "\n";
    o += "  orders             " + grouped(h.sales.orders) + ch(double(h.sales.orders), double(p.sales.orders)) + "\n";
    o += "  AOV                " + money(h.sales.aov) + ch(h.sales.aov, p.sales.aov) + "\n";
    o += "  units per order    " + fixedDecimals(h.sales.unitsPerOrder, 2) + "\n";
    o += "  items per basket   " + fixedDecimals(h.sales.itemsPerBasket, 2) + "\n";
    o += "  customers          " + grouped(h.sales.customers) + " (+ " + grouped(h.sales.guestOrders) + " guest orders)\n";
    if (h.sales.customers == 0) {
        // Every order a guest's (or the file had no customer column): say why, not a row of n/a's.
        o += "  repeat rate, CLV   n/a: no order in the period has a known customer\n";
    } else {
        o += "  repeat rate        " + pct(h.repeatRate) + pts(h.repeatRate, p.repeatRate) + "; median " +
             fixedDecimals(r.retention.medianDaysToSecond, 1) + " days to the second order\n";
        o += "  CLV historic       " + money(h.historicClv) + " per customer in the period\n";
        o += "  CLV predictive     " + money(h.predictiveClv) + " = AOV " + money(r.clv.aov) + " x " +
             fixedDecimals(r.clv.frequencyPerYear, 2) + " orders/year x " + fixedDecimals(r.clv.lifespanYears, 2) + " years (churn " +
             pct(r.clv.churnPerPeriod) + " per period)\n";
    }
    if (r.attach.hasMaps) {
        o += "  attach rate        " + pct(h.attachRate) + pts(h.attachRate, p.attachRate) + " of orders (" +
             pct(r.attach.eligibleRate) + " of orders holding a mapped anchor)\n";
        o += "  attributed         AOV " + money(r.attach.aovAttached) + " with a complement vs " + money(r.attach.aovAnchorAlone) +
             " anchor alone (attributed, not causal)\n";
        o += "  attach by kind    ";
        for (const GroupAttach &g : r.attach.byKind)
            if (g.eligible) o += " " + g.name + " " + pct(g.rate) + ";";
        o += "\n  top pairs\n";
        for (size_t i = 0; i < std::min<size_t>(10, r.attach.pairs.size()); ++i) {
            const PairAttach &x = r.attach.pairs[i];
            o += "    " + s.products[x.anchor].sku + " -> " + pairTargetName(ctx, x.targetProduct, x.targetCategory) + " (" +
                 kindName(x.kind) + "): " + grouped(x.bothOrders) + " of " + grouped(x.anchorOrders) + " orders, " + pct(x.rate) + "\n";
        }
    } else {
        o += "  attach rate        n/a: no active relations are mapped yet (map complements, or adopt imported ones)\n";
    }
    if (r.bundles.hasBundles) {
        o += "  bundle take rate   " + pct(r.bundles.rate) + "\n";
        for (const TierTake &t : r.bundles.tiers)
            o += "    " + t.bundle + " / " + t.tier + ": " + grouped(t.takenOrders) + " of " + grouped(t.anchorOrders) + ", " + pct(t.rate) + "\n";
    } else {
        o += "  bundle take rate   n/a: the workspace has no bundles\n";
    }
    if (r.events.hasEvents) {
        o += "  rec. conversion    " + pct(r.events.conversion) + " of " + grouped(r.events.clicks) + " clicks (click-through " +
             pct(r.events.clickThrough) + ")\n";
        o += "  cart abandonment   " + pct(r.events.abandonment) + " of " + grouped(r.events.cartSessions) + " sessions with a cart\n";
    } else {
        o += "  rec. conversion and cart abandonment: n/a, " + r.events.missing + "\n";
    }
    o += "  by " + std::string(granularityName(r.filter.granularity)) + ":\n";
    for (const TimePoint &t : r.series)
        o += "    " + t.label + "  revenue " + money(t.revenue) + "  orders " + grouped(t.orders) + "  AOV " + money(t.aov) + "\n";
    return o;
}

int runKpi(Context &ctx)
{
    CliArgs a(ctx.args, {"from", "to", "by", "category", "customers", "country"}, {"csv", "json"});
    if (!a.ok()) return ctx.usage(a.error());
    if (!a.positional().empty()) return ctx.usage("kpi takes no file: \"" + a.positional().front() + "\"");
    const bool json = ctx.json || a.flag("json");
    if (json && a.flag("csv")) return ctx.usage("choose one of --json and --csv");
    KpiFilter filter;
    for (const char *name : {"from", "to"}) {
        if (const auto v = a.value(name)) {
            int64_t d = 0;
            if (!kpicalendar::parseIsoDay(*v, d)) return ctx.usage(std::string("--") + name + " expects a date such as 2011-12-31, got \"" + *v + "\"");
            (std::string(name) == "from" ? filter.fromDay : filter.toDay) = d;
        }
    }
    if (filter.fromDay && filter.toDay && *filter.toDay < *filter.fromDay) return ctx.usage("--to is before --from");
    if (const auto v = a.value("by")) {
        const auto g = granularityFromName(*v);
        if (!g) return ctx.usage("--by expects day, week or month, got \"" + *v + "\"");
        filter.granularity = *g;
    }
    if (const auto v = a.value("customers")) {
        const auto c = customerScopeFromName(*v);
        if (!c) return ctx.usage("--customers expects all, new or returning, got \"" + *v + "\"");
        filter.customers = *c;
    }
    filter.country = a.value("country").value_or("");
    int code = Success;
    auto ws = ctx.openWorkspace(code, true);
    if (!ws) return code;
    std::string error;
    const auto kctx = loadKpiContext(*ws, error);
    if (!kctx) return ctx.workspaceError(error);
    if (const auto v = a.value("category")) {
        filter.category = findCategory(kctx->snapshot(), *v, error);
        if (filter.category < 0) return ctx.badInput(error);
    }
    const auto report = computeKpiReport(*kctx, filter);
    if (json) ctx.printJson(kpiReportJson(*kctx, *report));
    else if (a.flag("csv")) ctx.print(kpiReportCsv(*kctx, *report));
    else ctx.print(report->empty ? std::string("The workspace has no orders yet: import some first (import orders FILE).\n")
                                 : textReport(*kctx, *report));
    return Success;
}

int runImportEvents(Context &ctx)
{
    CliArgs a(ctx.args, {"rejects"}, {"strict"});
    if (!a.ok()) return ctx.usage(a.error());
    if (a.positional().size() != 1) return ctx.usage("import events needs exactly one FILE");
    const std::string path = a.positional().front();
    int code = Success;
    auto ws = ctx.openWorkspace(code);
    if (!ws) return code;
    if (ws->isReadOnly()) return ctx.workspaceError(ws->path() + ": the workspace is read-only; nothing was imported");
    const ImportReport r = importEvents(*ws, path, a.flag("strict"));
    if (const auto rejects = a.value("rejects")) {
        std::string error;
        if (!writeRejectReport(*rejects, r.rejects, error)) return ctx.badInput(error);
    }
    if (r.status == ImportStatus::Failed)
        return r.error.find("cannot write to the workspace") != std::string::npos ? ctx.workspaceError(r.error) : ctx.writeFailed(*ws, r.error);
    for (size_t i = 0; i < std::min<size_t>(r.rejects.size(), 20); ++i) {
        const Reject &x = r.rejects[i];
        std::fprintf(stderr, "%s: line %lld, field \"%s\": %s (value \"%s\")\n", path.c_str(), static_cast<long long>(x.line),
                     x.column.c_str(), x.reason.c_str(), x.value.c_str());
    }
    if (r.status == ImportStatus::RejectedStrict) {
        std::fprintf(stderr, "%s\n", r.error.c_str());
        return BadInput;
    }
    if (ctx.json) {
        QJsonArray notes;
        for (const auto &n : r.notes) notes.append(QString::fromStdString(n));
        ctx.printJson({{"status", "imported"}, {"rowsRead", qint64(r.rowsRead)}, {"imported", qint64(r.imported)},
                       {"rejected", qint64(r.rejected)}, {"duplicates", qint64(r.duplicateRows)}, {"notes", notes}});
    } else {
        std::string out = "Imported " + path + " as events: " + grouped(r.rowsRead) + " rows read, " + grouped(r.imported) +
                          " imported, " + grouped(r.rejected) + " rejected, " + grouped(r.duplicateRows) + " already stored\n";
        for (const auto &n : r.notes) out += "  note: " + n + "\n";
        ctx.print(out);
    }
    return Success;
}

Registration kpi("kpi", "[--from DATE] [--to DATE] [--by day|week|month] [--category C] [--customers all|new|returning] "
                        "[--country X] [--json|--csv]",
                 "KPIs over a period: revenue, AOV, attach rates, bundles, retention, CLV, conversion", runKpi);
Registration events("import events", "FILE [--strict] [--rejects FILE]",
                    "import storefront events (session, time, sku, event, placement) for conversion and abandonment",
                    runImportEvents);

}  // namespace
}  // namespace mb::cli

// mine pairs / mine ease / mine run / mine status: evidence from the order history.
#include "command.h"

#include "core/io/csvwriter.h"
#include "core/mining/minedresults.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include <cstdio>

namespace mb::cli {
namespace {

// --exclude-tag TAG and --exclude-source SOURCE, each repeatable: orders left out of mining (subscription
// reorders skew pairs and intervals).
// Non-merchandise (the products `hygiene apply` confirmed) is left out of every basket unless
// --keep-non-merchandise; --exclude-sku SKU (repeatable) leaves out more products.
OrderExclusion exclusionOf(const CliArgs &a)
{
    OrderExclusion e;
    e.tags = a.values("exclude-tag");
    e.sources = a.values("exclude-source");
    e.skus = a.values("exclude-sku");
    e.nonMerchandise = !a.flag("keep-non-merchandise");
    return e;
}

// A tag or source no order has is most likely a typo: say so rather than mine everything silently.
void warnUnmatched(const Snapshot &snap, const OrderExclusion &e)
{
    auto check = [&](const std::string &value, bool isTag) {
        OrderExclusion one;
        (isTag ? one.tags : one.sources).push_back(value);
        if (std::none_of(snap.orders.begin(), snap.orders.end(), [&](const SnapshotOrder &o) { return one.excludes(o); }))
            std::fprintf(stderr, "warning: no order has the %s \"%s\"; nothing is left out for it\n", isTag ? "tag" : "source",
                         value.c_str());
    };
    for (const std::string &t : e.tags) check(t, true);
    for (const std::string &s : e.sources) check(s, false);
    for (const std::string &sku : e.skus)
        if (snap.productIndex(sku) < 0) std::fprintf(stderr, "warning: no product has the SKU \"%s\"; nothing is left out for it\n", sku.c_str());
}

std::string leftOutText(const std::vector<std::string> &skus)
{
    if (skus.empty()) return {};
    std::string list;
    for (size_t i = 0; i < skus.size() && i < 8; ++i) list += (i ? ", " : "") + skus[i];
    if (skus.size() > 8) list += ", ...";
    return "; " + grouped(long(skus.size())) + " non-merchandise product(s) left out of the baskets (" + list + ")";
}

// --top-per-anchor N --top-min-count C: each product also keeps its N strongest partners seen >= C times.
// Returns what is wrong, or nothing.
std::string readTopOptions(CliArgs &a, PairOptions &o)
{
    const long long top = a.integer("top-per-anchor", o.topPerAnchor), floor = a.integer("top-min-count", o.topMinCount);
    if (!a.ok()) return a.error();
    if (top < 0 || floor < 1 || top > 1'000'000 || floor > 1'000'000'000)
        return "--top-per-anchor takes 0 (off) or a number of partners, --top-min-count a number of baskets >= 1";
    o.topPerAnchor = uint32_t(top);
    o.topMinCount = uint32_t(floor);
    return {};
}

// With non-merchandise left out, a basket of it alone is left out too: the count says both.
std::string excludedText(size_t baskets, bool nonMerchandise)
{
    if (!baskets) return {};
    return " (" + grouped(long(baskets)) + (nonMerchandise ? " baskets left out: excluded orders, or only non-merchandise)"
                                                           : " baskets of excluded orders left out)");
}

int runPairs(Context &ctx)
{
    CliArgs a(ctx.args, {"min-support", "min-count", "min-confidence", "top-per-anchor", "top-min-count", "out", "exclude-tag", "exclude-source", "exclude-sku"},
              {"keep-non-merchandise"});
    PairOptions o;
    o.exclude = exclusionOf(a);
    o.minSupport = a.number("min-support", 0);
    o.minCount = uint32_t(a.integer("min-count", 2));
    o.minConfidence = a.number("min-confidence", 0);
    if (const std::string e = readTopOptions(a, o); !e.empty()) return ctx.usage(e);
    if (!a.ok()) return ctx.usage(a.error());
    if (o.minSupport < 0 || o.minSupport > 1 || o.minConfidence < 0 || o.minConfidence > 1)
        return ctx.usage("--min-support and --min-confidence take a share between 0 and 1");
    int code = Success;
    std::unique_ptr<Workspace> ws;
    auto snap = ctx.openSnapshot(ws, code);
    if (!snap) return code;
    warnUnmatched(*snap, o.exclude);
    std::string csv;
    appendCsvRow(csv, {"antecedent", "consequent", "count", "support", "confidence", "lift", "cosine"});
    // Streamed: with a low --min-count a big store has millions of rules.
    const PairSummary sum = forEachPairRule(*snap, o, [&](std::span<const PairRule> rules) {
        for (const PairRule &r : rules)
            appendCsvRow(csv, {snap->products[r.antecedent].sku, snap->products[r.consequent].sku, std::to_string(r.count),
                               csvNumber(r.support), csvNumber(r.confidence), csvNumber(r.lift), csvNumber(r.cosine)},
                         {false, false, true, true, true, true, true});  // SKUs are text and guarded; statistics are numbers
        return true;
    });
    std::fprintf(stderr, "%s baskets%s, %s items, minimum count %u: %s frequent pairs, %s rules", grouped(long(sum.baskets)).c_str(),
                 excludedText(sum.excludedBaskets, !sum.excludedSkus.empty()).c_str(), grouped(long(sum.items)).c_str(), sum.countThreshold,
                 grouped(long(sum.frequentPairs)).c_str(), grouped(long(sum.rules)).c_str());
    std::fprintf(stderr, "%s", leftOutText(sum.excludedSkus).c_str());
    if (o.topPerAnchor)
        std::fprintf(stderr, " (%s of them only as one of their product's %u strongest, seen >= %u times)", grouped(long(sum.topOnlyRules)).c_str(),
                     o.topPerAnchor, o.topMinCount);
    std::fprintf(stderr, "\n");
    return ctx.writeOutput(a.value("out"), csv);
}

int runEase(Context &ctx)
{
    CliArgs a(ctx.args, {"lambda", "min-baskets", "top", "out", "exclude-tag", "exclude-source", "exclude-sku"}, {"keep-non-merchandise"});
    EaseOptions o;
    o.exclude = exclusionOf(a);
    o.lambda = a.number("lambda", 500);
    o.minBaskets = uint32_t(a.integer("min-baskets", 20));
    o.topK = int(a.integer("top", 10));
    if (!a.ok()) return ctx.usage(a.error());
    if (o.lambda <= 0 || o.topK <= 0) return ctx.usage("--lambda and --top must be positive");
    int code = Success;
    std::unique_ptr<Workspace> ws;
    auto snap = ctx.openSnapshot(ws, code);
    if (!snap) return code;
    warnUnmatched(*snap, o.exclude);
    const EaseModel m = trainEase(*snap, o);
    if (!m.ok()) return ctx.badInput("EASE: " + m.error);
    std::string csv;
    appendCsvRow(csv, {"item", "rank", "neighbour", "weight"});
    for (const EaseItem &item : m.items)
        for (size_t k = 0; k < item.neighbours.size(); ++k)
            appendCsvRow(csv, {snap->products[item.product].sku, std::to_string(k + 1), snap->products[item.neighbours[k].product].sku,
                               csvNumber(item.neighbours[k].weight)},
                         {false, true, false, true});  // EASE weights can be negative: numbers, not formulas
    std::fprintf(stderr, "%s items in at least %u of %s baskets%s%s; load %.0f ms, gram %.0f ms, solve %.0f ms, top-k %.0f ms\n",
                 grouped(long(m.items.size())).c_str(), o.minBaskets, grouped(long(m.baskets)).c_str(),
                 excludedText(m.excludedBaskets, !excludedProducts(*snap, o.exclude).empty()).c_str(), m.truncated ? " (truncated to the most bought)" : "",
                 m.timings.loadMs, m.timings.gramMs, m.timings.solveMs, m.timings.topKMs);
    return ctx.writeOutput(a.value("out"), csv);
}

int runMineAll(Context &ctx)
{
    CliArgs a(ctx.args, {"min-support", "min-count", "min-confidence", "top-per-anchor", "top-min-count", "exclude-tag", "exclude-source", "exclude-sku"},
              {"keep-non-merchandise"});
    MiningSettings s;
    s.setExclusion(exclusionOf(a));
    s.pairs.minSupport = a.number("min-support", s.pairs.minSupport);
    s.pairs.minCount = uint32_t(a.integer("min-count", s.pairs.minCount));
    s.pairs.minConfidence = a.number("min-confidence", s.pairs.minConfidence);
    if (const std::string e = readTopOptions(a, s.pairs); !e.empty()) return ctx.usage(e);
    if (!a.ok()) return ctx.usage(a.error());
    if (s.pairs.minSupport < 0 || s.pairs.minSupport > 1 || s.pairs.minConfidence < 0 || s.pairs.minConfidence > 1)
        return ctx.usage("--min-support and --min-confidence take a share between 0 and 1");
    int code = Success;
    std::unique_ptr<Workspace> ws;
    auto snap = ctx.openSnapshot(ws, code, false);
    if (!snap) return code;
    if (ws->isReadOnly()) return ctx.workspaceError(ws->path() + ": the workspace is read-only; nothing was saved");
    warnUnmatched(*snap, s.pairs.exclude);
    std::string error;
    if (!mineAndSave(*ws, *snap, s, error)) return ctx.workspaceError(error);
    const MinedResults m = loadMinedResults(*ws, *snap);
    // The baskets counted and left out, as the pairs run recorded them.
    const QJsonObject params =
        m.pairsRun ? QJsonDocument::fromJson(QByteArray::fromStdString(m.pairsRun->parameters)).object() : QJsonObject();
    const qint64 baskets = params.value("baskets").toInteger(), excluded = params.value("excludedBaskets").toInteger();
    std::vector<std::string> leftOut;
    QJsonArray leftOutJson = params.value("excludedProducts").toArray();
    for (const QJsonValue &v : leftOutJson) leftOut.push_back(v.toString().toStdString());
    if (ctx.json)
        ctx.printJson({{"pairRules", qint64(m.pairs.size())}, {"easeItems", qint64(m.ease.size())},
                       {"replenishedProducts", qint64(m.replenishment.size())}, {"historyVersion", qint64(snap->historyVersion)},
                       {"baskets", baskets}, {"excludedBaskets", excluded}, {"excludedProducts", leftOutJson}});
    else
        ctx.print("Mined and saved: " + grouped(long(m.pairs.size())) + " pair rules, " + grouped(long(m.ease.size())) +
                  " items with EASE neighbours, " + grouped(long(m.replenishment.size())) + " products re-bought on an interval"
                  + " (" + grouped(long(baskets)) + " baskets" + (excluded ? ", " + grouped(long(excluded)) + (leftOut.empty() ? " of excluded orders left out" : " left out") : std::string())
                  + leftOutText(leftOut) + ")\n");
    return Success;
}

int runStatus(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    int code = Success;
    auto ws = ctx.openWorkspace(code, true);
    if (!ws) return code;
    const int64_t version = ws->historyVersion();
    QJsonArray runs;
    std::string text;
    for (const MiningRun &r : miningRuns(*ws)) {
        const bool stale = r.historyVersion != version;
        runs.append(QJsonObject{{"kind", QString::fromStdString(r.kind)}, {"parameters", QString::fromStdString(r.parameters)},
                                {"historyVersion", qint64(r.historyVersion)}, {"stale", stale}, {"durationMs", qint64(r.durationMs)}});
        text += r.kind + ": " + r.parameters + (stale ? "  STALE: orders were imported since; run `mine run` again" : "  up to date") + "\n";
    }
    if (ctx.json) ctx.printJson({{"historyVersion", qint64(version)}, {"runs", runs}});
    else ctx.print(text.empty() ? "Nothing mined yet: run `mine run`\n" : text);
    return Success;
}

Registration pairs("mine pairs", "[--min-support S] [--min-count N] [--min-confidence C] [--top-per-anchor N] [--top-min-count C] [--exclude-tag TAG]... [--exclude-source SOURCE]... [--exclude-sku SKU]... [--keep-non-merchandise] [--out FILE]",
                   "CSV antecedent,consequent,count,support,confidence,lift,cosine (one row per ordered pair)", runPairs);
Registration ease("mine ease", "[--lambda L] [--min-baskets N] [--top K] [--exclude-tag TAG]... [--exclude-source SOURCE]... [--exclude-sku SKU]... [--keep-non-merchandise] [--out FILE]",
                  "CSV item,rank,neighbour,weight from EASE (Steck 2019)", runEase);
Registration all("mine run", "[--min-support S] [--min-count N] [--min-confidence C] [--top-per-anchor N] [--top-min-count C] [--exclude-tag TAG]... [--exclude-source SOURCE]... [--exclude-sku SKU]... [--keep-non-merchandise]",
                 "mine pairs, EASE and replenishment and save them in the workspace for suggestions; --exclude-tag/--exclude-source "
                 "(repeatable) leave those orders out of all three, e.g. --exclude-tag \"Subscription Recurring Order\"; the products "
                 "confirmed as non-merchandise (`hygiene apply`) are in no basket unless --keep-non-merchandise", runMineAll);
Registration status("mine status", "[--json]", "the saved mining runs, and whether imports made them stale", runStatus);

}  // namespace
}  // namespace mb::cli

// suggestions / suggestions accept / suggestions reject / suggestions accept-all: mined candidates for
// the maps, with their evidence, taken or refused from a script.
#include "command.h"

#include "core/maps/relationresolver.h"
#include "core/maps/suggestions.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QJsonArray>

namespace mb::cli {
namespace {

struct Loaded {
    std::unique_ptr<Workspace> ws;
    std::shared_ptr<const Snapshot> snap;
    std::unique_ptr<RelationResolver> resolver;
    MinedResults mined;
};

bool loadAll(Context &ctx, Loaded &l, int &code)
{
    l.snap = ctx.openSnapshot(l.ws, code, false);
    if (!l.snap) return false;
    l.resolver = std::make_unique<RelationResolver>(*l.snap);
    l.mined = loadMinedResults(*l.ws, *l.snap);
    if (l.mined.empty()) {
        code = ctx.badInput(l.ws->path() + ": nothing mined yet: run `merchbench-cli --workspace FILE mine run` first");
        return false;
    }
    if (l.mined.stale) std::fprintf(stderr, "note: orders were imported since the last mining run; run `mine run` again\n");
    return true;
}

SuggestionFilter filterFrom(CliArgs &a)
{
    SuggestionFilter f;
    f.minCount = uint32_t(a.integer("min-count", f.minCount));
    f.minConfidence = a.number("min-confidence", f.minConfidence);
    f.minLift = a.number("min-lift", f.minLift);
    return f;
}

QJsonObject toJson(const Snapshot &s, const Suggestion &x)
{
    return {{"anchor", QString::fromStdString(s.products[x.anchor].sku)}, {"target", QString::fromStdString(s.products[x.target].sku)},
            {"title", QString::fromStdString(s.products[x.target].title)}, {"kind", kindName(x.kind.kind)},
            {"why", QString::fromStdString(x.kind.reasoning)}, {"count", qint64(x.pair.count)}, {"confidence", x.pair.confidence},
            {"lift", x.pair.lift}, {"evidence", QString::fromStdString(x.evidence)}};
}

std::string line(const Snapshot &s, const Suggestion &x)
{
    return s.products[x.anchor].sku + " -> " + s.products[x.target].sku + "  " + kindName(x.kind.kind) + " (" + x.kind.reasoning +
           ")  " + s.products[x.target].title + "\n      " + x.evidence + "\n";
}

int runList(Context &ctx)
{
    CliArgs a(ctx.args, {"sku", "min-count", "min-confidence", "min-lift", "limit"}, {});
    const SuggestionFilter f = filterFrom(a);
    const size_t limit = size_t(a.integer("limit", 20));
    if (!a.ok()) return ctx.usage(a.error());
    int code = Success;
    Loaded l;
    if (!loadAll(ctx, l, code)) return code;
    SuggestionEngine engine(*l.snap, *l.resolver, l.mined);
    std::vector<Suggestion> list;
    if (const auto sku = a.value("sku")) {
        const int32_t p = l.snap->productIndex(*sku);
        if (p < 0) return ctx.badInput("--sku " + *sku + ": no product with that SKU in the workspace");
        list = engine.forAnchor(uint32_t(p), f, limit);
    } else {
        list = engine.all(f);
    }
    QJsonArray rows;
    std::string text;
    for (const Suggestion &x : list) {
        rows.append(toJson(*l.snap, x));
        text += line(*l.snap, x);
    }
    if (ctx.json) ctx.printJson({{"suggestions", rows}, {"stale", l.mined.stale}});
    else ctx.print(text + grouped(long(list.size())) + " suggestions\n");
    return Success;
}

int decide(Context &ctx, bool accept)
{
    CliArgs a(ctx.args, {"sku", "target", "kind"}, {});
    if (!a.ok()) return ctx.usage(a.error());
    if (!a.value("sku") || !a.value("target")) return ctx.usage("needs --sku ANCHOR and --target SKU");
    int code = Success;
    Loaded l;
    if (!loadAll(ctx, l, code)) return code;
    const int32_t anchor = l.snap->productIndex(*a.value("sku")), target = l.snap->productIndex(*a.value("target"));
    if (anchor < 0) return ctx.badInput("--sku " + *a.value("sku") + ": no product with that SKU in the workspace");
    if (target < 0) return ctx.badInput("--target " + *a.value("target") + ": no product with that SKU in the workspace");
    const PairRule pair = pairRule(*l.snap, uint32_t(anchor), uint32_t(target), l.mined.pairsKept);
    RelationKind kind = suggestKind(*l.snap, *l.resolver, uint32_t(anchor), uint32_t(target),
                                    kindEvidence(l.mined, uint32_t(anchor), uint32_t(target), pair))
                            .kind;
    if (const auto k = a.value("kind")) {
        const auto parsed = kindFromName(*k);
        if (!parsed) return ctx.usage("--kind " + *k + ": expected necessity, enhancement, accessory, consumable or upgrade");
        kind = *parsed;
    }
    std::string error;
    const int64_t aid = l.snap->products[size_t(anchor)].id, tid = l.snap->products[size_t(target)].id;
    if (!(accept ? acceptSuggestion(*l.ws, aid, tid, kind, error) : rejectSuggestion(*l.ws, aid, tid, kind, error)))
        return ctx.writeFailed(*l.ws, error);
    ctx.print(std::string(accept ? "Accepted " : "Rejected ") + *a.value("sku") + " -> " + *a.value("target") + " as " + kindName(kind) + "\n");
    return Success;
}

int runAccept(Context &ctx) { return decide(ctx, true); }
int runReject(Context &ctx) { return decide(ctx, false); }

int runAcceptAll(Context &ctx)
{
    CliArgs a(ctx.args, {"min-count", "min-confidence", "min-lift"}, {"dry-run"});
    SuggestionFilter f = filterFrom(a);
    f.includeEaseOnly = false;  // a bulk accept stands on pair statistics the user set thresholds for
    if (!a.ok()) return ctx.usage(a.error());
    int code = Success;
    Loaded l;
    if (!loadAll(ctx, l, code)) return code;
    const auto list = SuggestionEngine(*l.snap, *l.resolver, l.mined).all(f);
    std::string text;
    for (const Suggestion &x : list) text += line(*l.snap, x);
    if (a.flag("dry-run")) {
        ctx.print(text + "Would add " + grouped(long(list.size())) + " relations (dry run: nothing changed)\n");
        return Success;
    }
    std::string error;
    const int added = acceptSuggestions(*l.ws, *l.snap, list, error);
    if (added < 0) return ctx.workspaceError(error);
    ctx.print(text + "Added " + grouped(added) + " relations\n");
    return Success;
}

Registration list("suggestions", "[--sku SKU] [--min-count N] [--min-confidence C] [--min-lift L] [--limit N] [--json]",
                  "mined candidates not yet in the map, with evidence and a suggested kind", runList);
Registration accept("suggestions accept", "--sku ANCHOR --target SKU [--kind K]", "add the suggestion to the map (source mined)",
                    runAccept);
Registration reject("suggestions reject", "--sku ANCHOR --target SKU", "never suggest this target for this anchor again", runReject);
Registration acceptAll("suggestions accept-all", "[--min-count N] [--min-confidence C] [--min-lift L] [--dry-run]",
                       "accept every suggestion above the thresholds, across all anchors", runAcceptAll);

}  // namespace
}  // namespace mb::cli

// recommend --placement P (--sku SKU | --cart SKU[:QTY],...) ... or --requests FILE (JSON Lines in and out); policy show; policy set PLACEMENT KEY VALUE.
#include "command.h"

#include "recommendrequest.h"

#include "core/placement/placementengine.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace mb::cli {
namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

std::string price(double v)
{
    if (std::isnan(v)) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// The workspace, its policies, snapshot and engine: loaded once whether one request or a file of them runs.
struct Loaded {
    std::unique_ptr<Workspace> ws;
    std::shared_ptr<const Snapshot> snap;
    std::unique_ptr<PlacementEngine> engine;
};

int load(Context &ctx, Loaded &l)
{
    int code = Success;
    l.ws = ctx.openWorkspace(code, true);
    if (!l.ws) return code;
    std::string error;
    PolicySet policies;
    if (!loadPolicies(*l.ws, policies, error)) return ctx.workspaceError(error);
    l.snap = Snapshot::load(*l.ws, error);
    if (!l.snap) return ctx.workspaceError(l.ws->path() + ": cannot load the workspace: " + error);
    l.engine = std::make_unique<PlacementEngine>(*l.snap, evidenceFor(*l.ws, *l.snap).evidence, policies);
    return Success;
}

std::string describe(const RequestError &e) { return "--" + e.field + ": " + e.message; }

// One line of JSON out per request line, in the file's order; a line that fails is answered with its error
// (and reported on stderr) and the rest still run, so one bad request never loses a batch's answers.
int runRequests(Context &ctx, const std::string &path, QFile &file, const Loaded &l)
{
    QByteArray all = file.readAll();
    if (all.startsWith("\xEF\xBB\xBF")) all.remove(0, 3);  // a UTF-8 byte order mark (Windows editors) is no part of line 1
    struct Job {
        long long line = 0;
        QJsonValue id;
        RequestText text;
        RecommendContext rc;
        std::optional<RequestError> error;
        RecommendResult result;
    };
    std::vector<Job> jobs;
    long long lineNo = 0;
    for (qsizetype at = 0; at < all.size();) {
        qsizetype end = all.indexOf('\n', at);
        if (end < 0) end = all.size();
        const QByteArray line = all.mid(at, end - at).trimmed();
        at = end + 1;
        ++lineNo;
        if (line.isEmpty()) continue;  // blank lines separate nothing and ask nothing
        Job job;
        job.line = lineNo;
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parse);
        if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
            job.error = RequestError{"", parse.error != QJsonParseError::NoError
                                             ? "not JSON: " + parse.errorString().toStdString() + " at column " + std::to_string(parse.offset + 1)
                                             : "expected one JSON object per line",
                                     true};
        } else {
            job.id = doc.object().value("id");
            job.error = parseRequestJson(doc.object(), job.text);
            if (!job.error) job.error = resolveRequest(*l.engine, job.text, job.rc);
        }
        jobs.push_back(std::move(job));
    }
    // The engine is const and thread-safe: split the requests over the cores, answers keep their order.
    const unsigned threads = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), 8u));
    std::vector<std::thread> pool;
    std::atomic<size_t> next{0};
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&jobs, &next, &l] {
            for (size_t i; (i = next.fetch_add(1)) < jobs.size();)
                if (!jobs[i].error) jobs[i].result = l.engine->recommend(jobs[i].rc);
        });
    for (std::thread &t : pool) t.join();

    bool failed = false;
    std::string out;
    for (const Job &job : jobs) {
        QJsonObject o;
        std::optional<RequestError> error = job.error;
        if (!error && !job.result.error.empty()) error = RequestError{"", job.result.error, false};
        if (error) {
            failed = true;
            std::string where = path + " line " + std::to_string(job.line);
            if (!error->field.empty()) where += ", field \"" + error->field + "\"";
            std::fprintf(stderr, "%s: %s\n", where.c_str(), error->message.c_str());
            o = QJsonObject{{"error", q(error->message)}};
            if (!error->field.empty()) o.insert("field", q(error->field));
        } else {
            o = resultJson(*l.snap, *l.engine, job.text, job.rc, job.result);
        }
        o.insert("line", job.line);
        if (!job.id.isUndefined()) o.insert("id", job.id);
        out += QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
        out += '\n';
    }
    ctx.print(out);
    return failed ? BadInput : Success;
}

int runRecommend(Context &ctx)
{
    CliArgs a(ctx.args, {"placement", "sku", "cart", "customer", "date", "limit", "requests"}, {"explain"});
    if (!a.ok()) return ctx.usage(a.error());
    RequestText text;
    text.limit = a.integer("limit", 0);
    if (!a.ok()) return ctx.usage(a.error());
    if (!a.positional().empty()) return ctx.usage("recommend takes no positional arguments, got \"" + a.positional().front() + "\"");
    if (const auto requests = a.value("requests")) {
        for (const char *other : {"placement", "sku", "cart", "customer", "date", "limit"})
            if (a.value(other)) return ctx.usage(std::string("--requests: --") + other + " belongs in each request line, not on the command line");
        if (a.flag("explain")) return ctx.usage("--requests: --explain belongs in each request line (\"explain\": true), not on the command line");
        // The file before the workspace: a mistyped path is said at once, not after seconds of loading.
        QFile file(q(*requests));
        const bool opened = *requests == "-" ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
        if (!opened) return ctx.badInput(*requests + ": cannot read the requests file: " + file.errorString().toStdString());
        Loaded l;
        if (const int code = load(ctx, l); code != Success) return code;
        return runRequests(ctx, *requests, file, l);
    }
    text.placement = a.value("placement");
    if (!text.placement) return ctx.usage("recommend needs --placement product-page|cart|checkout|post-purchase, or --requests FILE");
    text.sku = a.value("sku");
    text.customer = a.value("customer");
    text.date = a.value("date");
    text.explain = a.flag("explain");
    if (bool(text.sku) == bool(a.value("cart"))) return ctx.usage("recommend needs exactly one of --sku SKU or --cart SKU[:QTY],...");
    if (const auto cart = a.value("cart")) {
        text.cart.emplace();
        if (const auto e = parseCartText(*cart, *text.cart)) return e->usage ? ctx.usage(describe(*e)) : ctx.badInput(describe(*e));
    }
    // Shape errors before the workspace is opened: a malformed call is a usage error whatever the workspace.
    RecommendContext rc;
    if (const auto e = resolveShape(text, rc)) return ctx.usage(describe(*e));

    Loaded l;
    if (const int code = load(ctx, l); code != Success) return code;
    if (const auto e = resolveRequest(*l.engine, text, rc))
        return e->usage ? ctx.usage(describe(*e)) : ctx.badInput(describe(*e) + " in " + l.ws->path());
    const RecommendResult r = l.engine->recommend(rc);
    if (!r.error.empty()) return ctx.badInput(r.error);
    if (ctx.json) {
        ctx.printJson(resultJson(*l.snap, *l.engine, text, rc, r));
        return Success;
    }
    const Snapshot &s = *l.snap;
    const PlacementEngine &engine = *l.engine;
    std::string out = std::string(placementName(r.placement)) + " for " +
                      (text.sku ? *text.sku + " (" + s.products[size_t(rc.anchor)].title + ")" : "a cart of " + price(r.cartSubtotal)) +
                      ": " + std::to_string(r.picks.size()) + " of " + std::to_string(engine.policy(rc.placement).slots) + " slots, strategy " +
                      strategyName(engine.policy(rc.placement).strategy) + (r.fallback ? ", fallback" : "") + "\n";
    int n = 0;
    for (const Recommendation &x : r.picks) {
        const SnapshotProduct &p = s.products[x.product];
        char head[512];
        std::snprintf(head, sizeof head, "%2d. %-16s %-11s %10s  %-8s %s", ++n, p.sku.c_str(), kindName(x.kind), price(p.price).c_str(),
                      pickSourceName(x.source), p.title.c_str());
        out += head;
        if (x.sendDay >= 0) out += "  [day " + std::to_string(x.sendDay) + "]";
        out += "\n";
        if (!x.pitch.empty()) out += "      \"" + x.pitch + "\"\n";
        for (const Reason &why : x.reasons) out += "      - " + why.text + "\n";
    }
    if (r.picks.empty()) out += "  nothing qualifies\n";
    if (text.explain) {
        out += "left out (" + std::to_string(r.leftOut.size()) + "):\n";
        for (const LeftOut &x : r.leftOut)
            out += "  " + s.products[x.product].sku + " (" + kindName(x.kind) + ", " + pickSourceName(x.source) + "): " +
                   leftOutRuleName(x.rule) + ": " + x.text + "\n";
    }
    ctx.print(out);
    return Success;
}

int runPolicyShow(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    if (!a.positional().empty()) return ctx.usage("policy show takes no arguments");
    int code = Success;
    auto ws = ctx.openWorkspace(code, true);
    if (!ws) return code;
    PolicySet set;
    std::string error;
    if (!loadPolicies(*ws, set, error)) return ctx.workspaceError(error);
    if (ctx.json) {
        QJsonObject o;
        for (Placement p : allPlacements) {
            QJsonObject keys;
            for (const PolicyKeyInfo &k : policyKeys(p)) keys.insert(k.key, q(policyValue(set[size_t(p)], k.key)));
            o.insert(placementName(p), keys);
        }
        ctx.printJson(o);
        return Success;
    }
    std::string out;
    for (Placement p : allPlacements) {
        out += std::string(placementName(p)) + ":\n";
        for (const PolicyKeyInfo &k : policyKeys(p)) {
            char line[512];
            std::snprintf(line, sizeof line, "  %-24s %-40s %s\n", k.key, policyValue(set[size_t(p)], k.key).c_str(), k.description);
            out += line;
        }
    }
    ctx.print(out);
    return Success;
}

int runPolicySet(Context &ctx)
{
    CliArgs a(ctx.args, {}, {});
    if (!a.ok()) return ctx.usage(a.error());
    if (a.positional().size() != 3) return ctx.usage("policy set needs PLACEMENT KEY VALUE");
    const auto placement = placementFromName(a.positional()[0]);
    if (!placement)
        return ctx.usage("\"" + a.positional()[0] + "\" is not a placement; expected product-page, cart, checkout or post-purchase");
    int code = Success;
    auto ws = ctx.openWorkspace(code);
    if (!ws) return code;
    if (ws->isReadOnly()) return ctx.workspaceError(ws->path() + ": the workspace is read-only; the policy was not changed");
    std::string error;
    PolicySet set;
    if (!loadPolicies(*ws, set, error)) return ctx.workspaceError(error);
    // Validate first, so that a bad value is bad input (2) and a failing write a workspace error (3).
    PlacementPolicy check = set[size_t(*placement)];
    if (!setPolicyValue(check, a.positional()[1], a.positional()[2], error)) return ctx.badInput(error);
    if (!savePolicyValue(*ws, *placement, a.positional()[1], a.positional()[2], error)) return ctx.workspaceError(error);
    const std::string stored = policyValue(check, a.positional()[1]);
    if (ctx.json)
        ctx.printJson({{"placement", placementName(*placement)}, {"key", q(a.positional()[1])}, {"value", q(stored)}});
    else
        ctx.print(std::string(placementName(*placement)) + " " + a.positional()[1] + " = " + stored + "\n");
    return Success;
}

Registration recommend("recommend",
                       "--placement product-page|cart|checkout|post-purchase (--sku SKU | --cart SKU[:QTY],...) [--customer ID] "
                       "[--date YYYY-MM-DD] [--limit N] [--explain] | --requests FILE",
                       "what a placement would recommend, with reasons (--explain: and what was left out, by which rule); "
                       "--requests: one JSON request per line of FILE (- for stdin), one JSON answer per line out", runRecommend);
Registration policyShow("policy show", "", "the placement policies: every key and its value", runPolicyShow);
Registration policySet("policy set", "PLACEMENT KEY VALUE", "change one key of a placement policy", runPolicySet);

}  // namespace
}  // namespace mb::cli

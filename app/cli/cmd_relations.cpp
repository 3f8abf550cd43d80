// relations list / import / export: the complementary-product map from a script.
#include "command.h"
#include "exportfiles.h"

#include "core/bundles/bundleexchange.h"
#include "core/maps/relationcsv.h"
#include "core/maps/relationresolver.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QJsonArray>

namespace mb::cli {
namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

std::string endpointLabel(const Snapshot &s, EndpointType t, int32_t i)
{
    return t == EndpointType::Product ? s.products[size_t(i)].sku : s.categories[size_t(i)].path;
}

int runList(Context &ctx)
{
    CliArgs a(ctx.args, {"sku"}, {});
    if (!a.ok()) return ctx.usage(a.error());
    int code = Success;
    std::unique_ptr<Workspace> ws;
    const auto snap = ctx.openSnapshot(ws, code, true);
    if (!snap) return code;
    QJsonArray rows;
    std::string text;
    if (const auto sku = a.value("sku")) {
        // For one product: what its map resolves to, inherited category rules included.
        const int32_t p = snap->productIndex(*sku);
        if (p < 0) return ctx.badInput("--sku " + *sku + ": no product with that SKU in the workspace");
        RelationResolver resolver(*snap);
        for (const ResolvedRelation &r : resolver.resolve(uint32_t(p))) {
            const SnapshotProduct &t = snap->products[r.product];
            const std::string from = r.inheritedFrom >= 0 ? "category " + snap->categories[size_t(r.inheritedFrom)].path : "own";
            rows.append(QJsonObject{{"target", qs(t.sku)}, {"title", qs(t.title)}, {"kind", kindName(r.kind)},
                                    {"position", r.position}, {"pitch", qs(r.relation->pitch)},
                                    {"source", sourceName(r.relation->source)}, {"from", qs(from)},
                                    {"viaCategory", r.viaCategory >= 0 ? qs(snap->categories[size_t(r.viaCategory)].path) : QString()}});
            text += "  " + std::string(kindName(r.kind)) + "\t" + t.sku + "\t" + t.title + "\t(" + sourceName(r.relation->source) + ", " +
                    from + (r.viaCategory >= 0 ? ", best of " + snap->categories[size_t(r.viaCategory)].path : "") + ")" +
                    (r.relation->pitch.empty() ? "" : "\t\"" + r.relation->pitch + "\"") + "\n";
        }
        if (ctx.json) ctx.printJson({{"sku", qs(*sku)}, {"relations", rows}});
        else ctx.print(*sku + " " + snap->products[size_t(p)].title + ": " + std::to_string(rows.size()) + " relations\n" + text);
        return Success;
    }
    for (const SnapshotRelation &r : snap->relations) {
        const std::string anchor = endpointLabel(*snap, r.anchorType, r.anchor), target = endpointLabel(*snap, r.targetType, r.target);
        rows.append(QJsonObject{{"anchorType", endpointName(r.anchorType)}, {"anchor", qs(anchor)},
                                {"targetType", endpointName(r.targetType)}, {"target", qs(target)}, {"kind", kindName(r.kind)},
                                {"position", r.position}, {"pitch", qs(r.pitch)}, {"source", sourceName(r.source)},
                                {"status", statusName(r.status)}});
        text += std::string(endpointName(r.anchorType)) + " " + anchor + " -> " + endpointName(r.targetType) + " " + target + "\t" +
                kindName(r.kind) + "\t" + sourceName(r.source) + "\t" + statusName(r.status) + "\n";
    }
    if (ctx.json) ctx.printJson({{"relations", rows}});
    else ctx.print(text + std::to_string(rows.size()) + " relations\n");
    return Success;
}

int runExport(Context &ctx)
{
    std::set<std::string> values = {"out", "sku", "format"};
    values.insert(platformValueOptions.begin(), platformValueOptions.end());
    CliArgs a(ctx.args, values, platformFlags);
    if (!a.ok()) return ctx.usage(a.error());
    const std::string format = a.value("format").value_or("csv");
    const auto platform = exportFormatFromName(format);
    if (!platform) return ctx.usage("relations export --format " + format + ": expected csv, json, woocommerce, magento or shopify");
    if (format != "csv" && a.value("sku")) return ctx.usage("relations export --sku works with --format csv only");
    // "csv" here is the relation CSV, not the bundle CSV exportFormatFromName means by it.
    ExportOptions options;
    options.bundles = false;
    if (const std::string e = readPlatformOptions(a, *platform, "relations export", options); !e.empty()) return ctx.usage(e);
    int code = Success;
    auto ws = ctx.openWorkspace(code, true);
    if (!ws) return code;
    if (format == "csv") return ctx.writeOutput(a.value("out"), exportRelationsCsv(*ws, a.value("sku").value_or("")));
    // The maps alone, in the platform's product CSV or the Merchbench JSON (core/bundles/bundleexchange).
    std::string error;
    auto snap = Snapshot::load(*ws, error);
    if (!snap) return ctx.workspaceError(error);
    std::vector<std::string> notes;
    std::string created;
    const std::string links = writeExport(*platform, collectExportData(*ws, *snap, options), options, &notes, &created);
    return writeExportFiles(ctx, a, *platform, "relations export", links, created, notes);
}

int runImportRelations(Context &ctx)
{
    CliArgs a(ctx.args, {"rejects"}, {"strict"});
    if (!a.ok()) return ctx.usage(a.error());
    if (a.positional().size() != 1) return ctx.usage("relations import needs exactly one FILE");
    int code = Success;
    auto ws = ctx.openWorkspace(code);
    if (!ws) return code;
    if (ws->isReadOnly()) return ctx.workspaceError(ws->path() + ": the workspace is read-only; nothing was imported");
    const std::string path = a.positional().front();
    const RelationImportReport r = importRelationsCsv(*ws, path, a.flag("strict"));
    if (const auto rej = a.value("rejects")) {
        std::string error;
        if (!writeRejectReport(*rej, r.rejects, error)) return ctx.badInput(error);
    }
    for (const Reject &x : r.rejects)
        std::fprintf(stderr, "%s: line %lld, field \"%s\": %s (value \"%s\")\n", path.c_str(), static_cast<long long>(x.line),
                     x.column.c_str(), x.reason.c_str(), x.value.c_str());
    if (!r.ok) return ctx.writeFailed(*ws, r.error);
    if (ctx.json)
        ctx.printJson({{"rowsRead", qint64(r.rowsRead)}, {"added", qint64(r.added)}, {"updated", qint64(r.updated)},
                       {"rejected", qint64(r.rejects.size())}});
    else
        ctx.print("Imported relations from " + path + ": " + grouped(r.rowsRead) + " rows read, " + grouped(r.added) + " added, " +
                  grouped(r.updated) + " updated, " + grouped(static_cast<long long>(r.rejects.size())) + " rejected\n");
    return Success;
}

Registration list("relations list", "[--sku SKU] [--json]",
                  "all relations, or what one product's map resolves to (category rules included)", runList);
Registration exportRel("relations export",
                       "[--format csv|json|woocommerce|magento|shopify] [--out FILE] [--sku SKU] [--created-out FILE] [--include-foreign] "
                       "[--replace-links]",
                       "CSV: anchor_type, anchor, target_type, target, kind, position, pitch, source, status; or the maps as a store "
                       "platform's links update (--out; new products, if any, to --created-out, default FILE-new-products.csv). "
                       "--include-foreign also writes products not imported from that store; --replace-links (Magento only) clears "
                       "each link type before setting it",
                       runExport);
Registration importRel("relations import", "FILE [--strict] [--rejects FILE]",
                       "add or update relations from such a CSV (matched by anchor and target)", runImportRelations);

}  // namespace
}  // namespace mb::cli

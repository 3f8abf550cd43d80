// import catalog FILE / import orders FILE.
#include "command.h"

#include "core/storage/importer.h"
#include "core/storage/workspace.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace mb::cli {
namespace {

QJsonObject reportJson(const ImportReport &r, double seconds)
{
    QJsonArray rejects;
    for (const Reject &x : r.rejects)
        rejects.append(QJsonObject{{"line", qint64(x.line)}, {"sku", QString::fromStdString(x.sku)}, {"column", QString::fromStdString(x.column)},
                                   {"value", QString::fromStdString(x.value)}, {"reason", QString::fromStdString(x.reason)}});
    QJsonArray notes;
    for (const auto &n : r.notes) notes.append(QString::fromStdString(n));
    return {{"format", QString::fromStdString(r.format)}, {"encoding", QString::fromStdString(r.encoding)},
            {"rowsRead", qint64(r.rowsRead)}, {"imported", qint64(r.imported)}, {"rejected", qint64(r.rejected)},
            {"duplicateRows", qint64(r.duplicateRows)}, {"productsAdded", qint64(r.productsAdded)},
            {"productsUpdated", qint64(r.productsUpdated)}, {"productsUnchanged", qint64(r.productsUnchanged)},
            {"ordersAdded", qint64(r.ordersAdded)}, {"ordersUpdated", qint64(r.ordersUpdated)},
            {"ordersUnchanged", qint64(r.ordersUnchanged)}, {"linesWritten", qint64(r.linesWritten)},
            {"customersAdded", qint64(r.customersAdded)}, {"relationsWritten", qint64(r.relationsWritten)},
            {"seconds", seconds}, {"rejects", rejects}, {"notes", notes}};
}

int runImportCommand(Context &ctx, ImportKind kind)
{
    CliArgs a(ctx.args, {"format", "mapping", "rejects"}, {"strict"});
    if (!a.ok()) return ctx.usage(a.error());
    if (a.positional().size() != 1) return ctx.usage("import needs exactly one FILE");
    ImportRequest req;
    req.kind = kind;
    req.path = a.positional().front();
    req.format = a.value("format").value_or("");
    req.strict = a.flag("strict");
    if (const auto m = a.value("mapping")) {
        std::string error;
        if (!ColumnMapping::load(*m, req.mapping, error)) return ctx.badInput(error);
    }
    int code = Success;
    auto ws = ctx.openWorkspace(code);
    if (!ws) return code;
    if (ws->isReadOnly()) return ctx.workspaceError(ws->path() + ": the workspace is read-only; nothing was imported");
    QElapsedTimer timer;
    timer.start();
    const ImportReport r = runImport(*ws, req);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (const auto path = a.value("rejects")) {
        std::string error;
        if (!writeRejectReport(*path, r.rejects, error)) return ctx.badInput(error);
    }
    if (r.status == ImportStatus::Failed) {
        // A database failure is a workspace error; anything about the file is bad input.
        const bool dbFailure = r.error.find("cannot write to the workspace") != std::string::npos;
        return dbFailure ? ctx.workspaceError(r.error) : ctx.writeFailed(*ws, r.error);
    }
    if (ctx.json) {
        QJsonObject o = reportJson(r, seconds);
        o.insert("status", r.status == ImportStatus::Ok ? "imported" : "rejected");
        ctx.printJson(o);
    } else {
        std::string out;
        if (r.status == ImportStatus::Ok) {
            out = "Imported " + req.path + " as " + r.format + " (" + r.encoding + "): " + grouped(r.rowsRead) + " rows read, " +
                  grouped(r.imported) + " imported, " + grouped(r.rejected) + " rejected, " + grouped(r.duplicateRows) +
                  " exact duplicate rows kept\n";
            if (kind == ImportKind::Catalog)
                out += "  products: " + grouped(r.productsAdded) + " added, " + grouped(r.productsUpdated) + " updated, " +
                       grouped(r.productsUnchanged) + " unchanged; " +
                       grouped(r.relationsWritten) + " platform relations\n";
            else
                out += "  orders: " + grouped(r.ordersAdded) + " added, " + grouped(r.ordersUpdated) + " updated, " +
                       grouped(r.ordersUnchanged) + " unchanged; " +
                       grouped(r.linesWritten) + " lines; " + grouped(r.customersAdded) + " new customers; " +
                       grouped(r.productsAdded) + " products known only from orders\n";
        }
        for (const auto &n : r.notes) out += "  note: " + n + "\n";
        char t[64];
        std::snprintf(t, sizeof t, "  took %.3f s\n", seconds);
        out += t;
        ctx.print(out);
    }
    // Rejected rows go to stderr one per line, so a script sees them even when stdout is JSON.
    const size_t shown = std::min<size_t>(r.rejects.size(), 20);
    for (size_t i = 0; i < shown; ++i) {
        const Reject &x = r.rejects[i];
        std::fprintf(stderr, "%s: line %lld%s%s: %s (value \"%s\")\n", req.path.c_str(), static_cast<long long>(x.line),
                     x.column.empty() ? "" : (", field \"" + x.column + "\"").c_str(),
                     x.sku.empty() ? "" : (" (SKU \"" + x.sku + "\")").c_str(), x.reason.c_str(), x.value.c_str());
    }
    if (r.rejects.size() > shown)
        std::fprintf(stderr, "%s: %zu more rejected rows (write them all with --rejects FILE)\n", req.path.c_str(),
                     r.rejects.size() - shown);
    if (r.status == ImportStatus::RejectedStrict) {
        std::fprintf(stderr, "%s\n", r.error.c_str());
        return BadInput;
    }
    return Success;
}

int runImportCatalog(Context &ctx) { return runImportCommand(ctx, ImportKind::Catalog); }
int runImportOrders(Context &ctx) { return runImportCommand(ctx, ImportKind::Orders); }

const char *synopsis = "FILE [--format F] [--mapping FILE] [--strict] [--rejects FILE]";
Registration catalog("import catalog", synopsis, "import a catalog CSV (generic, shopify, woocommerce, magento)",
                     runImportCatalog);
Registration orders("import orders", synopsis, "import an order CSV (lines, shopify, baskets)", runImportOrders);

}  // namespace
}  // namespace mb::cli

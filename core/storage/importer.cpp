#include "core/storage/importer.h"

#include "core/io/atomicfile.h"
#include "core/io/csvreader.h"
#include "core/io/csvwriter.h"
#include "core/storage/workspace.h"


namespace mb {

namespace {

// Maps the parse to the first half of the progress bar and the write to the second.
ProgressFn scaled(const ProgressFn &progress, double from, double to)
{
    if (!progress) return {};
    return [progress, from, to](double f) { return progress(from + (to - from) * f); };
}

template <typename Batch>
void takeParseFacts(ImportReport &r, const Batch &b, const TextFile &file)
{
    r.format = b.format;
    r.rowsRead = b.rowsRead;
    r.duplicateRows = b.duplicateRows;
    r.rejected = int64_t(b.rejects.size());
    r.rejects = b.rejects;
    r.notes = b.notes;
    // How the file was decoded comes first: it explains the rejects and every title after it.
    if (!file.note.empty()) r.notes.insert(r.notes.begin(), file.note);
}

bool finishParse(ImportReport &report, const ParseResult &parsed, const ImportRequest &request)
{
    if (parsed.status == ParseStatus::Cancelled) {
        report.status = ImportStatus::Cancelled;
        return false;
    }
    if (parsed.status == ParseStatus::Failed) {
        report.status = ImportStatus::Failed;
        report.error = parsed.error;
        return false;
    }
    if (request.strict && !report.rejects.empty()) {
        const Reject &r = report.rejects.front();
        report.status = ImportStatus::RejectedStrict;
        report.error = request.path + ": line " + std::to_string(r.line) + (r.column.empty() ? "" : ", field \"" + r.column + "\"") +
                       (r.sku.empty() ? "" : " (SKU \"" + r.sku + "\")") +
                       ": " + r.reason + " (strict import: nothing was imported; " + std::to_string(report.rejects.size()) +
                       " row(s) rejected in all)";
        return false;
    }
    return true;
}

}  // namespace

ImportReport runImport(Workspace &ws, const ImportRequest &request)
{
    ImportReport report;
    if (ws.isReadOnly()) {
        report.status = ImportStatus::Failed;
        report.error = ws.path() + ": the workspace is open read-only; nothing can be imported into it";
        return report;
    }
    TextFile file = TextFile::load(request.path);
    if (!file.ok()) {
        report.status = ImportStatus::Failed;
        report.error = file.error;
        return report;
    }
    report.encoding = file.encoding;
    report.delimiter = CsvReader::detectDelimiter(file.data);
    ParseOptions options;
    options.format = request.format;
    options.mapping = request.mapping.empty() ? nullptr : &request.mapping;
    options.progress = scaled(request.progress, 0.0, 0.5);
    const ProgressFn writeProgress = scaled(request.progress, 0.5, 1.0);

    bool ok = false;
    if (request.kind == ImportKind::Catalog) {
        CatalogBatch batch;
        const ParseResult parsed = parseCatalog(file, options, batch);
        takeParseFacts(report, batch, file);
        std::string().swap(file.data);  // not held during the write (see the order branch)
        if (!finishParse(report, parsed, request)) return report;
        report.imported = int64_t(batch.products.size());
        ok = writeCatalog(ws, batch, request.path, report, writeProgress);
    } else {
        OrderBatch batch;
        const ParseResult parsed = parseOrders(file, options, batch);
        takeParseFacts(report, batch, file);
        // The batch owns copies of all it needs: the file's text (as big as the file) is not held while
        // SQLite's page cache fills during the write, which is when the import's memory peaks.
        std::string().swap(file.data);
        if (!finishParse(report, parsed, request)) return report;
        report.imported = int64_t(batch.lines.size());
        ok = writeOrders(ws, batch, request.path, report, writeProgress);
    }
    if (!ok && report.status == ImportStatus::Ok) report.status = ImportStatus::Cancelled;
    if (!ok) {
        // Counts describe what was written; after a rollback nothing was.
        report.productsAdded = report.productsUpdated = report.productsUnchanged = 0;
        report.ordersAdded = report.ordersUpdated = report.ordersUnchanged = 0;
        report.linesWritten = report.customersAdded = report.relationsWritten = report.imported = 0;
    }
    return report;
}

bool writeRejectReport(const std::string &path, const std::vector<Reject> &rejects, std::string &error)
{
    std::string out = "line,sku,column,value,reason\n";
    for (const Reject &r : rejects) appendCsvRow(out, {std::to_string(r.line), r.sku, r.column, r.value, r.reason});
    return writeFileAtomically(path, out, error);
}

}  // namespace mb

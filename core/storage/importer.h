#pragma once
// One import, end to end: load the file, parse it, write it in one transaction, log it. The CLI and the
// GUI's import dialog both call runImport, so they reject, report and refuse the same way.
#include "core/io/importparser.h"
#include "core/storage/transaction.h"

#include <string>
#include <vector>

namespace mb {

class Workspace;

enum class ImportStatus { Ok, Failed, RejectedStrict, Cancelled };

struct ImportRequest {
    ImportKind kind = ImportKind::Orders;
    std::string path;
    std::string format;          // "" = detect
    ColumnMapping mapping;       // empty = none
    bool strict = false;         // any reject aborts and leaves the workspace unchanged
    ProgressFn progress;         // parse is the first half, writing the second
};

struct ImportReport {
    ImportStatus status = ImportStatus::Ok;
    std::string error;           // for Failed: one line naming file, line, field and what was expected
    std::string format, encoding;
    char delimiter = ',';
    int64_t rowsRead = 0, imported = 0, rejected = 0, duplicateRows = 0;
    // A known product or order the file repeats exactly is "unchanged" and is not written; only what the
    // file really changes is "updated". linesWritten counts the lines of added and updated orders.
    int64_t productsAdded = 0, productsUpdated = 0, productsUnchanged = 0;
    int64_t ordersAdded = 0, ordersUpdated = 0, ordersUnchanged = 0, linesWritten = 0;
    int64_t customersAdded = 0, relationsWritten = 0;
    int64_t relationsAdopted = 0;   // platform links that became relations of source "imported"
    std::vector<Reject> rejects;
    std::vector<std::string> notes;
};

ImportReport runImport(Workspace &ws, const ImportRequest &request);

// Writes a parsed batch; used by runImport and by the demo generator. Returns false on a database error
// (the transaction is rolled back) or when cancelled (error empty).
bool writeCatalog(Workspace &ws, const CatalogBatch &batch, const std::string &file, ImportReport &report,
                  const ProgressFn &progress = {});
bool writeOrders(Workspace &ws, const OrderBatch &batch, const std::string &file, ImportReport &report,
                 const ProgressFn &progress = {});

// Runs one import's writes in one writeTransaction; a failure sets the report's status and error (a
// failure of the workspace as writeTransaction words it, any other naming `file`), a cancel leaves them.
bool writeImport(Workspace &ws, const std::string &file, ImportReport &report, const WriteFn &write);

// CSV with header line,sku,column,value,reason: the SKU beside the line, so a refused row can be traced to its
// product in a spreadsheet ("" when the row has none or the SKU itself was refused).
bool writeRejectReport(const std::string &path, const std::vector<Reject> &rejects, std::string &error);

}  // namespace mb

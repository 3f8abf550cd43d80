#include "core/kpi/eventimport.h"

#include "core/io/eventparser.h"
#include "core/storage/eventstore.h"

namespace mb {

ImportReport importEvents(Workspace &ws, const std::string &path, bool strict)
{
    ImportReport r;
    r.format = "events";
    EventBatch batch = parseEvents(path);
    r.encoding = batch.encoding;
    r.rowsRead = batch.rowsRead;
    r.rejects = batch.rejects;
    r.rejected = int64_t(batch.rejects.size());
    r.notes = batch.notes;
    if (!batch.error.empty()) {
        r.status = ImportStatus::Failed;
        r.error = batch.error;
        return r;
    }
    if (strict && !batch.rejects.empty()) {
        r.status = ImportStatus::RejectedStrict;
        r.error = path + ": " + std::to_string(batch.rejects.size()) + " rows rejected; with --strict nothing was imported";
        return r;
    }
    EventWrite written;
    if (!writeEvents(ws, path, batch.events, r, written)) return r;
    const int64_t unknownEvents = written.unknownEvents;
    const auto &unknownSkus = written.unknownSkus;
    if (unknownEvents)
        r.notes.push_back(std::to_string(unknownEvents) + " events name " + std::to_string(unknownSkus.size()) +
                          " SKUs that are not in the workspace; they are kept without a product and count only "
                          "towards sessions (cart abandonment)");
    if (r.duplicateRows)
        r.notes.push_back(std::to_string(r.duplicateRows) + " events were already stored by an earlier import and were skipped");
    return r;
}

}  // namespace mb

#include "core/storage/eventstore.h"

#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QDateTime>

#include <unordered_map>

namespace mb {

bool writeEvents(Workspace &ws, const std::string &path, const std::vector<EventRecord> &events, ImportReport &r,
                 EventWrite &w)
{
    const bool written = writeImport(ws, path, r, [&](sqlite3 *db, std::string &error) {
        auto failed = [&](const std::string &what) {
            error = what;
            return false;
        };

        std::unordered_map<std::string, int64_t> productIds;
        {
            Statement s(db, "SELECT id, sku FROM products");
            while (s.step()) productIds.emplace(s.text(1), s.int64(0));
            if (s.failed()) return failed(s.error());
        }
        Statement log(db, "INSERT INTO imports(file, format, kind, imported_at, rows_read, imported, rejected, duplicates, encoding) "
                          "VALUES (?1, 'events', 'events', ?2, ?3, 0, ?4, 0, ?5)");
        log.bind(1, path).bind(2, int64_t(QDateTime::currentSecsSinceEpoch())).bind(3, r.rowsRead).bind(4, r.rejected).bind(5, r.encoding);
        if (!log.exec()) return failed(log.error());
        const int64_t importId = sqlite3_last_insert_rowid(db);

        // The events_by_session index makes the "already stored" check a short range scan per row.
        Statement insert(db, R"sql(
INSERT INTO events(session, occurred_at, product_id, event, placement, import_id)
SELECT ?1, ?2, ?3, ?4, ?5, ?6
WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.session = ?1 AND e.occurred_at = ?2 AND e.product_id IS ?3
                  AND e.event = ?4 AND e.placement = ?5 AND e.import_id IS NOT ?6))sql");
        for (const EventRecord &e : events) {
            insert.reset();
            insert.bind(1, e.session).bind(2, e.occurredAt);
            const auto it = e.sku.empty() ? productIds.end() : productIds.find(e.sku);
            if (it != productIds.end()) insert.bind(3, it->second);
            else {
                insert.bindNull(3);
                if (!e.sku.empty()) { w.unknownSkus.insert(e.sku); ++w.unknownEvents; }
            }
            insert.bind(4, std::string_view(eventTypeName(e.event))).bind(5, e.placement).bind(6, importId);
            if (!insert.exec()) return failed(insert.error());
            if (sqlite3_changes(db) == 1) ++r.imported;
            else ++r.duplicateRows;
        }
        Statement update(db, "UPDATE imports SET imported = ?2, duplicates = ?3 WHERE id = ?1");
        update.bind(1, importId).bind(2, r.imported).bind(3, r.duplicateRows);
        if (!update.exec()) return failed(update.error());
        return true;
    });
    if (!written) {
        r.imported = r.duplicateRows = 0;  // counts describe what was written; after a rollback nothing was
        w = EventWrite{};
    }
    return written;
}

bool readEvents(const Workspace &ws, const EventVisitor &visit, std::string &error)
{
    Statement ev(ws.db(), "SELECT session, occurred_at, product_id, event, placement FROM events ORDER BY session, occurred_at, id");
    while (ev.step()) visit(ev.textView(0), ev.int64(1), ev.isNull(2) ? -1 : ev.int64(2), ev.textView(3), ev.textView(4));
    if (ev.failed()) {
        error = ws.path() + ": cannot read the workspace: " + ev.error();
        return false;
    }
    return true;
}

}  // namespace mb

#include "core/storage/mapmerge.h"

#include "core/storage/bundlestore.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/storage/workspace.h"

#include <QDateTime>

namespace mb {

bool mergeMapsAndBundles(Workspace &ws, const std::vector<Relation> &relations, std::vector<Bundle> &bundles,
                         MergeResult &result, std::string &error, const std::string &refusal)
{
    result = MergeResult{};
    const bool written = writeTransaction(ws, error, [&](sqlite3 *db, std::string &e) {
        if (!refusal.empty()) {
            e = refusal;
            return false;
        }
        Statement exists(db, "SELECT 1 FROM relations WHERE anchor_type = ?1 AND anchor_id = ?2 AND target_type = ?3 AND target_id = ?4");
        Statement upsert(db, R"sql(
INSERT INTO relations(anchor_type, anchor_id, target_type, target_id, kind, position, pitch, source, status, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
ON CONFLICT(anchor_type, anchor_id, target_type, target_id) DO UPDATE SET
  kind = excluded.kind, position = excluded.position, pitch = excluded.pitch, source = excluded.source,
  status = excluded.status, updated_at = excluded.updated_at)sql");
        const int64_t now = QDateTime::currentSecsSinceEpoch();
        for (size_t i = 0; i < relations.size(); ++i) {
            const Relation &r = relations[i];
            const std::string_view anchorType = endpointName(r.anchorType), targetType = endpointName(r.targetType);
            exists.bind(1, anchorType).bind(2, r.anchorId).bind(3, targetType).bind(4, r.targetId);
            const bool known = exists.step();
            exists.reset();
            upsert.bind(1, anchorType).bind(2, r.anchorId).bind(3, targetType).bind(4, r.targetId);
            upsert.bind(5, std::string_view(kindName(r.kind))).bind(6, int64_t(r.position)).bind(7, r.pitch);
            upsert.bind(8, std::string_view(sourceName(r.source))).bind(9, std::string_view(statusName(r.status))).bind(10, now);
            if (!upsert.exec()) {
                result.failedRelation = int64_t(i);
                e = "cannot store the relation: " + upsert.error();
                return false;
            }
            upsert.reset();
            ++(known ? result.relationsUpdated : result.relationsAdded);
        }
        BundleStore store(ws);
        for (size_t i = 0; i < bundles.size(); ++i) {
            bool replaced = false;
            if (!store.putInTransaction(bundles[i], replaced, e)) {
                result.failedBundle = int64_t(i);
                return false;
            }
            ++(replaced ? result.bundlesReplaced : result.bundlesAdded);
        }
        return true;
    });
    if (!written) {
        const MergeResult failed = result;
        result = MergeResult{};  // counts describe what was written; after a rollback nothing was
        result.failedRelation = failed.failedRelation;
        result.failedBundle = failed.failedBundle;
    }
    return written;
}

}  // namespace mb

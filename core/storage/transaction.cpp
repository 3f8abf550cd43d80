#include "core/storage/transaction.h"

#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <random>

namespace mb {

namespace {

// Set only while writeTransaction commits on this thread; each thread has its own connection, so the
// commit hook of that connection runs on the same thread and sees it.
thread_local bool committingWrite = false;

int commitHook(void *) { return committingWrite ? 0 : 1; }

// Set by the update hook when the write of this thread's open writeTransaction touched a row of the order
// history (what the snapshot cache holds, snapshotcache.h). Every writer goes through writeTransaction, so
// none can change the history without the stamp below moving, whether or not it remembered to.
thread_local bool historyTouched = false;

void updateHook(void *, int, const char *, const char *table, sqlite3_int64)
{
    if (historyTouched) return;
    historyTouched = std::strcmp(table, "order_lines") == 0 || std::strcmp(table, "orders") == 0 ||
                     std::strcmp(table, "customers") == 0;
}

// A fresh random value, never a counter: two copies of one workspace that each change their history never
// end up with the same stamp, so a cache written for one is never taken for the other.
bool stampHistory(sqlite3 *db, std::string &error)
{
    thread_local std::mt19937_64 random{std::random_device{}() ^ (uint64_t(std::random_device{}()) << 32)};
    char value[17];
    std::snprintf(value, sizeof value, "%016llx", static_cast<unsigned long long>(random()));
    Statement s(db, "INSERT INTO meta(key, value) VALUES ('history_stamp', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, std::string_view(value));
    if (s.exec()) return true;
    error = "cannot stamp the order history's change: " + s.error();
    return false;
}

// Failures of the workspace itself, as opposed to what the caller asked for (a constraint, bad SQL).
WorkspaceError failureKind(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return WorkspaceError::Busy;
    case SQLITE_READONLY:
    case SQLITE_PERM: return WorkspaceError::ReadOnly;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return WorkspaceError::Corrupt;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_NOMEM:
    case SQLITE_PROTOCOL: return WorkspaceError::Failed;
    default: return WorkspaceError::None;
    }
}

std::string failureMessage(const std::string &path, WorkspaceError kind, const std::string &detail)
{
    const std::string ws = "the workspace " + path;
    const std::string why = detail.empty() ? std::string() : " (" + detail + ")";
    switch (kind) {
    case WorkspaceError::Busy:
        return ws + " is locked by another program writing to it (another Merchbench or merchbench-cli?); nothing was changed";
    case WorkspaceError::ReadOnly:
        return ws + " cannot be written: it, its folder or its -wal or -shm file is read-only" + why + "; nothing was changed";
    case WorkspaceError::Corrupt: return ws + " is damaged" + why + "; nothing was changed";
    default: return ws + " cannot be written" + why + "; nothing was changed";
    }
}

}  // namespace

bool writeTransaction(Workspace &ws, std::string &error, const WriteFn &write)
{
    sqlite3 *db = ws.db();
    ws.lastWriteError_ = WorkspaceError::None;
    auto workspaceFailed = [&](WorkspaceError kind, const std::string &detail) {
        ws.lastWriteError_ = kind;
        error = failureMessage(ws.path(), kind, detail);
        return false;
    };
    if (ws.isReadOnly()) return workspaceFailed(WorkspaceError::ReadOnly, "it was opened read-only");
    // Inside a transaction the caller already holds (a harness that runs a write and then rolls everything
    // back), the write is a savepoint: its failure undoes only its own work, its success is handed to the
    // outer transaction, which alone commits or rolls back.
    const bool nested = !sqlite3_get_autocommit(db);
    const char *begin = nested ? "SAVEPOINT mb_write" : "BEGIN IMMEDIATE";
    const char *undo = nested ? "ROLLBACK TO mb_write; RELEASE mb_write" : "ROLLBACK";
    int rc = sqlite3_exec(db, begin, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        const WorkspaceError kind = failureKind(rc);
        return workspaceFailed(kind == WorkspaceError::None ? WorkspaceError::Failed : kind, sqlite3_errmsg(db));
    }
    takeStorageFailure();
    std::string writeError;
    // Nested: the outer write's touch is kept (it stamps at its own end) and this one stamps its own.
    struct KeepTouched {
        bool nested, outer;
        ~KeepTouched() { historyTouched = nested && (historyTouched || outer); }
    } keepTouched{nested, nested && historyTouched};
    historyTouched = false;
    if (!write(db, writeError) || (historyTouched && !stampHistory(db, writeError))) {
        const int failure = takeStorageFailure();
        execSql(db, undo);
        if (failure != SQLITE_OK) return workspaceFailed(failureKind(failure), writeError);
        error = writeError;
        return false;
    }
    committingWrite = !nested;
    rc = sqlite3_exec(db, nested ? "RELEASE mb_write" : "COMMIT", nullptr, nullptr, nullptr);
    committingWrite = false;
    if (rc != SQLITE_OK) {
        const std::string detail = sqlite3_errmsg(db);
        if (nested) execSql(db, undo);
        else if (!sqlite3_get_autocommit(db)) execSql(db, "ROLLBACK");
        const WorkspaceError kind = failureKind(rc);
        return workspaceFailed(kind == WorkspaceError::None ? WorkspaceError::Failed : kind, detail);
    }
    return true;
}

void refuseWritesOutsideTransactions(sqlite3 *db)
{
    sqlite3_commit_hook(db, commitHook, nullptr);
    sqlite3_update_hook(db, updateHook, nullptr);
}

}  // namespace mb

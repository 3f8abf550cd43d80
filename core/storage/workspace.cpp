#include "core/storage/workspace.h"

#include "core/storage/schema.h"
#include "core/storage/statement.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <sqlite3.h>

namespace mb {

namespace {

std::string quoted(const std::string &path) { return "\"" + path + "\""; }

bool hasSqliteHeader(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) return false;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

int pragmaInt(sqlite3 *db, const char *sql, int *rc = nullptr)
{
    Statement s(db, sql);
    int v = 0;
    if (s.step()) v = int(s.int64(0));
    if (rc) *rc = s.failed() ? s.resultCode() : SQLITE_OK;
    return v;
}

void configure(sqlite3 *db, bool readOnly, int busyTimeoutMs)
{
    // An import on a worker holds the write lock for a second or two; an edit made meanwhile waits for it.
    sqlite3_busy_timeout(db, busyTimeoutMs);
    execSql(db, "PRAGMA foreign_keys = ON");
    if (!readOnly) {
        // WAL + NORMAL: a crash or kill can lose at most the last commit, never leave a half-written file.
        execSql(db, "PRAGMA journal_mode = WAL");
        execSql(db, "PRAGMA synchronous = NORMAL");
    }
    execSql(db, "PRAGMA cache_size = -65536");
    execSql(db, "PRAGMA temp_store = MEMORY");
}

std::string uriFor(const std::string &path, const char *query)
{
    return "file:" + QUrl::toPercentEncoding(QString::fromStdString(path), "/").toStdString() + query;
}

// A read-only connection to a WAL database creates its -wal and -shm with the file's permissions of that
// moment and, unable to checkpoint, leaves them behind when it closes. Opened while the file was read-only,
// they stay read-only after it is made writable again, and every later write fails ("attempt to write a
// readonly database"). They are part of the workspace: give them back its write permissions.
bool restoreSidecarPermissions(const std::string &path, std::string &error)
{
    constexpr auto writeBits = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    const auto wanted = QFile::permissions(QString::fromStdString(path)) & writeBits;
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = QString::fromStdString(path + suffix);
        if (!QFileInfo::exists(side)) continue;
        const auto has = QFile::permissions(side);
        if ((has & wanted) == wanted) continue;
        if (!QFile::setPermissions(side, has | wanted)) {
            error = side.toStdString() + " is read-only (left by a read-only open), so the workspace cannot be written; make it "
                                         "writable, or delete it while no program has the workspace open";
            return false;
        }
    }
    return true;
}

// SQLite's memory statistics off: nothing here reads them (no heap limit, no sqlite3_memory_used), and keeping
// them takes one process-wide mutex per allocation, shared by the import's writer and every reader thread.
// SQLite takes this only before its first use; a later call is refused and changes nothing.
void configureLibraryOnce()
{
    static const bool once = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)once;
}

}  // namespace

Workspace::~Workspace()
{
    for (auto &[thread, c] : others_) sqlite3_close_v2(c);
    if (db_) sqlite3_close_v2(db_);
}

sqlite3 *Workspace::db() const
{
    if (std::this_thread::get_id() == owner_ || !db_) return db_;
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite3 *&c = others_[std::this_thread::get_id()];
    if (!c) {
        // No mutex: this connection is used by its own thread only, and a full scan (the snapshot load
        // reads 30M columns at 5M lines) would otherwise lock and unlock one per column read.
        if (sqlite3_open_v2(target_.c_str(), &c, flags_ | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
            // Hand back the owner's connection rather than none: serialized mode keeps it safe, if slower.
            sqlite3_close_v2(c);
            c = nullptr;
            return db_;
        }
        configure(c, readOnly_, busyTimeoutMs_);
        if (!readOnly_) refuseWritesOutsideTransactions(c);
    }
    return c;
}

void Workspace::setBusyTimeout(int milliseconds)
{
    busyTimeoutMs_ = milliseconds;
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite3_busy_timeout(db_, milliseconds);
    for (auto &[thread, c] : others_)
        if (c) sqlite3_busy_timeout(c, milliseconds);
}

std::unique_ptr<Workspace> Workspace::create(const std::string &path, std::string &error)
{
    if (QFileInfo::exists(QString::fromStdString(path))) {
        error = quoted(path) + ": a file of that name already exists; choose another name or open it";
        return nullptr;
    }
    configureLibraryOnce();
    std::unique_ptr<Workspace> ws(new Workspace);
    ws->path_ = path;
    ws->target_ = path;
    ws->flags_ = SQLITE_OPEN_READWRITE;
    if (sqlite3_open_v2(path.c_str(), &ws->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        error = quoted(path) + ": cannot create the workspace: " + sqlite3_errmsg(ws->db_);
        return nullptr;
    }
    // 16 KiB pages, set before the first write fixes the file's page size (SQLite's default is 4 KiB). The
    // history is written and read in bulk: an import's commit and checkpoint make one or two system calls a
    // page (WAL frame header and body, then a read and a write per page), a quarter of an Online Retail
    // import at 4 KiB, and a snapshot load one read a page. Point look-ups read a few pages either way.
    execSql(ws->db_, "PRAGMA page_size = 16384");
    const std::string appId = "PRAGMA application_id = " + std::to_string(ApplicationId);
    if (!execSql(ws->db_, appId.c_str(), &error)) {
        error = quoted(path) + ": cannot create the workspace: " + error;
        return nullptr;
    }
    configure(ws->db_, false, ws->busyTimeoutMs_);
    if (!migrateSchema(ws->db_, 0, SchemaVersion, error)) {
        error = quoted(path) + ": " + error;
        ws.reset();
        QFile::remove(QString::fromStdString(path));
        return nullptr;
    }
    refuseWritesOutsideTransactions(ws->db_);
    return ws;
}

std::unique_ptr<Workspace> Workspace::open(const std::string &path, std::string &error, WorkspaceError *kind, bool readOnly)
{
    auto fail = [&](WorkspaceError k, std::string msg) -> std::unique_ptr<Workspace> {
        error = quoted(path) + ": " + msg;
        if (kind) *kind = k;
        return nullptr;
    };
    configureLibraryOnce();
    if (kind) *kind = WorkspaceError::None;
    const QFileInfo info(QString::fromStdString(path));
    if (!info.exists()) return fail(WorkspaceError::CannotOpen, "no such file");
    if (!info.isFile()) return fail(WorkspaceError::CannotOpen, "not a file");
    if (!info.isReadable()) return fail(WorkspaceError::CannotOpen, "not readable (check the file's permissions)");
    if (info.size() == 0 || !hasSqliteHeader(path))
        return fail(WorkspaceError::NotAWorkspace, "not a Merchbench workspace (it is not an SQLite database)");
    if (!info.isWritable()) readOnly = true;

    // Inspect first, reading only, so that a file we refuse is left exactly as it was. Without a -wal the
    // file alone holds its whole state: read it as immutable then, which takes no locks and creates none of
    // the -wal and -shm files any other connection to a WAL database leaves beside it.
    const bool hasWal = QFileInfo::exists(QString::fromStdString(path + "-wal"));
    const std::string roUri = uriFor(path, "?mode=ro"), immutableUri = uriFor(path, "?immutable=1");
    sqlite3 *probe = nullptr;
    int rc = sqlite3_open_v2((hasWal ? roUri : immutableUri).c_str(), &probe, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    int appId = 0, version = 0;
    if (rc == SQLITE_OK) appId = pragmaInt(probe, "PRAGMA application_id", &rc);
    if (rc == SQLITE_CANTOPEN && hasWal) {
        // A WAL file in a read-only folder cannot get its -shm; read it as immutable instead.
        sqlite3_close_v2(probe);
        probe = nullptr;
        rc = sqlite3_open_v2(immutableUri.c_str(), &probe, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
        if (rc == SQLITE_OK) appId = pragmaInt(probe, "PRAGMA application_id", &rc);
    }
    if (rc == SQLITE_OK) version = pragmaInt(probe, "PRAGMA user_version", &rc);
    const std::string probeError = probe ? sqlite3_errmsg(probe) : "out of memory";
    sqlite3_close_v2(probe);
    if (rc == SQLITE_NOTADB)
        return fail(WorkspaceError::NotAWorkspace, "not a Merchbench workspace (not a readable SQLite database)");
    if (rc == SQLITE_CORRUPT) return fail(WorkspaceError::Corrupt, "the workspace is damaged: " + probeError);
    if (rc != SQLITE_OK) return fail(WorkspaceError::CannotOpen, "cannot open: " + probeError);
    if (appId != ApplicationId)
        return fail(WorkspaceError::NotAWorkspace,
                    "not a Merchbench workspace (an SQLite database of another application)");
    if (version > SchemaVersion)
        return fail(WorkspaceError::NewerVersion,
                    "made by a newer Merchbench (workspace version " + std::to_string(version) +
                        ", this program reads up to version " + std::to_string(SchemaVersion) +
                        "); it was left untouched: open it with a newer Merchbench");
    if (version < SchemaVersion && readOnly)
        return fail(WorkspaceError::ReadOnly, "made by an older Merchbench (version " + std::to_string(version) +
                                                  ") and read-only, so it cannot be upgraded; make it writable");

    std::string sidecarError;
    if (!readOnly && !restoreSidecarPermissions(path, sidecarError)) return fail(WorkspaceError::ReadOnly, sidecarError);

    std::unique_ptr<Workspace> ws(new Workspace);
    ws->path_ = path;
    ws->readOnly_ = readOnly;
    ws->flags_ = readOnly ? (SQLITE_OPEN_READONLY | SQLITE_OPEN_URI) : SQLITE_OPEN_READWRITE;
    ws->target_ = readOnly ? roUri : path;
    if (sqlite3_open_v2(ws->target_.c_str(), &ws->db_, ws->flags_, nullptr) != SQLITE_OK)
        return fail(WorkspaceError::CannotOpen, std::string("cannot open: ") + sqlite3_errmsg(ws->db_));
    configure(ws->db_, readOnly, ws->busyTimeoutMs_);
    if (version < SchemaVersion) {
        // Keep the user's file as it was before touching it: a failed upgrade must not cost them data.
        const QString backup = QString::fromStdString(path) + ".v" + QString::number(version) + ".bak";
        std::string err;
        QFile::remove(backup);
        Statement into(ws->db_, "VACUUM INTO ?1");
        into.bind(1, backup.toStdString());
        if (!into.exec())
            return fail(WorkspaceError::Failed, "cannot write the backup copy " + backup.toStdString() +
                                                    " before upgrading: " + into.error());
        if (!migrateSchema(ws->db_, version, SchemaVersion, err))
            return fail(WorkspaceError::Failed, err + " (the file is unchanged; a copy is in " + backup.toStdString() + ")");
    }
    if (!readOnly) refuseWritesOutsideTransactions(ws->db_);
    return ws;
}

WorkspaceCounts Workspace::counts() const
{
    WorkspaceCounts c;
    auto one = [&](const char *sql) {
        Statement s(db(), sql);
        return s.step() ? s.int64(0) : int64_t(0);
    };
    c.products = one("SELECT count(*) FROM products");
    c.categories = one("SELECT count(*) FROM categories");
    c.customers = one("SELECT count(*) FROM customers");
    c.orders = one("SELECT count(*) FROM orders");
    c.orderLines = one("SELECT count(*) FROM order_lines");
    c.baskets = one("SELECT count(DISTINCT l.order_id) FROM order_lines l JOIN orders o ON o.id = l.order_id "
                    "WHERE l.quantity > 0 AND o.status <> 'cancelled'");
    c.basketItems = one("SELECT count(DISTINCT l.product_id) FROM order_lines l JOIN orders o ON o.id = l.order_id "
                        "WHERE l.quantity > 0 AND o.status <> 'cancelled'");
    c.importedRelations = one("SELECT count(*) FROM imported_relations");
    return c;
}

std::string Workspace::meta(const std::string &key) const
{
    Statement s(db(), "SELECT value FROM meta WHERE key = ?1");
    s.bind(1, key);
    return s.step() ? s.text(0) : std::string();
}

bool Workspace::setMeta(const std::string &key, const std::string &value, std::string *error)
{
    sqlite3 *c = db();
    auto failed = [&](const std::string &why) {
        if (error) *error = "cannot set " + key + " in " + path_ + ": " + why;
        return false;
    };
    // Outside a transaction of this thread's connection the write would either wait on another thread's
    // transaction (the busy timeout, on whatever thread called) or be committed alone: refuse both.
    if (sqlite3_get_autocommit(c)) return failed("not inside a write transaction of this thread");
    Statement s(c, "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, key).bind(2, value);
    if (!s.exec()) return failed(s.error());
    return true;
}

int64_t Workspace::dataVersion() const
{
    Statement s(db(), "PRAGMA data_version");
    return s.step() ? s.int64(0) : -1;
}

int64_t Workspace::historyVersion() const
{
    const std::string v = meta("history_version");
    return v.empty() ? 0 : std::stoll(v);
}

bool Workspace::integrityOk(std::string *detail) const
{
    Statement s(db(), "PRAGMA integrity_check");
    std::string all;
    while (s.step()) {
        if (!all.empty()) all += "; ";
        all += s.text(0);
    }
    if (detail) *detail = all;
    return all == "ok";
}

}  // namespace mb

#include "core/storage/statement.h"

namespace mb {

namespace {

thread_local int storageFailure = SQLITE_OK;

void noteFailure(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_READONLY: case SQLITE_PERM: case SQLITE_CORRUPT:
    case SQLITE_NOTADB: case SQLITE_IOERR: case SQLITE_FULL: case SQLITE_CANTOPEN: case SQLITE_NOMEM:
    case SQLITE_PROTOCOL:
        if (storageFailure == SQLITE_OK) storageFailure = rc;
        break;
    default: break;
    }
}

}  // namespace

int takeStorageFailure()
{
    const int rc = storageFailure;
    storageFailure = SQLITE_OK;
    return rc;
}

Statement::Statement(sqlite3 *db, const char *sql) : db_(db)
{
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
    if (rc_ != SQLITE_OK) {
        noteFailure(rc_);
        error_ = std::string(sqlite3_errmsg(db)) + " (in: " + sql + ")";
        stmt_ = nullptr;
    }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement &Statement::bind(int i, std::string_view text)
{
    sqlite3_bind_text(stmt_, i, text.data(), int(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int i, double v)
{
    sqlite3_bind_double(stmt_, i, v);
    return *this;
}

Statement &Statement::bind(int i, int64_t v)
{
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
}

Statement &Statement::bindNull(int i)
{
    sqlite3_bind_null(stmt_, i);
    return *this;
}

bool Statement::step()
{
    if (!stmt_) return false;
    rc_ = sqlite3_step(stmt_);
    if (rc_ == SQLITE_ROW) return true;
    if (rc_ != SQLITE_DONE) {
        noteFailure(sqlite3_extended_errcode(db_));
        error_ = sqlite3_errmsg(db_);
    }
    return false;
}

bool Statement::exec()
{
    while (step()) {}
    const bool good = rc_ == SQLITE_DONE;
    reset();
    return good;
}

void Statement::reset()
{
    if (stmt_) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
}

std::string Statement::text(int col) const { return std::string(textView(col)); }

std::string_view Statement::textView(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, size_t(sqlite3_column_bytes(stmt_, col))) : std::string_view();
}

ScopedPragma::ScopedPragma(sqlite3 *db, const char *name, int64_t value) : db_(db), name_(name)
{
    {
        Statement s(db_, (std::string("PRAGMA ") + name_).c_str());
        if (!s.step()) return;
        previous_ = s.int64(0);
    }
    if (previous_ != value) changed_ = execSql(db_, (std::string("PRAGMA ") + name_ + " = " + std::to_string(value)).c_str());
}

ScopedPragma::~ScopedPragma()
{
    if (changed_) execSql(db_, (std::string("PRAGMA ") + name_ + " = " + std::to_string(previous_)).c_str());
}

bool execSql(sqlite3 *db, const char *sql, std::string *error)
{
    char *msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        noteFailure(sqlite3_extended_errcode(db));
        if (error) *error = msg ? msg : "unknown SQLite error";
        sqlite3_free(msg);
        return false;
    }
    return true;
}

}  // namespace mb

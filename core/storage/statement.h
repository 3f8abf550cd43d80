#pragma once
// A prepared SQLite statement with RAII and bound parameters only: no SQL is ever built from data.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace mb {

class Statement {
public:
    Statement(sqlite3 *db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool ok() const { return stmt_ != nullptr; }
    const std::string &error() const { return error_; }

    Statement &bind(int i, std::string_view text);
    Statement &bind(int i, double v);
    Statement &bind(int i, int64_t v);
    Statement &bind(int i, int v) { return bind(i, int64_t(v)); }
    Statement &bindNull(int i);

    // SQLITE_ROW: true; SQLITE_DONE: false (and done() is true); an error: false with error() set.
    bool step();
    bool exec();  // step to completion; true on success
    void reset();
    bool failed() const { return !error_.empty(); }
    int resultCode() const { return rc_; }

    int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    bool isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    int columnCount() const { return sqlite3_column_count(stmt_); }
    int columnType(int col) const { return sqlite3_column_type(stmt_, col); }  // SQLITE_INTEGER, ...
    const char *columnName(int col) const { return sqlite3_column_name(stmt_, col); }
    std::string text(int col) const;
    std::string_view textView(int col) const;

private:
    sqlite3 *db_;
    sqlite3_stmt *stmt_ = nullptr;
    std::string error_;
    int rc_ = SQLITE_OK;
};

// Runs SQL without results (DDL, PRAGMA, BEGIN/COMMIT); false with error set on failure.
bool execSql(sqlite3 *db, const char *sql, std::string *error = nullptr);

// Sets an integer PRAGMA of the connection (cache_size, temp_store, foreign_keys) while it lives and gives the
// connection back its own value after: a connection serves the next job on its thread too. Left alone when
// the value cannot be read or already is the one asked for.
class ScopedPragma {
public:
    ScopedPragma(sqlite3 *db, const char *name, int64_t value);
    ~ScopedPragma();
    ScopedPragma(const ScopedPragma &) = delete;
    ScopedPragma &operator=(const ScopedPragma &) = delete;

private:
    sqlite3 *db_;
    const char *name_;
    int64_t previous_ = 0;
    bool changed_ = false;
};

// The first failure of the workspace itself (an SQLite result code: busy, read-only, I/O, disk full,
// damaged) that a statement met on this thread since the last call, or SQLITE_OK; clears it. A caller
// turns the error into its own words, so writeTransaction asks here whether the workspace failed.
int takeStorageFailure();

}  // namespace mb

#pragma once
// The workspace schema as a list of migrations: version N is what migrations 1..N build. A new file runs
// them all; an older file runs the missing ones, in one transaction, after a backup copy.
#include <string>
#include <vector>

struct sqlite3;

namespace mb {

struct Migration {
    int toVersion;
    const char *sql;
};

const std::vector<Migration> &migrations();

// Brings db from `from` to `to` (both <= the newest) inside one transaction, setting user_version.
bool migrateSchema(sqlite3 *db, int from, int to, std::string &error);

}  // namespace mb

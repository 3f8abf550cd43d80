#pragma once
// The one way to change a workspace. An edit or an import is a single IMMEDIATE transaction that begins
// before anything is written and commits only when all of it was, so it is saved whole or not at all. If
// the transaction cannot begin (another program holds the write lock past the busy timeout, the file is
// read-only) nothing runs; and a connection refuses any write committed outside such a transaction, so a
// failed begin can never turn into rows committed one by one.
#include <functional>
#include <string>

struct sqlite3;

namespace mb {

class Workspace;

// What a write does inside its transaction, on the calling thread's connection: false (with error set)
// rolls everything back; so does false with error empty (a cancel).
using WriteFn = std::function<bool(sqlite3 *db, std::string &error)>;

// Begins, runs `write`, commits. Inside a transaction the caller holds, it is a savepoint of that one. Returns false with `error` set when anything failed; when the workspace
// itself failed (locked by another writer, read-only, disk full, damaged) the message names the file and
// ends "nothing was changed", and ws.lastWriteError() says which failure it was.
bool writeTransaction(Workspace &ws, std::string &error, const WriteFn &write);

// Installed on every read-write connection: a write committed other than by writeTransaction (a statement
// run in autocommit mode) fails and is rolled back.
void refuseWritesOutsideTransactions(sqlite3 *db);

}  // namespace mb

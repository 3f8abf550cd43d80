#pragma once
// The version of the SQLite library the program runs with (the About box names it), so that nothing
// outside core/storage includes sqlite3.h.
namespace mb {

const char *sqliteVersion();

}  // namespace mb

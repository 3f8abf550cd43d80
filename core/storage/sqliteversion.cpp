#include "core/storage/sqliteversion.h"

#include <sqlite3.h>

namespace mb {

const char *sqliteVersion() { return sqlite3_libversion(); }

}  // namespace mb

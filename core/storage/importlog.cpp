#include "core/storage/importlog.h"

#include "core/storage/statement.h"
#include "core/storage/workspace.h"

namespace mb {

std::vector<ImportLogEntry> importLog(const Workspace &ws)
{
    std::vector<ImportLogEntry> out;
    Statement s(ws.db(), "SELECT file, format, kind, rows_read, imported, rejected, duplicates FROM imports ORDER BY id");
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.int64(3), s.int64(4), s.int64(5), s.int64(6)});
    return out;
}

}  // namespace mb

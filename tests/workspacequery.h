#pragma once
// What the core tests ask of a workspace they built: one number from SQL, and a whole-file import as the
// CLI and the import dialog run it.
#include "core/storage/importer.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QString>

#include <cstdint>

namespace mbtest {

inline int64_t scalar(const mb::Workspace &ws, const char *sql)
{
    mb::Statement s(ws.db(), sql);
    return s.step() ? s.int64(0) : -1;
}

inline mb::ImportReport importFile(mb::Workspace &ws, mb::ImportKind kind, const QString &path)
{
    mb::ImportRequest req;
    req.kind = kind;
    req.path = path.toStdString();
    return mb::runImport(ws, req);
}

}  // namespace mbtest

#pragma once
// What the core tests ask of a workspace they build: a fresh one, one number from SQL, a whole-file import
// as the CLI and the import dialog run it, and its snapshot.
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

#include <cstdint>
#include <memory>

namespace mbtest {

inline int64_t scalar(const mb::Workspace &ws, const char *sql)
{
    mb::Statement s(ws.db(), sql);
    return s.step() ? s.int64(0) : -1;
}

// The workspace's snapshot; a test cannot go on without it.
inline std::shared_ptr<const mb::Snapshot> loadSnapshot(const mb::Workspace &ws)
{
    std::string error;
    auto snap = mb::Snapshot::load(ws, error);
    if (!snap) qFatal("%s", error.c_str());
    return snap;
}

inline mb::ImportReport importFile(mb::Workspace &ws, mb::ImportKind kind, const QString &path)
{
    mb::ImportRequest req;
    req.kind = kind;
    req.path = path.toStdString();
    return mb::runImport(ws, req);
}

// A new, empty workspace file NAME in dir; a test cannot go on without one.
inline std::unique_ptr<mb::Workspace> freshWorkspace(const QTemporaryDir &dir, const char *name)
{
    std::string error;
    auto ws = mb::Workspace::create(dir.filePath(QString::fromLatin1(name)).toStdString(), error);
    if (!ws) qFatal("%s", error.c_str());
    return ws;
}

}  // namespace mbtest

#pragma once
// Shared by the GUI tests: a message presenter that records instead of blocking, and helpers that build a
// demo workspace in a temporary folder and wait for a document's snapshot.
#include "core/demo/demogenerator.h"
#include "ui/messagepresenter.h"
#include "ui/workspacedocument.h"

#include <QStringList>
#include <QTemporaryDir>
#include <QtTest>

namespace mbtest {

class RecordingPresenter : public mb::MessagePresenter {
public:
    void error(QWidget *, const QString &title, const QString &text) override { errors << title + QStringLiteral(": ") + text; }
    void information(QWidget *, const QString &title, const QString &text) override { infos << title + QStringLiteral(": ") + text; }
    QStringList errors, infos;
};

// A small but complete demo store (the real generator, fewer orders) at dir/name.
inline QString makeDemo(const QTemporaryDir &dir, const QString &name = QStringLiteral("demo.merchbench"))
{
    const QString path = dir.filePath(name);
    mb::DemoParameters p;
    p.orders = 1500;
    p.customers = 400;
    std::string error;
    if (!mb::createDemoWorkspace(path.toStdString(), p, error)) qWarning("createDemoWorkspace: %s", error.c_str());
    return path;
}

// True once the document has a loaded snapshot and no load is pending.
inline bool waitLoaded(const mb::WorkspaceDocument *doc, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!(doc->snapshot() && !doc->isLoading())) {
        if (t.elapsed() > timeoutMs) return false;
        QTest::qWait(10);
    }
    return true;
}

// Opens a fresh small demo (makeDemo) in doc and waits for its snapshot; false with error set otherwise.
inline bool openDemo(mb::WorkspaceDocument &doc, const QTemporaryDir &dir, QString &error)
{
    mb::WorkspaceError kind;
    return doc.open(makeDemo(dir), error, kind) && waitLoaded(&doc);
}

}  // namespace mbtest

#pragma once
// Shared by the GUI tests: a message presenter that records instead of blocking, and helpers that build a
// demo workspace in a temporary folder and wait for a document's snapshot.
#include "workspacequery.h"

#include "core/demo/demogenerator.h"
#include "ui/messagepresenter.h"
#include "ui/workspacedocument.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStringList>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

namespace mbtest {

class RecordingPresenter : public mb::MessagePresenter {
public:
    void error(QWidget *, const QString &title, const QString &text) override { errors << title + QStringLiteral(": ") + text; }
    void information(QWidget *, const QString &title, const QString &text) override { infos << title + QStringLiteral(": ") + text; }
    bool confirm(QWidget *, const QString &title, const QString &text, const QString &) override
    {
        questions << title + QStringLiteral(": ") + text;
        return answer;
    }
    QStringList errors, infos, questions;
    bool answer = false;  // what the user says to a confirm()
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

// How long a GUI test waits for work on a worker thread (loading, mining, building an engine). Generous:
// the ASan/UBSan build (tests/sanitize.sh) runs several times slower than a release build on a shared CI
// machine. Every wait ends as soon as its condition holds, so this costs nothing when all is well.
inline constexpr int uiTimeoutMs = 300000;

// Runs the event loop until done() holds (false after timeoutMs). For a state that several signals lead
// to; it never sleeps for a fixed time and never decides by elapsed time alone.
template <typename Done>
bool waitUntil(Done done, int timeoutMs = uiTimeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) return false;
        QTest::qWait(5);
    }
    return true;
}

// Waits for the next emission of a signal unless it has been seen already (spy.count() > 0).
inline bool waitForSignal(QSignalSpy &spy, int timeoutMs = uiTimeoutMs)
{
    return spy.count() > 0 || spy.wait(timeoutMs) || spy.count() > 0;
}

// True once the document has a loaded snapshot and no load is pending: waits on snapshotChanged.
inline bool waitLoaded(const mb::WorkspaceDocument *doc, int timeoutMs = uiTimeoutMs)
{
    QSignalSpy changed(doc, &mb::WorkspaceDocument::snapshotChanged);
    QDeadlineTimer deadline(timeoutMs);
    while (!(doc->snapshot() && !doc->isLoading())) {
        if (deadline.hasExpired()) return false;
        changed.wait(int(std::clamp<qint64>(deadline.remainingTime(), 1, 1000)));
    }
    return true;
}

// Opens a fresh small demo (makeDemo) in doc and waits for its snapshot; false with error set otherwise.
inline bool openDemo(mb::WorkspaceDocument &doc, const QTemporaryDir &dir, QString &error)
{
    mb::WorkspaceError kind;
    return doc.open(makeDemo(dir), error, kind) && waitLoaded(&doc);
}

// Opens in doc a store made from an order file alone: csv written to dir/NAME.csv and imported into a new
// dir/NAME.merchbench. For the views over stores unlike the demo (a history without a catalog, guests only).
inline bool openOrderHistory(mb::WorkspaceDocument &doc, const QTemporaryDir &dir, const QString &name, const QByteArray &csv,
                             QString &error)
{
    const QString path = dir.filePath(name + QStringLiteral(".csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size()) {
        error = QStringLiteral("cannot write ") + path;
        return false;
    }
    file.close();
    {
        auto ws = freshWorkspace(dir, qPrintable(name + QStringLiteral(".merchbench")));
        const mb::ImportReport imported = importFile(*ws, mb::ImportKind::Orders, path);
        if (imported.status != mb::ImportStatus::Ok) {
            error = QString::fromStdString(imported.error);
            return false;
        }
    }
    mb::WorkspaceError kind;
    return doc.open(dir.filePath(name + QStringLiteral(".merchbench")), error, kind) && waitLoaded(&doc);
}

// What every edit test starts from: a fresh demo document, with spies on what no edit may do (reload the
// order history) and on the one error channel (WorkspaceDocument::editFailed).
struct EditFixture {
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<mb::WorkspaceDocument> doc;
    std::unique_ptr<QSignalSpy> loads, failures;
    bool expectReload = false;  // a test that reopens or catches up with another program sets it

    bool open(QString &error)
    {
        dir = std::make_unique<QTemporaryDir>();
        doc = std::make_unique<mb::WorkspaceDocument>();
        if (!openDemo(*doc, *dir, error)) return false;
        loads = std::make_unique<QSignalSpy>(doc.get(), &mb::WorkspaceDocument::loadingStarted);
        failures = std::make_unique<QSignalSpy>(doc.get(), &mb::WorkspaceDocument::editFailed);
        return true;
    }
    // Closes everything; returns how often the history was reloaded though no test expected it.
    int close()
    {
        const int unexpected = loads && !expectReload ? int(loads->count()) : 0;
        expectReload = false;
        loads.reset();
        failures.reset();
        doc.reset();
        dir.reset();
        return unexpected;
    }
};

}  // namespace mbtest

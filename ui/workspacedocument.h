#pragma once
// The open workspace as the GUI sees it: the SQLite workspace, the current immutable snapshot the views
// read, its counts, and the undo stack every edit goes through. The snapshot loads on a worker thread;
// views listen to snapshotChanged() and never touch the database themselves.
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

class QUndoStack;

namespace mb {
class MessagePresenter;
}

namespace mb {

class WorkspaceDocument : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceDocument(QObject *parent = nullptr);
    ~WorkspaceDocument() override;

    // Opens the file (synchronously: opening only checks the header and schema), then starts loading
    // the snapshot. On failure the previous workspace stays open and error/kind say why.
    bool open(const QString &path, QString &error, WorkspaceError &kind);
    bool create(const QString &path, QString &error);
    void close();

    bool isOpen() const { return bool(workspace_); }
    bool isLoading() const { return loading_; }
    QString path() const { return path_; }
    QString displayName() const;
    // Shared so that a worker (snapshot load, import) keeps it alive while the user closes it.
    std::shared_ptr<Workspace> workspace() const { return workspace_; }
    std::shared_ptr<const Snapshot> snapshot() const { return snapshot_; }
    const WorkspaceCounts &counts() const { return counts_; }
    QUndoStack *undoStack() const { return undoStack_; }

    // Reloads the snapshot in the background (after an import); snapshotChanged() follows.
    void reload();

    // Where views report errors: the window's presenter, so tests capture messages instead of blocking
    // on a modal box. Never null (a dialog presenter until the window sets its own).
    MessagePresenter *messages() const;
    void setMessages(MessagePresenter *messages) { messages_ = messages; }

Q_SIGNALS:
    void workspaceChanged();   // opened, created or closed: path and name changed
    void loadingStarted();
    void snapshotChanged();    // new snapshot and counts (null snapshot when closed)
    void loadFailed(const QString &error);

private:
    struct LoadResult {
        std::shared_ptr<const Snapshot> snapshot;
        WorkspaceCounts counts;
        std::string error;
    };
    void adopt(std::unique_ptr<Workspace> ws, const QString &path);
    void onLoaded();

    std::shared_ptr<Workspace> workspace_;
    std::shared_ptr<const Snapshot> snapshot_;
    WorkspaceCounts counts_;
    QString path_;
    QUndoStack *undoStack_;
    MessagePresenter *messages_ = nullptr;
    QFutureWatcher<LoadResult> *watcher_;
    quint64 generation_ = 0;   // a load started for an older workspace is ignored when it finishes
    bool loading_ = false;
};

}  // namespace mb

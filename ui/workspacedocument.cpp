#include "ui/workspacedocument.h"

#include "core/storage/bundlestore.h"
#include "core/storage/snapshotcounts.h"
#include "ui/poolrelease.h"
#include "ui/messagepresenter.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace mb {

// One line per load on stderr (silence with QT_LOGGING_RULES="merchbench.workspace=false"): what support
// asks for first, and what packaging/test-run.sh waits for to know the app really opened the demo store.
Q_LOGGING_CATEGORY(lcWorkspace, "merchbench.workspace", QtInfoMsg)

WorkspaceDocument::WorkspaceDocument(QObject *parent)
    : QObject(parent), undoStack_(new QUndoStack(this)), watcher_(new QFutureWatcher<LoadResult>(this))
{
    connect(watcher_, &QFutureWatcher<LoadResult>::finished, this, &WorkspaceDocument::onLoaded);
}

WorkspaceDocument::~WorkspaceDocument()
{
    // The worker holds its own reference to the workspace; waiting keeps shutdown orderly.
    watcher_->waitForFinished();
}

QString WorkspaceDocument::displayName() const
{
    return path_.isEmpty() ? QString() : QFileInfo(path_).fileName();
}

bool WorkspaceDocument::open(const QString &path, QString &error, WorkspaceError &kind, bool readOnly)
{
    std::string err;
    kind = WorkspaceError::None;
    auto ws = Workspace::open(QFileInfo(path).absoluteFilePath().toStdString(), err, &kind, readOnly);
    if (!ws) {
        error = QString::fromStdString(err);
        if (error.isEmpty()) error = tr("%1: cannot be opened.").arg(path);
        return false;
    }
    adopt(std::move(ws), QFileInfo(path).absoluteFilePath());
    return true;
}

bool WorkspaceDocument::create(const QString &path, QString &error)
{
    std::string err;
    auto ws = Workspace::create(QFileInfo(path).absoluteFilePath().toStdString(), err);
    if (!ws) {
        error = QString::fromStdString(err);
        return false;
    }
    adopt(std::move(ws), QFileInfo(path).absoluteFilePath());
    return true;
}

void WorkspaceDocument::adopt(std::unique_ptr<Workspace> ws, const QString &path)
{
    workspace_ = std::move(ws);
    path_ = path;
    snapshot_.reset();
    endpoints_.reset();
    bundles_.clear();
    policies_ = defaultPolicies();
    policiesError_.clear();
    dataVersion_ = workspace_->dataVersion();
    counts_ = {};
    undoStack_->clear();
    ++generation_;
    Q_EMIT workspaceChanged();
    Q_EMIT snapshotChanged();
    reload();
}

void WorkspaceDocument::close()
{
    if (!workspace_) return;
    workspace_.reset();
    snapshot_.reset();
    endpoints_.reset();
    bundles_.clear();
    policies_ = defaultPolicies();
    policiesError_.clear();
    dataVersion_ = -1;
    counts_ = {};
    path_.clear();
    undoStack_->clear();
    ++generation_;
    loading_ = false;
    Q_EMIT workspaceChanged();
    Q_EMIT snapshotChanged();
}

void WorkspaceDocument::reload()
{
    if (!workspace_) return;
    if (watcher_->isRunning()) {
        // One load at a time; the finished handler starts another when this one is stale.
        ++generation_;
        return;
    }
    loading_ = true;
    Q_EMIT loadingStarted();
    // What the load will see: a change another program commits while it runs is news afterwards
    // (onLoaded catches up to this, not to the version at its end).
    loadDataVersion_ = workspace_->dataVersion();
    const quint64 generation = generation_;
    std::shared_ptr<Workspace> ws = workspace_;
    watcher_->setProperty("generation", generation);
    watcher_->setFuture(QtConcurrent::run(workPool(), [ws]() {
        LoadResult r;
        r.snapshot = Snapshot::load(*ws, r.error);
        if (r.snapshot) {
            r.counts = countsOf(*r.snapshot, *ws);  // from the rows just read: counts() scans order_lines again
            r.endpoints = EndpointIndex::of(*r.snapshot);
            // The small editable state, read beside the history so the GUI thread never queries for it.
            std::string bundleError;
            r.bundles = BundleStore(*ws).all(&bundleError);
            if (!bundleError.empty()) {
                // A workspace whose bundles cannot be read is not shown as one without bundles.
                r.snapshot.reset();
                r.error = bundleError;
                return r;
            }
            r.policies = defaultPolicies();
            if (!loadPolicies(*ws, r.policies, r.policiesError)) r.policies = defaultPolicies();
        }
        return r;
    }));
}

void WorkspaceDocument::onLoaded()
{
    const quint64 generation = watcher_->property("generation").toULongLong();
    const LoadResult r = watcher_->result();
    if (generation != generation_) {
        // The workspace changed (or a reload was asked for) while this ran: start over for the current one.
        if (workspace_) reload();
        return;
    }
    loading_ = false;
    if (!r.snapshot) {
        const QString why = QString::fromStdString(r.error.empty() ? std::string("loading was cancelled") : r.error);
        qCWarning(lcWorkspace, "could not load %s: %s", qPrintable(path_), qPrintable(why));
        Q_EMIT loadFailed(why);
        return;
    }
    // The views let go of the old history while snapshotChanged runs; the document's reference, often the
    // last, is then dropped on the pool so the GUI thread does not spend the time freeing it.
    std::shared_ptr<const Snapshot> previous = std::move(snapshot_);
    snapshot_ = r.snapshot;
    endpoints_ = r.endpoints;
    counts_ = r.counts;
    bundles_ = r.bundles;
    policies_ = r.policies;
    policiesError_ = r.policiesError;
    dataVersion_ = loadDataVersion_;
    qCInfo(lcWorkspace, "loaded %s: %lld products, %lld orders", qPrintable(path_), qlonglong(counts_.products),
           qlonglong(counts_.orders));
    Q_EMIT snapshotChanged();
    releaseOnPool(std::move(previous));
}

bool WorkspaceDocument::checkExternalChanges()
{
    if (!workspace_ || loading_) return false;
    const int64_t now = workspace_->dataVersion();
    if (now == dataVersion_) return false;
    dataVersion_ = now;
    qCInfo(lcWorkspace, "%s was changed by another program: reloading", qPrintable(path_));
    // What the undo stack remembers may no longer be there; an undo of it says so in words.
    Q_EMIT changedElsewhere();
    reload();
    return true;
}

void WorkspaceDocument::acknowledgeOwnWrites()
{
    if (workspace_) dataVersion_ = workspace_->dataVersion();
}

MessagePresenter *WorkspaceDocument::messages() const
{
    static DialogMessagePresenter dialogs;
    return messages_ ? messages_ : &dialogs;
}

}  // namespace mb

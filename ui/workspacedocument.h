#pragma once
// The open workspace as the GUI sees it (after Tiled's Document): the SQLite workspace, the current
// snapshot the views read, its counts, the undo stack, and the one way data changes.
//
// The snapshot holds the large immutable order history and the small editable state (relations, the
// recommendable switch). The history loads on a worker, once after opening and again only after an import
// or a change made outside this window. Edits never reload: an undo command calls one of the edit methods
// below, which writes through storage in one transaction, makes the next snapshot as a copy that shares the
// history (core/storage/sharedpart.h), and emits a row-precise signal naming what changed, then
// mapsEdited() for views that derive from the whole map (preview, suggestions). Failures of any edit are
// said on one channel, editFailed(), which the window shows.
#include "core/storage/bundle.h"
#include "core/storage/relation.h"
#include "core/placement/placementpolicy.h"
#include "core/storage/endpointindex.h"
#include "core/storage/hygienestore.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QUndoStack;

namespace mb {

class MessagePresenter;

class WorkspaceDocument : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceDocument(QObject *parent = nullptr);
    ~WorkspaceDocument() override;

    // Opens the file (synchronously: opening only checks the header and schema), then starts loading
    // the snapshot. On failure the previous workspace stays open and error/kind say why.
    bool open(const QString &path, QString &error, WorkspaceError &kind, bool readOnly = false);
    bool create(const QString &path, QString &error);
    void close();

    bool isOpen() const { return bool(workspace_); }
    bool isLoading() const { return loading_; }
    QString path() const { return path_; }
    QString displayName() const;
    // Shared so that a worker (snapshot load, import) keeps it alive while the user closes it.
    std::shared_ptr<Workspace> workspace() const { return workspace_; }
    std::shared_ptr<const Snapshot> snapshot() const { return snapshot_; }
    // Workspace ids to snapshot indices; the same object for every snapshot of one loaded history.
    std::shared_ptr<const EndpointIndex> endpoints() const { return endpoints_; }
    const WorkspaceCounts &counts() const { return counts_; }
    // The bundles, by name, and the placement policies: editable state loaded once with the snapshot and
    // patched by the edit methods below (never read again from the file on the GUI thread).
    const std::vector<Bundle> &bundles() const { return bundles_; }
    const Bundle *bundle(int64_t id) const;
    const PolicySet &policies() const { return policies_; }
    // Why the stored policies could not be read (defaults are in force then); empty when they could.
    const std::string &policiesError() const { return policiesError_; }
    QUndoStack *undoStack() const { return undoStack_; }

    // Reloads the whole snapshot in the background (after an import, or a change made elsewhere);
    // snapshotChanged() follows. Never after an edit.
    void reload();

    // --- Edits (called by undo commands; each is one transaction) -------------------------------------
    // One relation from `from` to `to`: an add when there is no from (to gets its id; a non-zero id is
    // restored, as a redo does), a removal when there is no to, an update otherwise.
    bool changeRelation(const std::optional<Relation> &from, std::optional<Relation> &to);
    bool addRelations(std::vector<Relation> &relations);         // all or none; ids set
    bool removeRelations(const std::vector<Relation> &relations);
    bool reorderRelations(const std::vector<int64_t> &idsInOrder); // one anchor and kind; keeps the group's positions
    // nonMerchandise with recommendable false confirms them as non-merchandise (left out of mining too).
    bool setRecommendable(const std::vector<int64_t> &productIds, bool recommendable, bool nonMerchandise = false);
    // A SKU variant merged into its canonical SKU and back (documenthygiene.cpp, core/storage/hygienestore.h):
    // the order lines move, so the history is reloaded (snapshotChanged follows). merge is filled by mergeSku.
    bool mergeSku(SkuMerge &merge);
    bool unmergeSku(const SkuMerge &merge);
    // One bundle from `from` to `to` (documentbundles.cpp): an add when there is no from (to gets its id
    // and timestamps; a non-zero id is restored, as a redo does), a removal when there is no to.
    bool changeBundle(const std::optional<Bundle> &from, std::optional<Bundle> &to);
    // One key of one placement's policy (documentpolicies.cpp); the value is validated first.
    bool setPolicyValue(Placement placement, const std::string &key, const std::string &value);
    // Says why an edit failed, on the one channel the window shows.
    void reportError(const QString &message);
    // A write that storage refused: "what: error", after catching up with a change made elsewhere (which
    // is the usual cause: the row is gone or renamed), and then says so.
    void reportFailure(const QString &what, const std::string &error);

    // Whether another window or the command line changed the workspace file since this window last looked
    // (SQLite's data_version, read when the window regains focus): if so, reloads and returns true.
    bool checkExternalChanges();
    // The window's own worker wrote (an import, a mining run): not a change made elsewhere.
    void acknowledgeOwnWrites();

    // Where views report errors: the window's presenter, so tests capture messages instead of blocking
    // on a modal box. Never null (a dialog presenter until the window sets its own).
    MessagePresenter *messages() const;
    void setMessages(MessagePresenter *messages) { messages_ = messages; }

Q_SIGNALS:
    void workspaceChanged();   // opened, created or closed: path and name changed
    void loadingStarted();
    void snapshotChanged();    // a new history (and counts); null snapshot when closed. Views rebuild.
    void loadFailed(const QString &error);

    // Row-precise edit signals; snapshot() already holds the edit when they are emitted.
    void relationAdded(const mb::Relation &relation);
    void relationChanged(const mb::Relation &before, const mb::Relation &after);
    void relationRemoved(const mb::Relation &relation);
    void relationsReordered(const std::vector<int64_t> &idsInOrder);
    void relationsAdded(const std::vector<mb::Relation> &relations);
    void relationsRemoved(const std::vector<mb::Relation> &relations);
    void recommendableChanged(const std::vector<uint32_t> &productIndices);
    void mapsEdited();         // after each of the above
    // Bundles and policies (bundles() and policies() already hold the edit). Not map edits: no mapsEdited().
    void bundleAdded(const mb::Bundle &bundle);
    void bundleChanged(const mb::Bundle &before, const mb::Bundle &after);
    void bundleRemoved(const mb::Bundle &bundle);
    void policyChanged(mb::Placement placement, const QString &key, const QString &value);
    void editFailed(const QString &message);
    // Another program changed the workspace; the views refresh with the reload that follows.
    void changedElsewhere();

private:
    struct LoadResult {
        std::shared_ptr<const Snapshot> snapshot;
        std::shared_ptr<const EndpointIndex> endpoints;
        WorkspaceCounts counts;
        std::vector<Bundle> bundles;
        PolicySet policies;
        std::string policiesError;
        std::string error;
    };
    void adopt(std::unique_ptr<Workspace> ws, const QString &path);
    void onLoaded();
    bool writable(const QString &what);
    bool toSnapshotRelation(const Relation &r, SnapshotRelation &out) const;
    void publish(std::shared_ptr<Snapshot> next);

    std::shared_ptr<Workspace> workspace_;
    std::shared_ptr<const Snapshot> snapshot_;
    std::shared_ptr<const EndpointIndex> endpoints_;
    WorkspaceCounts counts_;
    std::vector<Bundle> bundles_;
    PolicySet policies_ = defaultPolicies();
    std::string policiesError_;
    QString path_;
    QUndoStack *undoStack_;
    MessagePresenter *messages_ = nullptr;
    QFutureWatcher<LoadResult> *watcher_;
    quint64 generation_ = 0;   // a load started for an older workspace is ignored when it finishes
    int64_t dataVersion_ = -1; // SQLite's data_version when this window last caught up
    int64_t loadDataVersion_ = -1;  // ... and when the running load started
    bool loading_ = false;
};

}  // namespace mb

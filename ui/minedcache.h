#pragma once
// The one owner of the workspace's mined results in the GUI. The saved runs of a big store are large
// (637,108 pair rules for Online Retail), so they are read once per order history, on the app's pool,
// and every view (Maps suggestions, the preview's evidence, the stale banner) shares the same immutable
// copy. Every new snapshot (an import, another program's change) and every mining run asks again, on the
// worker; when the saved runs are the ones already read and the snapshot's catalog and history are the
// same, the copy in hand is kept instead of reading the rules again.
#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace mb {

struct MinedResults;
struct Snapshot;
class WorkspaceDocument;

class MinedCache : public QObject {
    Q_OBJECT
public:
    // One per document, created on first use (a child of the document, so it lives as long as the views).
    static MinedCache *of(WorkspaceDocument *document);
    ~MinedCache() override;

    // The results read for the document's current snapshot, or null while they are being read (or
    // nothing is open). Their indices are into that snapshot.
    std::shared_ptr<const MinedResults> results() const;
    // The results when they fit this snapshot (same catalog in the same order, same order history), else null.
    std::shared_ptr<const MinedResults> resultsFor(const std::shared_ptr<const Snapshot> &snapshot) const;
    // From the start of a read until minedChanged() (not merely until the worker returns).
    bool isLoading() const { return loading_; }
    // Reads the saved runs again (after a mining run saved new ones); minedChanged() follows.
    void reload();
    void waitForFinished() { watcher_.waitForFinished(); }

Q_SIGNALS:
    // After every read (results may be empty: nothing mined) and when the document closes (null).
    void minedChanged(std::shared_ptr<const mb::MinedResults> results);

private:
    explicit MinedCache(WorkspaceDocument *document);
    void onSnapshotChanged();
    void start();
    void onLoaded();

    WorkspaceDocument *document_;
    QFutureWatcher<std::shared_ptr<const MinedResults>> watcher_;
    std::shared_ptr<const MinedResults> results_;
    std::shared_ptr<const Snapshot> resultsSnapshot_;  // the snapshot results_ were read for
    std::shared_ptr<const Snapshot> loadingSnapshot_;  // the snapshot the running read is for
    bool again_ = false;  // a newer snapshot or a new run arrived while reading: read once more
    bool loading_ = false;
};

}  // namespace mb

Q_DECLARE_METATYPE(std::shared_ptr<const mb::MinedResults>)

#pragma once
// Builds the placement engine for each snapshot on a worker thread: the document's policies, the mined
// evidence from the document's shared mined results (MinedCache: never read a second time here) when they
// are fresh (else mined right there, for the preview only), then the engine's indices. A build waits for
// the shared results of its snapshot, and a mining run's new results rebuild it. The view calls recommend() on the GUI thread: that part is
// sub-millisecond, the build is not. A build started for an older snapshot is dropped when it finishes.
#include "core/placement/placementengine.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

namespace mb {

class WorkspaceDocument;
struct MinedResults;

// Where the engine's mined evidence came from, for the view's status line.

struct PreviewBuild {
    std::shared_ptr<const Snapshot> snapshot;   // the engine holds a reference into it: kept alive together
    std::shared_ptr<PlacementEngine> engine;
    std::shared_ptr<const MinedResults> mined;  // the shared results the evidence came from
    PolicySet policies;
    EvidenceOrigin origin = EvidenceOrigin::None;
    int64_t minedAt = 0;                        // UTC seconds of the saved pair run (Saved)
    qint64 milliseconds = 0;
    std::string error;                          // the stored policies do not validate (defaults used)
};

class PreviewRunner : public QObject {
    Q_OBJECT
public:
    explicit PreviewRunner(WorkspaceDocument *document, QObject *parent = nullptr);
    ~PreviewRunner() override;

    // Starts a build for the document's current snapshot (a running one is dropped when it finishes).
    void rebuild();
    bool isBuilding() const { return building_; }
    const std::shared_ptr<const PreviewBuild> &current() const { return current_; }
    void waitForFinished() { watcher_.waitForFinished(); }

Q_SIGNALS:
    void started();
    void built();  // current() is the new build

private:
    void onFinished();
    // Starts the worker for the current generation when the shared mined results are in.
    void startBuild();

    WorkspaceDocument *document_;
    QFutureWatcher<std::shared_ptr<const PreviewBuild>> watcher_;
    std::shared_ptr<const PreviewBuild> current_;
    quint64 generation_ = 0;
    quint64 running_ = 0;  // the generation the running build was started for
    bool building_ = false;
    bool waitingForMined_ = false;  // the shared mined results of this snapshot are still being read
};

}  // namespace mb

#pragma once
// Mines pairs, EASE and replenishment on a worker thread (mineAndSave), reporting progress to the GUI
// thread and stopping early when cancelled; nothing is saved when cancelled. One per document, so the Maps
// banner, the preview's banner and the Mining menu start, show and cancel the same run.
#include "core/mining/minedresults.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>
#include <string>

class QTimer;

namespace mb {

class WorkspaceDocument;

class MiningRunner : public QObject {
    Q_OBJECT
public:
    // The document's runner, created on first use (a child of the document).
    static MiningRunner *of(WorkspaceDocument *document);
    ~MiningRunner() override;

    bool isRunning() const { return watcher_.isRunning(); }
    // false when there is nothing to mine or a run is under way.
    bool start(const MiningSettings &settings = MiningSettings());
    // With the parameters of the saved runs (the defaults when nothing was mined yet).
    bool rerun();
    void cancel();
    void waitForFinished() { watcher_.waitForFinished(); }

Q_SIGNALS:
    void started();
    void progress(int percent);
    // ok: saved (the shared mined results are being read again); !ok with an empty error: cancelled.
    void finished(bool ok, const QString &error, qint64 milliseconds);

private:
    explicit MiningRunner(WorkspaceDocument *document);

    struct Result {
        bool ok = false;
        std::string error;
        qint64 ms = 0;
    };
    WorkspaceDocument *document_;
    QFutureWatcher<Result> watcher_;
    QTimer *poll_;
    // Shared with the worker, which may outlive a cancelled wait.
    struct Shared {
        std::atomic<int> permille{0};
        std::atomic<bool> cancel{false};
    };
    std::shared_ptr<Shared> shared_;
};

}  // namespace mb

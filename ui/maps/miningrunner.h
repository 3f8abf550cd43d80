#pragma once
// Mines pairs, EASE and replenishment on a worker thread (mineAndSave), reporting progress to the GUI
// thread and stopping early when cancelled; nothing is saved when cancelled.
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
    explicit MiningRunner(WorkspaceDocument *document, QObject *parent = nullptr);
    ~MiningRunner() override;

    bool isRunning() const { return watcher_.isRunning(); }
    bool start();   // false when there is nothing to mine or a run is under way
    void cancel();
    void waitForFinished() { watcher_.waitForFinished(); }

Q_SIGNALS:
    void progress(int percent);
    // ok: saved; !ok with an empty error: cancelled.
    void finished(bool ok, const QString &error, qint64 milliseconds);

private:
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

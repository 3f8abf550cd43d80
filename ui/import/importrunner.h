#pragma once
// Runs runImport on a worker thread. The worker only writes an atomic progress figure and reads an atomic
// cancel flag; the GUI polls them on a timer, so a fast parser cannot flood the event loop.
#include "core/storage/importer.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace mb {

class Workspace;

class ImportRunner : public QObject {
    Q_OBJECT
public:
    explicit ImportRunner(QObject *parent = nullptr);
    ~ImportRunner() override;

    void start(std::shared_ptr<Workspace> workspace, ImportRequest request);
    // Asks the worker to stop at its next progress call; the import then rolls back.
    void cancel();
    bool isRunning() const { return watcher_.isRunning(); }
    const ImportReport &report() const { return report_; }

Q_SIGNALS:
    void progressChanged(int permille);
    void finished();

private:
    struct Shared {
        std::atomic<int> permille{0};
        std::atomic<bool> cancel{false};
    };
    std::shared_ptr<Shared> shared_;
    QFutureWatcher<ImportReport> watcher_;
    QTimer poll_;
    ImportReport report_;
};

}  // namespace mb

#include "ui/import/importrunner.h"

#include "ui/workpool.h"

#include <QtConcurrent/QtConcurrentRun>

namespace mb {

ImportRunner::ImportRunner(QObject *parent) : QObject(parent)
{
    poll_.setInterval(50);
    connect(&poll_, &QTimer::timeout, this, [this] {
        if (shared_) Q_EMIT progressChanged(shared_->permille.load());
    });
    connect(&watcher_, &QFutureWatcher<ImportReport>::finished, this, [this] {
        poll_.stop();
        report_ = watcher_.result();
        Q_EMIT progressChanged(1000);
        Q_EMIT finished();
    });
}

ImportRunner::~ImportRunner()
{
    // Never leave a writer running against a workspace the window may be closing.
    if (shared_) shared_->cancel = true;
    watcher_.waitForFinished();
}

void ImportRunner::start(std::shared_ptr<Workspace> workspace, ImportRequest request)
{
    if (isRunning()) return;
    shared_ = std::make_shared<Shared>();
    report_ = {};
    std::shared_ptr<Shared> shared = shared_;
    request.progress = [shared](double fraction) {
        shared->permille = int(fraction * 1000);
        return !shared->cancel.load();
    };
    watcher_.setFuture(QtConcurrent::run(workPool(), [workspace, request]() { return runImport(*workspace, request); }));
    poll_.start();
}

void ImportRunner::cancel()
{
    if (shared_) shared_->cancel = true;
}

}  // namespace mb

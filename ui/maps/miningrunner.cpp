#include "ui/maps/miningrunner.h"

#include "ui/minedcache.h"
#include "ui/workpool.h"
#include "ui/workspacedocument.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace mb {

MiningRunner *MiningRunner::of(WorkspaceDocument *document)
{
    auto *r = document->findChild<MiningRunner *>(QString(), Qt::FindDirectChildrenOnly);
    return r ? r : new MiningRunner(document);
}

MiningRunner::MiningRunner(WorkspaceDocument *document) : QObject(document), document_(document), poll_(new QTimer(this))
{
    // Polling an atomic keeps the worker free of queued signals: a fast run posts nothing at all.
    poll_->setInterval(50);
    connect(poll_, &QTimer::timeout, this, [this] {
        if (shared_) Q_EMIT progress(shared_->permille.load() / 10);
    });
    connect(&watcher_, &QFutureWatcher<Result>::finished, this, [this] {
        poll_->stop();
        const Result r = watcher_.result();
        // Only the mined results changed: they are read again, the order history snapshot is not; and the
        // window's own write is no change made elsewhere (no reload when it regains focus).
        if (r.ok) {
            document_->acknowledgeOwnWrites();
            MinedCache::of(document_)->reload();
        }
        if (r.ok) Q_EMIT progress(100);
        Q_EMIT finished(r.ok, QString::fromStdString(r.error), r.ms);
    });
    // A closing workspace stops its run (nothing is saved).
    connect(document, &WorkspaceDocument::workspaceChanged, this, &MiningRunner::cancel);
}

MiningRunner::~MiningRunner()
{
    if (shared_) shared_->cancel = true;
    watcher_.waitForFinished();
}

bool MiningRunner::start(const MiningSettings &settings)
{
    auto ws = document_->workspace();
    auto snap = document_->snapshot();
    if (!ws || !snap || watcher_.isRunning()) return false;
    shared_ = std::make_shared<Shared>();
    auto shared = shared_;
    Q_EMIT started();
    Q_EMIT progress(0);
    poll_->start();
    watcher_.setFuture(QtConcurrent::run(workPool(), [ws, snap, shared, settings] {
        Result r;
        QElapsedTimer t;
        t.start();
        r.ok = mineAndSave(*ws, *snap, settings, r.error, [shared](double f) {
            shared->permille = int(f * 1000);
            return !shared->cancel.load();
        });
        r.ms = t.elapsed();
        return r;
    }));
    return true;
}

bool MiningRunner::rerun()
{
    const auto saved = MinedCache::of(document_)->results();
    return start(saved ? MiningSettings::fromRuns(*saved) : MiningSettings());
}

void MiningRunner::cancel()
{
    if (shared_) shared_->cancel = true;
}

}  // namespace mb

#include "ui/preview/previewrunner.h"

#include "core/mining/minedresults.h"
#include "core/storage/workspace.h"
#include "ui/workpool.h"
#include "ui/workspacedocument.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace mb {

namespace {

// The policies come from the document (loaded once with the snapshot, patched by its edits): no query.
std::shared_ptr<const PreviewBuild> build(std::shared_ptr<Workspace> ws, std::shared_ptr<const Snapshot> snap, PolicySet policies,
                                          std::string policiesError)
{
    QElapsedTimer timer;
    timer.start();
    auto b = std::make_shared<PreviewBuild>();
    b->snapshot = snap;
    b->policies = std::move(policies);
    b->error = std::move(policiesError);
    EvidenceSource source = evidenceFor(*ws, *snap);
    b->origin = source.origin;
    b->minedAt = source.minedAt;
    b->engine = std::make_shared<PlacementEngine>(*snap, std::move(source.evidence), b->policies);
    b->milliseconds = timer.elapsed();
    return b;
}

}  // namespace

PreviewRunner::PreviewRunner(WorkspaceDocument *document, QObject *parent) : QObject(parent), document_(document)
{
    connect(&watcher_, &QFutureWatcher<std::shared_ptr<const PreviewBuild>>::finished, this, &PreviewRunner::onFinished);
}

PreviewRunner::~PreviewRunner() { watcher_.waitForFinished(); }

void PreviewRunner::rebuild()
{
    ++generation_;
    const auto snap = document_->snapshot();
    const auto ws = document_->workspace();
    if (!snap || !ws) {
        if (!watcher_.isRunning()) building_ = false;
        current_.reset();
        Q_EMIT built();
        return;
    }
    building_ = true;
    Q_EMIT started();
    if (watcher_.isRunning()) return;  // onFinished sees the newer generation and starts again
    running_ = generation_;
    watcher_.setFuture(QtConcurrent::run(workPool(), build, ws, snap, document_->policies(), document_->policiesError()));
}

void PreviewRunner::onFinished()
{
    const quint64 generation = running_;
    auto result = watcher_.result();
    if (generation != generation_) {
        // The snapshot moved on while this ran: build for the current one instead.
        const auto snap = document_->snapshot();
        const auto ws = document_->workspace();
        if (!snap || !ws) {
            building_ = false;
            return;
        }
        running_ = generation_;
        watcher_.setFuture(QtConcurrent::run(workPool(), build, ws, snap, document_->policies(), document_->policiesError()));
        return;
    }
    building_ = false;
    current_ = std::move(result);
    Q_EMIT built();
}

}  // namespace mb

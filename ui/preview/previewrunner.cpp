#include "ui/preview/previewrunner.h"

#include "core/mining/minedresults.h"
#include "core/storage/workspace.h"
#include "ui/minedcache.h"
#include "ui/poolrelease.h"
#include "ui/workpool.h"
#include "ui/workspacedocument.h"

#include <QElapsedTimer>

#include <algorithm>
#include <QtConcurrent/QtConcurrentRun>

namespace mb {

namespace {

// The policies come from the document (loaded once with the snapshot, patched by its edits): no query.
std::shared_ptr<const PreviewBuild> build(std::shared_ptr<const Snapshot> snap, std::shared_ptr<const MinedResults> mined, PolicySet policies,
                                          std::string policiesError, std::shared_ptr<const PreviewBuild> previous)
{
    QElapsedTimer timer;
    timer.start();
    auto b = std::make_shared<PreviewBuild>();
    b->snapshot = snap;
    b->mined = mined;
    b->policies = std::move(policies);
    b->error = std::move(policiesError);
    EvidenceSource source = evidenceFor(*snap, *mined);
    b->origin = source.origin;
    b->minedAt = source.minedAt;
    // After an edit of a map the orders are the same (shared, not copied): so are the purchases per customer.
    std::shared_ptr<const PurchaseHistory> purchases;
    if (previous && previous->engine && previous->snapshot->orders.sharesWith(snap->orders) &&
        previous->snapshot->lines.sharesWith(snap->lines) && previous->snapshot->customers.sharesWith(snap->customers))
        purchases = previous->engine->sharedPurchases();
    b->engine = std::make_shared<PlacementEngine>(*snap, std::move(source.evidence), b->policies, std::move(purchases));
    // The view recommends on the GUI thread, and the first category target would build the catalog's title
    // index there (RelationResolver builds it on first use): 0.5 s of a frozen window on a 100K-product
    // store. Build it here, on the pool, when a map has a category target.
    if (std::any_of(snap->relations.begin(), snap->relations.end(), [](const SnapshotRelation &r) { return r.targetType == EndpointType::Category; }))
        b->engine->resolver().titleWords();
    b->milliseconds = timer.elapsed();
    return b;
}

}  // namespace

PreviewRunner::PreviewRunner(WorkspaceDocument *document, QObject *parent) : QObject(parent), document_(document)
{
    connect(&watcher_, &QFutureWatcher<std::shared_ptr<const PreviewBuild>>::finished, this, &PreviewRunner::onFinished);
    connect(MinedCache::of(document), &MinedCache::minedChanged, this, [this] {
        if (waitingForMined_) startBuild();  // the results this build waited for
        else if (document_->snapshot() && (!current_ || current_->mined != MinedCache::of(document_)->results()))
            rebuild();  // a mining run saved new evidence for the same snapshot
    });
}

PreviewRunner::~PreviewRunner() { watcher_.waitForFinished(); }

void PreviewRunner::rebuild()
{
    ++generation_;
    const auto snap = document_->snapshot();
    const auto ws = document_->workspace();
    if (!snap || !ws) {
        if (!watcher_.isRunning()) building_ = false;
        waitingForMined_ = false;
        current_.reset();
        Q_EMIT built();
        return;
    }
    building_ = true;
    Q_EMIT started();
    startBuild();
}

void PreviewRunner::startBuild()
{
    if (watcher_.isRunning()) return;  // onFinished sees the newer generation and starts again
    const auto snap = document_->snapshot();
    const auto ws = document_->workspace();
    if (!snap || !ws) {
        building_ = waitingForMined_ = false;
        return;
    }
    // While the cache reads (a new snapshot, a run just saved) the copy in hand may be about to change.
    const MinedCache *cache = MinedCache::of(document_);
    const auto mined = cache->isLoading() ? nullptr : cache->resultsFor(snap);
    waitingForMined_ = !mined;
    if (waitingForMined_) return;  // minedChanged follows once the cache has read this snapshot's results
    running_ = generation_;
    watcher_.setFuture(QtConcurrent::run(workPool(), build, snap, mined, document_->policies(), document_->policiesError(), current_));
}

void PreviewRunner::onFinished()
{
    auto result = watcher_.result();
    if (running_ != generation_) {
        // The snapshot (or the mined results) moved on while this ran: build for the current one instead.
        startBuild();
        return;
    }
    building_ = false;
    std::shared_ptr<const PreviewBuild> previous = std::move(current_);
    current_ = std::move(result);
    Q_EMIT built();
    releaseOnPool(std::move(previous));  // the view has taken the new build: free the old engine off the GUI thread
}

}  // namespace mb

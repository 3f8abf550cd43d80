#include "ui/minedcache.h"

#include "core/mining/minedresults.h"
#include "core/storage/snapshot.h"
#include "ui/workpool.h"
#include "ui/workspacedocument.h"

#include <QtConcurrent/QtConcurrentRun>

namespace mb {

namespace {

// Mined results hold product indices and, for the pairs' exclusion, basket indices: they fit another
// snapshot with the same products in the same order and the same order history (an edit of relations,
// bundles or policies reloads the snapshot but changes neither).
bool sameIndices(const Snapshot &a, const Snapshot &b)
{
    if (&a == &b) return true;
    if (a.historyVersion != b.historyVersion || a.products.size() != b.products.size() || a.basketCount() != b.basketCount()) return false;
    for (size_t i = 0; i < a.products.size(); ++i)
        if (a.products[i].id != b.products[i].id) return false;
    return true;
}

bool sameRun(const std::optional<MiningRun> &a, const MiningRun *b)
{
    if (!a || !b) return !a && !b;
    return a->id == b->id && a->createdAt == b->createdAt && a->durationMs == b->durationMs && a->historyVersion == b->historyVersion;
}

// The saved runs are the ones `results` were read from.
bool sameRuns(const MinedResults &results, const std::vector<MiningRun> &runs)
{
    const MiningRun *pairs = nullptr, *ease = nullptr, *repl = nullptr;
    for (const MiningRun &r : runs)
        (r.kind == "pairs" ? pairs : r.kind == "ease" ? ease : repl) = &r;
    return sameRun(results.pairsRun, pairs) && sameRun(results.easeRun, ease) && sameRun(results.replenishmentRun, repl);
}

}  // namespace

MinedCache *MinedCache::of(WorkspaceDocument *document)
{
    auto *c = document->findChild<MinedCache *>(QString(), Qt::FindDirectChildrenOnly);
    return c ? c : new MinedCache(document);
}

MinedCache::MinedCache(WorkspaceDocument *document) : QObject(document), document_(document)
{
    qRegisterMetaType<std::shared_ptr<const MinedResults>>();
    connect(&watcher_, &QFutureWatcher<std::shared_ptr<const MinedResults>>::finished, this, &MinedCache::onLoaded);
    connect(document, &WorkspaceDocument::snapshotChanged, this, &MinedCache::onSnapshotChanged);
    if (document->snapshot()) start();
}

MinedCache::~MinedCache() { watcher_.waitForFinished(); }

std::shared_ptr<const MinedResults> MinedCache::results() const { return resultsFor(document_->snapshot()); }

std::shared_ptr<const MinedResults> MinedCache::resultsFor(const std::shared_ptr<const Snapshot> &snapshot) const
{
    if (!snapshot || !results_ || !resultsSnapshot_ || !sameIndices(*resultsSnapshot_, *snapshot)) return nullptr;
    return results_;
}

void MinedCache::onSnapshotChanged()
{
    const auto snap = document_->snapshot();
    if (!snap) {
        results_.reset();
        resultsSnapshot_.reset();
        Q_EMIT minedChanged(nullptr);
        return;
    }
    // Another program (the CLI's `mine run`) may have saved new runs: ask on the worker. Until it answers,
    // the copy in hand still serves a snapshot it fits (resultsFor).
    start();
}

void MinedCache::reload() { start(); }

void MinedCache::start()
{
    if (watcher_.isRunning()) {
        again_ = true;
        return;
    }
    again_ = false;
    const auto ws = document_->workspace();
    loadingSnapshot_ = document_->snapshot();
    if (!ws || !loadingSnapshot_) {
        loading_ = false;
        return;
    }
    loading_ = true;
    const auto snap = loadingSnapshot_;
    auto previous = results_;
    auto previousSnapshot = resultsSnapshot_;
    watcher_.setFuture(QtConcurrent::run(workPool(), [ws, snap, previous, previousSnapshot]() -> std::shared_ptr<const MinedResults> {
        // The same saved runs over the same catalog and history: what is in hand is what a read would give.
        if (previous && previousSnapshot && sameIndices(*previousSnapshot, *snap) && sameRuns(*previous, miningRuns(*ws))) return previous;
        return std::make_shared<const MinedResults>(loadMinedResults(*ws, *snap));
    }));
}

void MinedCache::onLoaded()
{
    const auto current = document_->snapshot();
    if (!current) {
        loading_ = false;
        return;
    }
    if (again_ || !sameIndices(*loadingSnapshot_, *current)) {
        // A run saved new results, or an import changed the history, while this read: read again.
        start();
        return;
    }
    loading_ = false;
    results_ = watcher_.result();
    resultsSnapshot_ = current;
    // Every read ends in minedChanged (the same pointer when nothing changed), so whoever waits goes on.
    Q_EMIT minedChanged(results_);
}

}  // namespace mb

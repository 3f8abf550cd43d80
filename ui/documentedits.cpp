// The document's edit methods: each writes through storage in one transaction, then patches the current
// snapshot (a copy that shares the order history, see core/storage/sharedpart.h), emits the row-precise
// signal and mapsEdited(). Nothing here reloads anything.
#include "ui/workspacedocument.h"

#include "core/storage/relationstore.h"
#include "core/storage/workspace.h"

#include <algorithm>

namespace mb {

namespace {

// The order Snapshot::load gives them (and the resolver relies on): anchor, kind, position, id.
void sortRelations(Snapshot &s)
{
    // Read the catalog through const: a write access to a shared part would copy it (every product).
    const Snapshot &history = s;
    auto anchorId = [&](const SnapshotRelation &r) {
        return r.anchorType == EndpointType::Product ? history.products[size_t(r.anchor)].id : history.categories[size_t(r.anchor)].id;
    };
    std::stable_sort(s.relations.begin(), s.relations.end(), [&](const SnapshotRelation &a, const SnapshotRelation &b) {
        if (a.anchorType != b.anchorType) return a.anchorType < b.anchorType;
        const int64_t x = anchorId(a), y = anchorId(b);
        if (x != y) return x < y;
        if (a.kind != b.kind) return a.kind < b.kind;
        if (a.position != b.position) return a.position < b.position;
        return a.id < b.id;
    });
}

}  // namespace

bool WorkspaceDocument::toSnapshotRelation(const Relation &r, SnapshotRelation &out) const
{
    const int32_t anchor = endpoints_ ? endpoints_->index(r.anchorType, r.anchorId) : -1;
    const int32_t target = endpoints_ ? endpoints_->index(r.targetType, r.targetId) : -1;
    if (anchor < 0 || target < 0) return false;
    out = {r.id, r.anchorType, anchor, r.targetType, target, r.kind, r.position, r.pitch, r.source, r.status};
    return true;
}

bool WorkspaceDocument::writable(const QString &what)
{
    if (!workspace_) {
        reportError(tr("%1: no workspace is open.").arg(what));
        return false;
    }
    if (!snapshot_) {
        reportError(tr("%1: the workspace is still loading.").arg(what));
        return false;
    }
    // A load running now read the file before this edit: what it brings would drop the edit from memory
    // (the file keeps it). Mark it stale, so it is read again when it finishes (onLoaded).
    if (loading_) ++generation_;
    return true;
}

void WorkspaceDocument::publish(std::shared_ptr<Snapshot> next)
{
    sortRelations(*next);
    snapshot_ = std::move(next);
}

bool WorkspaceDocument::changeRelation(const std::optional<Relation> &from, std::optional<Relation> &to)
{
    if (!from && !to) return true;
    if (!writable(tr("The map was not changed"))) return false;
    RelationStore store(*workspace_);
    std::string error;
    const bool ok = !from ? store.add(*to, error) : !to ? store.removeExactly({*from}, error) : store.update(*to, error);
    if (!ok) {
        reportFailure(tr("The map was not changed"), error);
        return false;
    }
    auto next = std::make_shared<Snapshot>(*snapshot_);
    auto &rel = next->relations;
    if (from) std::erase_if(rel, [&](const SnapshotRelation &x) { return x.id == from->id; });
    SnapshotRelation sr;
    if (to && toSnapshotRelation(*to, sr)) rel.push_back(std::move(sr));
    publish(std::move(next));
    if (!from) Q_EMIT relationAdded(*to);
    else if (!to) Q_EMIT relationRemoved(*from);
    else Q_EMIT relationChanged(*from, *to);
    Q_EMIT mapsEdited();
    return true;
}

bool WorkspaceDocument::addRelations(std::vector<Relation> &relations)
{
    if (relations.empty()) return true;
    if (!writable(tr("The suggestions were not accepted"))) return false;
    std::string error;
    if (!RelationStore(*workspace_).addAll(relations, error)) {
        reportFailure(tr("The suggestions were not accepted"), error);
        return false;
    }
    auto next = std::make_shared<Snapshot>(*snapshot_);
    for (const Relation &r : relations) {
        SnapshotRelation sr;
        if (toSnapshotRelation(r, sr)) next->relations.push_back(std::move(sr));
    }
    publish(std::move(next));
    Q_EMIT relationsAdded(relations);
    Q_EMIT mapsEdited();
    return true;
}

bool WorkspaceDocument::removeRelations(const std::vector<Relation> &relations)
{
    if (relations.empty()) return true;
    if (!writable(tr("The relations were not removed"))) return false;
    std::vector<int64_t> ids;
    for (const Relation &r : relations) ids.push_back(r.id);
    std::string error;
    if (!RelationStore(*workspace_).removeExactly(relations, error)) {
        reportFailure(tr("The relations were not removed"), error);
        return false;
    }
    auto next = std::make_shared<Snapshot>(*snapshot_);
    std::sort(ids.begin(), ids.end());
    std::erase_if(next->relations, [&](const SnapshotRelation &x) { return std::binary_search(ids.begin(), ids.end(), x.id); });
    publish(std::move(next));
    Q_EMIT relationsRemoved(relations);
    Q_EMIT mapsEdited();
    return true;
}

bool WorkspaceDocument::reorderRelations(const std::vector<int64_t> &idsInOrder)
{
    if (!writable(tr("The order was not changed"))) return false;
    // The group keeps the positions it has, dealt out in the new order: reordering back (an undo) then
    // restores every position exactly, gaps included (left by a removal, or imported from the platform).
    std::vector<int> positions;
    positions.reserve(idsInOrder.size());
    for (int64_t id : idsInOrder)
        for (const SnapshotRelation &x : snapshot_->relations)
            if (x.id == id) positions.push_back(x.position);
    if (positions.size() != idsInOrder.size()) positions.clear();  // one is gone: storage says which
    std::sort(positions.begin(), positions.end());
    // Equal positions (never ordered by hand) cannot hold an order: each one at least one above the last.
    for (size_t i = 1; i < positions.size(); ++i) positions[i] = std::max(positions[i], positions[i - 1] + 1);
    std::string error;
    if (!RelationStore(*workspace_).reorder(idsInOrder, error, positions)) {
        reportFailure(tr("The order was not changed"), error);
        return false;
    }
    auto next = std::make_shared<Snapshot>(*snapshot_);
    for (SnapshotRelation &x : next->relations) {
        const auto it = std::find(idsInOrder.begin(), idsInOrder.end(), x.id);
        if (it == idsInOrder.end()) continue;
        const size_t i = size_t(it - idsInOrder.begin());
        x.position = positions.empty() ? int(i) + 1 : positions[i];
    }
    publish(std::move(next));
    Q_EMIT relationsReordered(idsInOrder);
    Q_EMIT mapsEdited();
    return true;
}

bool WorkspaceDocument::setRecommendable(const std::vector<int64_t> &productIds, bool recommendable, bool nonMerchandise)
{
    if (!writable(tr("Recommendable was not changed"))) return false;
    std::string error;
    RelationStore store(*workspace_);
    const bool confirm = !recommendable && nonMerchandise;
    if (!(confirm ? store.setNonMerchandise(productIds, true, error) : store.setRecommendable(productIds, recommendable, error))) {
        reportError(tr("Recommendable was not changed: %1").arg(QString::fromStdString(error)));
        return false;
    }
    auto next = std::make_shared<Snapshot>(*snapshot_);
    std::vector<uint32_t> rows;
    for (int64_t id : productIds)
        if (const int32_t p = endpoints_->index(EndpointType::Product, id); p >= 0) {
            SnapshotProduct &product = next->products.edit()[size_t(p)];  // copies the product list once
            product.recommendable = recommendable;
            // As the store writes it: recommendable again is merchandise again; switching off alone keeps the mark.
            if (recommendable) product.nonMerchandise = false;
            else if (confirm) product.nonMerchandise = true;
            rows.push_back(uint32_t(p));
        }
    publish(std::move(next));
    Q_EMIT recommendableChanged(rows);
    Q_EMIT mapsEdited();
    return true;
}

void WorkspaceDocument::reportError(const QString &message) { Q_EMIT editFailed(message); }

void WorkspaceDocument::reportFailure(const QString &what, const std::string &error)
{
    // Changed elsewhere (another window, the command line)? Catch up, so the views show what is there.
    const bool elsewhere = checkExternalChanges();
    reportError(elsewhere ? tr("%1: %2. The workspace was changed in another window or by the command line; "
                               "the window now shows what is there.").arg(what, QString::fromStdString(error))
                          : tr("%1: %2").arg(what, QString::fromStdString(error)));
}

}  // namespace mb

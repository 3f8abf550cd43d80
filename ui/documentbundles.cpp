// The document's bundle edit: one transaction through BundleStore, then the in-memory list (by name, as
// BundleStore::all() gives it) is patched and one row-precise signal says what changed. Bundles are not
// part of the map, so the snapshot and mapsEdited() are left alone; nothing reloads.
#include "ui/workspacedocument.h"

#include "core/storage/bundlestore.h"
#include "core/storage/workspace.h"

#include <QDateTime>

#include <algorithm>

namespace mb {

namespace {

// BundleStore::all()'s order: name, then id.
bool byName(const Bundle &a, const Bundle &b) { return a.name != b.name ? a.name < b.name : a.id < b.id; }

}  // namespace

const Bundle *WorkspaceDocument::bundle(int64_t id) const
{
    const auto it = std::find_if(bundles_.begin(), bundles_.end(), [id](const Bundle &b) { return b.id == id; });
    return it == bundles_.end() ? nullptr : &*it;
}

bool WorkspaceDocument::changeBundle(const std::optional<Bundle> &from, std::optional<Bundle> &to)
{
    if (!from && !to) return true;
    const QString what = !from   ? tr("Bundle %1 was not created").arg(QString::fromStdString(to->name))
                         : !to   ? tr("Bundle %1 was not deleted").arg(QString::fromStdString(from->name))
                                 : tr("Bundle %1 was not changed").arg(QString::fromStdString(from->name));
    if (!writable(what)) return false;
    BundleStore store(*workspace_);
    std::string error;
    bool ok = false;
    if (!from) {
        ok = store.add(*to, error);
    } else if (!to) {
        ok = store.remove(from->id, error);
    } else {
        to->id = from->id;
        ok = store.update(*to, error);
        if (ok) to->updatedAt = QDateTime::currentSecsSinceEpoch();
    }
    if (!ok) {
        reportFailure(what, error);
        return false;
    }
    if (from) std::erase_if(bundles_, [&](const Bundle &b) { return b.id == from->id; });
    if (to) bundles_.insert(std::upper_bound(bundles_.begin(), bundles_.end(), *to, byName), *to);
    if (!from) Q_EMIT bundleAdded(*to);
    else if (!to) Q_EMIT bundleRemoved(*from);
    else Q_EMIT bundleChanged(*from, *to);
    return true;
}

}  // namespace mb

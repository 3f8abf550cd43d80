// WorkspaceDocument's SKU merge edits (the data-hygiene list, ui/hygiene): unlike the map edits they change
// the order history, so the snapshot is loaded again rather than patched.
#include "ui/workspacedocument.h"

namespace mb {

bool WorkspaceDocument::mergeSku(SkuMerge &merge)
{
    const QString what = tr("%1 was not merged into %2").arg(QString::fromStdString(merge.variantSku),
                                                              QString::fromStdString(merge.canonicalSku));
    if (!writable(what)) return false;
    std::string error;
    if (!HygieneStore(*workspace_).mergeSku(merge, error)) {
        reportError(tr("%1: %2").arg(what, QString::fromStdString(error)));
        return false;
    }
    acknowledgeOwnWrites();
    reload();
    return true;
}

bool WorkspaceDocument::unmergeSku(const SkuMerge &merge)
{
    const QString what = tr("%1 was not split from %2 again").arg(QString::fromStdString(merge.variantSku),
                                                                   QString::fromStdString(merge.canonicalSku));
    if (!writable(what)) return false;
    std::string error;
    if (!HygieneStore(*workspace_).unmergeSku(merge, error)) {
        reportError(tr("%1: %2").arg(what, QString::fromStdString(error)));
        return false;
    }
    acknowledgeOwnWrites();
    reload();
    return true;
}

}  // namespace mb

// The document's policy edit: the value is checked against the key's rules, stored in one transaction
// (savePolicyValue), then the in-memory PolicySet is patched and policyChanged() names the key, so the
// preview re-ranks at once. Nothing reloads and nothing is read back from the file.
#include "ui/workspacedocument.h"

#include "core/storage/workspace.h"

namespace mb {

bool WorkspaceDocument::setPolicyValue(Placement placement, const std::string &key, const std::string &value)
{
    const QString what = tr("%1 %2 was not set to %3")
                             .arg(QString::fromLatin1(placementName(placement)), QString::fromStdString(key), QString::fromStdString(value));
    if (!workspace_) {
        reportError(tr("%1: no workspace is open.").arg(what));
        return false;
    }
    PlacementPolicy next = policies_[size_t(placement)];
    std::string error;
    if (!mb::setPolicyValue(next, key, value, error) || !savePolicyValue(*workspace_, placement, key, value, error)) {
        reportError(tr("%1: %2").arg(what, QString::fromStdString(error)));
        return false;
    }
    policies_[size_t(placement)] = std::move(next);
    Q_EMIT policyChanged(placement, QString::fromStdString(key), QString::fromStdString(value));
    return true;
}

}  // namespace mb

// The document's policy edit: the value is checked against the key's rules and the policies in memory,
// stored in its canonical spelling in one transaction (storePolicyRow), then the in-memory PolicySet is patched and policyChanged() names the key, so the
// preview re-ranks at once. Nothing reloads and nothing is read back from the file.
#include "ui/workspacedocument.h"

#include "core/storage/policystore.h"
#include "core/storage/workspace.h"

namespace mb {

bool WorkspaceDocument::setPolicyValue(Placement placement, const std::string &key, const std::string &value)
{
    const QString what = tr("%1 %2 was not set to %3")
                             .arg(QString::fromLatin1(placementName(placement)), QString::fromStdString(key), QString::fromStdString(value));
    if (!writable(what)) return false;
    PlacementPolicy next = policies_[size_t(placement)];
    std::string error;
    // Checked against what the window shows, not re-read from the file: when the stored policies are
    // invalid (the window shows the defaults and says why) this is how the user repairs them.
    // Stored in the canonical spelling ("on" -> "true", "5.0" -> "5"), so `policy show` reads back the same.
    if (!mb::setPolicyValue(next, key, value, error) ||
        !storePolicyRow(*workspace_, {placementName(placement), key, policyValue(next, key)}, error)) {
        reportError(tr("%1: %2").arg(what, QString::fromStdString(error)));
        return false;
    }
    policies_[size_t(placement)] = std::move(next);
    Q_EMIT policyChanged(placement, QString::fromStdString(key), QString::fromStdString(value));
    return true;
}

}  // namespace mb

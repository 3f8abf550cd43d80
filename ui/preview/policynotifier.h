#pragma once
// Says which policy key changed, so that the preview re-runs at once after an edit, its undo or its redo.
// One per document (like MapNotifier), so that commands on the undo stack outlive any view.
#include "core/placement/placementpolicy.h"

#include <QObject>
#include <QString>

namespace mb {

class WorkspaceDocument;

class PolicyNotifier : public QObject {
    Q_OBJECT
public:
    static PolicyNotifier *of(WorkspaceDocument *document);

Q_SIGNALS:
    void policyChanged(mb::Placement placement, const QString &key, const QString &value);
    void editFailed(const QString &message);

private:
    using QObject::QObject;
};

}  // namespace mb

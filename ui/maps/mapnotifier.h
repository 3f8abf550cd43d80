#pragma once
// The change notifier of the maps (after Subsurface): every map command says here exactly which relation
// it added, changed or removed, so the models update their rows at once instead of waiting for the
// snapshot reload that follows. One per document, so commands on the undo stack outlive any view.
#include "core/storage/relation.h"

#include <QObject>

#include <vector>

namespace mb {

class WorkspaceDocument;

class MapNotifier : public QObject {
    Q_OBJECT
public:
    static MapNotifier *of(WorkspaceDocument *document);

Q_SIGNALS:
    void relationAdded(const mb::Relation &relation);
    void relationChanged(const mb::Relation &before, const mb::Relation &after);
    void relationRemoved(const mb::Relation &relation);
    void relationsReordered(const std::vector<int64_t> &idsInOrder);
    // Many at once (a bulk accept or its undo): models rebuild from the next snapshot.
    void bulkChanged();
    void editFailed(const QString &message);

private:
    using QObject::QObject;
};

}  // namespace mb

#include "ui/maps/mapnotifier.h"

#include "ui/workspacedocument.h"

namespace mb {

MapNotifier *MapNotifier::of(WorkspaceDocument *document)
{
    auto *n = document->findChild<MapNotifier *>(QString(), Qt::FindDirectChildrenOnly);
    return n ? n : new MapNotifier(document);
}

}  // namespace mb

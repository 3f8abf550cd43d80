#include "ui/preview/policynotifier.h"

#include "ui/workspacedocument.h"

namespace mb {

PolicyNotifier *PolicyNotifier::of(WorkspaceDocument *document)
{
    auto *n = document->findChild<PolicyNotifier *>(QString(), Qt::FindDirectChildrenOnly);
    return n ? n : new PolicyNotifier(document);
}

}  // namespace mb

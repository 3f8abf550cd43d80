#pragma once
// Undo commands for bundles: the one command template (ui/editcommand.h) over a whole bundle, going from
// `before` to `after` through WorkspaceDocument::changeBundle (one transaction, the document's list
// patched, bundleAdded/Changed/Removed emitted). Repeated edits of one field of one tier merge into one
// undo step (CommandId::BundleField plus a merge key naming field and tier), as Tiled does for property
// edits; one merged back to where it started leaves nothing on the stack.
#include "core/storage/bundle.h"
#include "ui/editcommand.h"
#include "ui/workspacedocument.h"

#include <optional>

namespace mb {

template <>
struct EditTraits<Bundle> {
    static bool apply(WorkspaceDocument *doc, const std::optional<Bundle> &from, std::optional<Bundle> &to)
    {
        return doc->changeBundle(from, to);
    }
    static bool sameItem(const Bundle &a, const Bundle &b) { return a.id == b.id; }
    static bool sameValue(const Bundle &a, const Bundle &b) { return a.sameContent(b); }
};

using BundleCommand = EditCommand<Bundle>;

class EditBundleCommand : public BundleCommand {
public:
    // mergeKey: 0 never merges; otherwise consecutive edits with the same key on the same bundle merge.
    EditBundleCommand(WorkspaceDocument *doc, Bundle before, Bundle after, const QString &text, int mergeKey);
};

class AddBundleCommand : public BundleCommand {
public:
    AddBundleCommand(WorkspaceDocument *doc, Bundle bundle);
};

class RemoveBundleCommand : public BundleCommand {
public:
    RemoveBundleCommand(WorkspaceDocument *doc, Bundle bundle);
};

}  // namespace mb

#pragma once
// The undo command of the policy panel: the one command template (ui/editcommand.h) over one key of one
// placement's policy, going from its old to its new value through WorkspaceDocument::setPolicyValue (one
// transaction, the document's PolicySet patched, policyChanged emitted). Consecutive edits of the same
// key (spin box steps, typing) merge into one undo step; typing back to the first value leaves nothing.
#include "core/placement/placementpolicy.h"
#include "ui/editcommand.h"
#include "ui/workspacedocument.h"

#include <optional>
#include <string>

namespace mb {

struct PolicyValue {
    Placement placement = Placement::ProductPage;
    std::string key, value;
};

template <>
struct EditTraits<PolicyValue> {
    static bool apply(WorkspaceDocument *doc, const std::optional<PolicyValue> &, std::optional<PolicyValue> &to)
    {
        return !to || doc->setPolicyValue(to->placement, to->key, to->value);
    }
    static bool sameItem(const PolicyValue &a, const PolicyValue &b) { return a.placement == b.placement && a.key == b.key; }
    static bool sameValue(const PolicyValue &a, const PolicyValue &b) { return sameItem(a, b) && a.value == b.value; }
};

class SetPolicyValueCommand : public EditCommand<PolicyValue> {
public:
    SetPolicyValueCommand(WorkspaceDocument *doc, Placement placement, std::string key, std::string oldValue, std::string newValue);
    bool mergeWith(const QUndoCommand *other) override;
};

}  // namespace mb

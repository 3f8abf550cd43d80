#pragma once
// The undo command of the policy panel (after Tiled): one key of one placement's policy from its old to its
// new value, saved through savePolicyValue (its own transaction) on redo and undo. Consecutive edits of the
// same key (spin box steps, typing) merge into one undo step.
#include "core/placement/placementpolicy.h"

#include <QUndoCommand>

#include <string>

namespace mb {

class WorkspaceDocument;

class SetPolicyValueCommand : public QUndoCommand {
public:
    SetPolicyValueCommand(WorkspaceDocument *doc, Placement placement, std::string key, std::string oldValue, std::string newValue);
    void redo() override;
    void undo() override;
    int id() const override { return 0x5050; }  // "PP": placement policy
    bool mergeWith(const QUndoCommand *other) override;

    Placement placement() const { return placement_; }
    const std::string &key() const { return key_; }
    const std::string &oldValue() const { return old_; }
    const std::string &newValue() const { return new_; }

private:
    void apply(const std::string &value);

    WorkspaceDocument *doc_;
    Placement placement_;
    std::string key_, old_, new_;
};

}  // namespace mb

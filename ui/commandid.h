#pragma once
// The ids of undo commands that merge (QUndoCommand::id()): one enum, so two kinds of edit never share
// an id by accident. Commands that never merge use None.
namespace mb {

enum class CommandId : int {
    None = -1,
    RelationPitch = 1,   // typing a relation's pitch
    PolicyValue,         // one key of a placement policy (spin box steps, typing)
    BundleField,         // one field of one bundle tier
};

}  // namespace mb

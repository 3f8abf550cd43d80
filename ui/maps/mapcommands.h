#pragma once
// Undo commands for the maps: each is the one command template (ui/editcommand.h) over a relation, going
// from `before` to `after` through WorkspaceDocument::changeRelation. The subclasses only name the edit
// and build its before and after. Consecutive pitch edits of one relation merge into one undo step.
#include "core/storage/relation.h"
#include "core/maps/suggestions.h"
#include "ui/editcommand.h"
#include "ui/workspacedocument.h"

#include <memory>
#include <optional>
#include <vector>

namespace mb {

template <>
struct EditTraits<Relation> {
    static bool apply(WorkspaceDocument *doc, const std::optional<Relation> &from, std::optional<Relation> &to)
    {
        return doc->changeRelation(from, to);
    }
    static bool sameItem(const Relation &a, const Relation &b) { return a.id == b.id; }
    static bool sameValue(const Relation &a, const Relation &b)
    {
        return a.sameEndpoints(b) && a.kind == b.kind && a.position == b.position && a.pitch == b.pitch && a.status == b.status;
    }
};

using RelationCommand = EditCommand<Relation>;

class AddRelationCommand : public RelationCommand {
public:
    AddRelationCommand(WorkspaceDocument *doc, const Relation &r, const QString &targetLabel);
};

class RemoveRelationCommand : public RelationCommand {
public:
    RemoveRelationCommand(WorkspaceDocument *doc, const Relation &r, const QString &targetLabel);
};

class EditPitchCommand : public RelationCommand {
public:
    EditPitchCommand(WorkspaceDocument *doc, const Relation &before, const std::string &pitch, const QString &targetLabel);
};

class ChangeKindCommand : public RelationCommand {
public:
    // newPosition: where it goes in the new kind's list (normally after the last one there).
    ChangeKindCommand(WorkspaceDocument *doc, const Relation &before, RelationKind kind, int newPosition, const QString &targetLabel);
};

// A product's veto of a relation its category gives it: stored as a relation with status excluded.
class ExcludeInheritedCommand : public RelationCommand {
public:
    ExcludeInheritedCommand(WorkspaceDocument *doc, const Relation &exclusion, const QString &targetLabel);
};

class IncludeInheritedCommand : public RelationCommand {
public:
    IncludeInheritedCommand(WorkspaceDocument *doc, const Relation &exclusion, const QString &targetLabel);
};

// Accepting a suggestion stores it as an active mined relation; rejecting stores it rejected, so it is
// never suggested again for this anchor.
class AcceptSuggestionCommand : public RelationCommand {
public:
    AcceptSuggestionCommand(WorkspaceDocument *doc, int64_t anchorProductId, int64_t targetProductId, RelationKind kind,
                            const QString &targetLabel);
};

class RejectSuggestionCommand : public RelationCommand {
public:
    RejectSuggestionCommand(WorkspaceDocument *doc, int64_t anchorProductId, int64_t targetProductId, RelationKind kind,
                            const QString &targetLabel);
};

// The own relations of one anchor and kind, in their manual order.
struct RelationOrder {
    std::vector<int64_t> ids;
};

template <>
struct EditTraits<RelationOrder> {
    static bool apply(WorkspaceDocument *doc, const std::optional<RelationOrder> &, std::optional<RelationOrder> &to)
    {
        return !to || doc->reorderRelations(to->ids);
    }
    static bool sameItem(const RelationOrder &, const RelationOrder &) { return false; }
    static bool sameValue(const RelationOrder &a, const RelationOrder &b) { return a.ids == b.ids; }
};

class ReorderRelationsCommand : public EditCommand<RelationOrder> {
public:
    ReorderRelationsCommand(WorkspaceDocument *doc, std::vector<int64_t> before, std::vector<int64_t> after, RelationKind kind);
};

// Several relations added or removed together, in one transaction (a bulk accept and its undo).
struct RelationSet {
    std::vector<Relation> relations;
};

template <>
struct EditTraits<RelationSet> {
    static bool apply(WorkspaceDocument *doc, const std::optional<RelationSet> &from, std::optional<RelationSet> &to)
    {
        if (to) return doc->addRelations(to->relations);  // keeps the ids it got, so a redo restores the same rows
        return !from || doc->removeRelations(from->relations);
    }
    static bool sameItem(const RelationSet &, const RelationSet &) { return false; }
    static bool sameValue(const RelationSet &, const RelationSet &) { return false; }
};

class BulkAcceptCommand : public EditCommand<RelationSet> {
public:
    BulkAcceptCommand(WorkspaceDocument *doc, const Snapshot &snapshot, const std::vector<Suggestion> &suggestions);
    const std::vector<Relation> &added() const { return after()->relations; }
};

}  // namespace mb

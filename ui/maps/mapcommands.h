#pragma once
// Undo commands for the maps (after Tiled): each stores the relation before and after the edit, applies
// it through RelationStore (one transaction, so the workspace is saved at once), tells the MapNotifier
// exactly what changed, and asks the document to reload so every view catches up. Consecutive pitch
// edits of one relation merge into one undo step.
#include "core/storage/relation.h"
#include "core/maps/suggestions.h"

#include <QUndoCommand>

#include <memory>
#include <optional>
#include <vector>

namespace mb {

class WorkspaceDocument;

// One relation goes from `before` to `after`: an add when there is no before, a removal when there is
// no after, an update otherwise. The id an add receives is kept, so redo after undo restores the same row.
class RelationCommand : public QUndoCommand {
public:
    RelationCommand(WorkspaceDocument *doc, std::optional<Relation> before, std::optional<Relation> after, const QString &text);
    void redo() override;
    void undo() override;
    const std::optional<Relation> &before() const { return before_; }
    const std::optional<Relation> &after() const { return after_; }

protected:
    // Adds through the engine's own call the first time (accept / reject a suggestion); false on error.
    virtual bool firstAdd(Relation &r, std::string &error);
    bool apply(std::optional<Relation> &from, std::optional<Relation> &to, bool forward);

    WorkspaceDocument *doc_;
    std::optional<Relation> before_, after_;
    bool done_ = false;
};

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
    int id() const override { return 0x4d50; }  // "MP": map pitch
    bool mergeWith(const QUndoCommand *other) override;
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

class AcceptSuggestionCommand : public RelationCommand {
public:
    AcceptSuggestionCommand(WorkspaceDocument *doc, int64_t anchorProductId, int64_t targetProductId, RelationKind kind,
                            const QString &targetLabel);

protected:
    bool firstAdd(Relation &r, std::string &error) override;
};

class RejectSuggestionCommand : public RelationCommand {
public:
    RejectSuggestionCommand(WorkspaceDocument *doc, int64_t anchorProductId, int64_t targetProductId, RelationKind kind,
                            const QString &targetLabel);

protected:
    bool firstAdd(Relation &r, std::string &error) override;
};

class ReorderRelationsCommand : public QUndoCommand {
public:
    ReorderRelationsCommand(WorkspaceDocument *doc, std::vector<int64_t> before, std::vector<int64_t> after, RelationKind kind);
    void redo() override;
    void undo() override;

private:
    void apply(const std::vector<int64_t> &ids);
    WorkspaceDocument *doc_;
    std::vector<int64_t> before_, after_;
};

// Many suggestions accepted at once, in one transaction; undo removes them all in one transaction.
class BulkAcceptCommand : public QUndoCommand {
public:
    BulkAcceptCommand(WorkspaceDocument *doc, std::shared_ptr<const Snapshot> snapshot, std::vector<Suggestion> suggestions);
    void redo() override;
    void undo() override;
    const std::vector<Relation> &added() const { return added_; }

private:
    WorkspaceDocument *doc_;
    std::shared_ptr<const Snapshot> snapshot_;  // the suggestions' indices refer to it
    std::vector<Suggestion> suggestions_;
    std::vector<Relation> added_;               // with their ids, once done
};

}  // namespace mb

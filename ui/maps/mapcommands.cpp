#include "ui/maps/mapcommands.h"

#include "core/storage/relationstore.h"
#include "core/maps/suggestions.h"
#include "core/storage/workspace.h"
#include "ui/maps/kindtext.h"
#include "ui/maps/mapnotifier.h"
#include "ui/workspacedocument.h"

#include <QObject>

namespace mb {

namespace {

void failed(WorkspaceDocument *doc, QUndoCommand *cmd, const std::string &error)
{
    MapNotifier::of(doc)->editFailed(QObject::tr("%1 could not be saved: %2").arg(cmd->text(), QString::fromStdString(error)));
    cmd->setObsolete(true);
}

}  // namespace

RelationCommand::RelationCommand(WorkspaceDocument *doc, std::optional<Relation> before, std::optional<Relation> after, const QString &text)
    : QUndoCommand(text), doc_(doc), before_(std::move(before)), after_(std::move(after))
{
}

bool RelationCommand::firstAdd(Relation &r, std::string &error) { return RelationStore(*doc_->workspace()).add(r, error); }

bool RelationCommand::apply(std::optional<Relation> &from, std::optional<Relation> &to, bool forward)
{
    if (!doc_->workspace()) return false;
    RelationStore store(*doc_->workspace());
    MapNotifier *notifier = MapNotifier::of(doc_);
    std::string error;
    if (!from && to) {
        // The first add may go through the engine's own call; later ones restore the id it got.
        const bool ok = (forward && !done_) ? firstAdd(*to, error) : store.add(*to, error);
        if (!ok) return failed(doc_, this, error), false;
        notifier->relationAdded(*to);
    } else if (from && !to) {
        if (!store.remove(from->id, error)) return failed(doc_, this, error), false;
        notifier->relationRemoved(*from);
    } else if (from && to) {
        if (!store.update(*to, error)) return failed(doc_, this, error), false;
        notifier->relationChanged(*from, *to);
    }
    if (forward) done_ = true;
    doc_->reload();
    return true;
}

void RelationCommand::redo() { apply(before_, after_, true); }
void RelationCommand::undo() { apply(after_, before_, false); }

AddRelationCommand::AddRelationCommand(WorkspaceDocument *doc, const Relation &r, const QString &label)
    : RelationCommand(doc, std::nullopt, r, QObject::tr("Add %1 %2").arg(kindTitle(r.kind).toLower(), label))
{
}

RemoveRelationCommand::RemoveRelationCommand(WorkspaceDocument *doc, const Relation &r, const QString &label)
    : RelationCommand(doc, r, std::nullopt, QObject::tr("Remove %1 %2").arg(kindTitle(r.kind).toLower(), label))
{
}

static Relation withPitch(Relation r, const std::string &pitch)
{
    r.pitch = pitch;
    return r;
}

EditPitchCommand::EditPitchCommand(WorkspaceDocument *doc, const Relation &before, const std::string &pitch, const QString &label)
    : RelationCommand(doc, before, withPitch(before, pitch), QObject::tr("Edit pitch of %1").arg(label))
{
}

bool EditPitchCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const EditPitchCommand *>(other);
    if (!o || !o->after_ || !after_ || o->after_->id != after_->id) return false;
    after_ = o->after_;
    // Typing a pitch and then restoring it leaves nothing to undo.
    if (before_ && after_->pitch == before_->pitch) setObsolete(true);
    return true;
}

static Relation withKind(Relation r, RelationKind kind, int position)
{
    r.kind = kind;
    r.position = position;
    return r;
}

ChangeKindCommand::ChangeKindCommand(WorkspaceDocument *doc, const Relation &before, RelationKind kind, int newPosition, const QString &label)
    : RelationCommand(doc, before, withKind(before, kind, newPosition),
                      QObject::tr("Change %1 from %2 to %3").arg(label, kindTitle(before.kind).toLower(), kindTitle(kind).toLower()))
{
}

ExcludeInheritedCommand::ExcludeInheritedCommand(WorkspaceDocument *doc, const Relation &exclusion, const QString &label)
    : RelationCommand(doc, std::nullopt, exclusion, QObject::tr("Exclude inherited %1").arg(label))
{
}

IncludeInheritedCommand::IncludeInheritedCommand(WorkspaceDocument *doc, const Relation &exclusion, const QString &label)
    : RelationCommand(doc, exclusion, std::nullopt, QObject::tr("Include %1 again").arg(label))
{
}

AcceptSuggestionCommand::AcceptSuggestionCommand(WorkspaceDocument *doc, int64_t anchor, int64_t target, RelationKind kind, const QString &label)
    : RelationCommand(doc, std::nullopt, minedRelation(anchor, target, kind, RelationStatus::Active),
                      QObject::tr("Accept %1 as %2").arg(label, kindTitle(kind).toLower()))
{
}

// The engine's accept/reject return no id: read back the row they stored for this anchor and target.
static bool readBack(Workspace &ws, Relation &r, std::string &error)
{
    for (const Relation &x : RelationStore(ws).forAnchor(r.anchorType, r.anchorId))
        if (x.sameEndpoints(r)) {
            r = x;
            return true;
        }
    error = "the relation was stored but cannot be read back";
    return false;
}

bool AcceptSuggestionCommand::firstAdd(Relation &r, std::string &error)
{
    return acceptSuggestion(*doc_->workspace(), r.anchorId, r.targetId, r.kind, error) && readBack(*doc_->workspace(), r, error);
}

RejectSuggestionCommand::RejectSuggestionCommand(WorkspaceDocument *doc, int64_t anchor, int64_t target, RelationKind kind, const QString &label)
    : RelationCommand(doc, std::nullopt, minedRelation(anchor, target, kind, RelationStatus::Rejected), QObject::tr("Reject suggestion %1").arg(label))
{
}

bool RejectSuggestionCommand::firstAdd(Relation &r, std::string &error)
{
    return rejectSuggestion(*doc_->workspace(), r.anchorId, r.targetId, r.kind, error) && readBack(*doc_->workspace(), r, error);
}

ReorderRelationsCommand::ReorderRelationsCommand(WorkspaceDocument *doc, std::vector<int64_t> before, std::vector<int64_t> after, RelationKind kind)
    : QUndoCommand(QObject::tr("Reorder %1").arg(kindPlural(kind).toLower())), doc_(doc), before_(std::move(before)), after_(std::move(after))
{
}

void ReorderRelationsCommand::apply(const std::vector<int64_t> &ids)
{
    std::string error;
    if (!doc_->workspace() || !RelationStore(*doc_->workspace()).reorder(ids, error)) return failed(doc_, this, error);
    MapNotifier::of(doc_)->relationsReordered(ids);
    doc_->reload();
}

void ReorderRelationsCommand::redo() { apply(after_); }
void ReorderRelationsCommand::undo() { apply(before_); }

BulkAcceptCommand::BulkAcceptCommand(WorkspaceDocument *doc, std::shared_ptr<const Snapshot> snapshot, std::vector<Suggestion> suggestions)
    : QUndoCommand(suggestions.size() == 1 ? QObject::tr("Accept 1 suggestion") : QObject::tr("Accept %1 suggestions").arg(suggestions.size())), doc_(doc), snapshot_(std::move(snapshot)),
      suggestions_(std::move(suggestions))
{
}

void BulkAcceptCommand::redo()
{
    if (!doc_->workspace()) return;
    Workspace &ws = *doc_->workspace();
    std::string error;
    if (added_.empty()) {
        if (acceptSuggestions(ws, *snapshot_, suggestions_, error) < 0) return failed(doc_, this, error);
        for (const Suggestion &s : suggestions_) {
            Relation r = minedRelation(snapshot_->products[s.anchor].id, snapshot_->products[s.target].id, s.kind.kind, RelationStatus::Active);
            if (!readBack(ws, r, error)) return failed(doc_, this, error);
            added_.push_back(r);
        }
    } else {
        // Redo after undo: the same rows with the same ids, again in one transaction.
        std::vector<Relation> again = added_;
        if (!RelationStore(ws).addAll(again, error)) return failed(doc_, this, error);
    }
    MapNotifier::of(doc_)->bulkChanged();
    doc_->reload();
}

void BulkAcceptCommand::undo()
{
    std::vector<int64_t> ids;
    for (const Relation &r : added_) ids.push_back(r.id);
    std::string error;
    if (!doc_->workspace() || !RelationStore(*doc_->workspace()).removeMany(ids, error)) return failed(doc_, this, error);
    MapNotifier::of(doc_)->bulkChanged();
    doc_->reload();
}

}  // namespace mb

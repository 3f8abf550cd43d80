#include "ui/maps/mapcommands.h"

#include "ui/maps/kindtext.h"

#include <QObject>

namespace mb {

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
    : RelationCommand(doc, before, withPitch(before, pitch), QObject::tr("Edit pitch of %1").arg(label), CommandId::RelationPitch)
{
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

RejectSuggestionCommand::RejectSuggestionCommand(WorkspaceDocument *doc, int64_t anchor, int64_t target, RelationKind kind, const QString &label)
    : RelationCommand(doc, std::nullopt, minedRelation(anchor, target, kind, RelationStatus::Rejected), QObject::tr("Reject suggestion %1").arg(label))
{
}

ReorderRelationsCommand::ReorderRelationsCommand(WorkspaceDocument *doc, std::vector<int64_t> before, std::vector<int64_t> after, RelationKind kind)
    : EditCommand(doc, RelationOrder{std::move(before)}, RelationOrder{std::move(after)}, QObject::tr("Reorder %1").arg(kindPlural(kind).toLower()))
{
}

static RelationSet accepted(const Snapshot &snap, const std::vector<Suggestion> &suggestions)
{
    RelationSet set;
    for (const Suggestion &s : suggestions)
        set.relations.push_back(minedRelation(snap.products[s.anchor].id, snap.products[s.target].id, s.kind.kind, RelationStatus::Active));
    return set;
}

BulkAcceptCommand::BulkAcceptCommand(WorkspaceDocument *doc, const Snapshot &snap, const std::vector<Suggestion> &suggestions)
    : EditCommand(doc, std::nullopt, accepted(snap, suggestions),
                  suggestions.size() == 1 ? QObject::tr("Accept 1 suggestion") : QObject::tr("Accept %1 suggestions").arg(suggestions.size()))
{
}

}  // namespace mb

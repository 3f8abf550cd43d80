#include "ui/preview/previewcommands.h"

#include <QObject>

namespace mb {

namespace {

QString commandText(const PolicyValue &v)
{
    return QObject::tr("Set %1 %2 to %3").arg(QString::fromLatin1(placementName(v.placement)), QString::fromStdString(v.key), QString::fromStdString(v.value));
}

}  // namespace

SetPolicyValueCommand::SetPolicyValueCommand(WorkspaceDocument *doc, Placement placement, std::string key, std::string oldValue,
                                             std::string newValue)
    : EditCommand<PolicyValue>(doc, PolicyValue{placement, key, std::move(oldValue)}, PolicyValue{placement, key, newValue},
                               commandText({placement, key, newValue}), CommandId::PolicyValue)
{
}

bool SetPolicyValueCommand::mergeWith(const QUndoCommand *other)
{
    if (!EditCommand<PolicyValue>::mergeWith(other)) return false;
    setText(commandText(*after()));  // the undo menu names the value the key ends at
    return true;
}

}  // namespace mb

#include "ui/preview/previewcommands.h"

#include "core/storage/workspace.h"
#include "ui/preview/policynotifier.h"
#include "ui/workspacedocument.h"

#include <QObject>

namespace mb {

namespace {

QString commandText(Placement p, const std::string &key, const std::string &value)
{
    return QObject::tr("Set %1 %2 to %3").arg(QString::fromLatin1(placementName(p)), QString::fromStdString(key), QString::fromStdString(value));
}

}  // namespace

SetPolicyValueCommand::SetPolicyValueCommand(WorkspaceDocument *doc, Placement placement, std::string key, std::string oldValue,
                                             std::string newValue)
    : QUndoCommand(commandText(placement, key, newValue)), doc_(doc), placement_(placement), key_(std::move(key)),
      old_(std::move(oldValue)), new_(std::move(newValue))
{
}

void SetPolicyValueCommand::apply(const std::string &value)
{
    PolicyNotifier *notifier = PolicyNotifier::of(doc_);
    std::string error;
    if (!doc_->workspace() || !savePolicyValue(*doc_->workspace(), placement_, key_, value, error)) {
        if (error.empty()) error = "no workspace is open";
        Q_EMIT notifier->editFailed(QObject::tr("%1 could not be saved: %2").arg(text(), QString::fromStdString(error)));
        setObsolete(true);
        return;
    }
    Q_EMIT notifier->policyChanged(placement_, QString::fromStdString(key_), QString::fromStdString(value));
}

void SetPolicyValueCommand::redo() { apply(new_); }
void SetPolicyValueCommand::undo() { apply(old_); }

bool SetPolicyValueCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetPolicyValueCommand *>(other);
    if (o->placement_ != placement_ || o->key_ != key_ || o->doc_ != doc_) return false;
    new_ = o->new_;
    setText(commandText(placement_, key_, new_));
    // Back where it started: nothing left to undo.
    if (new_ == old_) setObsolete(true);
    return true;
}

}  // namespace mb

#include "ui/bundles/bundlecommands.h"

#include "core/storage/bundlestore.h"
#include "ui/workspacedocument.h"

namespace mb {

EditBundleCommand::EditBundleCommand(WorkspaceDocument *doc, Bundle before, Bundle after, const QString &text, int mergeKey, BundleErrorFn onError)
    : QUndoCommand(text), doc_(doc), before_(std::move(before)), after_(std::move(after)), mergeKey_(mergeKey), onError_(std::move(onError))
{
}

void EditBundleCommand::apply(const Bundle &b)
{
    if (!doc_->workspace()) return;
    std::string error;
    if (!BundleStore(*doc_->workspace()).update(b, error)) {
        if (onError_) onError_(QString::fromStdString(error));
        setObsolete(true);
        return;
    }
    doc_->reload();
}

void EditBundleCommand::redo() { apply(after_); }
void EditBundleCommand::undo() { apply(before_); }

bool EditBundleCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const EditBundleCommand *>(other);
    if (!o || o->mergeKey_ != mergeKey_ || o->after_.id != after_.id) return false;
    after_ = o->after_;
    return true;
}

AddRemoveBundleCommand::AddRemoveBundleCommand(WorkspaceDocument *doc, Bundle bundle, bool remove, BundleErrorFn onError)
    : QUndoCommand(remove ? QObject::tr("Delete bundle %1").arg(QString::fromStdString(bundle.name))
                          : QObject::tr("Create bundle %1").arg(QString::fromStdString(bundle.name))),
      doc_(doc), bundle_(std::move(bundle)), remove_(remove), onError_(std::move(onError))
{
}

void AddRemoveBundleCommand::add()
{
    std::string error;
    if (!doc_->workspace() || !BundleStore(*doc_->workspace()).add(bundle_, error)) {
        if (onError_) onError_(QString::fromStdString(error));
        setObsolete(true);
        return;
    }
    doc_->reload();
}

void AddRemoveBundleCommand::drop()
{
    std::string error;
    if (!doc_->workspace() || !BundleStore(*doc_->workspace()).remove(bundle_.id, error)) {
        if (onError_) onError_(QString::fromStdString(error));
        setObsolete(true);
        return;
    }
    doc_->reload();
}

void AddRemoveBundleCommand::redo() { remove_ ? drop() : add(); }
void AddRemoveBundleCommand::undo() { remove_ ? add() : drop(); }

}  // namespace mb

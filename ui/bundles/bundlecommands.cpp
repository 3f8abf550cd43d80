#include "ui/bundles/bundlecommands.h"

#include <QObject>

namespace mb {

EditBundleCommand::EditBundleCommand(WorkspaceDocument *doc, Bundle before, Bundle after, const QString &text, int mergeKey)
    : BundleCommand(doc, std::move(before), std::move(after), text, mergeKey ? CommandId::BundleField : CommandId::None)
{
    setMergeKey(mergeKey);
}

AddBundleCommand::AddBundleCommand(WorkspaceDocument *doc, Bundle bundle)
    : BundleCommand(doc, std::nullopt, bundle, QObject::tr("Create bundle %1").arg(QString::fromStdString(bundle.name)))
{
}

RemoveBundleCommand::RemoveBundleCommand(WorkspaceDocument *doc, Bundle bundle)
    : BundleCommand(doc, bundle, std::nullopt, QObject::tr("Delete bundle %1").arg(QString::fromStdString(bundle.name)))
{
}

}  // namespace mb

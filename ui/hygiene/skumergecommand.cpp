#include "ui/hygiene/skumergecommand.h"

#include <QObject>

namespace mb {

namespace {
SkuMerge named(const std::string &canonical, const std::string &variant)
{
    SkuMerge m;
    m.canonicalSku = canonical;
    m.variantSku = variant;
    return m;
}
}  // namespace

SkuMergeCommand::SkuMergeCommand(WorkspaceDocument *document, const std::string &canonicalSku, const std::string &variantSku)
    : EditCommand(document, std::nullopt, named(canonicalSku, variantSku),
                  QObject::tr("Merge SKU %1 into %2").arg(QString::fromStdString(variantSku), QString::fromStdString(canonicalSku)))
{
}

}  // namespace mb

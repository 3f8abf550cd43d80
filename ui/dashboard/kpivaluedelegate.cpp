#include "ui/dashboard/kpivaluedelegate.h"

#include "ui/dashboard/kpitablemodel.h"

namespace mb {

void KpiValueDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant f = index.model()->headerData(index.column(), Qt::Horizontal, KpiTableModel::FormatRole);
    if (f.isValid()) option->text = formatKpiValue(index.data(Qt::DisplayRole), KpiFormat(f.toInt()));
}

}  // namespace mb

#pragma once
// Shows a KpiTableModel's raw numbers as money, counts or percentages, the way the column says.
#include <QStyledItemDelegate>

namespace mb {

class KpiValueDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

}  // namespace mb

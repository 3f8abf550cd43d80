#include "ui/import/rejecttablemodel.h"

#include "ui/format.h"

namespace mb {

RejectTableModel::RejectTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RejectTableModel::setRejects(std::vector<Reject> rejects)
{
    beginResetModel();
    rejects_ = std::move(rejects);
    endResetModel();
}

int RejectTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rejects_.size()); }

int RejectTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RejectTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Reject &r = rejects_[size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Line: return fmt::count(r.line);
        case Sku: return fmt::str(r.sku);
        case ColumnName: return r.column.empty() ? tr("(whole row)") : fmt::str(r.column);
        case Value: return fmt::str(r.value);
        case Reason: return fmt::str(r.reason);
        }
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Line ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

QVariant RejectTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount) return {};
    static const char *const names[] = {QT_TR_NOOP("Line"), QT_TR_NOOP("SKU"), QT_TR_NOOP("Column"), QT_TR_NOOP("Value"), QT_TR_NOOP("Reason")};
    return tr(names[section]);
}

}  // namespace mb

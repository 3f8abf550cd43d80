#include "ui/dashboard/kpitablemodel.h"

#include "ui/format.h"
#include "ui/workpool.h"

#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace mb {

QString formatKpiValue(const QVariant &value, KpiFormat format)
{
    if (!value.isValid() || value.isNull()) return {};
    if (format == KpiFormat::Text) return value.toString();
    const double v = value.toDouble();
    if (!std::isfinite(v)) return {};
    switch (format) {
    case KpiFormat::Count: return fmt::count(std::llround(v));
    case KpiFormat::Money: return fmt::money(v);
    case KpiFormat::Percent: return fmt::percent(v);
    case KpiFormat::Decimal: return QString::number(v, 'f', 2);
    case KpiFormat::Days: return QObject::tr("%1 days").arg(v, 0, 'f', 1);
    case KpiFormat::Text: break;
    }
    return value.toString();
}

void KpiTableModel::setColumns(QVector<Column> columns)
{
    beginResetModel();
    columns_ = std::move(columns);
    rows_.clear();
    backgrounds_.clear();
    endResetModel();
}

void KpiTableModel::setRows(QVector<QVector<QVariant>> rows)
{
    beginResetModel();
    std::swap(rows_, rows);
    backgrounds_.clear();
    endResetModel();
    // The old rows (100K+ strings on a large store) are freed on the work pool, not on the GUI thread.
    if (rows.size() > 1000) (void)QtConcurrent::run(workPool(), [old = std::move(rows)] {});
}

void KpiTableModel::setBackgrounds(QVector<QVector<QColor>> colors)
{
    backgrounds_ = std::move(colors);
    if (!rows_.isEmpty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::BackgroundRole});
}

QString KpiTableModel::text(int row, int column) const
{
    return formatKpiValue(rows_[row].value(column), columns_[column].format);
}

QVariant KpiTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size() || index.column() >= columns_.size()) return {};
    const QVariant &v = rows_[index.row()].value(index.column());
    switch (role) {
    case Qt::DisplayRole: {
        // Charts read numbers through DisplayRole: unknown is 0 there, and blank in the table (see delegate).
        if (columns_[index.column()].format == KpiFormat::Text) return v;
        const double d = v.toDouble();
        return v.isValid() && std::isfinite(d) ? QVariant(d) : QVariant();
    }
    case Qt::ToolTipRole: return text(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return columns_[index.column()].format == KpiFormat::Text ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (index.row() < backgrounds_.size() && index.column() < backgrounds_[index.row()].size() &&
            backgrounds_[index.row()][index.column()].isValid())
            return backgrounds_[index.row()][index.column()];
        return {};
    default: return {};
    }
}

QVariant KpiTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columns_.size()) return {};
    if (role == Qt::DisplayRole) return columns_[section].title;
    if (role == FormatRole) return int(columns_[section].format);
    return {};
}

}  // namespace mb

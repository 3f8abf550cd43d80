#include "ui/catalog/producttablemodel.h"

#include "ui/format.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <cmath>

namespace mb {

ProductTableModel::ProductTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProductTableModel::setSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    beginResetModel();
    snapshot_ = std::move(snapshot);
    searchKeys_.clear();
    if (snapshot_) {
        searchKeys_.reserve(snapshot_->products.size());
        for (const SnapshotProduct &p : snapshot_->products)
            searchKeys_.push_back(QString::fromStdString(p.sku + '\n' + p.title + '\n' + p.brand).toLower());
    }
    endResetModel();
}

int ProductTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !snapshot_ ? 0 : int(snapshot_->products.size());
}

int ProductTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

double ProductTableModel::marginPercent(const SnapshotProduct &p)
{
    if (std::isnan(p.price) || std::isnan(p.cost) || p.price <= 0) return NAN;
    return (p.price - p.cost) / p.price * 100.0;
}

QVariant ProductTableModel::display(const SnapshotProduct &p, int column) const
{
    switch (column) {
    case Sku: return fmt::str(p.sku);
    case Title: return fmt::str(p.title);
    case Category: return p.category >= 0 ? fmt::str(snapshot_->categories[size_t(p.category)].path) : QString();
    case Brand: return fmt::str(p.brand);
    case Price: return fmt::money(p.price);
    case Cost: return fmt::money(p.cost);
    case Margin: return fmt::percent(marginPercent(p));
    case Stock:
        if (p.stock < 0) return QString();
        return p.stock == 0 ? tr("Out of stock") : fmt::count(p.stock);
    case Origin: return fmt::str(p.origin);
    }
    return {};
}

QVariant ProductTableModel::sortValue(const SnapshotProduct &p, int column) const
{
    // Unknown numbers sort below every known one instead of in the middle as 0.
    auto num = [](double v) { return std::isnan(v) ? QVariant(-1e300) : QVariant(v); };
    switch (column) {
    case Price: return num(p.price);
    case Cost: return num(p.cost);
    case Margin: return num(marginPercent(p));
    case Stock: return QVariant(qlonglong(p.stock));
    default: return display(p, column);
    }
}

QVariant ProductTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !snapshot_) return {};
    const SnapshotProduct &p = snapshot_->products[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: {
        // An unknown number reads as a dash, never as a blank that looks like a rendering glitch or a zero.
        const QVariant v = display(p, column);
        if (column >= Price && column <= Stock && v.toString().isEmpty()) return QStringLiteral("—");
        return v;
    }
    case SortRole: return sortValue(p, column);
    case ProductIndexRole: return index.row();
    case Qt::TextAlignmentRole:
        if (column >= Price && column <= Stock) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (outOfStock(p) && (column == Stock || column == Sku || column == Title)) return QBrush(QColor(0xc0, 0x1c, 0x28));
        if (column == Margin && marginPercent(p) < 0) return QBrush(QColor(0xc0, 0x1c, 0x28));
        if (column == Origin) return QBrush(QColor(0x6a, 0x6a, 0x6a));
        if (column >= Price && column <= Stock && display(p, column).toString().isEmpty()) return QBrush(QColor(0xa0, 0xa0, 0xa0));
        return {};
    case Qt::FontRole:
        if (outOfStock(p) && column == Stock) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Title) return fmt::str(p.title);
        if (column == Stock && p.stock < 0) return tr("Stock unknown: the catalog file gave none");
        if (column == Origin) return tr("Where the product came from (the catalog import, or first seen in orders)");
        return {};
    }
    return {};
}

QVariant ProductTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == Qt::DisplayRole) {
        static const char *const names[] = {QT_TR_NOOP("SKU"),   QT_TR_NOOP("Title"), QT_TR_NOOP("Category"),
                                            QT_TR_NOOP("Brand"), QT_TR_NOOP("Price"), QT_TR_NOOP("Cost"),
                                            QT_TR_NOOP("Margin"), QT_TR_NOOP("Stock"), QT_TR_NOOP("Origin")};
        return tr(names[section]);
    }
    if (role == Qt::TextAlignmentRole)
        return section >= Price && section <= Stock ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                     : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && section == Margin) return tr("(price − cost) ÷ price");
    return {};
}

}  // namespace mb

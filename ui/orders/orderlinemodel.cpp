#include "ui/orders/orderlinemodel.h"

#include "ui/format.h"

#include <QBrush>
#include <QColor>

namespace mb {

OrderLineModel::OrderLineModel(QObject *parent) : QAbstractTableModel(parent) {}

void OrderLineModel::setSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    beginResetModel();
    snapshot_ = std::move(snapshot);
    order_ = -1;
    begin_ = end_ = 0;
    endResetModel();
}

void OrderLineModel::setOrder(int order)
{
    beginResetModel();
    order_ = snapshot_ && order >= 0 && size_t(order) < snapshot_->orders.size() ? order : -1;
    begin_ = order_ < 0 ? 0 : snapshot_->orders[size_t(order_)].lineBegin;
    end_ = order_ < 0 ? 0 : snapshot_->orders[size_t(order_)].lineEnd;
    endResetModel();
}

int OrderLineModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(end_ - begin_); }

int OrderLineModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant OrderLineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !snapshot_) return {};
    const SnapshotLine &l = snapshot_->lines[begin_ + uint32_t(index.row())];
    const SnapshotProduct &p = snapshot_->products[l.product];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Sku: return fmt::str(p.sku);
        case Title: return fmt::str(p.title);
        case Quantity: return fmt::quantity(l.quantity);
        case UnitPrice: return fmt::money(l.unitPrice);
        case LineTotal: return fmt::money(l.net());  // what the customer paid for the line, as revenue counts it
        }
        return {};
    case Qt::TextAlignmentRole:
        return column >= Quantity ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // A negative quantity is a cancellation or a return of that line.
        if (l.quantity < 0 && column >= Quantity) return QBrush(QColor(0xb0, 0x1c, 0x28));
        return {};
    case Qt::ToolTipRole:
        if (l.quantity < 0) return tr("Negative quantity: cancelled or returned");
        if (column == LineTotal && (l.discount > 0 || l.refund > 0))
            return tr("%1 before discounts, less %2 discount and %3 refunded")
                .arg(fmt::money(l.gross()), fmt::money(double(l.discount)), fmt::money(double(l.refund)));
        return {};
    }
    return {};
}

QVariant OrderLineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == Qt::DisplayRole) {
        static const char *const names[] = {QT_TR_NOOP("SKU"), QT_TR_NOOP("Product"), QT_TR_NOOP("Quantity"),
                                            QT_TR_NOOP("Unit price"), QT_TR_NOOP("Line total")};
        return tr(names[section]);
    }
    if (role == Qt::TextAlignmentRole)
        return section >= Quantity ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

}  // namespace mb

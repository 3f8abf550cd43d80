#include "ui/preview/cartmodel.h"

#include "core/storage/snapshot.h"
#include "ui/format.h"

#include <cmath>

namespace mb {

void CartModel::setSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    beginResetModel();
    snapshot_ = std::move(snapshot);
    std::erase_if(lines_, [this](const Line &l) { return !snapshot_ || snapshot_->productIndex(l.sku.toStdString()) < 0; });
    endResetModel();
    Q_EMIT cartChanged();
}

void CartModel::add(const QString &sku, int quantity)
{
    if (!snapshot_ || snapshot_->productIndex(sku.toStdString()) < 0 || quantity <= 0) return;
    for (size_t i = 0; i < lines_.size(); ++i) {
        if (lines_[i].sku == sku) {
            lines_[i].quantity += quantity;
            Q_EMIT dataChanged(index(int(i), Quantity), index(int(i), Total));
            Q_EMIT cartChanged();
            return;
        }
    }
    beginInsertRows({}, int(lines_.size()), int(lines_.size()));
    lines_.push_back({sku, quantity});
    endInsertRows();
    Q_EMIT cartChanged();
}

void CartModel::removeLine(int row)
{
    if (row < 0 || row >= int(lines_.size())) return;
    beginRemoveRows({}, row, row);
    lines_.erase(lines_.begin() + row);
    endRemoveRows();
    Q_EMIT cartChanged();
}

void CartModel::clearLines()
{
    if (lines_.empty()) return;
    beginResetModel();
    lines_.clear();
    endResetModel();
    Q_EMIT cartChanged();
}

double CartModel::price(const Line &l) const
{
    if (!snapshot_) return NAN;
    const int32_t p = snapshot_->productIndex(l.sku.toStdString());
    return p < 0 ? NAN : snapshot_->products[size_t(p)].price;
}

double CartModel::subtotal() const
{
    double sum = 0;
    for (const Line &l : lines_)
        if (const double p = price(l); !std::isnan(p)) sum += p * l.quantity;
    return sum;
}

int CartModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(lines_.size()); }
int CartModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CartModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(lines_.size())) return {};
    const Line &l = lines_[size_t(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() >= Quantity) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole) return {};
    switch (index.column()) {
    case Sku: return l.sku;
    case Title: {
        const int32_t p = snapshot_ ? snapshot_->productIndex(l.sku.toStdString()) : -1;
        return p < 0 ? QString() : fmt::str(snapshot_->products[size_t(p)].title);
    }
    case Quantity: return l.quantity;
    case Price: return role == Qt::EditRole ? QVariant(price(l)) : QVariant(fmt::money(price(l)));
    case Total: return role == Qt::EditRole ? QVariant(price(l) * l.quantity) : QVariant(fmt::money(price(l) * l.quantity));
    default: return {};
    }
}

QVariant CartModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Sku: return tr("SKU");
    case Title: return tr("Title");
    case Quantity: return tr("Qty");
    case Price: return tr("Price");
    case Total: return tr("Total");
    default: return {};
    }
}

Qt::ItemFlags CartModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Quantity) f |= Qt::ItemIsEditable;
    return f;
}

bool CartModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Quantity || index.row() >= int(lines_.size())) return false;
    bool ok = false;
    const int q = value.toInt(&ok);
    if (!ok || q < 1 || q > 9999) return false;
    lines_[size_t(index.row())].quantity = q;
    Q_EMIT dataChanged(this->index(index.row(), Quantity), this->index(index.row(), Total));
    Q_EMIT cartChanged();
    return true;
}

}  // namespace mb

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

void ProductTableModel::updateProducts(std::shared_ptr<const Snapshot> snapshot, const std::vector<uint32_t> &rows)
{
    snapshot_ = std::move(snapshot);
    for (uint32_t r : rows) Q_EMIT dataChanged(index(int(r), 0), index(int(r), ColumnCount - 1));
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

QString ProductTableModel::storeStatus(const SnapshotProduct &p)
{
    if (!p.unavailable.empty()) return fmt::str(p.unavailable);
    return p.platform.empty() ? QString() : tr("sold");
}

QString ProductTableModel::notOfferedReason(const SnapshotProduct &p)
{
    // The store's reason first: the merchandiser's switch cannot make a draft product sellable.
    if (!p.unavailable.empty()) return tr("Not recommendable: %1").arg(fmt::str(p.unavailable));
    if (!p.recommendable) return tr("Not recommendable: marked so in Merchbench");
    return {};
}

// Stock as the store states it when the file gave no quantity (WooCommerce "Stock status", Magento is_in_stock).
static QString stockStatusText(const std::string &status)
{
    if (status == "instock") return ProductTableModel::tr("In stock");
    if (status == "outofstock") return ProductTableModel::tr("Out of stock");
    if (status == "onbackorder") return ProductTableModel::tr("On backorder");
    return fmt::str(status);
}

QVariant ProductTableModel::display(const SnapshotProduct &p, int column) const
{
    switch (column) {
    case Sku: return fmt::str(p.sku);
    case Title: return fmt::str(p.title);
    case Category: return p.category >= 0 ? fmt::str(snapshot_->categories[size_t(p.category)].path) : QString();
    case Brand: return fmt::str(p.brand);
    case Price: return fmt::money(p.price);
    case Regular: return fmt::money(p.regularPrice);
    case Sale: return fmt::money(p.salePrice);
    case Cost: return fmt::money(p.cost);
    case Margin: return fmt::percent(marginPercent(p));
    case Stock:
        if (p.stock < 0) return stockStatusText(p.stockStatus);
        return p.stock == 0 ? tr("Out of stock") : fmt::count(p.stock);
    case StoreStatus: return storeStatus(p);
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
    case Regular: return num(p.regularPrice);
    case Sale: return num(p.salePrice);
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
        // Not offered anywhere: the product reads as switched off, the store's reason in its own colour.
        if (!p.offered() && (column == Sku || column == Title)) return QBrush(QColor(0x8a, 0x8f, 0x98));
        // "sold" is the usual case and stays quiet; a reason the store does not sell it stands out.
        if (column == StoreStatus) return p.unavailable.empty() ? QBrush(QColor(0x6a, 0x6a, 0x6a)) : QBrush(QColor(0xa8, 0x4b, 0x00));
        if (column == Sale && !std::isnan(p.salePrice)) return QBrush(QColor(0xb0, 0x3a, 0x00));
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
        if (!p.offered() && column == Title) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        if (!p.unavailable.empty() && column == StoreStatus) {
            QFont f;
            f.setWeight(QFont::DemiBold);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if ((column == Sku || column == Title || column == StoreStatus) && !p.offered())
            return notOfferedReason(p) + tr(" — placements, suggestions and category rules leave it out.");
        if (column == Title) return fmt::str(p.title);
        if (column == StoreStatus && !p.platformStatus.empty())
            return tr("%1 status: %2").arg(fmt::str(p.platform), fmt::str(p.platformStatus));
        if (column == Stock && p.stock < 0) return tr("Stock unknown: the catalog file gave none");
        if (column == Origin) return tr("Where the product came from (the catalog import, or first seen in orders)");
        if (column == Price) return tr("The selling price (the sale price while one applies): what placements and bundles use");
        return {};
    }
    return {};
}

QVariant ProductTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == Qt::DisplayRole) {
        static const char *const names[] = {QT_TR_NOOP("SKU"),     QT_TR_NOOP("Title"),  QT_TR_NOOP("Category"),
                                            QT_TR_NOOP("Brand"),   QT_TR_NOOP("Price"),  QT_TR_NOOP("Regular"),
                                            QT_TR_NOOP("Sale"),    QT_TR_NOOP("Cost"),   QT_TR_NOOP("Margin"),
                                            QT_TR_NOOP("Stock"),   QT_TR_NOOP("Store status"), QT_TR_NOOP("Origin")};
        return tr(names[section]);
    }
    if (role == Qt::TextAlignmentRole)
        return section >= Price && section <= Stock ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                     : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && section == Margin) return tr("(price − cost) ÷ price");
    if (role == Qt::ToolTipRole && section == Price) return tr("The selling price: the sale price while one applies");
    if (role == Qt::ToolTipRole && section == Regular) return tr("The store's regular price");
    if (role == Qt::ToolTipRole && section == Sale) return tr("The store's sale price (WooCommerce sale price, Magento special price, Shopify price under a compare-at price)");
    if (role == Qt::ToolTipRole && section == StoreStatus)
        return tr("What the store says: sold, or why it does not sell the product (draft, archived, hidden, disabled); "
                  "a product the store does not sell is never recommended");
    return {};
}

}  // namespace mb

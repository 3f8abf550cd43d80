#include "ui/catalog/producttablemodel.h"

#include "ui/format.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>
#include <cmath>

namespace mb {

ProductTableModel::ProductTableModel(QObject *parent)
    : QAbstractTableModel(parent), rows_(std::make_shared<const Rows>()), arranger_(this, [this](std::shared_ptr<const Rows> r) { onArranged(std::move(r)); })
{
}

void ProductTableModel::setSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    // The old rows index into the old snapshot: they go at once, the new ones follow from the worker.
    beginResetModel();
    snapshot_ = std::move(snapshot);
    rows_ = std::make_shared<const Rows>();
    endResetModel();
    request();
}

void ProductTableModel::updateProducts(std::shared_ptr<const Snapshot> snapshot, const std::vector<uint32_t> &products)
{
    // An edit changes no product's place: the rows made for the history still fit.
    snapshot_ = std::move(snapshot);
    for (uint32_t p : products)
        if (const int row = rowOfProduct(p); row >= 0) Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ProductTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount) return;
    if (column == sortColumn_ && order == sortOrder_) return;
    sortColumn_ = column;
    sortOrder_ = order;
    request();
}

int ProductTableModel::rowOfProduct(uint32_t product) const
{
    return product < rows_->rowOf.size() ? rows_->rowOf[product] : -1;
}

void ProductTableModel::request()
{
    busy_ = bool(snapshot_);
    if (!snapshot_) return arranger_.drop();
    // The search keys of the rows shown serve a new sort of the same history (a new one resets the rows).
    auto keys = rows_->keys;
    arranger_.run([snap = snapshot_, keys, column = sortColumn_, order = sortOrder_] { return arrange(snap, keys, column, order); });
}

std::shared_ptr<const ProductTableModel::Rows> ProductTableModel::arrange(std::shared_ptr<const Snapshot> snapshot, std::shared_ptr<const std::vector<QString>> keys,
                                                    int column, Qt::SortOrder order)
{
    const Snapshot &s = *snapshot;
    auto out = std::make_shared<Rows>();
    Rows &r = *out;
    if (!keys) {
        auto k = std::make_shared<std::vector<QString>>();
        k->reserve(s.products.size());
        for (const SnapshotProduct &p : s.products) k->push_back(QString::fromStdString(p.sku + '\n' + p.title + '\n' + p.brand).toLower());
        keys = std::move(k);
    }
    r.keys = std::move(keys);
    const size_t n = s.products.size();
    r.order.resize(n);
    for (uint32_t p = 0; p < n; ++p) r.order[p] = p;
    // Numbers as numbers (unknown below every known one), text without regard to case; ties keep the
    // catalog's order either way, as a stable sort does.
    std::vector<QVariant> value(n);
    for (uint32_t p = 0; p < n; ++p) value[p] = sortValue(s, s.products[p], column);
    const bool text = value.empty() || value[0].typeId() == QMetaType::QString;
    std::vector<QString> str;
    std::vector<double> num;
    if (text) {
        str.resize(n);
        for (uint32_t p = 0; p < n; ++p) str[p] = value[p].toString();
    } else {
        num.resize(n);
        for (uint32_t p = 0; p < n; ++p) num[p] = value[p].toDouble();
    }
    value.clear();
    const bool descending = order == Qt::DescendingOrder;
    std::stable_sort(r.order.begin(), r.order.end(), [&](uint32_t a, uint32_t b) {
        if (descending) std::swap(a, b);
        return text ? str[a].compare(str[b], Qt::CaseInsensitive) < 0 : num[a] < num[b];
    });
    r.rowOf.resize(n);
    for (size_t row = 0; row < n; ++row) r.rowOf[r.order[row]] = int32_t(row);
    return out;
}

void ProductTableModel::onArranged(std::shared_ptr<const Rows> next)
{
    // Only the newest request's rows arrive (LatestRun): a new history asked anew, so these are of the
    // history shown, perhaps with an edit since, which changes no product's order in the table.
    if (rows_->keys && rows_->order.size() == next->order.size()) {
        // Same rows, new order: a layout change, so the selection and the current row follow their products.
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex &i : before) after.push_back(index(next->rowOf[rows_->order[size_t(i.row())]], i.column()));
        rows_ = std::move(next);
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    } else {
        beginResetModel();
        rows_ = std::move(next);
        endResetModel();
    }
    busy_ = false;
    Q_EMIT rowsReady();
}

int ProductTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(rows_->order.size()); }

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

bool ProductTableModel::columnHasValues(const Snapshot &s, int column)
{
    auto any = [&s](auto has) { return std::any_of(s.products.begin(), s.products.end(), has); };
    switch (column) {
    case Category: return any([](const SnapshotProduct &p) { return p.category >= 0; });
    case Brand: return any([](const SnapshotProduct &p) { return !p.brand.empty(); });
    case Price: return any([](const SnapshotProduct &p) { return !std::isnan(p.price); });
    case Regular: return any([](const SnapshotProduct &p) { return !std::isnan(p.regularPrice); });
    case Sale: return any([](const SnapshotProduct &p) { return !std::isnan(p.salePrice); });
    case Cost: return any([](const SnapshotProduct &p) { return !std::isnan(p.cost); });
    case Margin: return any([](const SnapshotProduct &p) { return !std::isnan(marginPercent(p)); });
    case Stock: return any([](const SnapshotProduct &p) { return p.stock >= 0 || !p.stockStatus.empty(); });
    case StoreStatus: return any([](const SnapshotProduct &p) { return !p.unavailable.empty() || !p.platform.empty(); });
    default: return !s.products.empty();
    }
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

QVariant ProductTableModel::display(const Snapshot &s, const SnapshotProduct &p, int column)
{
    switch (column) {
    case Sku: return fmt::str(p.sku);
    case Title: return fmt::str(p.title);
    case Category: return p.category >= 0 ? fmt::str(s.categories[size_t(p.category)].path) : QString();
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

QVariant ProductTableModel::sortValue(const Snapshot &s, const SnapshotProduct &p, int column)
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
    default: return display(s, p, column);
    }
}

QVariant ProductTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !snapshot_) return {};
    const Snapshot &s = *snapshot_;
    const uint32_t product = productAt(index.row());
    const SnapshotProduct &p = s.products[product];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: {
        // An unknown number reads as a dash, never as a blank that looks like a rendering glitch or a zero.
        const QVariant v = display(s, p, column);
        if (column >= Price && column <= Stock && v.toString().isEmpty()) return QStringLiteral("—");
        return v;
    }
    case SortRole: return sortValue(s, p, column);
    case ProductIndexRole: return int(product);
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
        if (column >= Price && column <= Stock && display(s, p, column).toString().isEmpty()) return QBrush(QColor(0xa0, 0xa0, 0xa0));
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
                                            QT_TR_NOOP("Stock"),   QT_TR_NOOP("Status"), QT_TR_NOOP("Origin")};
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

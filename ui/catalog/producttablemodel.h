#pragma once
// The catalog as a table over the snapshot's products: no database access, no copies of the strings
// except a lower-case search key per product so that filtering as the user types stays instant.
#include "core/storage/snapshot.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace mb {

class ProductTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Price is the selling price (what placements use); Regular and Sale are the store's own two prices.
    // Price..Stock are the numeric columns.
    enum Column { Sku, Title, Category, Brand, Price, Regular, Sale, Cost, Margin, Stock, StoreStatus, Origin, ColumnCount };
    // Raw value for sorting (numbers as numbers, unknown last) and the product's index for filters.
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int ProductIndexRole = Qt::UserRole + 2;

    explicit ProductTableModel(QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const Snapshot> snapshot);
    // The same history after an edit of these products (rows = product indices): those rows repaint.
    void updateProducts(std::shared_ptr<const Snapshot> snapshot, const std::vector<uint32_t> &rows);
    const Snapshot *snapshot() const { return snapshot_.get(); }
    // "sku title brand" in lower case, for the search box.
    const QString &searchKey(int row) const { return searchKeys_[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static double marginPercent(const SnapshotProduct &p);
    static bool outOfStock(const SnapshotProduct &p) { return p.stock == 0 || (p.stock < 0 && p.stockStatus == "outofstock"); }
    // The store's view of the product: why it does not sell it ("draft in Shopify"), "sold", or "" for a
    // product that did not come from a store platform.
    static QString storeStatus(const SnapshotProduct &p);
    // Why no placement or suggestion offers the product, "" when they may.
    static QString notOfferedReason(const SnapshotProduct &p);

private:
    QVariant display(const SnapshotProduct &p, int column) const;
    QVariant sortValue(const SnapshotProduct &p, int column) const;

    std::shared_ptr<const Snapshot> snapshot_;
    std::vector<QString> searchKeys_;
};

}  // namespace mb

#pragma once
// The catalog as a table over the snapshot's products: no database access, no copies of the strings
// except a lower-case search key per product so that filtering as the user types stays instant. The
// model sorts itself: the search keys and the order of the rows for the chosen column are computed on
// the work pool (100K products: a string sort takes far longer than a frame), then taken whole. Until the
// first result for a snapshot arrives the model has no rows and isBusy().
#include "core/storage/snapshot.h"
#include "ui/latestrun.h"

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
    // The same history after an edit of these products (product indices): their rows repaint.
    void updateProducts(std::shared_ptr<const Snapshot> snapshot, const std::vector<uint32_t> &products);
    const Snapshot *snapshot() const { return snapshot_.get(); }
    // True while the rows shown are not yet those of the current history and sort.
    bool isBusy() const { return busy_; }
    // The product shown in a row, and the row of a product (-1 before the rows are in).
    uint32_t productAt(int row) const { return rows_->order[size_t(row)]; }
    int rowOfProduct(uint32_t product) const;
    // "sku title brand" in lower case, for the search box.
    const QString &searchKey(int row) const { return (*rows_->keys)[productAt(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static double marginPercent(const SnapshotProduct &p);
    static bool outOfStock(const SnapshotProduct &p) { return p.stock == 0 || (p.stock < 0 && p.stockStatus == "outofstock"); }
    // The store's view of the product: why it does not sell it ("draft in Shopify"), "sold", or "" for a
    // product that did not come from a store platform.
    static QString storeStatus(const SnapshotProduct &p);
    // Why no placement or suggestion offers the product, "" when they may.
    static QString notOfferedReason(const SnapshotProduct &p);
    // True when some product has a value in the column; false when every row would show a blank or a dash
    // (Online Retail's history alone has no category, brand, cost, stock or store status).
    static bool columnHasValues(const Snapshot &s, int column);

Q_SIGNALS:
    // The rows for the current snapshot and sort are in (after the reset or layout change).
    void rowsReady();

private:
    struct Rows {
        std::shared_ptr<const std::vector<QString>> keys;  // per product; null before the first result
        std::vector<uint32_t> order;  // per row: its product
        std::vector<int32_t> rowOf;   // per product: its row
    };
    static std::shared_ptr<const Rows> arrange(std::shared_ptr<const Snapshot> snapshot, std::shared_ptr<const std::vector<QString>> keys, int column,
                        Qt::SortOrder order);
    void request();
    void onArranged(std::shared_ptr<const Rows> rows);
    static QVariant display(const Snapshot &s, const SnapshotProduct &p, int column);
    static QVariant sortValue(const Snapshot &s, const SnapshotProduct &p, int column);

    std::shared_ptr<const Snapshot> snapshot_;
    std::shared_ptr<const Rows> rows_;   // never null; no rows until the first result for snapshot_
    int sortColumn_ = Sku;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
    bool busy_ = false;
    LatestRun<std::shared_ptr<const Rows>> arranger_;
};

}  // namespace mb

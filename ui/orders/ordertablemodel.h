#pragma once
// The order history over the snapshot. Rows are order indices; data() formats a cell only when the view
// asks for it. Which orders and in which order (the filter and the sort) is computed on the app's work
// pool (computeOrderRows): on a 5M-line store that is 1.7M orders, far more than a frame's worth of work.
// A new filter replaces the rows with a model reset; a new sort of the same rows is a layout change that
// keeps the selection. Until the first result for a snapshot arrives the model has no rows and isBusy().
#include "core/storage/snapshot.h"
#include "ui/latestrun.h"
#include "ui/orders/orderrows.h"

#include <QAbstractTableModel>
#include <QDate>

#include <memory>
#include <vector>

namespace mb {

class OrderTableModel : public QAbstractTableModel, public OrderColumns {
    Q_OBJECT
public:
    static constexpr int OrderIndexRole = Qt::UserRole + 1;

    explicit OrderTableModel(QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const Snapshot> snapshot);
    const Snapshot *snapshot() const { return snapshot_.get(); }

    // Null dates leave that end open; the customer text matches anywhere in the customer id, any case.
    // The rows follow when the worker is done (rowsReady).
    void setFilter(const QDate &from, const QDate &to, const QString &customer);
    const OrderQuery &query() const { return wanted_; }
    // True while the rows shown are not yet those of the current snapshot, filter and sort.
    bool isBusy() const { return busy_; }
    int orderIndex(int row) const { return int(rows_->rows[size_t(row)]); }
    int rowOfOrder(int order) const;
    // The first and last order dates in the snapshot (the date filter's range).
    QDate firstDate() const;
    QDate lastDate() const;

    // The rows the filter matches; the view holds the first pages of them (rowCount) and fetches more as the
    // user scrolls: a QTableView keeps one header section per row, and a reset to 17M rows (a 50M-line store)
    // cost 0.5 s of CPU on the GUI thread and ~270 MB of header.
    int matchingRows() const { return int(rows_->rows.size()); }
    static constexpr int DefaultPageRows = 100'000;
    static void setPageRows(int rows);  // tests: small pages on small stores
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString statusText(OrderStatus status);

Q_SIGNALS:
    // The rows for the current snapshot, filter and sort are in (after the reset or layout change).
    void rowsReady();

private:
    struct Result {
        OrderQuery query;
        std::shared_ptr<const OrderRows> rows;
    };
    void request();
    void onComputed(const Result &result);
    QString customerText(const SnapshotOrder &o) const;

    std::shared_ptr<const Snapshot> snapshot_;
    std::shared_ptr<const OrderRows> rows_;   // never null; empty until the first result
    OrderQuery shown_;                        // what rows_ were computed for
    OrderQuery wanted_;                       // what the user asked for last
    bool busy_ = false;
    int loaded_ = 0;                          // rows the view has fetched (a prefix of rows_)
    bool haveRows_ = false;                   // rows_ belong to snapshot_ (else a new snapshot waits for its first rows)
    LatestRun<Result> computer_;              // only the newest request's rows arrive
};

}  // namespace mb

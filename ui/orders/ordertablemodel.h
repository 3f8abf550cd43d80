#pragma once
// The order history over the snapshot. Filtering builds a vector of order indices and sorting sorts that
// vector, so 25,900 orders with 541,909 lines filter and sort without a proxy walking QVariants.
#include "core/storage/snapshot.h"

#include <QAbstractTableModel>
#include <QDate>

#include <memory>
#include <vector>

namespace mb {

class OrderTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Order, Time, Customer, Lines, Total, Status, Country, ColumnCount };
    static constexpr int OrderIndexRole = Qt::UserRole + 1;

    explicit OrderTableModel(QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const Snapshot> snapshot);
    const Snapshot *snapshot() const { return snapshot_.get(); }

    // Null dates leave that end open; the customer text matches anywhere in the customer id, any case.
    void setFilter(const QDate &from, const QDate &to, const QString &customer);
    int orderIndex(int row) const { return int(rows_[size_t(row)]); }
    int rowOfOrder(int order) const;
    // The first and last order dates in the snapshot (the date filter's range).
    QDate firstDate() const;
    QDate lastDate() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString statusText(OrderStatus status);

private:
    void rebuild();
    void sortRows();
    QString customerText(const SnapshotOrder &o) const;

    std::shared_ptr<const Snapshot> snapshot_;
    std::vector<std::string> customerKeys_;  // lower case, for the filter
    std::vector<uint32_t> rows_;
    QDate from_, to_;
    std::string customer_;
    int sortColumn_ = Time;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
};

}  // namespace mb

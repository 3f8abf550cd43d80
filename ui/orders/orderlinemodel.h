#pragma once
// The lines of one order: a window [lineBegin, lineEnd) into the snapshot's lines.
#include "core/storage/snapshot.h"

#include <QAbstractTableModel>

#include <memory>

namespace mb {

class OrderLineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Sku, Title, Quantity, UnitPrice, LineTotal, ColumnCount };

    explicit OrderLineModel(QObject *parent = nullptr);
    void setSnapshot(std::shared_ptr<const Snapshot> snapshot);
    void setOrder(int order);  // index into Snapshot::orders, -1 for none
    int order() const { return order_; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Snapshot> snapshot_;
    int order_ = -1;
    uint32_t begin_ = 0, end_ = 0;
};

}  // namespace mb

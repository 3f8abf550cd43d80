#pragma once
// The rows an import rejected: line, the row's SKU, column, value, and what was expected.
#include "core/io/importrecords.h"

#include <QAbstractTableModel>

#include <vector>

namespace mb {

class RejectTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Line, Sku, ColumnName, Value, Reason, ColumnCount };
    explicit RejectTableModel(QObject *parent = nullptr);
    void setRejects(std::vector<Reject> rejects);
    const std::vector<Reject> &rejects() const { return rejects_; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Reject> rejects_;
};

}  // namespace mb

#pragma once
// One task's back-test rows as a table: a method per row, its hit rate, recall and NDCG at the placement's
// slots and at 10, coverage, catalog coverage, non-merchandise share and the projected AOV lift. Built
// once per result (a run makes a new model); the best figure of each column among the methods is bold, so
// the reader sees at once whether the current policy or a baseline wins.
#include "core/backtest/backtest.h"

#include <QAbstractTableModel>

#include <vector>

namespace mb {

class BacktestTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Method, HitSlots, RecallSlots, NdcgSlots, HitList, RecallList, NdcgList, Coverage, CatalogCoverage,
                  NonMerchandise, AovLift, ColumnCount };

    BacktestTableModel(std::vector<BacktestRow> rows, int listLength, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const std::vector<BacktestRow> &rows() const { return rows_; }
    // The figure a column shows for a row, as a number (shares as 0..1).
    static double value(const BacktestRow &row, int column);

private:
    bool isBest(int row, int column) const;

    std::vector<BacktestRow> rows_;
    int listLength_;
    int slots_;  // the first k: the task's placement's slots (the policy rows may differ: their own placement)
};

}  // namespace mb

#pragma once
// Orders view: the filtered order list on top, the selected order's lines below.
#include "ui/workspaceview.h"

class QDateEdit;
class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace mb {

class EmptyState;
class OrderLineModel;
class OrderTableModel;

class OrdersView : public WorkspaceView {
    Q_OBJECT
public:
    explicit OrdersView(WorkspaceDocument *document, QWidget *parent = nullptr);

    OrderTableModel *orderModel() const { return orders_; }
    OrderLineModel *lineModel() const { return lines_; }
    QDateEdit *fromEdit() const { return from_; }
    QDateEdit *toEdit() const { return to_; }
    QLineEdit *customerEdit() const { return customer_; }
    QTableView *orderTable() const { return orderTable_; }

    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

private:
    void onSnapshotChanged();
    void applyFilter();
    void resetFilter();
    void onOrderSelected();
    void updateSummary();

    OrderTableModel *orders_;
    OrderLineModel *lines_;
    QDateEdit *from_;
    QDateEdit *to_;
    QLineEdit *customer_;
    QLabel *summary_;
    QLabel *linesTitle_;
    QSplitter *splitter_;
    QStackedWidget *stack_;
    QTableView *orderTable_;
    QTableView *lineTable_;
    EmptyState *empty_;
};

}  // namespace mb

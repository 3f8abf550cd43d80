#pragma once
// Orders view: the filtered order list on top, the selected order's lines below. The list's rows are
// filtered and sorted on the work pool (OrderTableModel); the customer box filters 200 ms after the last
// keystroke and completes customer ids from a model over the snapshot's customers.
#include "ui/workspaceview.h"

class QDateEdit;
class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace mb {

class CustomerCompleter;
class EmptyState;
class OrderLineModel;
class OrderTableModel;

class OrdersView : public WorkspaceView {
    Q_OBJECT
public:
    explicit OrdersView(WorkspaceDocument *document, QWidget *parent = nullptr);

    OrderTableModel *orderModel() const { return orders_; }
    bool isBusy() const override;
    OrderLineModel *lineModel() const { return lines_; }
    QDateEdit *fromEdit() const { return from_; }
    QDateEdit *toEdit() const { return to_; }
    QLineEdit *customerEdit() const { return customer_; }
    QLineEdit *findBox() const override { return customer_; }
    QTableView *orderTable() const { return orderTable_; }
    CustomerCompleter *customerCompleter() const { return completer_; }
    // How long the customer box waits after a keystroke before filtering (a typed id filters once).
    static constexpr int filterDelayMs = 200;

    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

private:
    void onSnapshotChanged();
    void applyFilter();
    void resetFilter();
    void onRowsReady();
    void onOrderSelected();
    void updateSummary();

    OrderTableModel *orders_;
    OrderLineModel *lines_;
    QDateEdit *from_;
    QDateEdit *to_;
    QLineEdit *customer_;
    CustomerCompleter *completer_;
    QTimer *debounce_;
    int keepOrder_ = -1;   // the order selected when the filter changed: selected again if still shown
    QLabel *summary_;
    QLabel *linesTitle_;
    QSplitter *splitter_;
    QStackedWidget *stack_;
    QTableView *orderTable_;
    QTableView *lineTable_;
    EmptyState *empty_;
};

}  // namespace mb

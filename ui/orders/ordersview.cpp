#include "ui/orders/ordersview.h"

#include "ui/emptystate.h"
#include "ui/format.h"
#include "ui/orders/customercompleter.h"
#include "ui/orders/orderlinemodel.h"
#include "ui/orders/ordertablemodel.h"
#include "ui/tablestyle.h"
#include "ui/workspacedocument.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace mb {

OrdersView::OrdersView(WorkspaceDocument *document, QWidget *parent)
    : WorkspaceView(document, parent),
      orders_(new OrderTableModel(this)),
      lines_(new OrderLineModel(this)),
      from_(new QDateEdit(this)),
      to_(new QDateEdit(this)),
      customer_(new QLineEdit(this)),
      completer_(new CustomerCompleter(customer_)),
      debounce_(new QTimer(this)),
      summary_(new QLabel(this)),
      linesTitle_(new QLabel(this)),
      splitter_(new QSplitter(Qt::Vertical, this)),
      stack_(new QStackedWidget(this)),
      orderTable_(new QTableView(stack_)),
      lineTable_(new QTableView(this)),
      empty_(new EmptyState(stack_))
{
    for (QDateEdit *e : {from_, to_}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(e, &QDateEdit::dateChanged, this, &OrdersView::applyFilter);
    }
    customer_->setPlaceholderText(tr("Customer id or e-mail"));
    customer_->setClearButtonEnabled(true);
    customer_->setMinimumWidth(200);
    // A customer id typed key by key filters once, after the last key; a pick from the completer at once.
    debounce_->setSingleShot(true);
    debounce_->setInterval(filterDelayMs);
    connect(debounce_, &QTimer::timeout, this, &OrdersView::applyFilter);
    connect(customer_, &QLineEdit::textChanged, debounce_, qOverload<>(&QTimer::start));
    connect(completer_, qOverload<const QString &>(&QCompleter::activated), this, [this] {
        // After QLineEdit has written the completion into the box.
        QTimer::singleShot(0, this, &OrdersView::applyFilter);
    });
    connect(customer_, &QLineEdit::returnPressed, this, &OrdersView::applyFilter);
    auto *reset = new QPushButton(tr("All dates"), this);
    reset->setToolTip(tr("Show the whole order history"));
    connect(reset, &QPushButton::clicked, this, &OrdersView::resetFilter);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("From"), this));
    filters->addWidget(from_);
    filters->addSpacing(4);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(to_);
    filters->addWidget(reset);
    filters->addSpacing(16);
    filters->addWidget(new QLabel(tr("Customer"), this));
    filters->addWidget(customer_, 1);
    filters->addSpacing(12);
    filters->addWidget(summary_);

    orderTable_->setModel(orders_);
    setUpTable(orderTable_);
    orderTable_->horizontalHeader()->setSortIndicator(OrderTableModel::Time, Qt::AscendingOrder);
    // The seven columns fit beside the sidebar of a 1024 px window (about 880 px); the last one takes any
    // extra width. None is narrower than its header with the sort arrow.
    const int widths[] = {105, 140, 150, 70, 110, 130, 160};
    for (int c = 0; c < OrderTableModel::ColumnCount; ++c)
        orderTable_->horizontalHeader()->resizeSection(c, std::max(widths[c], orderTable_->horizontalHeader()->sectionSizeHint(c)));
    orderTable_->horizontalHeader()->setStretchLastSection(true);
    connect(orderTable_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &OrdersView::onOrderSelected);
    connect(orders_, &OrderTableModel::rowsReady, this, &OrdersView::onRowsReady);
    stack_->addWidget(orderTable_);
    stack_->addWidget(empty_);

    lineTable_->setModel(lines_);
    setUpTable(lineTable_);
    lineTable_->setSortingEnabled(false);
    const int lineWidths[] = {110, 320, 90, 110, 110};
    for (int c = 0; c < OrderLineModel::ColumnCount; ++c) lineTable_->horizontalHeader()->resizeSection(c, lineWidths[c]);
    lineTable_->horizontalHeader()->setSectionResizeMode(OrderLineModel::Title, QHeaderView::Stretch);

    auto *bottom = new QWidget(splitter_);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 6, 0, 0);
    QFont bold = linesTitle_->font();
    bold.setBold(true);
    linesTitle_->setFont(bold);
    bottomLayout->addWidget(linesTitle_);
    bottomLayout->addWidget(lineTable_, 1);

    splitter_->addWidget(stack_);
    splitter_->addWidget(bottom);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setChildrenCollapsible(false);
    splitter_->setSizes({430, 250});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);
    layout->addLayout(filters);
    layout->addWidget(splitter_, 1);

    connect(document, &WorkspaceDocument::snapshotChanged, this, &OrdersView::onSnapshotChanged);
    onSnapshotChanged();
    setFocusProxy(orderTable_);
}

void OrdersView::onSnapshotChanged()
{
    auto snap = document()->snapshot();
    keepOrder_ = -1;
    orders_->setSnapshot(snap);   // no rows until the worker has filtered and sorted them (onRowsReady)
    lines_->setSnapshot(snap);
    completer_->setSnapshot(snap);
    resetFilter();
    onOrderSelected();
}

void OrdersView::resetFilter()
{
    const QDate first = orders_->firstDate(), last = orders_->lastDate();
    const QSignalBlocker b1(from_), b2(to_);
    if (first.isValid()) {
        for (QDateEdit *e : {from_, to_}) e->setDateRange(first, last);
        from_->setDate(first);
        to_->setDate(last);
    }
    from_->setEnabled(first.isValid());
    to_->setEnabled(first.isValid());
    applyFilter();
}

void OrdersView::applyFilter()
{
    debounce_->stop();
    const QDate first = orders_->firstDate(), last = orders_->lastDate();
    // At the ends of the history the range stays open, so orders with odd offsets are not cut off.
    const QDate from = from_->date() <= first ? QDate() : from_->date();
    const QDate to = to_->date() >= last ? QDate() : to_->date();
    if (lines_->order() >= 0) keepOrder_ = lines_->order();
    orders_->setFilter(from, to, customer_->text());
    updateSummary();
}

void OrdersView::onRowsReady()
{
    // A new filter resets the rows: select the order that was selected if it is still shown, else the first.
    if (!orderTable_->selectionModel()->currentIndex().isValid()) {
        const int row = keepOrder_ >= 0 ? orders_->rowOfOrder(keepOrder_) : -1;
        if (row >= 0) orderTable_->selectRow(row);
        else if (orders_->rowCount() > 0) orderTable_->selectRow(0);
        if (row >= 0) orderTable_->scrollTo(orders_->index(row, 0));
    }
    onOrderSelected();
    updateSummary();
}

void OrdersView::onOrderSelected()
{
    const QModelIndex current = orderTable_->selectionModel()->currentIndex();
    const int order = current.isValid() ? orders_->orderIndex(current.row()) : -1;
    if (order != lines_->order()) lines_->setOrder(order);
    const Snapshot *snap = orders_->snapshot();
    if (order < 0 || !snap) {
        linesTitle_->setText(tr("Order lines"));
        return;
    }
    const SnapshotOrder &o = snap->orders[size_t(order)];
    linesTitle_->setText(tr("Lines of order %1 — %2, %3")
                             .arg(fmt::str(o.externalId), fmt::dateTime(o.orderedAt, o.utcOffsetMinutes),
                                  OrderTableModel::statusText(o.status).toLower()));
}

void OrdersView::updateSummary()
{
    const Snapshot *snap = orders_->snapshot();
    const int64_t total = snap ? int64_t(snap->orders.size()) : 0;
    const int shown = orders_->matchingRows();
    const bool busy = orders_->isBusy();
    if (busy) summary_->setText(tr("Filtering %1 orders…").arg(fmt::count(total)));
    else summary_->setText(shown == total ? tr("%1 orders").arg(fmt::count(total))
                                          : tr("%1 of %2 orders").arg(fmt::count(shown), fmt::count(total)));
    if (!document()->isOpen()) {
        empty_->setText(tr("No workspace open"), tr("Open or create a workspace from the File menu."));
        stack_->setCurrentWidget(empty_);
    } else if (!snap || (busy && shown == 0 && total > 0)) {
        empty_->setText(tr("Loading the orders…"), QString());
        stack_->setCurrentWidget(empty_);
    } else if (total == 0) {
        empty_->setText(tr("No orders yet"), tr("Import an order CSV (File ▸ Import Orders…) or drop one on this window."));
        stack_->setCurrentWidget(empty_);
    } else if (shown == 0) {
        empty_->setText(tr("No order matches"), tr("Widen the dates or clear the customer filter."));
        stack_->setCurrentWidget(empty_);
    } else {
        stack_->setCurrentWidget(orderTable_);
    }
}

void OrdersView::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("splitter"), splitter_->saveState());
    settings.setValue(QStringLiteral("columns"), orderTable_->horizontalHeader()->saveState());
}

void OrdersView::restoreState(QSettings &settings)
{
    splitter_->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    orderTable_->horizontalHeader()->restoreState(settings.value(QStringLiteral("columns")).toByteArray());
}

bool OrdersView::isBusy() const { return orders_->isBusy(); }

}  // namespace mb

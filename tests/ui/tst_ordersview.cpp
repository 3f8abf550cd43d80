// The Orders view filters and sorts its rows on the work pool: typing a customer id key by key filters once,
// after the last key, and shows exactly that customer's orders; a sort orders every row by the column and
// keeps the selected order selected; the customer box completes ids from a model over the customers.
#include "testsupport.h"
#include "ui/uitestsupport.h"

#include "ui/orders/customercompleter.h"
#include "ui/orders/customerlistmodel.h"
#include "ui/orders/orderlinemodel.h"
#include "ui/orders/ordersview.h"
#include "ui/orders/ordertablemodel.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>

using namespace mb;

class TstOrdersView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        QString error;
        QVERIFY2(mbtest::openDemo(doc_, dir_, error), qPrintable(error));
    }

    void typingFiltersOnceAfterTheLastKey()
    {
        OrdersView view(&doc_);
        OrderTableModel *model = view.orderModel();
        const Snapshot &s = *doc_.snapshot();
        QVERIFY(mbtest::waitUntil([&] { return !model->isBusy(); }));
        QCOMPARE(model->rowCount(), int(s.orders.size()));
        // A customer with several orders; its id typed key by key, in lower case.
        std::vector<int> perCustomer(s.customers.size(), 0);
        for (const SnapshotOrder &o : s.orders)
            if (o.customer >= 0) ++perCustomer[size_t(o.customer)];
        const size_t customer = size_t(std::max_element(perCustomer.begin(), perCustomer.end()) - perCustomer.begin());
        const QString id = QString::fromStdString(s.customers[customer].externalId);
        QVERIFY(id.size() >= 3);
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy ready(model, &OrderTableModel::rowsReady);
        QTest::keyClicks(view.customerEdit(), id.toLower());
        // Within the debounce interval nothing was filtered yet.
        QCOMPARE(resets.count(), 0);
        QVERIFY(mbtest::waitForSignal(ready));
        QVERIFY(mbtest::waitUntil([&] { return !model->isBusy(); }));
        QCOMPARE(resets.count(), 1);   // one rebuild for all the keys
        QCOMPARE(ready.count(), 1);
        // Exactly the orders of the customers whose id contains the text, in time order.
        int expected = 0;
        for (const SnapshotOrder &o : s.orders)
            if (o.customer >= 0 && QString::fromStdString(s.customers[size_t(o.customer)].externalId).contains(id, Qt::CaseInsensitive))
                ++expected;
        QVERIFY(expected >= perCustomer[customer]);
        QCOMPARE(model->rowCount(), expected);
        for (int r = 0; r < model->rowCount(); ++r) {
            const SnapshotOrder &o = s.orders[size_t(model->orderIndex(r))];
            QVERIFY(QString::fromStdString(s.customers[size_t(o.customer)].externalId).contains(id, Qt::CaseInsensitive));
            if (r > 0) QVERIFY(s.orders[size_t(model->orderIndex(r - 1))].orderedAt <= o.orderedAt);
        }
        // The first row is selected and its lines are shown.
        QCOMPARE(view.orderTable()->currentIndex().row(), 0);
        QCOMPARE(view.lineModel()->order(), model->orderIndex(0));
        // Clearing the box brings every order back, again once.
        view.customerEdit()->clear();
        QVERIFY(mbtest::waitUntil([&] { return resets.count() == 2 && !model->isBusy(); }));
        QCOMPARE(model->rowCount(), int(s.orders.size()));
    }

    void sortingOrdersEveryRowAndKeepsTheSelection()
    {
        OrdersView view(&doc_);
        OrderTableModel *model = view.orderModel();
        const Snapshot &s = *doc_.snapshot();
        QVERIFY(mbtest::waitUntil([&] { return !model->isBusy(); }));
        view.orderTable()->selectRow(model->rowCount() / 2);
        const int selected = model->orderIndex(model->rowCount() / 2);
        QSignalSpy layouts(model, &QAbstractItemModel::layoutChanged);
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        view.orderTable()->sortByColumn(OrderTableModel::Total, Qt::DescendingOrder);
        QVERIFY(mbtest::waitUntil([&] { return layouts.count() == 1 && !model->isBusy(); }));
        QCOMPARE(resets.count(), 0);   // the same rows in a new order: a layout change, not a reset
        QCOMPARE(model->rowCount(), int(s.orders.size()));
        std::vector<int> seen(s.orders.size(), 0);
        for (int r = 0; r < model->rowCount(); ++r) {
            ++seen[size_t(model->orderIndex(r))];
            if (r > 0)
                QVERIFY(s.orders[size_t(model->orderIndex(r))].merchandiseTotal <= s.orders[size_t(model->orderIndex(r - 1))].merchandiseTotal);
        }
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));   // every order once
        QCOMPARE(model->orderIndex(view.orderTable()->currentIndex().row()), selected);
        QCOMPARE(model->rowOfOrder(selected), view.orderTable()->currentIndex().row());
        // By customer id, ascending: guests (no id) first, then the ids in byte order; ties keep time order.
        view.orderTable()->sortByColumn(OrderTableModel::Customer, Qt::AscendingOrder);
        QVERIFY(mbtest::waitUntil([&] { return layouts.count() == 2 && !model->isBusy(); }));
        auto idOf = [&](int row) {
            const SnapshotOrder &o = s.orders[size_t(model->orderIndex(row))];
            return o.customer < 0 ? std::string() : s.customers[size_t(o.customer)].externalId;
        };
        for (int r = 1; r < model->rowCount(); ++r) {
            QVERIFY(idOf(r - 1) <= idOf(r));
            if (idOf(r - 1) == idOf(r)) QVERIFY(model->orderIndex(r - 1) < model->orderIndex(r));
        }
        QCOMPARE(model->orderIndex(view.orderTable()->currentIndex().row()), selected);
    }

    void customerBoxCompletesIds()
    {
        OrdersView view(&doc_);
        const Snapshot &s = *doc_.snapshot();
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        CustomerListModel *customers = view.customerCompleter()->customers();
        const QString id = QString::fromStdString(s.customers[s.customers.size() / 2].externalId);
        const QString prefix = id.left(std::max<int>(1, int(id.size()) - 2));
        view.customerEdit()->setFocus();
        QTest::keyClicks(view.customerEdit(), prefix);
        QCOMPARE(customers->filterText(), prefix);
        QVERIFY(customers->rowCount() >= 1);
        QVERIFY(view.customerCompleter()->popup()->isVisible());
        // Every row holds the text; those that start with it come first.
        bool inside = false;
        for (int r = 0; r < customers->rowCount(); ++r) {
            const QString rowId = customers->index(r).data(CustomerListModel::IdRole).toString();
            QVERIFY(rowId.contains(prefix, Qt::CaseInsensitive));
            const bool starts = rowId.startsWith(prefix, Qt::CaseInsensitive);
            QVERIFY(!(starts && inside));
            inside = inside || !starts;
        }
        // Picking a completion puts the id in the box and filters at once.
        const QModelIndex pick = view.customerCompleter()->completionModel()->index(0, 0);
        const QString picked = pick.data(CustomerListModel::IdRole).toString();
        QSignalSpy ready(view.orderModel(), &OrderTableModel::rowsReady);
        view.customerCompleter()->popup()->setCurrentIndex(pick);
        QTest::keyClick(view.customerCompleter()->popup(), Qt::Key_Return);
        QCOMPARE(view.customerEdit()->text(), picked);
        QVERIFY(mbtest::waitUntil([&] { return ready.count() > 0 && !view.orderModel()->isBusy(); }));
        QCOMPARE(view.orderModel()->query().customer, picked);
    }

private:
    QTemporaryDir dir_;
    WorkspaceDocument doc_;
};

QTEST_MAIN(TstOrdersView)
#include "tst_ordersview.moc"

// Every item model over the snapshot keeps Qt's model contract (QAbstractItemModelTester, fatal mode)
// through the changes the views make: new snapshots, filters, sorting, selection of an order.
#include "testsupport.h"
#include "ui/uitestsupport.h"

#include "ui/catalog/categorytreemodel.h"
#include "ui/catalog/productfilterproxy.h"
#include "ui/catalog/producttablemodel.h"
#include "ui/import/importpreviewmodel.h"
#include "ui/import/rejecttablemodel.h"
#include "ui/orders/orderlinemodel.h"
#include "ui/orders/ordertablemodel.h"

#include <QAbstractItemModelTester>
#include <QScopeGuard>

using namespace mb;

namespace {
constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
}

class TstItemModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        QString error;
        QVERIFY2(mbtest::openDemo(doc_, dir_, error), qPrintable(error));
    }

    void productModelAndProxy()
    {
        ProductTableModel model;
        QAbstractItemModelTester t1(&model, Fatal);
        ProductFilterProxy proxy(&model);
        QAbstractItemModelTester t2(&proxy, Fatal);
        // The rows and their order are computed on the work pool: each change is followed by a wait for them.
        auto settled = [&] { return mbtest::waitUntil([&] { return !model.isBusy(); }); };
        model.setSnapshot(doc_.snapshot());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.isBusy());
        QVERIFY(settled());
        QCOMPARE(model.rowCount(), int(doc_.snapshot()->products.size()));
        QCOMPARE(model.columnCount(), 12);   // with the store's regular and sale prices and its status
        proxy.sort(ProductTableModel::Price, Qt::DescendingOrder);
        proxy.setSearchText(QStringLiteral("a"));
        proxy.setCategory(0);
        proxy.setCategory(ProductFilterProxy::AllCategories);
        proxy.sort(ProductTableModel::Margin, Qt::AscendingOrder);
        QVERIFY(settled());
        // Sorted by price, descending: every row costs at most the one above it.
        proxy.setSearchText(QString());
        proxy.sort(ProductTableModel::Price, Qt::DescendingOrder);
        QVERIFY(settled());
        for (int r = 1; r < proxy.rowCount(); ++r)
            QVERIFY(proxy.index(r, ProductTableModel::Price).data(ProductTableModel::SortRole).toDouble()
                    <= proxy.index(r - 1, ProductTableModel::Price).data(ProductTableModel::SortRole).toDouble());
        model.setSnapshot(nullptr);
        QCOMPARE(proxy.rowCount(), 0);
    }

    void categoryTree()
    {
        CategoryTreeModel model;
        QAbstractItemModelTester t(&model, Fatal);
        model.setSnapshot(doc_.snapshot());
        QVERIFY(model.rowCount() >= 2);
        QVERIFY(model.index(0, 0).data().toString().startsWith(QStringLiteral("All products (")));
        for (int c = 0; c < int(doc_.snapshot()->categories.size()); ++c)
            QCOMPARE(model.indexOfCategory(c).data(CategoryTreeModel::CategoryRole).toInt(), c);
        model.setSnapshot(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void ordersFilterAndSort()
    {
        // The rows are computed on the work pool: each change is followed by a wait for them.
        OrderTableModel model;
        QAbstractItemModelTester t(&model, Fatal);
        auto settled = [&] { return mbtest::waitUntil([&] { return !model.isBusy(); }); };
        model.setSnapshot(doc_.snapshot());
        QVERIFY(settled());
        const Snapshot &s = *doc_.snapshot();
        QCOMPARE(model.rowCount(), int(s.orders.size()));
        const QDate first = model.firstDate(), last = model.lastDate();
        QVERIFY(first.isValid() && first < last);
        const QDate mid = first.addDays(first.daysTo(last) / 2);
        model.setFilter(mid, QDate(), QString());
        QVERIFY(settled());
        const int later = model.rowCount();
        model.setFilter(QDate(), mid.addDays(-1), QString());
        QVERIFY(settled());
        QCOMPARE(model.rowCount() + later, int(s.orders.size()));
        model.setFilter(QDate(), QDate(), QString());
        model.sort(OrderTableModel::Total, Qt::DescendingOrder);
        QVERIFY(settled());
        QCOMPARE(model.rowCount(), int(s.orders.size()));
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(s.orders[size_t(model.orderIndex(r))].merchandiseTotal <= s.orders[size_t(model.orderIndex(r - 1))].merchandiseTotal);
        model.sort(OrderTableModel::Time, Qt::AscendingOrder);
        QVERIFY(settled());
        // A customer filter keeps exactly that customer's orders.
        const SnapshotOrder *withCustomer = nullptr;
        for (const SnapshotOrder &o : s.orders)
            if (o.customer >= 0) {
                withCustomer = &o;
                break;
            }
        QVERIFY(withCustomer);
        const std::string &id = s.customers[size_t(withCustomer->customer)].externalId;
        model.setFilter(QDate(), QDate(), QString::fromStdString(id));
        QVERIFY(settled());
        QVERIFY(model.rowCount() >= 1);
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(s.customers[size_t(s.orders[size_t(model.orderIndex(r))].customer)].externalId.find(id) != std::string::npos);
        // A new snapshot empties the rows at once and fills them again from the worker.
        model.setSnapshot(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isBusy());
    }

    // A big history is shown a page at a time (a header section per row would hold 17M at 50M lines): the
    // view fetches the next page as the user scrolls; the count of matching orders stays whole.
    void ordersArePagedForTheView()
    {
        OrderTableModel::setPageRows(400);
        const auto restore = qScopeGuard([] { OrderTableModel::setPageRows(OrderTableModel::DefaultPageRows); });
        // No QAbstractItemModelTester here: it calls fetchMore from inside its own modelReset handler, which
        // a view never does (QTableView fetches when it lays out or scrolls).
        OrderTableModel model;
        model.setSnapshot(doc_.snapshot());
        QVERIFY(mbtest::waitUntil([&] { return !model.isBusy(); }));
        const int all = int(doc_.snapshot()->orders.size());
        QVERIFY(all > 800);  // the fixture's 1,500 orders: three pages and more, the last one short
        QCOMPARE(model.matchingRows(), all);
        QCOMPARE(model.rowCount(), 400);
        QVERIFY(model.canFetchMore({}));
        QCOMPARE(model.rowOfOrder(model.orderIndex(399)), 399);
        const int beyond = int(doc_.snapshot()->orders.size()) - 1;  // sorted by time: the last order is on the last page
        QCOMPARE(model.rowOfOrder(model.orderIndex(0)), 0);
        QCOMPARE(model.rowOfOrder(beyond), -1);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 800);
        while (model.canFetchMore({})) model.fetchMore({});
        QCOMPARE(model.rowCount(), all);
        QVERIFY(model.rowOfOrder(beyond) >= 800);  // fetched now
        // A new sort of the same rows keeps what was fetched; a new filter starts again at one page.
        model.sort(OrderTableModel::Total, Qt::DescendingOrder);
        QVERIFY(mbtest::waitUntil([&] { return !model.isBusy(); }));
        QCOMPARE(model.rowCount(), all);
        model.setFilter(model.firstDate(), QDate(), QString());
        QVERIFY(mbtest::waitUntil([&] { return !model.isBusy(); }));
        QCOMPARE(model.rowCount(), std::min(400, model.matchingRows()));
    }

    void cancelledOrdersAreShownAsSuch()
    {
        OrderTableModel model;
        model.setSnapshot(doc_.snapshot());
        QVERIFY(mbtest::waitUntil([&] { return !model.isBusy(); }));
        int cancelled = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QModelIndex status = model.index(r, OrderTableModel::Status);
            if (doc_.snapshot()->orders[size_t(model.orderIndex(r))].status != OrderStatus::Cancelled) continue;
            QCOMPARE(status.data().toString(), QStringLiteral("Cancelled"));
            QCOMPARE(status.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xb0, 0x1c, 0x28));
            ++cancelled;
        }
        QVERIFY2(cancelled > 0, "the demo history has cancelled orders");
    }

    void orderLines()
    {
        OrderLineModel model;
        QAbstractItemModelTester t(&model, Fatal);
        model.setSnapshot(doc_.snapshot());
        const Snapshot &s = *doc_.snapshot();
        model.setOrder(0);
        QCOMPARE(model.rowCount(), int(s.orders[0].lineEnd - s.orders[0].lineBegin));
        const SnapshotLine &l = s.lines[s.orders[0].lineBegin];
        QCOMPARE(model.index(0, OrderLineModel::Sku).data().toString(), QString::fromStdString(s.products[l.product].sku));
        model.setOrder(int(s.orders.size()) - 1);
        model.setOrder(-1);
        QCOMPARE(model.rowCount(), 0);
    }

    void importPreviewAndRejects()
    {
        ImportPreviewModel preview;
        QAbstractItemModelTester t1(&preview, Fatal);
        preview.setText("sku,title,price\nA-1,\"Lens, 50 mm\",199.00\nA-2,Strap\n", ',');
        QCOMPARE(preview.rowCount(), 2);
        QCOMPARE(preview.columnCount(), 3);
        QCOMPARE(preview.index(0, 1).data().toString(), QStringLiteral("Lens, 50 mm"));
        preview.setFieldLabels({QStringLiteral("SKU"), QString(), QStringLiteral("Price")});
        QCOMPARE(preview.headerData(0, Qt::Horizontal).toString(), QStringLiteral("sku\n→ SKU"));
        QCOMPARE(preview.headerData(1, Qt::Horizontal).toString(), QStringLiteral("title\n(ignored)"));

        RejectTableModel rejects;
        QAbstractItemModelTester t2(&rejects, Fatal);
        rejects.setRejects({{4, "price", "abc", "expected a decimal number"}, {7, "", "", "missing SKU"}});
        QCOMPARE(rejects.rowCount(), 2);
        QCOMPARE(rejects.index(0, RejectTableModel::Value).data().toString(), QStringLiteral("abc"));
        QCOMPARE(rejects.index(1, RejectTableModel::ColumnName).data().toString(), QStringLiteral("(whole row)"));
    }

private:
    QTemporaryDir dir_;
    WorkspaceDocument doc_;
};

QTEST_MAIN(TstItemModels)
#include "tst_itemmodels.moc"

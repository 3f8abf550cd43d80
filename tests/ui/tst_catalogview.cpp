// The catalog view narrows its table as the user types into the search box and when a category is
// selected (sub-categories included); out-of-stock products are marked.
#include "testsupport.h"
#include "ui/uitestsupport.h"

#include "ui/catalog/catalogview.h"
#include "ui/catalog/categorytreemodel.h"
#include "ui/catalog/productfilterproxy.h"
#include "ui/catalog/producttablemodel.h"

#include <QHeaderView>
#include <QTableView>
#include "ui/catalog/producttablemodel.h"

#include <QLineEdit>
#include <QTableView>
#include <QTreeView>

using namespace mb;

class TstCatalogView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        QString error;
        QVERIFY2(mbtest::openDemo(doc_, dir_, error), qPrintable(error));
    }

    void searchNarrowsTheRows()
    {
        CatalogView view(&doc_);
        QVERIFY(rowsIn(view));
        const Snapshot &s = *doc_.snapshot();
        QCOMPARE(view.proxy()->rowCount(), int(s.products.size()));
        // A word from a real title, and the number of products whose SKU, title or brand holds it.
        const QString title = QString::fromStdString(s.products[s.products.size() / 2].title);
        const QString word = title.split(' ', Qt::SkipEmptyParts).front();
        int expected = 0;
        for (const SnapshotProduct &p : s.products)
            for (const std::string &field : {p.sku, p.title, p.brand})
                if (QString::fromStdString(field).contains(word, Qt::CaseInsensitive)) {
                    ++expected;
                    break;
                }
        QVERIFY(expected > 0 && expected < int(s.products.size()));
        QTest::keyClicks(view.searchBox(), word.toUpper());
        // The search waits for the typing to pause (every key would walk every product), then filters.
        QCOMPARE(view.proxy()->rowCount(), int(s.products.size()));
        QTRY_COMPARE(view.proxy()->rowCount(), expected);
        for (int r = 0; r < view.proxy()->rowCount(); ++r) {
            const QModelIndex i = view.proxy()->index(r, 0);
            const SnapshotProduct &p = s.products[size_t(i.data(ProductTableModel::ProductIndexRole).toInt())];
            QVERIFY(QString::fromStdString(p.sku + ' ' + p.title + ' ' + p.brand).contains(word, Qt::CaseInsensitive));
        }
        view.searchBox()->clear();
        QTRY_COMPARE(view.proxy()->rowCount(), int(s.products.size()));
        QTest::keyClicks(view.searchBox(), QStringLiteral("no product is called this"));
        QTest::keyClick(view.searchBox(), Qt::Key_Return);   // Enter filters at once
        QCOMPARE(view.proxy()->rowCount(), 0);
    }

    void categoryIncludesItsSubcategories()
    {
        CatalogView view(&doc_);
        QVERIFY(rowsIn(view));
        const Snapshot &s = *doc_.snapshot();
        // A root category that has sub-categories.
        int root = -1;
        for (size_t c = 0; c < s.categories.size() && root < 0; ++c)
            if (s.categories[c].parent >= 0) {
                root = s.categories[c].parent;
                while (s.categories[size_t(root)].parent >= 0) root = s.categories[size_t(root)].parent;
            }
        QVERIFY2(root >= 0, "the demo catalog has nested categories");
        int expected = 0, direct = 0;
        for (const SnapshotProduct &p : s.products) {
            if (p.category < 0) continue;
            int32_t c = p.category;
            if (c == root) ++direct;
            while (c >= 0 && c != root) c = s.categories[size_t(c)].parent;
            if (c == root) ++expected;
        }
        QVERIFY(expected > direct);
        view.categoryTree()->setCurrentIndex(view.categoryModel()->indexOfCategory(root));
        QCOMPARE(view.proxy()->rowCount(), expected);
        view.categoryTree()->setCurrentIndex(view.categoryModel()->index(0, 0));
        QCOMPARE(view.proxy()->rowCount(), int(s.products.size()));
    }

    void formatsNumbersAndMarksOutOfStock()
    {
        ProductTableModel model;
        model.setSnapshot(doc_.snapshot());
        QVERIFY(mbtest::waitUntil([&] { return !model.isBusy(); }));
        const Snapshot &s = *doc_.snapshot();
        int checked = 0;
        for (size_t i = 0; i < s.products.size(); ++i) {
            const SnapshotProduct &p = s.products[i];
            const int row = model.rowOfProduct(uint32_t(i));
            QCOMPARE(model.index(row, 0).data(ProductTableModel::ProductIndexRole).toInt(), int(i));
            const QModelIndex price = model.index(row, ProductTableModel::Price);
            QCOMPARE(price.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight, int(Qt::AlignRight));
            if (!std::isnan(p.price)) QVERIFY(price.data().toString().contains(QRegularExpression(QStringLiteral("\\.\\d\\d$"))));
            if (p.stock == 0) {
                const QModelIndex stock = model.index(row, ProductTableModel::Stock);
                QCOMPARE(stock.data().toString(), QStringLiteral("Out of stock"));
                QCOMPARE(stock.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xc0, 0x1c, 0x28));
                ++checked;
            }
        }
        QVERIFY2(checked > 0, "the demo catalog has out-of-stock products");
    }

    void sortByAColumnKeepsTheSelectedProduct()
    {
        // The rows are ordered on the work pool; the header click returns at once and the order follows.
        CatalogView view(&doc_);
        view.resize(1200, 700);
        view.show();
        QVERIFY(rowsIn(view));
        const Snapshot &s = *doc_.snapshot();
        QTableView *table = view.table();
        // Sorted by SKU at first, as the header says.
        for (int r = 1; r < view.proxy()->rowCount(); ++r)
            QVERIFY(view.proxy()->index(r - 1, ProductTableModel::Sku).data().toString().compare(
                        view.proxy()->index(r, ProductTableModel::Sku).data().toString(), Qt::CaseInsensitive) <= 0);
        table->setCurrentIndex(view.proxy()->index(3, ProductTableModel::Title));
        const int chosen = table->currentIndex().data(ProductTableModel::ProductIndexRole).toInt();
        table->horizontalHeader()->setSortIndicator(ProductTableModel::Price, Qt::DescendingOrder);
        QVERIFY(rowsIn(view));
        for (int r = 1; r < view.proxy()->rowCount(); ++r)
            QVERIFY(view.proxy()->index(r, ProductTableModel::Price).data(ProductTableModel::SortRole).toDouble()
                    <= view.proxy()->index(r - 1, ProductTableModel::Price).data(ProductTableModel::SortRole).toDouble());
        QCOMPARE(table->currentIndex().data(ProductTableModel::ProductIndexRole).toInt(), chosen);
        QCOMPARE(table->currentIndex().column(), int(ProductTableModel::Title));
        QCOMPARE(view.proxy()->rowCount(), int(s.products.size()));
    }

    // A history without a catalog (Online Retail's kind): no product has a category, brand, regular or sale
    // price, cost, margin, stock or store status, so those columns are hidden and the title takes their
    // width. The demo's catalog fills them, and they show.
    void emptyColumnsAreHidden()
    {
        WorkspaceDocument history;
        QString error;
        QVERIFY2(mbtest::openOrderHistory(history, dir_, "history",
                                          "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                                          "1,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26,2.55,17850,United Kingdom\n"
                                          "1,71053,WHITE METAL LANTERN,6,2010-12-01 08:26,3.39,17850,United Kingdom\n",
                                          error),
                 qPrintable(error));
        const int hideable[] = {ProductTableModel::Category, ProductTableModel::Brand, ProductTableModel::Regular, ProductTableModel::Sale,
                                ProductTableModel::Cost, ProductTableModel::Margin, ProductTableModel::Stock, ProductTableModel::StoreStatus};
        {
            CatalogView view(&history);
            view.resize(1280, 760);
            view.show();
            QVERIFY(rowsIn(view));
            QHeaderView *h = view.table()->horizontalHeader();
            for (int c : hideable) QVERIFY2(h->isSectionHidden(c), qPrintable(QString::number(c)));
            for (int c : {ProductTableModel::Sku, ProductTableModel::Title, ProductTableModel::Price, ProductTableModel::Origin})
                QVERIFY(!h->isSectionHidden(c));
            QVERIFY2(h->sectionSize(ProductTableModel::Title) > 500, qPrintable(QString::number(h->sectionSize(ProductTableModel::Title))));
            QCOMPARE(view.proxy()->index(0, ProductTableModel::Title).data().toString(), QString("WHITE METAL LANTERN"));
        }
        CatalogView demo(&doc_);
        demo.resize(1280, 760);
        demo.show();
        QVERIFY(rowsIn(demo));
        QHeaderView *h = demo.table()->horizontalHeader();
        for (int c : hideable) QCOMPARE(h->isSectionHidden(c), !ProductTableModel::columnHasValues(*doc_.snapshot(), c));
        for (int c : {ProductTableModel::Category, ProductTableModel::Brand, ProductTableModel::Cost, ProductTableModel::Stock})
            QVERIFY2(!h->isSectionHidden(c), qPrintable(QString::number(c)));
    }

private:
    static bool rowsIn(CatalogView &view) { return mbtest::waitUntil([&] { return !view.productModel()->isBusy(); }); }

    QTemporaryDir dir_;
    WorkspaceDocument doc_;
};

QTEST_MAIN(TstCatalogView)
#include "tst_catalogview.moc"

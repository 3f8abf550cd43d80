// The store's view of a product in Catalog and Preview, offscreen: a "Status" column (the store's status) with why the
// store does not sell a product ("draft in Shopify") or "sold", the store's regular and sale prices beside
// the selling price, a product the store does not sell shown as not recommendable, and Preview's left-out
// list giving that reason rather than only "Not recommendable". The platform fields are written through the
// import writer (what the Shopify catalog import stores). MB_SCREENSHOT_DIR keeps a picture of the catalog.
#include "storefields.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include "ui/catalog/catalogview.h"
#include "ui/catalog/productfilterproxy.h"
#include "ui/catalog/producttablemodel.h"
#include "ui/format.h"
#include "ui/preview/leftoutmodel.h"
#include "ui/preview/placementcolumn.h"
#include "ui/preview/previewrunner.h"
#include "ui/preview/previewview.h"
#include "ui/preview/recommendationcard.h"

#include <QBrush>
#include <QLineEdit>
#include <QTableView>

using namespace mb;

class TestStoreStatus : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    WorkspaceDocument *doc = nullptr;

    // The card is a draft in the store; the camera is sold, on sale (regular 749, sale 679).
    static constexpr const char *Draft = "CAM-CRD-110";
    static constexpr const char *OnSale = "CAM-MIR-110";

    // The model's rows are the snapshot's products in order.
    int row(const char *sku) const { return int(doc->snapshot()->productIndex(sku)); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = mbtest::makeDemo(dir);
        std::vector<ProductRecord> records;
        std::string error;
        {
            auto ws = Workspace::open(path.toStdString(), error);
            QVERIFY2(ws, error.c_str());
            auto snap = Snapshot::load(*ws, error);
            QVERIFY2(snap, error.c_str());
            for (const SnapshotProduct &p : snap->products)
                if (p.sku.rfind("CAM-", 0) == 0) records.push_back(mbtest::storeProduct(p.sku, "shopify"));
        }
        for (ProductRecord &r : records) {
            if (r.sku == Draft) {
                r.platformStatus = "draft";
                r.unavailable = "draft in Shopify";
            } else if (r.sku == OnSale) {
                r.regularPrice = 749;
                r.salePrice = 679;
                r.price = 679;
            }
        }
        QVERIFY2(mbtest::writeStoreFields(path, records, error), error.c_str());
        doc = new WorkspaceDocument(this);
        QString err;
        WorkspaceError kind;
        QVERIFY2(doc->open(path, err, kind), qPrintable(err));
        QVERIFY(mbtest::waitLoaded(doc));
        QVERIFY(!doc->snapshot()->products[size_t(doc->snapshot()->productIndex(Draft))].offered());
    }

    void catalogShowsTheStoresStatusAndPrices()
    {
        CatalogView view(doc);
        view.resize(1400, 700);
        const ProductTableModel *m = qobject_cast<const ProductTableModel *>(view.proxy()->sourceModel());
        QVERIFY(m);
        QVERIFY(mbtest::waitUntil([m] { return !m->isBusy(); }));
        const QString header = m->headerData(ProductTableModel::StoreStatus, Qt::Horizontal).toString();
        QCOMPARE(header, QStringLiteral("Status"));
        QVERIFY(m->headerData(ProductTableModel::StoreStatus, Qt::Horizontal, Qt::ToolTipRole).toString().startsWith(QStringLiteral("What the store says")));
        QCOMPARE(m->headerData(ProductTableModel::Regular, Qt::Horizontal).toString(), QStringLiteral("Regular"));
        QCOMPARE(m->headerData(ProductTableModel::Sale, Qt::Horizontal).toString(), QStringLiteral("Sale"));

        const int draft = row(Draft), sale = row(OnSale);
        const int plain = int(doc->snapshot()->productIndex("COF-MAC-110"));   // not from the store
        QVERIFY(draft >= 0 && sale >= 0 && plain >= 0);
        // By product: the rows are in the table's sort order.
        auto cell = [m](int product, int c, int role = Qt::DisplayRole) { return m->index(m->rowOfProduct(uint32_t(product)), c).data(role); };
        QCOMPARE(cell(draft, ProductTableModel::StoreStatus).toString(), QStringLiteral("draft in Shopify"));
        QCOMPARE(cell(sale, ProductTableModel::StoreStatus).toString(), QStringLiteral("sold"));
        QCOMPARE(cell(plain, ProductTableModel::StoreStatus).toString(), QString());
        // Selling price = the sale price; both store prices beside it; unknown ones a dash.
        QCOMPARE(cell(sale, ProductTableModel::Price).toString(), fmt::money(679));
        QCOMPARE(cell(sale, ProductTableModel::Regular).toString(), fmt::money(749));
        QCOMPARE(cell(sale, ProductTableModel::Sale).toString(), fmt::money(679));
        QCOMPARE(cell(plain, ProductTableModel::Sale).toString(), QStringLiteral("—"));
        QVERIFY(cell(sale, ProductTableModel::Regular, ProductTableModel::SortRole).toDouble() == 749.0);
        // Visibly not recommendable: greyed, italic title, and the reason on hover; a sold product is not.
        QVERIFY(cell(draft, ProductTableModel::Title, Qt::ForegroundRole).value<QBrush>() !=
                cell(sale, ProductTableModel::Title, Qt::ForegroundRole).value<QBrush>());
        QVERIFY(cell(draft, ProductTableModel::Title, Qt::FontRole).value<QFont>().italic());
        QVERIFY2(cell(draft, ProductTableModel::Title, Qt::ToolTipRole).toString().startsWith(QStringLiteral("Not recommendable: draft in Shopify")),
                 qPrintable(cell(draft, ProductTableModel::Title, Qt::ToolTipRole).toString()));
        QVERIFY(!cell(sale, ProductTableModel::Title, Qt::ToolTipRole).toString().contains(QStringLiteral("Not recommendable")));

        // The three cases in one picture: the draft card, the camera on sale, products from no store.
        QTest::keyClicks(view.searchBox(), QStringLiteral("-110"));
        QTest::keyClick(view.searchBox(), Qt::Key_Return);
        view.show();
        QTest::qWait(50);
        QVERIFY(view.grab().save(qEnvironmentVariable("MB_SCREENSHOT_DIR", dir.path()) + QStringLiteral("/catalog-store-status.png")));
    }

    void previewLeavesTheDraftOutWithTheStoresReason()
    {
        PreviewView view(doc);
        view.resize(1500, 950);
        view.show();
        QVERIFY(mbtest::waitUntil([&] {
            return !doc->isLoading() && !view.isBusy() && view.runner()->current() && view.runner()->current()->snapshot == doc->snapshot();
        }));
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QVERIFY(view.setProduct(QString::fromLatin1(OnSale)));
        PlacementColumn *page = view.column(Placement::ProductPage);
        for (RecommendationCard *c : page->cards()) QVERIFY(c->sku() != QLatin1String(Draft));
        const LeftOutModel *m = page->leftOutModel();
        int r = -1;
        for (int i = 0; i < m->rowCount(); ++i)
            if (m->index(i).data(LeftOutModel::SkuRole).toString() == QLatin1String(Draft)) r = i;
        QVERIFY2(r >= 0, "the curated memory card is not in the left-out list");
        const QModelIndex i = m->index(r);
        QCOMPARE(i.data(LeftOutModel::RuleTitleRole).toString(), QStringLiteral("Not recommendable"));
        QCOMPARE(i.data(LeftOutModel::DetailRole).toString(), QStringLiteral("draft in Shopify"));
        // What the list shows for the row: the rule and the store's reason, not the rule alone.
        QVERIFY2(i.data().toString().endsWith(QStringLiteral("Not recommendable: draft in Shopify")), qPrintable(i.data().toString()));
        QVERIFY(i.data(Qt::ToolTipRole).toString().contains(QStringLiteral("draft in Shopify")));
        QTest::qWait(50);
        QVERIFY(page->grab().save(qEnvironmentVariable("MB_SCREENSHOT_DIR", dir.path()) + QStringLiteral("/preview-left-out.png")));
    }
};

QTEST_MAIN(TestStoreStatus)
#include "tst_storestatus.moc"

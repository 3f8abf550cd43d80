// What a WooCommerce product export says about selling: Published, Visibility in catalog, In stock?, Stock =
// parent, Sale price and its dates, read the way WooCommerce's own CSV code reads them
// (docs/formats-woocommerce.md), on a purpose-written file and on WooCommerce's real sample export.
#include "testsupport.h"

#include "core/io/importparser.h"
#include "core/io/woocommercerules.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mb;

namespace {

CatalogBatch parse(const QString &path)
{
    const TextFile file = TextFile::load(path.toStdString());
    if (!file.ok()) qFatal("%s", file.error.c_str());
    CatalogBatch batch;
    const ParseResult r = parseCatalog(file, ParseOptions{}, batch);
    if (r.status != ParseStatus::Ok) qFatal("%s", r.error.c_str());
    return batch;
}

const ProductRecord &product(const CatalogBatch &b, const std::string &sku)
{
    for (const auto &p : b.products)
        if (p.sku == sku) return p;
    qFatal("no product %s", sku.c_str());
}

bool hasNote(const CatalogBatch &b, const std::string &text)
{
    return std::find(b.notes.begin(), b.notes.end(), text) != b.notes.end();
}

}  // namespace

class TestWooCommerceImport : public QObject {
    Q_OBJECT
    CatalogBatch status;

private Q_SLOTS:
    void initTestCase() { status = parse(mbtest::fixture("catalog/woocommerce_status.csv")); }

    void whatTheStoreDoesNotSell_data()
    {
        QTest::addColumn<QString>("sku");
        QTest::addColumn<QString>("reason");
        QTest::newRow("published") << "LIVE" << "";
        QTest::newRow("private") << "PRIV" << "private in WooCommerce (Published 0)";
        QTest::newRow("draft or pending") << "DRAFT" << "draft or pending in WooCommerce (Published -1)";
        QTest::newRow("hidden") << "HIDDEN" << "hidden in WooCommerce (Visibility in catalog: hidden)";
        QTest::newRow("search only") << "SEARCH" << "shown only in search results in WooCommerce (Visibility in catalog: search)";
        // The exporter writes -1 for a variation of a draft; its parent's row says why.
        QTest::newRow("variation of a draft") << "JACKET-S" << "its parent JACKET is draft or pending in WooCommerce (Published -1)";
        // expand_data() publishes a variation written as -1: sold while its parent is.
        QTest::newRow("variation -1, parent published") << "VEST-S" << "";
        QTest::newRow("disabled variation") << "VEST-M" << "private in WooCommerce (Published 0)";
    }
    void whatTheStoreDoesNotSell()
    {
        QFETCH(QString, sku);
        QFETCH(QString, reason);
        QCOMPARE(QString::fromStdString(product(status, sku.toStdString()).unavailable), reason);
    }

    void platformFields()
    {
        const ProductRecord &p = product(status, "JACKET-S");
        QCOMPARE(p.platform, std::string("woocommerce"));
        QCOMPARE(p.platformId, std::string("26"));
        QCOMPARE(p.productType, std::string("variation"));
        QCOMPARE(p.handle, std::string("JACKET"));     // the variable product the store knows it by
        QCOMPARE(p.platformStatus, std::string("-1"));  // as written
        QCOMPARE(product(status, "JACKET").handle, std::string());
    }

    void stockFromTheParent()
    {
        // Stock = parent: the variable product's pool, shared by its variations; left unknown here.
        QVERIFY(!product(status, "JACKET-S").stock.has_value());
        QCOMPARE(product(status, "JACKET-S").stockStatus, std::string("instock"));
        QCOMPARE(product(status, "VEST-S").stockStatus, std::string("onbackorder"));
        QCOMPARE(product(status, "VEST-M").stockStatus, std::string("outofstock"));
        QCOMPARE(*product(status, "VEST-M").stock, int64_t(0));
        QCOMPARE(*product(status, "JACKET").stock, int64_t(12));
        QVERIFY(hasNote(status, "2 variations take its stock from the variable product (Stock = parent): the quantity is the "
                                "parent's, shared, and left unknown here"));
        // Only a variation has a parent to take it from.
        QCOMPARE(int(status.rejects.size()), 1);
        const Reject &r = status.rejects.front();
        QCOMPARE(r.line, int64_t(16));
        QCOMPARE(r.column, std::string("Stock"));
        QCOMPARE(r.value, std::string("parent"));
        QVERIFY(r.reason.find("only a variation can take its stock from its parent") != std::string::npos);
    }

    void salePricesFollowTheirDates_data()
    {
        QTest::addColumn<QString>("sku");
        QTest::addColumn<double>("price");
        QTest::newRow("within its dates") << "SALE-NOW" << 15.0;
        QTest::newRow("not started") << "SALE-LATER" << 20.0;
        QTest::newRow("ended") << "SALE-OVER" << 20.0;
        QTest::newRow("unreadable date ignored, as WooCommerce does") << "SALE-BADDATE" << 15.0;
    }
    void salePriceNotBelowTheRegularIsNoSale()
    {
        // WC_Product::is_on_sale(): only a Sale price below the Regular price is a sale.
        const ProductRecord &p = product(status, "SALE-ABOVE");
        QCOMPARE(*p.price, 20.0);
        QCOMPARE(*p.salePrice, 25.0);
    }
    void salePricesFollowTheirDates()
    {
        QFETCH(QString, sku);
        QFETCH(double, price);
        const ProductRecord &p = product(status, sku.toStdString());
        QCOMPARE(*p.price, price);
        QCOMPARE(*p.regularPrice, 20.0);
        QCOMPARE(*p.salePrice, 15.0);
    }

    void saleNotes()
    {
        QVERIFY(hasNote(status, "2 products are on sale today: the Sale price is imported as the selling price, the Regular price kept beside it"));
        QVERIFY(hasNote(status, "2 products have a Sale price outside its sale dates: the Regular price is imported as the selling price"));
        QVERIFY(hasNote(status, "1 sale date is not YYYY-MM-DD and was ignored, as WooCommerce's importer ignores them"));
    }

    void variationLinksAreTheParents()
    {
        // The exporter writes the variable product's Cross-sells on each variation: read once, from the parent.
        const std::string csv = "ID,Type,SKU,Name,Parent,Upsells,Cross-sells\n"
                                "1,variable,TEE,Tee,,,CAP\n2,variation,TEE-S,Tee - S,TEE,,CAP\n3,variation,TEE-M,Tee - M,TEE,,CAP\n"
                                "4,simple,CAP,Cap,,,\n";
        CatalogBatch b;
        QCOMPARE(parseCatalog(TextFile::fromBytes(csv, "v.csv"), ParseOptions{}, b).status, ParseStatus::Ok);
        QCOMPARE(int(b.relations.size()), 1);
        QCOMPARE(b.relations[0].anchorSku, std::string("TEE"));
        QVERIFY(hasNote(b, "2 Upsells or Cross-sells cells on variations were not read: WooCommerce shows the variable product's links for its variations"));
    }

    void rules()
    {
        QCOMPARE(woo::productType("simple, downloadable, virtual"), std::string("simple"));
        QCOMPARE(woo::productType(""), std::string("simple"));   // what the importer makes of an empty Type
        QCOMPARE(woo::productType("Variable"), std::string("variable"));
        QCOMPARE(woo::saleDate("2024-02-30 10:00:00"), std::string("2024-02-30"));  // the importer's pattern allows it
        QCOMPARE(woo::saleDate("2024-13-01"), std::string());
        QVERIFY(woo::saleApplies("2024-01-01", "2024-01-31", "2024-01-31"));  // the end day is included
        QVERIFY(!woo::saleApplies("2024-01-01", "2024-01-31", "2024-02-01"));
    }

    void realSampleAsAMerchandiserChecksIt()
    {
        MB_REQUIRE_DATASET(csv, "woocommerce_sample_products/sample_products.csv");
        QTemporaryDir dir;
        std::string error;
        auto ws = Workspace::create((dir.path() + "/w.merchbench").toStdString(), error);
        QVERIFY2(ws, error.c_str());
        ImportRequest req;
        req.kind = ImportKind::Catalog;
        req.path = csv.toStdString();
        const ImportReport rep = runImport(*ws, req);
        QVERIFY2(rep.status == ImportStatus::Ok, rep.error.c_str());
        QCOMPARE(rep.productsAdded, int64_t(25));
        QCOMPARE(rep.rejected, int64_t(0));
        auto snap = Snapshot::load(*ws, error);
        QVERIFY(snap);
        auto p = [&](const char *sku) -> const SnapshotProduct & { return snap->products[size_t(snap->productIndex(sku))]; };

        // One product the store does not show: Hoodie with Pocket, hidden from the catalog. All 25 published.
        std::vector<std::string> unavailable;
        int offered = 0;
        for (const SnapshotProduct &sp : snap->products) {
            if (!sp.unavailable.empty()) unavailable.push_back(sp.sku + ": " + sp.unavailable);
            offered += sp.offered();
            QCOMPARE(sp.platform, std::string("woocommerce"));
            QCOMPARE(sp.platformStatus, std::string("1"));
        }
        QCOMPARE(unavailable, std::vector<std::string>{"woo-hoodie-with-pocket: hidden in WooCommerce (Visibility in catalog: hidden)"});
        QCOMPARE(offered, 24);

        // Prices: the beanie sells at its 18 sale price, 20 regular; the sunglasses at 90, no sale.
        QCOMPARE(p("woo-beanie").price, 18.0);
        QCOMPARE(p("woo-beanie").regularPrice, 20.0);
        QCOMPARE(p("woo-beanie").salePrice, 18.0);
        QCOMPARE(p("woo-sunglasses").price, 90.0);
        QVERIFY(std::isnan(p("woo-sunglasses").salePrice));
        QCOMPARE(p("woo-hoodie-red").price, 42.0);        // a variation on sale
        QCOMPARE(p("woo-hoodie-red").regularPrice, 45.0);
        int onSale = 0;
        for (const SnapshotProduct &sp : snap->products) onSale += !std::isnan(sp.salePrice);
        QCOMPARE(onSale, 7);   // beanie, belt, cap, pocket hoodie, single, red hoodie, beanie with logo

        // Types as the store has them; a variation names its variable product; every product is in stock.
        QCOMPARE(p("woo-hoodie").productType, std::string("variable"));
        QCOMPARE(p("woo-album").productType, std::string("simple"));   // "simple, downloadable, virtual"
        QCOMPARE(p("logo-collection").productType, std::string("grouped"));
        QCOMPARE(p("wp-pennant").productType, std::string("external"));
        QCOMPARE(p("woo-hoodie-blue-logo").productType, std::string("variation"));
        QCOMPARE(p("woo-hoodie-blue-logo").handle, std::string("woo-hoodie"));
        QCOMPARE(p("woo-hoodie-blue-logo").platformId, std::string("90"));
        for (const SnapshotProduct &sp : snap->products) QCOMPARE(sp.stockStatus, std::string("instock"));
    }
};

QTEST_GUILESS_MAIN(TestWooCommerceImport)
#include "tst_woocommerceimport.moc"

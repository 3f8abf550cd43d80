// The platform catalog formats on small purpose-written files: Shopify carry-forward, image rows, missing and
// shared SKUs and Search & Discovery references; WooCommerce parents, id:N, escaped commas and the formula
// guard; Magento positions, self-links, store-view rows and configurable families.
#include "testsupport.h"

#include "core/io/importparser.h"

#include <QtTest>

using namespace mb;

namespace {

CatalogBatch parseFixture(const char *name, ParseResult *result = nullptr)
{
    const TextFile file = TextFile::load(mbtest::fixture(QStringLiteral("catalog/") + QLatin1String(name)).toStdString());
    if (!file.ok()) qFatal("%s", file.error.c_str());
    CatalogBatch batch;
    const ParseResult r = parseCatalog(file, ParseOptions{}, batch);
    if (result) *result = r;
    return batch;
}

const ProductRecord &product(const CatalogBatch &b, const std::string &sku)
{
    for (const auto &p : b.products)
        if (p.sku == sku) return p;
    static const ProductRecord none{};
    return none;
}

// "anchor>target:type@position" for every relation, in order: one string compares the whole list.
QStringList relations(const CatalogBatch &b)
{
    QStringList out;
    for (const auto &r : b.relations)
        out << QString::fromStdString(r.anchorSku + ">" + r.targetSku + ":" + r.platformType + "@" + std::to_string(r.position));
    return out;
}

bool hasNote(const CatalogBatch &b, const QString &text)
{
    for (const auto &n : b.notes)
        if (QString::fromStdString(n) == text) return true;
    return false;
}

}  // namespace

class TestPlatformCatalogs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shopifyKeys()
    {
        ParseResult res;
        const CatalogBatch b = parseFixture("shopify_variants.csv", &res);
        QCOMPARE(res.status, ParseStatus::Ok);
        QCOMPARE(b.format, std::string("shopify"));
        QCOMPARE(b.rowsRead, int64_t(8));
        QVERIFY(b.rejects.empty());
        QStringList keys;
        for (const auto &p : b.products) keys << QString::fromStdString(p.sku);
        QCOMPARE(keys, QStringList({"TS-42-RED", "TS-43-RED", "trail-shoe:44/Red", "trail-socks", "CARE-1",
                                    "shoe-cleaner:Large", "gift-box"}));
    }

    void shopifyCarryForward_data()
    {
        QTest::addColumn<QString>("sku");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("brand");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("family");
        QTest::addColumn<double>("price");
        QTest::newRow("first row") << "TS-42-RED" << "Trail Shoe - 42 / Red" << "Summit" << "Apparel & Accessories > Shoes"
                                   << "trail-shoe" << 120.0;
        QTest::newRow("carried") << "TS-43-RED" << "Trail Shoe - 43 / Red" << "Summit" << "Apparel & Accessories > Shoes"
                                 << "trail-shoe" << 120.0;
        QTest::newRow("no sku") << "trail-shoe:44/Red" << "Trail Shoe - 44 / Red" << "Summit"
                                << "Apparel & Accessories > Shoes" << "trail-shoe" << 125.0;
        QTest::newRow("default title, Type as category") << "trail-socks" << "Trail Socks" << "Summit" << "Socks"
                                                         << "trail-socks" << 9.5;
        QTest::newRow("shared within handle") << "shoe-cleaner:Large" << "Shoe Cleaner - Large" << "CleanCo" << "Care"
                                              << "shoe-cleaner" << 9.0;
        QTest::newRow("shared across handles") << "gift-box" << "Gift Box" << "Summit" << "Gifts" << "gift-box" << 15.0;
    }
    void shopifyCarryForward()
    {
        QFETCH(QString, sku);
        QFETCH(QString, title);
        QFETCH(QString, brand);
        QFETCH(QString, category);
        QFETCH(QString, family);
        QFETCH(double, price);
        const CatalogBatch b = parseFixture("shopify_variants.csv");
        const ProductRecord &p = product(b, sku.toStdString());
        QCOMPARE(QString::fromStdString(p.title), title);
        QCOMPARE(QString::fromStdString(p.brand), brand);
        QCOMPARE(QString::fromStdString(p.category), category);
        QCOMPARE(QString::fromStdString(p.family), family);
        QCOMPARE(*p.price, price);
    }

    void shopifyStockAndCost()
    {
        const CatalogBatch b = parseFixture("shopify_variants.csv");
        QCOMPARE(*product(b, "TS-43-RED").stock, int64_t(3));
        QCOMPARE(*product(b, "TS-43-RED").cost, 60.0);
        QVERIFY(!product(b, "trail-shoe:44/Red").cost.has_value());
    }

    void shopifyNotes_data()
    {
        QTest::addColumn<QString>("note");
        QTest::newRow("image rows") << "1 image-only rows (extra product images, no variant) were skipped";
        QTest::newRow("no sku") << "2 variants have no Variant SKU and are keyed by handle and option values (for example "
                                   "\"trail-shoe:44/Red\")";
        QTest::newRow("shared in handle") << "SKU CARE-1 is shared by variants Small and Large of handle shoe-cleaner "
                                             "(lines 7, 8); the later ones are keyed shoe-cleaner:Large";
        QTest::newRow("shared across") << "SKU TS-42-RED is shared by variants 42/Red of handle trail-shoe and Default Title "
                                          "of handle gift-box (lines 2, 9); the later ones are keyed gift-box";
        QTest::newRow("status") << "1 products are draft, 0 archived and 0 not published on the online store in Shopify; their "
                                   "variants are imported as not on sale (left out of recommendations, with the reason)";
    }
    void shopifyNotes()
    {
        QFETCH(QString, note);
        const CatalogBatch b = parseFixture("shopify_variants.csv");
        QVERIFY2(hasNote(b, note), qPrintable(note));
    }

    void shopifyReferences()
    {
        const CatalogBatch b = parseFixture("shopify_variants.csv");
        // A JSON array and a comma list; handles in the file resolve to their first variant. The
        // "Related products settings" column (related_products_display) holds "auto" and is not a list.
        QCOMPARE(relations(b), QStringList({"TS-42-RED>trail-socks:complementary@1", "TS-42-RED>CARE-1:complementary@2",
                                            "trail-socks>CARE-1:complementary@1", "trail-socks>TS-42-RED:complementary@2"}));
        QCOMPARE(b.relations[0].line, int64_t(2));
    }

    // What the store says about each variant, from the older header names: platform, handle, product title,
    // type and status, and why a draft is not on sale.
    void shopifyStoreFields()
    {
        const CatalogBatch b = parseFixture("shopify_variants.csv");
        const ProductRecord &shoe = product(b, "TS-43-RED");
        QCOMPARE(shoe.platform, std::string("shopify"));
        QCOMPARE(shoe.handle, std::string("trail-shoe"));
        QCOMPARE(shoe.productTitle, std::string("Trail Shoe"));  // the product's title, not the variant's
        QCOMPARE(shoe.productType, std::string("Shoes"));
        QCOMPARE(shoe.platformStatus, std::string("active"));
        QCOMPARE(shoe.unavailable, std::string());
        QCOMPARE(*shoe.regularPrice, 120.0);
        QVERIFY(!shoe.salePrice.has_value());
        const ProductRecord &socks = product(b, "trail-socks");
        QCOMPARE(socks.platformStatus, std::string("draft"));
        QCOMPARE(socks.unavailable, std::string("draft in Shopify"));
    }

    // The current header names (help.shopify.com using-csv): Title before URL handle, SKU, Price, Compare-at price,
    // Inventory quantity, Published on online store. Detected as Shopify, not generic, with titles, vendors and
    // variants carried forward as with the older names.
    void shopifyCurrentHeaders()
    {
        ParseResult res;
        const CatalogBatch b = parseFixture("shopify_current.csv", &res);
        QCOMPARE(res.status, ParseStatus::Ok);
        QCOMPARE(b.format, std::string("shopify"));
        QVERIFY(b.rejects.empty());
        QStringList keys;
        for (const auto &p : b.products) keys << QString::fromStdString(p.sku);
        QCOMPARE(keys, QStringList({"CS-2", "CS-3", "GC-1", "CK-1", "OL-1"}));  // the image row is no variant
        const ProductRecord &three = product(b, "CS-3");
        QCOMPARE(three.title, std::string("Camp Stove - Three burner"));
        QCOMPARE(three.productTitle, std::string("Camp Stove"));
        QCOMPARE(three.brand, std::string("Ridge"));
        QCOMPARE(three.family, std::string("camp-stove"));
        QCOMPARE(three.handle, std::string("camp-stove"));
        QCOMPARE(three.category, std::string("Sporting Goods > Outdoor Recreation > Camping"));
        QCOMPARE(*three.price, 129.0);
        QCOMPARE(*three.cost, 55.0);
        QCOMPARE(*three.stock, int64_t(0));
        QCOMPARE(three.stockStatus, std::string("onbackorder"));  // tracked, 0 left, keeps selling
        // Compare-at above the price: on sale at the price, the compare-at is the regular price.
        const ProductRecord &two = product(b, "CS-2");
        QCOMPARE(*two.price, 89.0);
        QCOMPARE(*two.regularPrice, 119.0);
        QCOMPARE(*two.salePrice, 89.0);
        QCOMPARE(two.stockStatus, std::string("instock"));
        // Compare-at equal to the price is no sale.
        QCOMPARE(*product(b, "GC-1").regularPrice, 6.5);
        QVERIFY(!product(b, "GC-1").salePrice.has_value());
        QCOMPARE(product(b, "GC-1").stockStatus, std::string("outofstock"));
        QCOMPARE(product(b, "CK-1").stockStatus, std::string());  // no quantity given
        QCOMPARE(product(b, "GC-1").unavailable, std::string("draft in Shopify"));
        QCOMPARE(product(b, "CK-1").unavailable, std::string("not published on the online store in Shopify"));
        QCOMPARE(product(b, "OL-1").unavailable, std::string("archived in Shopify"));
        QCOMPARE(product(b, "CS-2").unavailable, std::string());
        QCOMPARE(relations(b), QStringList({"CS-2>GC-1:related@1", "CS-2>CK-1:related@2"}));
        QVERIFY(hasNote(b, "1 products are draft, 1 archived and 1 not published on the online store in Shopify; their "
                           "variants are imported as not on sale (left out of recommendations, with the reason)"));
    }

    void wooProducts()
    {
        ParseResult res;
        const CatalogBatch b = parseFixture("woocommerce_links.csv", &res);
        QCOMPARE(res.status, ParseStatus::Ok);
        QCOMPARE(b.format, std::string("woocommerce"));
        QVERIFY(b.rejects.empty());
        QCOMPARE(b.products.size(), size_t(8));
        QCOMPARE(product(b, "TEE").title, std::string("+Plus Tee"));        // formula guard "'+" stripped
        QCOMPARE(product(b, "-DISC").title, std::string("Discount voucher"));  // SKU "'-DISC" unguarded
        QCOMPARE(product(b, "id:13").title, std::string("Sticker"));        // no SKU: keyed by its ID
        QCOMPARE(*product(b, "id:13").price, 0.5);                          // ".5"
        QCOMPARE(product(b, "MUG,LARGE").title, std::string("Large mug"));
        QCOMPARE(*product(b, "MUG,LARGE").price, 12.0);                     // Regular price, not the Sale price
        QCOMPARE(product(b, "TEE").category, std::string("Clothing > Tshirts"));  // deepest of "Clothing > Tshirts, Clothing"
        QVERIFY(hasNote(b, "1 product has a Sale price; the Regular price is imported as the price"));
    }

    void wooFamilies_data()
    {
        QTest::addColumn<QString>("sku");
        QTest::addColumn<QString>("family");
        QTest::newRow("parent of variations") << "TEE" << "TEE";
        QTest::newRow("Parent by SKU") << "TEE-RED" << "TEE";
        QTest::newRow("Parent by id:N") << "TEE-BLUE" << "TEE";
        QTest::newRow("simple") << "CAP" << "";
    }
    void wooFamilies()
    {
        QFETCH(QString, sku);
        QFETCH(QString, family);
        const CatalogBatch b = parseFixture("woocommerce_links.csv");
        QCOMPARE(QString::fromStdString(product(b, sku.toStdString()).family), family);
    }

    void wooStock()
    {
        const CatalogBatch b = parseFixture("woocommerce_links.csv");
        QCOMPARE(*product(b, "TEE-RED").stock, int64_t(5));
        QCOMPARE(*product(b, "TEE-BLUE").stock, int64_t(0));  // "In stock?" 0 and no Stock
        QVERIFY(!product(b, "SET").stock.has_value());        // in stock, quantity not managed
        QCOMPARE(product(b, "TEE-BLUE").category, std::string("Clothing > Tshirts"));  // the parent's
    }

    void wooRelations()
    {
        const CatalogBatch b = parseFixture("woocommerce_links.csv");
        QCOMPARE(relations(b), QStringList({"TEE>MUG,LARGE:upsell@1", "TEE>id:13:upsell@2", "TEE>CAP:cross-sell@1",
                                            "CAP>TEE:cross-sell@1", "SET>TEE:grouped@1", "SET>CAP:grouped@2",
                                            "SET>id:13:grouped@3"}));
        QVERIFY(hasNote(b, "1 link from a product to itself was ignored"));
    }

    void magentoLinks()
    {
        ParseResult res;
        const CatalogBatch b = parseFixture("magento_links.csv", &res);
        QCOMPARE(res.status, ParseStatus::Ok);
        QCOMPARE(b.format, std::string("magento"));
        QCOMPARE(b.rowsRead, int64_t(5));
        QCOMPARE(b.products.size(), size_t(4));  // the store-view row of 24-MB04 is not a second product
        QVERIFY(b.rejects.empty());
        QCOMPARE(product(b, "24-MB01").category, std::string("Gear > Bags"));
        QCOMPARE(product(b, "24-MB04").title, std::string("Strive Shoulder Pack"));
        QCOMPARE(*product(b, "24-MB01").price, 34.0);
        QCOMPARE(*product(b, "24-MB01").stock, int64_t(100));  // "100.0000"
        // related: no positions, so list order; crosssell: the n-th position belongs to the n-th SKU.
        QCOMPARE(relations(b), QStringList({"24-MB01>24-MB04:related@1", "24-MB01>24-UG06:related@2",
                                            "24-MB01>24-UG06:cross-sell@3", "24-MB01>24-WB04:cross-sell@2",
                                            "24-MB01>24-MB04:upsell@1"}));
        QVERIFY(hasNote(b, "1 link from a product to itself was ignored"));
        QVERIFY(hasNote(b, "1 store-view rows (store_view_code set) only override texts for one store view and were skipped"));
    }

    void magentoBundleFile()
    {
        ParseResult res;
        const CatalogBatch b = parseFixture("magento_bundle.csv", &res);
        QCOMPARE(res.status, ParseStatus::Ok);
        QCOMPARE(b.format, std::string("magento"));
        QCOMPARE(b.products.size(), size_t(6));
        QVERIFY(b.rejects.empty());
        QCOMPARE(product(b, "24-WG080").title, std::string("Sprite Yoga Companion Kit"));
        QVERIFY(!product(b, "24-WG080").price.has_value());  // dynamic bundle price
        QCOMPARE(product(b, "24-WG080").category, std::string("Gear > Fitness Equipment"));
        QCOMPARE(product(b, "MH01").family, std::string("MH01"));
        QCOMPARE(product(b, "MH01-S-Black").family, std::string("MH01"));
        QCOMPARE(product(b, "24-WG084").family, std::string());
        QCOMPARE(product(b, "MH01-XS-Black").category, std::string("Men > Tops > Hoodies & Sweatshirts"));
        QCOMPARE(relations(b), QStringList({"24-WG080>24-WG085:upsell@2", "24-WG080>24-WG084:upsell@1",
                                            "24-WG084>24-WG080:cross-sell@1"}));
    }
};

QTEST_GUILESS_MAIN(TestPlatformCatalogs)
#include "tst_platformcatalogs.moc"

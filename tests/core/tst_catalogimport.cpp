// Generic catalog CSVs and what every catalog format shares: delimiters, encodings, rejects, hopeless files,
// format detection and the options (format, column mapping, progress).
#include "testsupport.h"

#include "core/io/importparser.h"

#include <QtTest>

using namespace mb;

namespace {

struct Parsed {
    ParseResult result;
    CatalogBatch batch;
};

Parsed parseBytes(const std::string &bytes, const std::string &format = {}, const ColumnMapping *mapping = nullptr)
{
    Parsed p;
    const TextFile file = TextFile::fromBytes(bytes, "catalog.csv");
    ParseOptions options;
    options.format = format;
    options.mapping = mapping;
    p.result = parseCatalog(file, options, p.batch);
    return p;
}

Parsed parseFixture(const char *name, const std::string &format = {})
{
    Parsed p;
    const TextFile file = TextFile::load(mbtest::fixture(QStringLiteral("catalog/") + QLatin1String(name)).toStdString());
    if (!file.ok()) qFatal("%s", file.error.c_str());
    ParseOptions options;
    options.format = format;
    p.result = parseCatalog(file, options, p.batch);
    return p;
}

const ProductRecord *product(const CatalogBatch &b, const std::string &sku)
{
    for (const auto &p : b.products)
        if (p.sku == sku) return &p;
    return nullptr;
}

}  // namespace

class TestCatalogImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void genericComma()
    {
        const Parsed p = parseFixture("generic_comma.csv");
        QCOMPARE(p.result.status, ParseStatus::Ok);
        QCOMPARE(p.batch.format, std::string("generic"));
        QCOMPARE(p.batch.rowsRead, int64_t(4));
        QCOMPARE(p.batch.products.size(), size_t(4));
        QVERIFY(p.batch.rejects.empty());
        const ProductRecord *cam = product(p.batch, "CAM-100");
        QVERIFY(cam);
        QCOMPARE(cam->title, std::string("Mirrorless Camera X100"));
        QCOMPARE(*cam->price, 899.0);
        QCOMPARE(*cam->cost, 610.5);
        QCOMPARE(*cam->stock, int64_t(12));
        QCOMPARE(cam->category, std::string("Cameras > Mirrorless"));  // written "Cameras/Mirrorless"
        QCOMPARE(cam->brand, std::string("Lumix"));
        QCOMPARE(cam->family, std::string("x-series"));
        QCOMPARE(product(p.batch, "BAT-1")->title, std::string("Battery pack, 2-cell"));
        QVERIFY(!product(p.batch, "BAT-1")->cost.has_value());
        QCOMPARE(*product(p.batch, "SD-64")->price, 0.5);
        QCOMPARE(product(p.batch, "CAM-100")->line, int64_t(2));
    }

    void genericSemicolonDecimalComma_data()
    {
        QTest::addColumn<QString>("sku");
        QTest::addColumn<double>("price");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("category");
        QTest::newRow("decimal comma") << "A-1" << 12.5 << QString::fromUtf8("Kaffeebecher") << QString::fromUtf8("Küche > Becher");
        QTest::newRow("thousands dot") << "A-2" << 1234.5 << QString::fromUtf8("Teekanne") << QString::fromUtf8("Küche");
        QTest::newRow("one decimal") << "A-3" << 2.5 << QString::fromUtf8("Löffel") << QString::fromUtf8("Küche");
    }
    void genericSemicolonDecimalComma()
    {
        QFETCH(QString, sku);
        QFETCH(double, price);
        QFETCH(QString, title);
        QFETCH(QString, category);
        const Parsed p = parseFixture("generic_semicolon.csv");
        QCOMPARE(p.result.status, ParseStatus::Ok);
        QVERIFY(p.batch.rejects.empty());
        const ProductRecord *r = product(p.batch, sku.toStdString());
        QVERIFY(r);
        QCOMPARE(*r->price, price);
        QCOMPARE(QString::fromStdString(r->title), title);
        QCOMPARE(QString::fromStdString(r->category), category);
    }

    void genericBomAndCrlf()
    {
        const Parsed p = parseFixture("generic_bom_crlf.csv");
        QCOMPARE(p.result.status, ParseStatus::Ok);
        QCOMPARE(p.batch.format, std::string("generic"));  // "\ufeffStockCode" still found as the SKU column
        QCOMPARE(p.batch.products.size(), size_t(3));
        // SKUs are case-sensitive: 85123A and 85123a are two products, not a duplicate.
        QVERIFY(p.batch.rejects.empty());
        QCOMPARE(product(p.batch, "85123a")->title, std::string("white hanging heart t-light holder"));
        QCOMPARE(*product(p.batch, "22423")->price, 12.75);  // no stray \r left on the last field
        QCOMPARE(product(p.batch, "22423")->line, int64_t(4));
    }

    void latin1TitlesBecomeUtf8()
    {
        const Parsed p = parseBytes("sku,title,category\nF1,Caf\xE9 cr\xE8me,Boissons/Caf\xE9\nF2,Cr\xEApe sucr\xE9" "e,Cr\xEAperie\n");
        QCOMPARE(p.result.status, ParseStatus::Ok);
        QCOMPARE(product(p.batch, "F1")->title, std::string("Caf\xC3\xA9 cr\xC3\xA8me"));
        QCOMPARE(product(p.batch, "F1")->category, std::string("Boissons > Caf\xC3\xA9"));
        QCOMPARE(product(p.batch, "F2")->title, std::string("Cr\xC3\xAApe sucr\xC3\xA9" "e"));
    }

    void unterminatedQuote()
    {
        const Parsed p = parseFixture("unterminated_quote.csv");
        QCOMPARE(p.result.status, ParseStatus::Ok);
        QCOMPARE(p.batch.products.size(), size_t(1));  // A1; the open quote swallows A2 and A3
        QCOMPARE(p.batch.rejects.size(), size_t(1));
        QCOMPARE(p.batch.rejects[0].line, int64_t(3));
        QCOMPARE(p.batch.rejects[0].column, std::string());
        QVERIFY(QString::fromStdString(p.batch.rejects[0].reason).contains("opens on line 3 and is never closed"));
    }

    void raggedRows()
    {
        const Parsed p = parseFixture("ragged.csv");
        QCOMPARE(p.result.status, ParseStatus::Ok);
        QCOMPARE(p.batch.rowsRead, int64_t(4));
        QCOMPARE(p.batch.products.size(), size_t(2));
        QCOMPARE(p.batch.rejects.size(), size_t(2));
        QCOMPARE(p.batch.rejects[0].line, int64_t(3));
        QCOMPARE(p.batch.rejects[0].column, std::string());
        QCOMPARE(p.batch.rejects[0].reason, std::string("expected 3 fields, found 4"));
        QCOMPARE(p.batch.rejects[0].sku, std::string());  // its cells are not where the header says
        QCOMPARE(p.batch.rejects[1].line, int64_t(4));
        QCOMPARE(p.batch.rejects[1].reason, std::string("expected 3 fields, found 2"));
    }

    void badNumbers_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("sku");  // the row's, so the reject report can name the product
        QTest::newRow("price") << 0 << qint64(3) << "price" << "ten" << "expected a number like 12.50" << "N2";
        QTest::newRow("stock") << 1 << qint64(4) << "stock" << "2.5" << "expected a whole number like 12" << "N3";
    }
    void badNumbers()
    {
        QFETCH(int, index);
        QFETCH(qint64, line);
        QFETCH(QString, column);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        QFETCH(QString, sku);
        const Parsed p = parseFixture("bad_number.csv");
        QCOMPARE(p.batch.products.size(), size_t(1));
        QCOMPARE(p.batch.rejects.size(), size_t(2));
        const Reject &r = p.batch.rejects[size_t(index)];
        QCOMPARE(r.line, int64_t(line));
        QCOMPARE(QString::fromStdString(r.column), column);
        QCOMPARE(QString::fromStdString(r.value), value);
        QCOMPARE(QString::fromStdString(r.reason), reason);
        QCOMPARE(QString::fromStdString(r.sku), sku);
    }

    // Values no catalog means, refused row by row naming line, field and what was expected; the rows
    // around them still import.
    void refusedCells_data()
    {
        QTest::addColumn<QByteArray>("row");  // line 3, after "sku,title,price,cost,stock" and a good line 2
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("negative price") << QByteArray("B,Bad,-2.50,,") << "price" << "-2.50"
                                        << "expected 0 or more, like 12.50: a price or cost cannot be negative";
        QTest::newRow("negative cost") << QByteArray("B,Bad,2.50,-1,") << "cost" << "-1"
                                       << "expected 0 or more, like 12.50: a price or cost cannot be negative";
        QTest::newRow("negative stock") << QByteArray("B,Bad,2.50,1,-4") << "stock" << "-4"
                                        << "expected 0 or more: only a Shopify, WooCommerce or Magento export can say "
                                           "a negative stock (units on backorder)";
        QTest::newRow("separators not in groups of three") << QByteArray("B,Bad,\"1,2,3\",,") << "price" << "1,2,3"
                                                           << "expected a number like 12.50";
        QTest::newRow("stock past 2^53") << QByteArray("B,Bad,1,1,9007199254740993.0") << "stock" << "9007199254740993.0"
                                         << "expected a whole number like 12, at most 9007199254740991";
        QTest::newRow("stock past int64") << QByteArray("B,Bad,1,1,99999999999999999999") << "stock" << "99999999999999999999"
                                          << "expected a whole number like 12, at most 9007199254740991";
        const QByteArray huge(64 * 1024 + 1, 'x');
        QTest::newRow("title over 64 KiB") << QByteArray("B," + huge + ",1,1,1") << "title"
                                           << QString(60, 'x') + QString::fromUtf8("…")
                                           << "expected at most 64 KiB (65,536 bytes) in a field, found 65,537 bytes (a "
                                              "quote left open, or not an export?)";
    }
    void refusedCells()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, column);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        const Parsed p = parseBytes("sku,title,price,cost,stock\nA,Good,1.00,0.50,3\n" + row.toStdString() + "\nC,Next,2,1,0\n");
        QCOMPARE(p.result.status, ParseStatus::Ok);
        QCOMPARE(p.batch.products.size(), size_t(2));  // A and C
        QVERIFY(!product(p.batch, "B"));
        QCOMPARE(p.batch.rejects.size(), size_t(1));
        const Reject &r = p.batch.rejects[0];
        QCOMPARE(r.line, int64_t(3));
        QCOMPARE(QString::fromStdString(r.column), column);
        QCOMPARE(QString::fromStdString(r.value), value);
        QCOMPARE(QString::fromStdString(r.reason), reason);
    }

    // Shopify, WooCommerce and Magento let stock run below zero for backorders: there -3 is three units owed.
    void negativeStockIsABackorderOnPlatforms_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("format");
        QTest::newRow("shopify") << QByteArray("Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\n"
                                               "tee,Tee,TEE-1,20.00,-3\n")
                                 << "shopify";
        QTest::newRow("woocommerce") << QByteArray("ID,Type,SKU,Name,Regular price,Stock\n10,simple,TEE-1,Tee,20,-3\n")
                                     << "woocommerce";
        QTest::newRow("magento") << QByteArray("sku,name,price,qty,product_type\nTEE-1,Tee,20.0000,-3.0000,simple\n")
                                 << "magento";
    }
    void negativeStockIsABackorderOnPlatforms()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, format);
        const Parsed p = parseBytes(csv.toStdString());
        QCOMPARE(QString::fromStdString(p.batch.format), format);
        QVERIFY(p.batch.rejects.empty());
        QVERIFY(product(p.batch, "TEE-1"));
        QCOMPARE(*product(p.batch, "TEE-1")->stock, int64_t(-3));
    }

    void duplicateSkuAndExactDuplicates()
    {
        const Parsed p = parseFixture("duplicate_sku.csv");
        QCOMPARE(p.result.status, ParseStatus::Ok);
        QCOMPARE(p.batch.rowsRead, int64_t(5));
        QCOMPARE(p.batch.duplicateRows, int64_t(1));  // line 5 repeats line 3 exactly: counted, not rejected
        QCOMPARE(p.batch.products.size(), size_t(2));
        QCOMPARE(product(p.batch, "D1")->title, std::string("First"));  // the first row keeps the SKU
        QCOMPARE(p.batch.rejects.size(), size_t(2));
        QCOMPARE(p.batch.rejects[0].line, int64_t(4));
        QCOMPARE(p.batch.rejects[0].column, std::string("sku"));
        QCOMPARE(p.batch.rejects[0].reason, std::string("duplicate SKU, first seen on line 2"));
        QCOMPARE(p.batch.rejects[0].sku, std::string());  // the SKU is what is refused: the value names it
        QCOMPARE(p.batch.rejects[1].line, int64_t(6));
        QCOMPARE(p.batch.rejects[1].sku, std::string());  // the row has none
        QVERIFY(QString::fromStdString(p.batch.rejects[1].reason).startsWith("missing SKU"));
        QVERIFY(!p.batch.notes.empty() && QString::fromStdString(p.batch.notes.back()).startsWith("1 record repeats"));
    }

    void hopelessHeader()
    {
        const Parsed p = parseFixture("no_sku_column.csv");
        QCOMPARE(p.result.status, ParseStatus::Failed);
        const QString e = QString::fromStdString(p.result.error);
        QVERIFY2(e.endsWith("no_sku_column.csv: line 1: no product catalog header: expected a SKU column (one of sku, "
                            "Variant SKU, StockCode, Item); found columns product, colour, amount"),
                 qPrintable(e));
        QVERIFY(p.batch.products.empty());
    }

    void forcedFormatWithoutItsKeyColumn()
    {
        const Parsed p = parseFixture("generic_comma.csv", "shopify");
        QCOMPARE(p.result.status, ParseStatus::Failed);
        QVERIFY(QString::fromStdString(p.result.error).contains("line 1: not a Shopify product CSV: expected a Handle (or URL handle) column"));
    }

    void unknownFormat()
    {
        const Parsed p = parseFixture("generic_comma.csv", "bigcommerce");
        QCOMPARE(p.result.status, ParseStatus::Failed);
        QVERIFY(QString::fromStdString(p.result.error)
                    .endsWith("unknown catalog format \"bigcommerce\": expected one of generic, shopify, woocommerce, magento"));
    }

    void forcedGenericOnPlatformFile()
    {
        // A WooCommerce file read as generic still finds SKU, Name and Regular price by alias.
        const Parsed p = parseFixture("woocommerce_links.csv", "generic");
        QCOMPARE(p.result.status, ParseStatus::Ok);
        QCOMPARE(p.batch.format, std::string("generic"));
        QCOMPARE(*product(p.batch, "CAP")->price, 18.0);
    }

    void detection_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("format");
        QTest::newRow("shopify sku") << "Handle,Title,Variant SKU" << "shopify";
        QTest::newRow("shopify price") << "Handle,Title,Variant Price" << "shopify";
        QTest::newRow("handle only") << "Handle,Title" << "";
        // The current Shopify names: "URL handle" is Shopify's alone; with SKU, Price or Title it is a product CSV.
        QTest::newRow("shopify current") << "Title,URL handle,Vendor,SKU,Price,Inventory quantity" << "shopify";
        QTest::newRow("shopify current, update") << "URL handle,Title" << "shopify";
        QTest::newRow("url handle only") << "URL handle" << "";
        QTest::newRow("woo regular price") << "ID,SKU,Regular price" << "woocommerce";
        QTest::newRow("woo in stock") << "Type,SKU,In stock?" << "woocommerce";
        QTest::newRow("magento type") << "sku,name,product_type" << "magento";
        QTest::newRow("magento set") << "sku,attribute_set_code" << "magento";
        QTest::newRow("generic stockcode") << "StockCode,Description,UnitPrice" << "generic";
        QTest::newRow("generic item") << "item;qty" << "generic";
        QTest::newRow("nothing") << "name,price" << "";
    }
    void detection()
    {
        QFETCH(QString, header);
        QFETCH(QString, format);
        const std::string h = header.toStdString();
        CsvReader reader(h, CsvReader::detectDelimiter(h));
        CsvRecord rec;
        QVERIFY(reader.next(rec));
        QCOMPARE(QString::fromStdString(detectCatalogFormat(CsvHeader(rec.fields))), format);
    }

    void columnMappingAppliesBeforeDetection()
    {
        ColumnMapping m;
        m.kind = "catalog";
        m.columns = {{"Artikelnr", "sku"}, {"Bezeichnung", "title"}, {"Preis", "price"}};
        const Parsed p = parseBytes("Artikelnr;Bezeichnung;Preis\nK-1;Kanne;19,90\n", {}, &m);
        QCOMPARE(p.result.status, ParseStatus::Ok);
        QCOMPARE(p.batch.format, std::string("generic"));
        QCOMPARE(product(p.batch, "K-1")->title, std::string("Kanne"));
        QCOMPARE(*product(p.batch, "K-1")->price, 19.9);
    }

    void progressAndCancel()
    {
        std::string csv = "sku,title\n";
        for (int i = 0; i < 10000; ++i) {
            const std::string n = std::to_string(i);
            csv.append("S").append(n).append(",Item ").append(n).append("\n");
        }
        const TextFile file = TextFile::fromBytes(csv, "big.csv");
        std::vector<double> seen;
        ParseOptions options;
        options.progress = [&](double f) { seen.push_back(f); return true; };
        CatalogBatch batch;
        QCOMPARE(parseCatalog(file, options, batch).status, ParseStatus::Ok);
        QCOMPARE(batch.products.size(), size_t(10000));
        QCOMPARE(seen.size(), size_t(2));  // after records 4096 and 8192
        QVERIFY(seen[0] > 0.3 && seen[0] < seen[1] && seen[1] < 1.0);

        options.progress = [](double) { return false; };
        QCOMPARE(parseCatalog(file, options, batch).status, ParseStatus::Cancelled);
        QVERIFY(batch.products.empty());
    }
};

QTEST_GUILESS_MAIN(TestCatalogImport)
#include "tst_catalogimport.moc"

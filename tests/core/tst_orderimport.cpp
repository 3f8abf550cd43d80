// The generic `lines` order format, format detection and the hopeless-input messages of parseOrders.
#include "core/io/importparser.h"
#include "testsupport.h"

#include <QDateTime>
#include <QtTest>

using namespace mb;

namespace {

TextFile fixtureFile(const QString &name)
{
    return TextFile::load(mbtest::fixture(QStringLiteral("orders/") + name).toStdString());
}

qint64 utc(const QString &iso) { return QDateTime::fromString(iso, Qt::ISODate).toSecsSinceEpoch(); }

QString q(const std::string &s) { return QString::fromStdString(s); }

const ProductRecord *product(const OrderBatch &b, const std::string &sku)
{
    for (const auto &p : b.products)
        if (p.sku == sku) return &p;
    return nullptr;
}

}  // namespace

class tst_OrderImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void linesVariants_data();
    void linesVariants();
    void onlineRetailStyle();
    void unterminatedQuote();
    void duplicateRows_data();
    void duplicateRows();
    void hopelessInput_data();
    void hopelessInput();
    void refusedCells_data();
    void refusedCells();
    void mappingBeforeDetection();
    void progressAndCancel();
    void detectOrderFormat_data();
    void detectOrderFormat();
    void detectKind_data();
    void detectKind();
};

void tst_OrderImport::linesVariants_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("orders");
    QTest::addColumn<int>("lines");
    QTest::addColumn<int>("lineIndex");
    QTest::addColumn<QString>("sku");
    QTest::addColumn<double>("quantity");
    QTest::addColumn<double>("price");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("orderIndex");
    QTest::addColumn<QString>("orderId");
    QTest::addColumn<QString>("time");  // "" = the order has no time
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("customer");

    QTest::newRow("semicolon, thousands dot and decimal comma")
        << "lines_semicolon.csv" << 2 << 3 << 2 << "C-3" << 1.0 << 1234.5 << "Lamp" << 1 << "1002"
        << "2024-05-02T14:30:00Z" << 0 << "c2";
    QTest::newRow("semicolon, 2,550 is a decimal comma")
        << "lines_semicolon.csv" << 2 << 3 << 1 << "B-2" << 1.0 << 2.55 << "Tea" << 0 << "1001"
        << "2024-05-01T00:00:00Z" << 0 << "c1";
    QTest::newRow("tab, ISO time with offset")
        << "lines_tab.csv" << 2 << 3 << 2 << "MUG" << 1.0 << 9.9 << "" << 1 << "A-2" << "2024-05-02T09:00:00Z" << 120
        << "bob@example.com";
    QTest::newRow("BOM and CRLF, US dates")
        << "lines_bom_crlf.csv" << 2 << 3 << 1 << "SKU-2" << 3.0 << 1.5 << "Second" << 1 << "5002"
        << "2010-12-02T09:05:00Z" << 0 << "78";
    QTest::newRow("Latin-1 description becomes UTF-8")
        << "lines_latin1.csv" << 2 << 2 << 0 << "CAFE" << 1.0 << 3.2 << QStringLiteral("Café crème") << 1 << "2" << ""
        << 0 << "";
    QTest::newRow("no quantity column means 1")
        << "lines_noqty.csv" << 2 << 3 << 1 << "B" << 1.0 << 0.0 << "" << 1 << "X2" << "" << 0 << "";
}

void tst_OrderImport::linesVariants()
{
    QFETCH(QString, file);
    QFETCH(int, orders);
    QFETCH(int, lines);
    QFETCH(int, lineIndex);
    QFETCH(QString, sku);
    QFETCH(double, quantity);
    QFETCH(double, price);
    QFETCH(QString, title);
    QFETCH(int, orderIndex);
    QFETCH(QString, orderId);
    QFETCH(QString, time);
    QFETCH(int, offset);
    QFETCH(QString, customer);

    const TextFile f = fixtureFile(file);
    QVERIFY2(f.ok(), f.error.c_str());
    OrderBatch b;
    const ParseResult r = parseOrders(f, {}, b);
    QCOMPARE(r.status, ParseStatus::Ok);
    QCOMPARE(q(b.format), QStringLiteral("lines"));
    QVERIFY2(b.rejects.empty(), b.rejects.empty() ? "" : b.rejects.front().reason.c_str());
    QCOMPARE(int(b.orders.size()), orders);
    QCOMPARE(int(b.lines.size()), lines);
    const OrderLineRecord &l = b.lines[size_t(lineIndex)];
    QCOMPARE(q(l.sku), sku);
    QCOMPARE(l.quantity, quantity);
    QCOMPARE(l.unitPrice, price);
    const ProductRecord *p = product(b, l.sku);
    QVERIFY(p);
    QCOMPARE(q(p->title), title);
    const OrderRecord &o = b.orders[size_t(orderIndex)];
    QCOMPARE(q(o.externalId), orderId);
    QCOMPARE(o.hasTime, !time.isEmpty());
    if (!time.isEmpty()) QCOMPARE(o.orderedAt, utc(time));
    QCOMPARE(o.utcOffsetMinutes, offset);
    QCOMPARE(q(o.customer), customer);
    QCOMPARE(o.status, OrderStatus::Completed);
}

void tst_OrderImport::onlineRetailStyle()
{
    const TextFile f = fixtureFile("lines_comma.csv");
    QVERIFY2(f.ok(), f.error.c_str());
    OrderBatch b;
    QCOMPARE(parseOrders(f, {}, b).status, ParseStatus::Ok);
    QCOMPARE(b.rowsRead, 13);
    QCOMPARE(int(b.orders.size()), 6);
    QCOMPARE(int(b.lines.size()), 9);  // the duplicate row is kept, the 4 bad rows are not
    QCOMPARE(b.duplicateRows, 1);

    QStringList ids;
    for (const auto &o : b.orders) ids << q(o.externalId);
    QCOMPARE(ids, QStringList({"536365", "536366", "C536379", "536381", "536383", "C536384"}));
    QCOMPARE(b.orders[0].status, OrderStatus::Completed);
    QCOMPARE(b.orders[2].status, OrderStatus::Cancelled);  // C and every quantity negative
    QCOMPARE(b.orders[3].status, OrderStatus::Returned);   // every quantity negative, no C
    QCOMPARE(b.orders[5].status, OrderStatus::Completed);  // C but a positive quantity: not a cancellation
    QCOMPARE(b.orders[0].orderedAt, utc("2010-12-01T08:26:00Z"));
    QCOMPARE(q(b.orders[0].customer), QStringLiteral("17850"));
    QCOMPARE(q(b.orders[1].country), QStringLiteral("France"));
    QCOMPARE(q(b.orders[3].customer), QString());
    QCOMPARE(q(b.orders[4].customer), QStringLiteral("17852"));  // "17852.0" as pandas writes it
    QCOMPARE(b.orders[4].line, 13);

    // Negative quantities are kept as they are.
    QCOMPARE(b.lines[4].quantity, -1.0);
    QCOMPARE(b.lines[6].quantity, -10.0);
    QCOMPARE(b.lines[6].line, 8);

    QCOMPARE(int(b.products.size()), 5);
    const ProductRecord *heart = product(b, "85123A");
    QVERIFY(heart);
    QCOMPARE(heart->line, 2);
    QCOMPARE(heart->price.value_or(-1), 2.95);  // the last unit price seen
    const ProductRecord *warmer = product(b, "22633");
    QVERIFY(warmer);
    QCOMPARE(q(warmer->title), QStringLiteral("HAND WARMER, UNION JACK"));
    const ProductRecord *teaSet = product(b, "22139");
    QVERIFY(teaSet);
    QCOMPARE(teaSet->line, 8);  // first seen on a line with no description
    QCOMPARE(q(teaSet->title), QStringLiteral("RETROSPOT TEA SET CERAMIC 11 PC"));
    QCOMPARE(teaSet->price.value_or(-1), 4.25);

    QCOMPARE(int(b.rejects.size()), 4);
    const struct { int line; const char *column; const char *value; const char *reason; } expected[] = {
        {9, "Quantity", "abc", "expected a quantity"},
        {10, "InvoiceDate", "2010-13-45 10:00:00", "expected a date and time"},
        {11, "StockCode", "", "expected a SKU"},
        {12, "", "", "expected 8 fields like the header, found 6"},
    };
    for (size_t i = 0; i < 4; ++i) {
        QCOMPARE(b.rejects[i].line, expected[i].line);
        QCOMPARE(q(b.rejects[i].column), QString::fromUtf8(expected[i].column));
        QCOMPARE(q(b.rejects[i].value), QString::fromUtf8(expected[i].value));
        QVERIFY2(b.rejects[i].reason.find(expected[i].reason) == 0, b.rejects[i].reason.c_str());
    }
    QString notes;
    for (const auto &n : b.notes) notes += q(n) + QLatin1Char('\n');
    QVERIFY2(notes.contains("1 orders are cancellations (id starting with C, all quantities negative; 2 lines)"),
             qPrintable(notes));
    QVERIFY2(notes.contains("1 orders have only negative quantities and are treated as returns"), qPrintable(notes));
    QVERIFY2(notes.contains("1 rows repeat an earlier row byte for byte"), qPrintable(notes));
}

void tst_OrderImport::unterminatedQuote()
{
    const TextFile f = fixtureFile("lines_unterminated.csv");
    OrderBatch b;
    QCOMPARE(parseOrders(f, {}, b).status, ParseStatus::Ok);
    QCOMPARE(int(b.orders.size()), 1);
    QCOMPARE(int(b.lines.size()), 2);
    QCOMPARE(q(b.lines[1].sku), QStringLiteral("B"));
    QCOMPARE(int(b.rejects.size()), 1);
    QCOMPARE(b.rejects[0].line, 4);  // where the quote opened, not where the file ended
    QVERIFY2(b.rejects[0].reason.find("opens on line 4 and is never closed") != std::string::npos,
             b.rejects[0].reason.c_str());
}

void tst_OrderImport::duplicateRows_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("duplicates");
    QTest::newRow("adjacent") << QByteArray("order_id,sku\n1,A\n1,A\n2,B\n") << 1;
    QTest::newRow("order comes back") << QByteArray("order_id,sku\n1,A\n2,B\n1,A\n1,C\n2,B\n1,C\n2,B\n") << 4;
    QTest::newRow("same SKU, other order") << QByteArray("order_id,sku\n1,A\n2,A\n") << 0;
    QTest::newRow("same values, other quoting") << QByteArray("order_id,sku,d\n1,A,x\n1,A,\"x\"\n") << 0;
    QTest::newRow("CRLF and blank lines between") << QByteArray("order_id,sku\r\n1,A\r\n\r\n1,A\r\n") << 1;
}

void tst_OrderImport::duplicateRows()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, duplicates);
    OrderBatch b;
    QCOMPARE(parseOrders(TextFile::fromBytes(bytes.toStdString(), "dup.csv"), {}, b).status, ParseStatus::Ok);
    QCOMPARE(b.duplicateRows, duplicates);
    QCOMPARE(b.lines.size(), size_t(b.rowsRead));  // duplicates are kept as lines
}

void tst_OrderImport::hopelessInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown format") << QByteArray("order_id,sku\n1,A\n") << "xml"
                                    << "mem.csv: line 1: unknown order format \"xml\": expected one of lines, "
                                       "shopify, baskets";
    QTest::newRow("no order columns")
        << QByteArray("foo,bar\n1,2\n") << ""
        << "mem.csv: line 1: no order columns recognised in the header (found: foo, bar): expected an order id "
           "column (order_id, order, InvoiceNo, Order ID, order_number) and a SKU column (sku, StockCode, SKU, "
           "product_sku), or a Shopify orders export (Name, Lineitem quantity), or a basket file without header "
           "(one basket per line, items separated by commas)";
    QTest::newRow("lines without SKU")
        << QByteArray("order_id,title\n1,x\n") << "lines"
        << "mem.csv: line 1: missing the SKU column (found: order_id, title): expected sku, StockCode, SKU or "
           "product_sku";
    QTest::newRow("lines without order id")
        << QByteArray("sku,qty\nA,1\n") << "lines"
        << "mem.csv: line 1: missing the order id column (found: sku, qty): expected order_id, order, InvoiceNo, "
           "Order ID or order_number";
    QTest::newRow("shopify without line items")
        << QByteArray("Name,Total\n#1,5\n") << "shopify"
        << "mem.csv: line 1: missing a column of the Shopify orders export (found: Name, Total): expected Name, "
           "Lineitem quantity and Lineitem sku or Lineitem name";
}

void tst_OrderImport::hopelessInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    QFETCH(QString, message);
    const TextFile f = TextFile::fromBytes(bytes.toStdString(), "mem.csv");
    ParseOptions o;
    o.format = format.toStdString();
    OrderBatch b;
    const ParseResult r = parseOrders(f, o, b);
    QCOMPARE(r.status, ParseStatus::Failed);
    QCOMPARE(q(r.error), message);
    QVERIFY(b.orders.empty() && b.lines.empty());
}

// Cells no order file means, refused row by row naming line, field and what was expected.
void tst_OrderImport::refusedCells_data()
{
    QTest::addColumn<QByteArray>("row");  // line 3 of a `lines` file, after a good line 2
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("sku");     // the row's SKU the reject names
    QTest::newRow("UTC offset +99:99")
        << QByteArray("1002,B,1,2.00,2024-05-01T10:00:00+99:99,") << "ordered_at" << "2024-05-01T10:00:00+99:99"
        << "expected a date and time such as 2011-12-09 12:50:00, 2011-12-09T12:50:00Z or 12/9/2011 12:50, with a UTC "
           "offset (if any) from -14:00 to +14:00"
        << "B";
    QTest::newRow("UTC offset past +14:00")
        << QByteArray("1002,B,1,2.00,2024-05-01 10:00:00 +1430,") << "ordered_at" << "2024-05-01 10:00:00 +1430"
        << "expected a date and time such as 2011-12-09 12:50:00, 2011-12-09T12:50:00Z or 12/9/2011 12:50, with a UTC "
           "offset (if any) from -14:00 to +14:00"
        << "B";
    QTest::newRow("quantity 1,2,3") << QByteArray("1002,B,\"1,2,3\",2.00,,") << "quantity" << "1,2,3"
                                    << "expected a quantity, a number such as 6 or -2" << "B";
    QTest::newRow("price with a group of two") << QByteArray("1002, B-7 ,1,\"12,34,567\",,") << "unit_price" << "12,34,567"
                                               << "expected a unit price, a number such as 2.55" << "B-7";
    const QByteArray huge(64 * 1024 + 1, 'd');
    QTest::newRow("description over 64 KiB")
        << QByteArray("1002,B,1,2.00,," + huge) << "description" << QString(60, 'd') + QString::fromUtf8("…")
        << "expected at most 64 KiB (65,536 bytes) in a field, found 65,537 bytes (a quote left open, or not an export?)"
        << "B";
    // The SKU itself refused, or a row whose cells are not where the header says: no SKU to name.
    QTest::newRow("no SKU") << QByteArray("1002,,1,2.00,,") << "sku" << "" << "expected a SKU" << "";
    QTest::newRow("too few fields") << QByteArray("1002,B,1") << "" << ""
                                    << "expected 6 fields like the header, found 3 (an unquoted delimiter inside a "
                                       "value, or a cut row?)"
                                    << "";
}

void tst_OrderImport::refusedCells()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, column);
    QFETCH(QString, value);
    QFETCH(QString, reason);
    QFETCH(QString, sku);
    const QByteArray csv = "order_id,sku,quantity,unit_price,ordered_at,description\n1001,A,1,1.50,,Apple\n" + row
                           + "\n1003,C,2,3.00,,Cherry\n";
    OrderBatch b;
    QCOMPARE(parseOrders(TextFile::fromBytes(csv.toStdString(), "mem.csv"), {}, b).status, ParseStatus::Ok);
    QCOMPARE(b.lines.size(), size_t(2));  // lines 2 and 4
    QCOMPARE(b.rejects.size(), size_t(1));
    const Reject &r = b.rejects[0];
    QCOMPARE(r.line, int64_t(3));
    QCOMPARE(q(r.column), column);
    QCOMPARE(q(r.value), value);
    QCOMPARE(q(r.reason), reason);
    QCOMPARE(q(r.sku), sku);
}

void tst_OrderImport::mappingBeforeDetection()
{
    const TextFile f = TextFile::fromBytes("Bestellnr;Artikel;Menge;Preis\nA1;X;2;1,5\nA1;Y;1;3\n", "de.csv");
    ColumnMapping m;
    m.kind = "orders";
    m.columns = {{"Bestellnr", "order_id"}, {"Artikel", "sku"}, {"Menge", "quantity"}, {"Preis", "unit_price"}};
    ParseOptions o;
    o.mapping = &m;
    OrderBatch b;
    QCOMPARE(parseOrders(f, o, b).status, ParseStatus::Ok);
    QCOMPARE(q(b.format), QStringLiteral("lines"));
    QCOMPARE(int(b.orders.size()), 1);
    QCOMPARE(int(b.lines.size()), 2);
    QCOMPARE(b.lines[0].quantity, 2.0);
    QCOMPARE(b.lines[0].unitPrice, 1.5);

    OrderBatch unmapped;
    QCOMPARE(parseOrders(f, {}, unmapped).status, ParseStatus::Failed);
}

void tst_OrderImport::progressAndCancel()
{
    std::string text = "order_id,sku,quantity\n";
    for (int i = 0; i < 30000; ++i) text += std::to_string(i / 3) + ",S" + std::to_string(i % 7) + ",1\n";
    const TextFile f = TextFile::fromBytes(text, "big.csv");

    std::vector<double> seen;
    ParseOptions o;
    o.progress = [&](double x) { seen.push_back(x); return true; };
    OrderBatch b;
    QCOMPARE(parseOrders(f, o, b).status, ParseStatus::Ok);
    QCOMPARE(int(b.lines.size()), 30000);
    QCOMPARE(int(b.orders.size()), 10000);
    QCOMPARE(int(seen.size()), 4);  // after records 8192, 16384, 24576, and at the end
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QVERIFY(seen.front() > 0.2 && seen.front() < 0.35);
    QCOMPARE(seen.back(), 1.0);

    int calls = 0;
    o.progress = [&](double) { return ++calls < 2; };
    const ParseResult r = parseOrders(f, o, b);
    QCOMPARE(r.status, ParseStatus::Cancelled);
    QCOMPARE(calls, 2);
    QVERIFY(b.lines.empty());
}

void tst_OrderImport::detectOrderFormat_data()
{
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QString>("format");
    QTest::newRow("UCI") << QStringList{"InvoiceNo", "StockCode", "Description", "Quantity"} << "lines";
    QTest::newRow("canonical") << QStringList{"order_id", "sku"} << "lines";
    QTest::newRow("case and blanks") << QStringList{" ORDER ID ", "Product_SKU"} << "lines";
    QTest::newRow("shopify") << QStringList{"Name", "Email", "Lineitem quantity", "Lineitem sku"} << "shopify";
    QTest::newRow("catalog") << QStringList{"sku", "title", "price"} << "";
    QTest::newRow("order id alone") << QStringList{"order_id", "total"} << "";
}

void tst_OrderImport::detectOrderFormat()
{
    QFETCH(QStringList, header);
    QFETCH(QString, format);
    std::vector<std::string> names;
    for (const auto &h : header) names.push_back(h.toStdString());
    const std::vector<std::string_view> views(names.begin(), names.end());
    QCOMPARE(q(mb::detectOrderFormat(CsvHeader(views))), format);
}

void tst_OrderImport::detectKind_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("orders");
    QTest::newRow("order lines") << QByteArray("InvoiceNo,StockCode\n1,A\n") << true;
    QTest::newRow("shopify orders") << QByteArray("Name,Lineitem quantity,Lineitem sku\n#1,1,A\n") << true;
    QTest::newRow("baskets") << QByteArray("milk,bread\nsoda\nmilk,eggs,flour\n") << true;
    QTest::newRow("catalog") << QByteArray("sku,title,price\nA,Mug,3\nB,Tea,2\n") << false;
}

void tst_OrderImport::detectKind()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, orders);
    QCOMPARE(mb::detectKind(TextFile::fromBytes(bytes.toStdString(), "k.csv")) == ImportKind::Orders, orders);
}

QTEST_GUILESS_MAIN(tst_OrderImport)
#include "tst_orderimport.moc"

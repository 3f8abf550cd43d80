// Shopify's orders export: carried-forward order fields, line items without SKU, cancellations and refunds,
// line and order discounts and refunds spread over the lines, tags and source, the customer column and the
// SKU apostrophe.
#include "core/io/importparser.h"
#include "testsupport.h"

#include <QDateTime>
#include <QtTest>

#include <cmath>

using namespace mb;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

qint64 utc(const QString &iso) { return QDateTime::fromString(iso, Qt::ISODate).toSecsSinceEpoch(); }

OrderBatch parseFixture(ParseStatus expected = ParseStatus::Ok)
{
    const TextFile f = TextFile::load(mbtest::fixture("orders/shopify_orders.csv").toStdString());
    OrderBatch b;
    const ParseResult r = parseOrders(f, {}, b);
    if (r.status != expected) qWarning("%s", r.error.c_str());
    return b;
}

QString allNotes(const OrderBatch &b)
{
    QString s;
    for (const auto &n : b.notes) s += q(n) + QLatin1Char('\n');
    return s;
}

}  // namespace

class tst_ShopifyOrders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void groupsLineItemsByName();
    void carriesOrderFieldsForward();
    void lineItemWithoutSkuKeyedByName();
    void statuses_data();
    void statuses();
    void withoutEmailTheCustomerIsUnknown();
    void customerIdColumnIsTheCustomer();
    void sameCustomerEverywhereIsNoted();
    void discountsAndRefundsOnTheLines();
    void linesAddUpToSubtotalLessRefund();
    void badDiscountIsRejected_data();
    void badDiscountIsRejected();
    void tagsAndSourceAreKept();
    void skuApostropheIsDropped();
};

void tst_ShopifyOrders::groupsLineItemsByName()
{
    const OrderBatch b = parseFixture();
    QCOMPARE(q(b.format), QStringLiteral("shopify"));
    QVERIFY(b.rejects.empty());
    QCOMPARE(b.rowsRead, 6);
    QCOMPARE(int(b.orders.size()), 4);
    QCOMPARE(int(b.lines.size()), 6);
    QCOMPARE(q(b.orders[0].externalId), QStringLiteral("#1001"));
    for (int i = 0; i < 3; ++i) QCOMPARE(b.lines[size_t(i)].order, 0u);
    QCOMPARE(b.lines[0].quantity, 2.0);
    QCOMPARE(b.lines[0].unitPrice, 24.74);
    QCOMPARE(q(b.lines[2].sku), QStringLiteral("RAMP-N"));
}

void tst_ShopifyOrders::carriesOrderFieldsForward()
{
    const OrderBatch b = parseFixture();
    const OrderRecord &o = b.orders[0];
    QCOMPARE(q(o.customer), QStringLiteral("a@x.com"));
    QCOMPARE(q(o.currency), QStringLiteral("USD"));
    QCOMPARE(q(o.country), QStringLiteral("US"));
    QVERIFY(o.hasTime);
    QCOMPARE(o.orderedAt, utc("2023-06-01T06:06:05Z"));  // 23:06:05 at -0700
    QCOMPARE(o.utcOffsetMinutes, -420);
    QCOMPARE(o.line, 2);
    QCOMPARE(q(b.orders[1].country), QStringLiteral("CA"));  // no billing country: the shipping one
    QCOMPARE(b.orders[3].utcOffsetMinutes, 120);
    QCOMPARE(q(b.orders[3].currency), QStringLiteral("EUR"));
    // The product title is the line-item name, quotes and ™ intact.
    for (const auto &p : b.products)
        if (p.sku == "BLANKET-M")
            QCOMPARE(q(p.title), QStringLiteral("PawProof™ Throw Blanket - Beige / Medium (48\"L x 58\"W)"));
}

void tst_ShopifyOrders::lineItemWithoutSkuKeyedByName()
{
    const OrderBatch b = parseFixture();
    QCOMPARE(q(b.lines[1].sku), QStringLiteral("Tip"));
    QCOMPARE(b.lines[1].unitPrice, 5.0);
    QCOMPARE(q(b.lines[5].sku), QStringLiteral("Tip"));
    int tips = 0;
    for (const auto &p : b.products)
        if (p.sku == "Tip") {
            ++tips;
            QCOMPARE(q(p.title), QStringLiteral("Tip"));
            QCOMPARE(p.price.value_or(-1), 2.0);  // the last price seen
            QCOMPARE(p.line, 3);
        }
    QCOMPARE(tips, 1);
    QCOMPARE(int(b.products.size()), 4);
    QVERIFY2(allNotes(b).contains("2 line items have no Lineitem sku (such as \"Tip\"); they are kept, keyed by their "
                                  "line-item name"),
             qPrintable(allNotes(b)));
}

void tst_ShopifyOrders::statuses_data()
{
    QTest::addColumn<int>("order");
    QTest::addColumn<int>("status");
    QTest::newRow("paid") << 0 << int(OrderStatus::Completed);
    QTest::newRow("refunded") << 1 << int(OrderStatus::Returned);
    QTest::newRow("cancelled (paid, Cancelled at set)") << 2 << int(OrderStatus::Cancelled);
    QTest::newRow("partially refunded stays completed") << 3 << int(OrderStatus::Completed);
}

void tst_ShopifyOrders::statuses()
{
    QFETCH(int, order);
    QFETCH(int, status);
    const OrderBatch b = parseFixture();
    QCOMPARE(int(b.orders[size_t(order)].status), status);
    const QString notes = allNotes(b);
    QVERIFY2(notes.contains("1 orders are partially refunded; they stay completed"), qPrintable(notes));
    QVERIFY2(notes.contains("1 orders have a Cancelled at time"), qPrintable(notes));
}

void tst_ShopifyOrders::withoutEmailTheCustomerIsUnknown()
{
    // `Id` is the ORDER's id in Shopify's export: two orders of one customer have two Ids. Keying customers
    // by it made every order a new customer (repeat rate 0, CLV = AOV); without a customer column the
    // customer is unknown, and the notes say why.
    const TextFile f = TextFile::fromBytes("Name,Id,Lineitem quantity,Lineitem sku,Lineitem name\n"
                                           "#1,501,1,A,Mug\n#1,,2,B,Tea\n#2,502,1,A,Mug\n",
                                           "noemail.csv");
    OrderBatch b;
    QCOMPARE(parseOrders(f, {}, b).status, ParseStatus::Ok);
    QCOMPARE(int(b.orders.size()), 2);
    QCOMPARE(q(b.orders[0].customer), QString());
    QCOMPARE(q(b.orders[1].customer), QString());
    QVERIFY(!b.orders[0].hasTime);
    QCOMPARE(b.lines[1].quantity, 2.0);
    QVERIFY2(allNotes(b).contains("the file has no Email column (nor a customer id): the orders are imported without a "
                                  "customer"),
             qPrintable(allNotes(b)));
    QVERIFY(allNotes(b).contains("the Id column is the order's id, not the customer's"));

    // An Email column with an empty cell: that order is a guest order, never keyed by its Id.
    const TextFile g = TextFile::fromBytes("Name,Email,Id,Lineitem quantity,Lineitem sku\n#1,a@x.com,501,1,A\n#2,,502,1,A\n",
                                           "guest.csv");
    OrderBatch c;
    QCOMPARE(parseOrders(g, {}, c).status, ParseStatus::Ok);
    QCOMPARE(q(c.orders[0].customer), QStringLiteral("a@x.com"));
    QCOMPARE(q(c.orders[1].customer), QString());
    QVERIFY2(allNotes(c).contains("1 orders have no Email; they are imported as guest orders"), qPrintable(allNotes(c)));
}

void tst_ShopifyOrders::customerIdColumnIsTheCustomer()
{
    // Matrixify's order export has the customer's own id; it is a better key than the e-mail, which changes.
    const TextFile f = TextFile::fromBytes("Name,Email,Customer: ID,Id,Lineitem quantity,Lineitem sku\n"
                                           "#1,old@x.com,77,501,1,A\n#2,new@x.com,77,502,1,B\n",
                                           "matrixify.csv");
    OrderBatch b;
    QCOMPARE(parseOrders(f, {}, b).status, ParseStatus::Ok);
    QCOMPARE(q(b.orders[0].customer), QStringLiteral("77"));
    QCOMPARE(q(b.orders[1].customer), QStringLiteral("77"));
}

void tst_ShopifyOrders::sameCustomerEverywhereIsNoted()
{
    const TextFile f = TextFile::fromBytes("Name,Email,Lineitem quantity,Lineitem sku\n"
                                           "#1,REDACTED,1,A\n#2,REDACTED,1,B\n#3,REDACTED,1,A\n",
                                           "redacted.csv");
    OrderBatch b;
    QCOMPARE(parseOrders(f, {}, b).status, ParseStatus::Ok);
    QVERIFY2(allNotes(b).contains("all 3 orders have the same customer (Email \"REDACTED\""), qPrintable(allNotes(b)));
    QVERIFY(allNotes(b).contains("customer-level figures will be meaningless"));
    QCOMPARE(q(b.orders[2].customer), QStringLiteral("REDACTED"));   // three orders from one customer can be real

    // Twenty orders, every one from the same customer: a placeholder, imported as guest orders.
    std::string text = "Name,Email,Lineitem quantity,Lineitem sku\n";
    for (int i = 1; i <= 20; ++i) text += "#" + std::to_string(i) + ",REDACTED,1," + (i % 2 ? "A" : "B") + "\n";
    OrderBatch many;
    QCOMPARE(parseOrders(TextFile::fromBytes(text, "redacted20.csv"), {}, many).status, ParseStatus::Ok);
    QCOMPARE(int(many.orders.size()), 20);
    for (const OrderRecord &o : many.orders) QVERIFY(o.customer.empty());
    QVERIFY2(allNotes(many).contains("all 20 orders have the same customer (Email \"REDACTED\", a redacted export?): they are "
                                     "imported as guest orders"),
             qPrintable(allNotes(many)));
    QVERIFY(!allNotes(many).contains("meaningless"));
}

namespace {

OrderBatch parseDiscounts()
{
    const TextFile f = TextFile::load(mbtest::fixture("orders/shopify_discounts.csv").toStdString());
    OrderBatch b;
    const ParseResult r = parseOrders(f, {}, b);
    if (r.status != ParseStatus::Ok) qWarning("%s", r.error.c_str());
    return b;
}

double net(const OrderLineRecord &l) { return l.quantity * l.unitPrice - l.discount - l.refund; }

}  // namespace

void tst_ShopifyOrders::discountsAndRefundsOnTheLines()
{
    const OrderBatch b = parseDiscounts();
    QVERIFY(b.rejects.empty());
    QCOMPARE(int(b.lines.size()), 6);
    // #D1: the Lineitem discount is the whole line's (2 x 25.00 less 10.00), gross kept in the unit price.
    QCOMPARE(b.lines[0].unitPrice, 25.0);
    QCOMPARE(b.lines[0].discount, 10.0);
    QCOMPARE(b.lines[1].discount, 10.0);
    QCOMPARE(b.lines[0].refund, 0.0);
    // #D2: Subtotal 90 for 100 of merchandise: WHOLE10 on the whole order, 5 + 5 by the lines' value; then the
    // refund of 30 is spread the same way (15 + 15). The tip is outside Subtotal and keeps its 4.00.
    QCOMPARE(b.lines[2].discount, 5.0);
    QCOMPARE(b.lines[3].discount, 5.0);
    QCOMPARE(b.lines[2].refund, 15.0);
    QCOMPARE(b.lines[3].refund, 15.0);
    QCOMPARE(q(b.lines[4].sku), QStringLiteral("Tip"));
    QCOMPARE(b.lines[4].discount + b.lines[4].refund, 0.0);
    // #D3: refunded 60.00 of which 10.00 was shipping: the line loses all of its 50.00, never more.
    QCOMPARE(b.lines[5].refund, 50.0);
    QCOMPARE(net(b.lines[5]), 0.0);
    QCOMPARE(int(b.orders[2].status), int(OrderStatus::Returned));
    const QString notes = allNotes(b);
    QVERIFY2(notes.contains("2 line items carry a Lineitem discount, 20.00 in all (20.00 outside cancelled orders)"), qPrintable(notes));
    QVERIFY2(notes.contains("1 orders have a Subtotal below their line items after the line discounts (a discount on the "
                            "whole order, 10.00 in all)"),
             qPrintable(notes));
    QVERIFY2(notes.contains("2 orders have a Refunded Amount (90.00 in all)"), qPrintable(notes));
    QVERIFY2(notes.contains("10.00 of it is more than the line items were worth (refunded shipping or taxes)"), qPrintable(notes));
    QVERIFY2(notes.contains("1 line items are tips (4.00)"), qPrintable(notes));
}

void tst_ShopifyOrders::linesAddUpToSubtotalLessRefund()
{
    // What a merchandiser reconciles against Shopify: per order, the lines' net = Subtotal - Refunded Amount
    // (+ tips, which Subtotal leaves out; never below 0: a refund of shipping is not merchandise).
    const OrderBatch b = parseDiscounts();
    const double expected[] = {80.0, 90.0 - 30.0 + 4.0, 0.0};
    for (uint32_t o = 0; o < 3; ++o) {
        double sum = 0;
        for (const OrderLineRecord &l : b.lines)
            if (l.order == o) sum += net(l);
        QVERIFY2(std::fabs(sum - expected[o]) < 0.005, qPrintable(QString("order %1: %2").arg(o).arg(sum)));
    }
}

void tst_ShopifyOrders::badDiscountIsRejected_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("value");
    QTest::newRow("discount not a number") << QByteArray("#2,20.00,,1,B,20.00,abc") << "Lineitem discount" << "abc";
    QTest::newRow("negative discount") << QByteArray("#2,20.00,,1,B,20.00,-3.00") << "Lineitem discount" << "-3.00";
    QTest::newRow("subtotal not a number") << QByteArray("#2,twenty,,1,B,20.00,0") << "Subtotal" << "twenty";
    QTest::newRow("negative refund") << QByteArray("#2,20.00,-1,1,B,20.00,0") << "Refunded Amount" << "-1";
}

void tst_ShopifyOrders::badDiscountIsRejected()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, column);
    QFETCH(QString, value);
    const QByteArray csv = "Name,Subtotal,Refunded Amount,Lineitem quantity,Lineitem sku,Lineitem price,Lineitem discount\n"
                           "#1,10.00,0.00,1,A,10.00,0.00\n" + row + "\n";
    const TextFile f = TextFile::fromBytes(csv.toStdString(), "bad.csv");
    OrderBatch b;
    QCOMPARE(parseOrders(f, {}, b).status, ParseStatus::Ok);
    QCOMPARE(int(b.rejects.size()), 1);
    QCOMPARE(b.rejects[0].line, 3);
    QCOMPARE(q(b.rejects[0].column), column);
    QCOMPARE(q(b.rejects[0].value), value);
    QVERIFY2(q(b.rejects[0].reason).startsWith("expected "), b.rejects[0].reason.c_str());
    QCOMPARE(int(b.lines.size()), 1);
}

void tst_ShopifyOrders::tagsAndSourceAreKept()
{
    const TextFile f = TextFile::load(mbtest::fixture("orders/shopify_subscriptions.csv").toStdString());
    OrderBatch b;
    QCOMPARE(parseOrders(f, {}, b).status, ParseStatus::Ok);
    QCOMPARE(int(b.orders.size()), 6);
    // Order-level: from the first row, as written; the second row's empty cells change nothing.
    QCOMPARE(q(b.orders[0].tags), QStringLiteral("Subscription, Subscription Recurring Order"));
    QCOMPARE(q(b.orders[0].source), QStringLiteral("subscription_contract"));
    QCOMPARE(q(b.orders[3].tags), QString());
    QCOMPARE(q(b.orders[4].tags), QStringLiteral("GrowLTV"));
    QCOMPARE(q(b.orders[4].source), QStringLiteral("pos"));
    const QString notes = allNotes(b);
    QVERIFY2(notes.contains("order tags are kept: \"Subscription\" (4 orders), \"Subscription Recurring Order\" (3)"),
             qPrintable(notes));
    QVERIFY2(notes.contains("`mine run --exclude-tag TAG`"), qPrintable(notes));
    QVERIFY2(notes.contains("order sources are kept: \"subscription_contract\" (3 orders), \"web\" (2), \"pos\" (1)"),
             qPrintable(notes));
}

void tst_ShopifyOrders::skuApostropheIsDropped()
{
    // #S4 writes '850003173764 (Shopify's guard against spreadsheets), #S5 850003173764: one product.
    const TextFile f = TextFile::load(mbtest::fixture("orders/shopify_subscriptions.csv").toStdString());
    OrderBatch b;
    QCOMPARE(parseOrders(f, {}, b).status, ParseStatus::Ok);
    int ramps = 0;
    for (const ProductRecord &p : b.products) {
        QVERIFY2(!p.sku.empty() && p.sku.front() != '\'', p.sku.c_str());
        ramps += p.sku == "850003173764";
    }
    QCOMPARE(ramps, 1);
    QCOMPARE(int(b.products.size()), 3);  // PADS, SPRAY, 850003173764
    QCOMPARE(q(b.lines[7].sku), QStringLiteral("850003173764"));
}

QTEST_GUILESS_MAIN(tst_ShopifyOrders)
#include "tst_shopifyorders.moc"

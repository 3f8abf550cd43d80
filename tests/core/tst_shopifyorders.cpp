// Shopify's orders export: carried-forward order fields, line items without SKU, cancellations and refunds.
#include "core/io/importparser.h"
#include "testsupport.h"

#include <QDateTime>
#include <QtTest>

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
    void idIsTheCustomerWithoutEmail();
    void sameCustomerEverywhereIsNoted();
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

void tst_ShopifyOrders::idIsTheCustomerWithoutEmail()
{
    const TextFile f = TextFile::fromBytes("Name,Id,Lineitem quantity,Lineitem sku,Lineitem name\n"
                                           "#1,501,1,A,Mug\n#1,,2,B,Tea\n#2,502,1,A,Mug\n",
                                           "noemail.csv");
    OrderBatch b;
    QCOMPARE(parseOrders(f, {}, b).status, ParseStatus::Ok);
    QCOMPARE(int(b.orders.size()), 2);
    QCOMPARE(q(b.orders[0].customer), QStringLiteral("501"));
    QCOMPARE(q(b.orders[1].customer), QStringLiteral("502"));
    QVERIFY(!b.orders[0].hasTime);
    QCOMPARE(b.lines[1].quantity, 2.0);
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
}

QTEST_GUILESS_MAIN(tst_ShopifyOrders)
#include "tst_shopifyorders.moc"

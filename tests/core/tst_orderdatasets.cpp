// The order parsers against the real files in shared/datasets, checked with the counts their READMEs give.
#include "core/io/importparser.h"
#include "testsupport.h"

#include <QtTest>

#include <cmath>

#include <string_view>
#include <unordered_set>

using namespace mb;

namespace {

OrderBatch parseDataset(const QString &path, const char *expectedFormat)
{
    const TextFile f = TextFile::load(path.toStdString());
    OrderBatch b;
    if (!f.ok()) {
        qWarning("%s", f.error.c_str());
        return b;
    }
    const ParseResult r = parseOrders(f, {}, b);
    if (r.status != ParseStatus::Ok) qWarning("%s", r.error.c_str());
    if (b.format != expectedFormat) qWarning("detected %s, expected %s", b.format.c_str(), expectedFormat);
    return b;
}

}  // namespace

class tst_OrderDatasets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void onlineRetail();
    void groceries();
    void shopifyExport();
};

void tst_OrderDatasets::onlineRetail()
{
    MB_REQUIRE_DATASET(path, "online_retail/online_retail.csv");
    const OrderBatch b = parseDataset(path, "lines");
    QCOMPARE(b.format, std::string("lines"));
    QCOMPARE(b.rowsRead, 541909);
    QVERIFY(b.rejects.empty());
    QCOMPARE(int(b.orders.size()), 25900);
    QCOMPARE(int(b.lines.size()), 541909);
    QCOMPARE(b.duplicateRows, 5268);  // kept as lines
    QCOMPARE(int(b.products.size()), 4070);

    int cancelledOrders = 0, returnedOrders = 0, cancelledLines = 0, negativeLines = 0;
    for (const auto &o : b.orders) {
        cancelledOrders += o.status == OrderStatus::Cancelled;
        returnedOrders += o.status == OrderStatus::Returned;
    }
    for (const auto &l : b.lines) {
        cancelledLines += b.orders[l.order].status == OrderStatus::Cancelled;
        negativeLines += l.quantity < 0;
    }
    QCOMPARE(cancelledOrders, 3836);
    QCOMPARE(cancelledLines, 9288);
    QCOMPARE(negativeLines, 10624);  // nothing dropped: the 9,288 C rows plus 1,336 stock adjustments
    // The 1,336 non-C negative rows are stock adjustments, each its own one-line invoice: 1,336 returns.
    QCOMPARE(returnedOrders, 1336);

    // Baskets as FORMATS.md defines them: distinct SKUs with quantity > 0 of the orders not cancelled.
    std::unordered_set<std::string_view> skus;
    std::vector<char> nonEmpty(b.orders.size(), 0);
    for (const auto &l : b.lines) {
        if (l.quantity <= 0 || b.orders[l.order].status == OrderStatus::Cancelled) continue;
        nonEmpty[l.order] = 1;
        skus.insert(l.sku);
    }
    QCOMPARE(int(std::count(nonEmpty.begin(), nonEmpty.end(), 1)), 20728);
    QCOMPARE(int(skus.size()), 3941);

    const OrderRecord &first = b.orders.front();
    QCOMPARE(first.externalId, std::string("536365"));
    QCOMPARE(first.customer, std::string("17850"));
    QCOMPARE(first.country, std::string("United Kingdom"));
    QCOMPARE(first.orderedAt, qint64(1291191960));  // 2010-12-01 08:26:00 UTC
    // Case matters: 85123A and 85123a are different SKUs.
    int heart = 0;
    for (const auto &p : b.products) heart += p.sku == "85123A" || p.sku == "85123a";
    QCOMPARE(heart, 2);
}

void tst_OrderDatasets::groceries()
{
    MB_REQUIRE_DATASET(path, "groceries/groceries.csv");
    const OrderBatch b = parseDataset(path, "baskets");
    QCOMPARE(b.format, std::string("baskets"));
    QVERIFY(b.rejects.empty());
    QCOMPARE(int(b.orders.size()), 9835);
    QCOMPARE(int(b.products.size()), 169);
    QCOMPARE(int(b.lines.size()), 43367);  // item occurrences per the README
    QCOMPARE(b.orders.back().externalId, std::string("B9835"));
    bool creamCheese = false;
    for (const auto &p : b.products) {
        QVERIFY2(p.sku.back() != ' ', p.sku.c_str());
        creamCheese |= p.sku == "cream cheese";
    }
    QVERIFY(creamCheese);
}

void tst_OrderDatasets::shopifyExport()
{
    MB_REQUIRE_DATASET(path, "shopify_store_export/orders_export_redacted.csv");
    const OrderBatch b = parseDataset(path, "shopify");
    QCOMPARE(b.format, std::string("shopify"));
    QVERIFY2(b.rejects.empty(), b.rejects.empty() ? "" : b.rejects.front().reason.c_str());
    QCOMPARE(int(b.orders.size()), 3885);
    QCOMPARE(int(b.lines.size()), 5121);
    // 153 distinct non-empty Lineitem sku (the README's 154 counts the empty one) + "Tip" + "Duplicate Shipment".
    QCOMPARE(int(b.products.size()), 155);
    QCOMPARE(b.duplicateRows, 3);  // 5,121 rows, 5,118 distinct: identical line items of one order
    QString notes;
    for (const auto &n : b.notes) notes += QString::fromStdString(n) + QLatin1Char('\n');
    QVERIFY2(notes.contains("209 line items have no Lineitem sku"), qPrintable(notes));
    QVERIFY2(notes.contains("all 3,885 orders have the same customer (Email \"REDACTED\", a redacted export?): they are "
                            "imported as guest orders"), qPrintable(notes));
    for (const auto &o : b.orders) QVERIFY(o.customer.empty());
    QVERIFY2(notes.contains("121 orders are partially refunded"), qPrintable(notes));
    // The "62,601.03 over 3,144 rows": 3,144 rows carry a Lineitem discount, 62,857.37 in all, of which
    // 62,601.03 is outside the 35 cancelled orders (their 256.34 was never charged either).
    QVERIFY2(notes.contains("3,144 line items carry a Lineitem discount, 62,857.37 in all (62,601.03 outside cancelled orders)"),
             qPrintable(notes));
    QVERIFY2(notes.contains("602 orders have a Subtotal below their line items after the line discounts (a discount on the whole order, 17,514.83 in all)"), qPrintable(notes));
    QVERIFY2(notes.contains("208 line items are tips (977.88)"), qPrintable(notes));
    QVERIFY2(notes.contains("\"Subscription Recurring Order\" (719)"), qPrintable(notes));
    int recurring = 0, subscriptionSource = 0;
    for (const auto &o : b.orders) {
        recurring += o.tags.find("Subscription Recurring Order") != std::string::npos;
        subscriptionSource += o.source == "subscription_contract";
    }
    QCOMPARE(recurring, 719);
    QCOMPARE(subscriptionSource, 658);
    // What customers paid for the merchandise of orders not cancelled: Σ max(Subtotal − Refunded Amount, 0)
    // = 305,835.53 (by a script over the file), plus the 977.88 of tips, which Subtotal leaves out.
    std::vector<char> cancelledOrder(b.orders.size());
    for (size_t i = 0; i < b.orders.size(); ++i) cancelledOrder[i] = b.orders[i].status == OrderStatus::Cancelled;
    double paid = 0;
    for (const auto &l : b.lines) {
        QVERIFY(l.discount >= 0 && l.refund >= 0);
        QVERIFY(l.quantity * l.unitPrice - l.discount - l.refund > -0.005);
        if (!cancelledOrder[l.order]) paid += l.quantity * l.unitPrice - l.discount - l.refund;
    }
    QVERIFY2(std::fabs(paid - 306813.41) < 0.05, qPrintable(QString::number(paid, 'f', 2)));
    int tips = 0, returned = 0, cancelled = 0;
    for (const auto &l : b.lines) tips += l.sku == "Tip";
    for (const auto &o : b.orders) {
        returned += o.status == OrderStatus::Returned;
        cancelled += o.status == OrderStatus::Cancelled;
        QVERIFY(o.hasTime);
        QCOMPARE(o.utcOffsetMinutes, -420);
    }
    QCOMPARE(tips, 208);  // the 209th SKU-less line item is "Duplicate Shipment"
    int duplicateShipment = 0;
    for (const auto &l : b.lines) duplicateShipment += l.sku == "Duplicate Shipment";
    QCOMPARE(duplicateShipment, 1);
    QCOMPARE(cancelled, 35);
    // 40 orders are `refunded`, but 31 of them also have Cancelled at, and cancelled wins.
    QCOMPARE(returned, 9);
}

QTEST_GUILESS_MAIN(tst_OrderDatasets)
#include "tst_orderdatasets.moc"

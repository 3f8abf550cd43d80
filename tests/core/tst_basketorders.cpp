// Header-less market-basket files: detection by ragged rows, ids from line numbers, trimmed labels.
#include "core/io/importparser.h"
#include "testsupport.h"

#include <QtTest>

using namespace mb;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

}  // namespace

class tst_BasketOrders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void detectedAndParsed();
    void basketContents_data();
    void basketContents();
    void explicitFormatForRectangularFile();
    void emptyBasketRejected();
};

void tst_BasketOrders::detectedAndParsed()
{
    const TextFile f = TextFile::load(mbtest::fixture("orders/baskets.csv").toStdString());
    OrderBatch b;
    QCOMPARE(parseOrders(f, {}, b).status, ParseStatus::Ok);
    QCOMPARE(q(b.format), QStringLiteral("baskets"));
    QCOMPARE(b.rowsRead, 5);
    QVERIFY(b.rejects.empty());
    QCOMPARE(int(b.orders.size()), 5);
    QCOMPARE(int(b.lines.size()), 12);  // "yogurt,yogurt" is one line of quantity 2
    QCOMPARE(int(b.products.size()), 10);
    QCOMPARE(b.duplicateRows, 0);
    for (const auto &o : b.orders) {
        QVERIFY(!o.hasTime);
        QCOMPARE(o.status, OrderStatus::Completed);
        QCOMPARE(q(o.customer), QString());
    }
    for (const auto &p : b.products) {
        QCOMPARE(p.title, p.sku);
        QVERIFY(!p.price);
    }
    QString notes;
    for (const auto &n : b.notes) notes += q(n) + QLatin1Char('\n');
    QVERIFY2(notes.contains("item labels with surrounding blanks were trimmed: \"cream cheese \", \"roll products \""),
             qPrintable(notes));
}

void tst_BasketOrders::basketContents_data()
{
    QTest::addColumn<int>("basket");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("items");
    QTest::newRow("first line") << 0 << "B1"
                                << QStringList{"citrus fruit", "semi-finished bread", "margarine", "ready soups"};
    QTest::newRow("single item") << 2 << "B3" << QStringList{"whole milk"};
    QTest::newRow("trailing blanks trimmed") << 3 << "B4" << QStringList{"cream cheese", "roll products", "whole milk"};
    QTest::newRow("repeated item") << 4 << "B5" << QStringList{"yogurt"};
}

void tst_BasketOrders::basketContents()
{
    QFETCH(int, basket);
    QFETCH(QString, id);
    QFETCH(QStringList, items);
    const TextFile f = TextFile::load(mbtest::fixture("orders/baskets.csv").toStdString());
    OrderBatch b;
    QCOMPARE(parseOrders(f, {}, b).status, ParseStatus::Ok);
    QCOMPARE(q(b.orders[size_t(basket)].externalId), id);
    QCOMPARE(b.orders[size_t(basket)].line, basket + 1);
    QStringList found;
    for (const auto &l : b.lines)
        if (l.order == uint32_t(basket)) {
            found << q(l.sku);
            QCOMPARE(l.unitPrice, 0.0);
            QCOMPARE(l.quantity, id == "B5" ? 2.0 : 1.0);
        }
    QCOMPARE(found, items);
}

void tst_BasketOrders::explicitFormatForRectangularFile()
{
    // Every basket with two items: not ragged, so only the explicit format makes it a basket file.
    const TextFile f = TextFile::fromBytes("milk,bread\nsoda,chips\n", "pairs.csv");
    OrderBatch b;
    QCOMPARE(parseOrders(f, {}, b).status, ParseStatus::Failed);
    ParseOptions o;
    o.format = "baskets";
    QCOMPARE(parseOrders(f, o, b).status, ParseStatus::Ok);
    QCOMPARE(int(b.orders.size()), 2);
    QCOMPARE(q(b.lines[0].sku), QStringLiteral("milk"));  // line 1 is a basket, not a header
}

void tst_BasketOrders::emptyBasketRejected()
{
    const TextFile f = TextFile::fromBytes("milk,bread\n , ,\nsoda\n", "gaps.csv");
    ParseOptions o;
    o.format = "baskets";
    OrderBatch b;
    QCOMPARE(parseOrders(f, o, b).status, ParseStatus::Ok);
    QCOMPARE(int(b.orders.size()), 2);
    QCOMPARE(q(b.orders[1].externalId), QStringLiteral("B3"));
    QCOMPARE(int(b.rejects.size()), 1);
    QCOMPARE(b.rejects[0].line, 2);
    QCOMPARE(q(b.rejects[0].reason), QStringLiteral("expected at least one item in the basket"));
}

QTEST_GUILESS_MAIN(tst_BasketOrders)
#include "tst_basketorders.moc"

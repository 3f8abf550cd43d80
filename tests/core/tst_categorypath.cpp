// Category paths from every platform end up as "A > B", and a product in several categories gets the
// deepest one.
#include "core/io/categorypath.h"

#include <QtTest>

using namespace mb;

class TestCategoryPath : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalise_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("path");
        QTest::newRow("shopify") << "Apparel & Accessories > Clothing > Shirts" << "Apparel & Accessories > Clothing > Shirts";
        QTest::newRow("tight arrows") << " Clothing>Hoodies " << "Clothing > Hoodies";
        QTest::newRow("slash") << "Cameras/Mirrorless" << "Cameras > Mirrorless";
        QTest::newRow("magento root") << "Default Category/Gear/Bags" << "Gear > Bags";
        QTest::newRow("root only") << "Default Category" << "";
        QTest::newRow("blank segments") << "/Gear//Bags/" << "Gear > Bags";
        QTest::newRow("slash inside arrows") << "Audio > CD/DVD" << "Audio > CD/DVD";
        QTest::newRow("empty") << "" << "";
    }
    void normalise()
    {
        QFETCH(QString, written);
        QFETCH(QString, path);
        QCOMPARE(QString::fromStdString(normaliseCategoryPath(written.toStdString())), path);
    }

    void deepest_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("path");
        QTest::newRow("woo") << "Clothing > Hoodies, Clothing" << "Clothing > Hoodies";
        QTest::newRow("woo first wins tie") << "Music, Decor" << "Music";
        QTest::newRow("magento") << "Default Category/Gear,Default Category/Gear/Bags" << "Gear > Bags";
        QTest::newRow("escaped comma") << "Food > Salt\\, Pepper, Food" << "Food > Salt, Pepper";
        QTest::newRow("blank") << " , " << "";
    }
    void deepest()
    {
        QFETCH(QString, cell);
        QFETCH(QString, path);
        QCOMPARE(QString::fromStdString(deepestCategoryPath(cell.toStdString(), ',')), path);
    }

    void splitEscaped()
    {
        const auto t = splitEscapedList("woo-hoodie-with-logo, woo-tshirt ,a\\,b,, id:12", ',');
        QCOMPARE(t, (std::vector<std::string>{"woo-hoodie-with-logo", "woo-tshirt", "a,b", "id:12"}));
    }
};

QTEST_GUILESS_MAIN(TestCategoryPath)
#include "tst_categorypath.moc"

// Titles and prices of order-only products (core/storage/typicalproduct.h): the most frequent real
// description over every import (junk never wins), the median positive unit price (never the newest row's),
// kept right by re-imports, later exports and the upgrade of a file written before descriptions were kept.
#include "testsupport.h"
#include "workspacequery.h"

#include "core/storage/importer.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/storage/typicalproduct.h"
#include "core/storage/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace mb;

namespace {

std::string text(const Workspace &ws, const char *sql, const std::string &arg)
{
    Statement s(ws.db(), sql);
    s.bind(1, arg);
    return s.step() ? s.text(0) : std::string("<none>");
}
std::string titleOf(const Workspace &ws, const std::string &sku)
{
    return text(ws, "SELECT title FROM products WHERE sku = ?1", sku);
}
double priceOf(const Workspace &ws, const std::string &sku)
{
    Statement s(ws.db(), "SELECT price FROM products WHERE sku = ?1");
    s.bind(1, sku);
    return s.step() && !s.isNull(0) ? s.real(0) : NAN;
}

const char *kHeader = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

}  // namespace

class TestProductTitles : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QString write(const char *name, const QByteArray &rows)
    {
        const QString path = dir_.filePath(QString::fromLatin1(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
        f.write(QByteArray(kHeader) + rows);
        return path;
    }
    static void importOk(Workspace &ws, const QString &path)
    {
        const ImportReport r = mbtest::importFile(ws, ImportKind::Orders, path);
        QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
    }

private Q_SLOTS:
    void junkRule_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<bool>("skuHasCapitals");
        QTest::addColumn<bool>("junk");
        // Online Retail's warehouse notes, each as the file writes it.
        for (const char *j : {"damaged", "Missing", "????missing", "returned", "?", "???", "check", "lost", "wet", "found",
                              "adjust", "20713", "", "  ", "wet/rusty", "thrown away-can't sell.", "sold as set on dotcom",
                              "POSSIBLE DAMAGES OR LOST?", "?lost", "damages?", "re-adjustment"})
            QTest::addRow("junk: \"%s\"", j) << QString::fromLatin1(j) << false << true;
        // Lower case beside a title in capitals: a note ("crushed ctn", "lost in space").
        QTest::newRow("lower case beside capitals") << "lost in space" << true << true;
        QTest::newRow("lower case alone") << "lost in space" << false << false;
        for (const char *r : {"WHITE HANGING HEART T-LIGHT HOLDER", "DOTCOM POSTAGE", "Manual", "SET OF 3 CAKE TINS",
                              "Blue Shirt - Large", "Lost in Space Mug", "WHO'S THE BOSS? MUG", "POSTAGE"})
            QTest::addRow("real: \"%s\"", r) << QString::fromLatin1(r) << true << false;
    }
    void junkRule()
    {
        QFETCH(QString, description);
        QFETCH(bool, skuHasCapitals);
        QFETCH(bool, junk);
        QCOMPARE(isJunkDescription(description.toStdString(), skuHasCapitals), junk);
    }

    void pickTitleRule()
    {
        // The most frequent real one; a tie goes to the newer, and then to the later line.
        std::vector<DescriptionTally> t{{"RED MUG", 3, 100, 1}, {"damaged", 9, 300, 9}, {"RED MUG LARGE", 3, 200, 2}};
        QCOMPARE(pickTitle(t), 2);
        t[0].newest = 200;
        t[0].newestLine = 5;
        QCOMPARE(pickTitle(t), 0);
        t[0].count = 2;
        QCOMPARE(pickTitle(t), 2);
        // Only junk: the most frequent junk (what the file calls it).
        std::vector<DescriptionTally> junk{{"?", 1, 1, 1}, {"damaged", 2, 0, 0}};
        QCOMPARE(pickTitle(junk), 1);
        QCOMPARE(pickTitle({}), -1);
    }

    void medianRule()
    {
        std::vector<double> odd{10, 1, 2};
        QCOMPARE(median(odd), 2.0);
        std::vector<double> even{4, 1, 3, 2};
        QCOMPARE(median(even), 2.5);
        std::vector<double> none;
        QVERIFY(std::isnan(median(none)));
    }

    void importAccumulatesOverFiles()
    {
        auto ws = mbtest::freshWorkspace(dir_, "accumulate.merchbench");
        // A is mostly "RED MUG" at 2.00; its newest rows are warehouse notes at price 0 and a one-off 9.00.
        const QString first = write("first.csv",
            "1,A,RED MUG,1,2011-01-01 10:00,2.00,1,UK\n"
            "2,A,RED MUG,1,2011-01-02 10:00,2.00,2,UK\n"
            "3,A,RED MUG LARGE,1,2011-01-03 10:00,9.00,3,UK\n"
            "4,A,damaged,-5,2011-01-04 10:00,0,,UK\n"
            "5,A,damaged,-5,2011-01-05 10:00,0,,UK\n"
            "6,A,damaged,-5,2011-01-06 10:00,0,,UK\n"
            "7,B,?,-1,2011-01-06 10:00,0,,UK\n"
            "8,B,BLUE BOWL,2,2011-01-01 10:00,3.00,1,UK\n");
        importOk(*ws, first);
        QCOMPARE(titleOf(*ws, "A"), std::string("RED MUG"));      // not "damaged" (the newest, and most frequent)
        QCOMPARE(priceOf(*ws, "A"), 2.0);                         // median of 2, 2, 9; never 0
        QCOMPARE(titleOf(*ws, "B"), std::string("BLUE BOWL"));
        QCOMPARE(priceOf(*ws, "B"), 3.0);

        // Re-importing the same file changes nothing.
        const int64_t updatedAt = mbtest::scalar(*ws, "SELECT updated_at FROM products WHERE sku = 'A'");
        importOk(*ws, first);
        QCOMPARE(titleOf(*ws, "A"), std::string("RED MUG"));
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM descriptions"), int64_t(5));  // each stored once
        QCOMPARE(mbtest::scalar(*ws, "SELECT updated_at FROM products WHERE sku = 'A'"), updatedAt);

        // A later export with new orders adds to the counts: RED MUG LARGE 1 + 2 = 3 beats RED MUG's 2.
        importOk(*ws, write("second.csv",
            "9,A,RED MUG,1,2011-02-01 10:00,2.00,6,UK\n"
            "10,A,RED MUG LARGE,1,2011-02-02 10:00,9.00,4,UK\n"
            "11,A,RED MUG LARGE,1,2011-02-03 10:00,9.00,5,UK\n"));
        QCOMPARE(titleOf(*ws, "A"), std::string("RED MUG LARGE"));  // 3 against 3: the newer (Feb 3) wins
        QCOMPARE(priceOf(*ws, "A"), 5.5);                           // 2, 2, 2, 9, 9, 9
        // One more RED MUG: 4 against 3.
        importOk(*ws, write("third.csv", "12,A,RED MUG,1,2011-03-01 10:00,2.00,7,UK\n"));
        QCOMPARE(titleOf(*ws, "A"), std::string("RED MUG"));
    }

    void catalogProductsKeepTheirTitleAndPrice()
    {
        auto ws = mbtest::freshWorkspace(dir_, "catalog.merchbench");
        const QString catalog = dir_.filePath(QStringLiteral("catalog.csv"));
        {
            QFile f(catalog);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("sku,title,price\nA,Red Mug (catalog),4.50\n");
        }
        QVERIFY(mbtest::importFile(*ws, ImportKind::Catalog, catalog).status == ImportStatus::Ok);
        importOk(*ws, write("orders.csv", "1,A,RED MUG,1,2011-01-01 10:00,2.00,1,UK\n2,A,RED MUG,1,2011-01-01 10:00,2.00,1,UK\n"));
        QCOMPARE(titleOf(*ws, "A"), std::string("Red Mug (catalog)"));
        QCOMPARE(priceOf(*ws, "A"), 4.5);
    }

    void olderFileIsRepairedByItsNextImport()
    {
        auto ws = mbtest::freshWorkspace(dir_, "older.merchbench");
        const QString file = write("older.csv",
            "1,A,RED MUG,1,2011-01-01 10:00,2.00,1,UK\n"
            "2,A,RED MUG,1,2011-01-02 10:00,2.00,2,UK\n"
            "3,A,damaged,-5,2011-01-04 10:00,0,,UK\n");
        importOk(*ws, file);
        // What a version-6 file holds: lines without descriptions, the title and price of the newest row.
        std::string error;
        QVERIFY2(writeTransaction(*ws, error, [](sqlite3 *db, std::string &e) {
                     return execSql(db, "UPDATE order_lines SET description_id = NULL", &e)
                            && execSql(db, "UPDATE products SET title = 'damaged', price = 0", &e);
                 }), error.c_str());
        importOk(*ws, file);   // every order unchanged, yet its lines get their descriptions
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM order_lines WHERE description_id IS NULL"), int64_t(0));
        QCOMPARE(titleOf(*ws, "A"), std::string("RED MUG"));
        QCOMPARE(priceOf(*ws, "A"), 2.0);
    }

    void onlineRetail()
    {
        MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
        auto ws = mbtest::freshWorkspace(dir_, "retail.merchbench");
        importOk(*ws, csv);
        // Its newest rows say "CREAM HANGING HEART T-LIGHT HOLDER"; most of them say this.
        QCOMPARE(titleOf(*ws, "85123A"), std::string("WHITE HANGING HEART T-LIGHT HOLDER"));
        QCOMPARE(priceOf(*ws, "85123A"), 2.95);
        // Products the newest-row rule titled "damaged" or "check" (116 junk titles in all) have their name.
        QCOMPARE(titleOf(*ws, "21823"), std::string("PAINTED METAL HEART WITH HOLLY BELL"));
        QCOMPARE(titleOf(*ws, "22759"), std::string("SET OF 3 NOTEBOOKS IN PARCEL"));
        QCOMPARE(titleOf(*ws, "84563A"), std::string("PINK & WHITE BREAKFAST TRAY"));
        // No product with a real description anywhere in its lines keeps a junk title: the 13 left have
        // nothing else ("thrown away", "ebay", "damages" are all their rows say).
        Statement s(ws->db(), R"sql(
SELECT p.title, group_concat(d.text, char(31)) FROM products p
JOIN order_lines l ON l.product_id = p.id JOIN descriptions d ON d.id = l.description_id GROUP BY p.id)sql");
        int junkTitles = 0;
        while (s.step()) {
            bool capitals = false;
            const QStringList all = QString::fromStdString(s.text(1)).split(QChar(31));
            for (const QString &d : all) capitals = capitals || (hasCapital(d.toStdString()) && !isJunkDescription(d.toStdString()));
            if (!isJunkDescription(s.text(0), capitals)) continue;
            ++junkTitles;
            for (const QString &d : all)
                QVERIFY2(isJunkDescription(d.toStdString(), capitals),
                         qPrintable(QStringLiteral("junk title \"%1\" beside the real \"%2\"").arg(QString::fromStdString(s.text(0)), d)));
        }
        QCOMPARE(junkTitles, 13);
        // Prices: no order-only product at 0 (610 were); unknown (NULL) only with no positive price at all.
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM products WHERE price = 0"), int64_t(0));
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM products p WHERE price IS NULL AND EXISTS "
                                     "(SELECT 1 FROM order_lines l WHERE l.product_id = p.id AND l.unit_price > 0)"), int64_t(0));
        QCOMPARE(mbtest::scalar(*ws, "SELECT count(*) FROM products WHERE price IS NULL"), int64_t(132));
        // A re-import leaves every product as it was.
        const int64_t before = mbtest::scalar(*ws, "SELECT sum(updated_at) FROM products");
        importOk(*ws, csv);
        QCOMPARE(mbtest::scalar(*ws, "SELECT sum(updated_at) FROM products"), before);
        QCOMPARE(titleOf(*ws, "85123A"), std::string("WHITE HANGING HEART T-LIGHT HOLDER"));
    }
};

QTEST_GUILESS_MAIN(TestProductTitles)
#include "tst_producttitles.moc"

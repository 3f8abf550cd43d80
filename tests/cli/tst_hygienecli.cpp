// `merchbench-cli hygiene …` as a script uses it: list proposals and variants (text and JSON), confirm
// proposals, dismiss one (not listed again), merge two SKU variants, keep two apart, and the usage errors.
#include "clirunner.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using mbtest::cli;
using Result = mbtest::CliResult;

class tst_HygieneCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString ws_;

    QJsonObject list()
    {
        const Result r = cli({"--workspace", ws_, "--json", "hygiene", "list"});
        if (r.code != 0) qWarning("%s", r.err.constData());
        return QJsonDocument::fromJson(r.out).object();
    }
    static QStringList field(const QJsonArray &rows, const char *name)
    {
        QStringList out;
        for (const QJsonValue &v : rows) out << v.toObject().value(QLatin1String(name)).toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString csv = dir_.filePath("orders.csv");
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                "1,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26,2.55,17850,United Kingdom\n"
                "1,POST,POSTAGE,1,2010-12-01 08:26,18.00,17850,United Kingdom\n"
                "2,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-02 08:26,2.55,17851,United Kingdom\n"
                "2,DOT,DOTCOM POSTAGE,1,2010-12-02 08:26,120.00,17851,United Kingdom\n"
                "3,85123a,CREAM HANGING HEART T-LIGHT HOLDER,6,2010-12-03 08:26,2.95,17852,United Kingdom\n"
                "3,22423A,REGENCY CAKESTAND 3 TIER,1,2010-12-03 08:26,12.75,17852,United Kingdom\n"
                                "4,22423a,REGENCY CAKESTAND 3 TIER,1,2010-12-04 08:26,12.75,17852,United Kingdom\n");
        f.close();
        ws_ = dir_.filePath("hygiene.merchbench");
        QCOMPARE(cli({"--workspace", ws_, "init"}).code, 0);
        const Result r = cli({"--workspace", ws_, "import", "orders", csv});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    void listsProposalsAndVariants()
    {
        const Result text = cli({"--workspace", ws_, "hygiene", "list"});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains("Non-merchandise proposals (2;"), text.out.constData());
        QVERIFY2(text.out.contains("  POST\tPOSTAGE\tpostage\tbaskets 25.0 %\tmedian price 18.00\tSKU POST is a postage code"),
                 text.out.constData());
        QVERIFY2(text.out.contains("  85123A (2 lines)\t<- 85123a (1 lines)\tcase"), text.out.constData());
        const QJsonObject o = list();
        QCOMPARE(field(o.value("non_merchandise").toArray(), "sku"), QStringList({"POST", "DOT"}));
        const QJsonObject post = o.value("non_merchandise").toArray().at(0).toObject();
        QCOMPARE(post.value("basket_share").toDouble(), 0.25);
        QCOMPARE(post.value("median_price").toDouble(), 18.0);
        QCOMPARE(post.value("kind").toString(), QStringLiteral("postage"));
        QCOMPARE(field(o.value("sku_variants").toArray(), "variant"), QStringList({"22423a", "85123a"}));
    }

    void dismissApplyMergeKeepApart()
    {
        Result r = cli({"--workspace", ws_, "hygiene", "dismiss", "DOT"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(field(list().value("non_merchandise").toArray(), "sku"), QStringList({"POST"}));
        r = cli({"--workspace", ws_, "--json", "hygiene", "apply", "--all-proposed"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("not_recommendable").toArray(), QJsonArray({"POST"}));
        QCOMPARE(field(list().value("non_merchandise").toArray(), "sku"), QStringList());
        r = cli({"--workspace", ws_, "hygiene", "apply", "--non-merch", "DOT"});   // a dismissal can still be applied by hand
        QVERIFY2(r.code == 0 && r.out.contains("1 product(s) marked not recommendable"), r.out.constData());
        const Result products = cli({"--workspace", ws_, "--json", "products", "non-merchandise"});
        QCOMPARE(QJsonDocument::fromJson(products.out).object().value("products").toArray().size(), 0);  // all marked

        r = cli({"--workspace", ws_, "hygiene", "merge", "85123A", "85123a"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("85123a merged into 85123A: 1 order line(s) moved\n"));
        r = cli({"--workspace", ws_, "hygiene", "keep-apart", "22423a", "22423A"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(list().value("sku_variants").toArray().size(), 0);
        const Result info = cli({"--workspace", ws_, "--json", "info"});
        QVERIFY2(info.out.contains("\"products\": 5,"), info.out.constData());
    }

    void usageAndBadInput()
    {
        QCOMPARE(cli({"--workspace", ws_, "hygiene", "apply"}).code, 1);
        QCOMPARE(cli({"--workspace", ws_, "hygiene", "apply", "--all-proposed", "POST"}).code, 1);
        QCOMPARE(cli({"--workspace", ws_, "hygiene", "merge", "85123A"}).code, 1);
        const Result unknown = cli({"--workspace", ws_, "hygiene", "apply", "--non-merch", "NOPE"});
        QCOMPARE(unknown.code, 2);
        QVERIFY2(unknown.err.contains("no product has the SKU \"NOPE\""), unknown.err.constData());
        const Result different = cli({"--workspace", ws_, "hygiene", "merge", "22423A", "85123A"});
        QCOMPARE(different.code, 2);
        QVERIFY2(different.err.contains("differ by more than case and spaces"), different.err.constData());
    }
};

QTEST_GUILESS_MAIN(tst_HygieneCli)
#include "tst_hygienecli.moc"

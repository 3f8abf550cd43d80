// `merchbench-cli mine ... --exclude-tag/--exclude-source` as a script uses it: the orders are left out of what
// is mined, the output says how many baskets, `mine status` shows the parameters, and a tag no order has is
// warned about rather than silently mining everything.
#include "clirunner.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using mbtest::cli;
using Result = mbtest::CliResult;

class tst_MineCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString ws_;

private Q_SLOTS:
    void initTestCase()
    {
        ws_ = dir_.filePath("subs.merchbench");
        QCOMPARE(cli({"--workspace", ws_, "init"}).code, 0);
        const Result r = cli({"--workspace", ws_, "import", "orders", mbtest::fixture("orders/shopify_subscriptions.csv")});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    void mineRunLeavesOutTaggedOrders()
    {
        const Result r = cli({"--workspace", ws_, "mine", "run", "--min-count", "1", "--exclude-tag", "Subscription Recurring Order",
                              "--exclude-source", "pos"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("(2 baskets, 4 of excluded orders left out)"), r.out.constData());
        const Result status = cli({"--workspace", ws_, "--json", "mine", "status"});
        QCOMPARE(status.code, 0);
        const QJsonArray runs = QJsonDocument::fromJson(status.out).object().value("runs").toArray();
        QCOMPARE(runs.size(), 3);
        for (const QJsonValue &v : runs) {
            const QJsonObject p = QJsonDocument::fromJson(v.toObject().value("parameters").toString().toUtf8()).object();
            QCOMPARE(p.value("excludeTags").toArray(), QJsonArray{"Subscription Recurring Order"});
            QCOMPARE(p.value("excludeSources").toArray(), QJsonArray{"pos"});
        }
    }

    void repeatedTagsAndJson()
    {
        const Result r = cli({"--workspace", ws_, "--json", "mine", "run", "--min-count", "1", "--exclude-tag",
                              "Subscription Recurring Order", "--exclude-tag=GrowLTV"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("baskets").toInt(), 2);          // #S3 and #S4
        QCOMPARE(o.value("excludedBaskets").toInt(), 4);  // three reorders and the GrowLTV order
    }

    void pairsCsvWithoutReorders()
    {
        const Result all = cli({"--workspace", ws_, "mine", "pairs", "--min-count", "1"});
        QCOMPARE(all.code, 0);
        QVERIFY2(all.out.contains("\nPADS,SPRAY,4,"), all.out.constData());
        const Result kept = cli({"--workspace", ws_, "mine", "pairs", "--min-count", "1", "--exclude-tag", "Subscription Recurring Order"});
        QCOMPARE(kept.code, 0);
        QVERIFY2(kept.out.contains("\nPADS,SPRAY,1,"), kept.out.constData());
        QVERIFY2(kept.err.contains("3 baskets (3 baskets of excluded orders left out)"), kept.err.constData());
    }

    void unknownTagIsWarned()
    {
        const Result r = cli({"--workspace", ws_, "mine", "pairs", "--min-count", "1", "--exclude-tag", "Subscription Recuring Order"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains("warning: no order has the tag \"Subscription Recuring Order\""), r.err.constData());
        QVERIFY2(r.out.contains("\nPADS,SPRAY,4,"), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(tst_MineCli)
#include "tst_minecli.moc"

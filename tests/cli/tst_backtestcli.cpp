// merchbench-cli backtest on the demo store, as a script uses it: the JSON (split, rows per task and method,
// assumptions), the CSV export, the same figures for the same seed, and errors that name the option.
#include "clirunner.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using mbtest::cli;
using Result = mbtest::CliResult;

class tst_BacktestCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    QString ws;

    Result run(QStringList args)
    {
        args.prepend(ws);
        args.prepend("--workspace");
        return cli(args);
    }

    static QByteArray withoutTimes(const QByteArray &json)
    {
        QJsonObject o = QJsonDocument::fromJson(json).object();
        o.remove("millis");
        QJsonArray rows = o["rows"].toArray();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QJsonObject r = rows[i].toObject();
            r.remove("millis");
            rows[i] = r;
        }
        o.insert("rows", rows);
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void initTestCase()
    {
        ws = dir.filePath("demo.merchbench");
        const Result r = cli({"--workspace", ws, "demo"});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    void jsonHasEveryTaskAndMethod()
    {
        const QString csv = dir.filePath("bt.csv");
        const Result r = run({"backtest", "--sample", "200", "--seed", "5", "--csv", csv, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o["defaultSplit"].toBool());
        QCOMPARE(o["splitDate"].toString().size(), 10);
        QVERIFY(o["trainingOrders"].toInt() > o["testOrders"].toInt());
        QVERIFY(o["assumptions"].toString().contains("estimate"));
        const QJsonArray rows = o["rows"].toArray();
        // 3 tasks x 6 methods, and the checkout policy on the cart task.
        QCOMPARE(rows.size(), 19);
        QSet<QString> seen;
        for (const auto &v : rows) {
            const QJsonObject row = v.toObject();
            seen.insert(row["task"].toString() + "/" + row["method"].toString() + "/" + row["placement"].toString());
            const QJsonObject s = row["atSlots"].toObject(), l = row["atList"].toObject();
            QCOMPARE(s["k"].toInt(), row["slots"].toInt());
            QCOMPARE(l["k"].toInt(), 10);
            for (const char *m : {"hitRate", "recall", "ndcg"}) {
                QVERIFY(s[m].toDouble() >= 0 && s[m].toDouble() <= 1);
                QVERIFY(l[m].toDouble() >= s[m].toDouble() - 1e-12);  // a longer list never hits less
            }
            QVERIFY(row["coverage"].toDouble() >= 0 && row["coverage"].toDouble() <= 1);
            QCOMPARE(row["nonMerchandiseShare"].toDouble(), 0.0);
        }
        QVERIFY(seen.contains("cart/policy/checkout"));
        QVERIFY(seen.contains("post-purchase/ease/post-purchase"));
        // The demo's history has structure: co-occurrence on the product page finds something.
        for (const auto &v : rows) {
            const QJsonObject row = v.toObject();
            if (row["task"].toString() == "product-page" && row["method"].toString() == "cooccurrence")
                QVERIFY(row["atList"].toObject()["hitRate"].toDouble() > 0.1);
        }
        const QByteArray text = mbtest::readAll(csv);
        QVERIFY(text.startsWith("task,method,placement,label,k,hit_rate,recall,ndcg,"));
        QCOMPARE(text.count('\n'), 1 + 2 * 19);
    }

    void sameSeedSameFigures()
    {
        const QStringList args{"backtest", "--tasks", "product-page,cart", "--methods", "cooccurrence,policy", "--sample", "100",
                               "--seed", "3", "--json"};
        const Result a = run(args), b = run(args);
        QVERIFY2(a.code == 0, a.err.constData());
        QCOMPARE(withoutTimes(a.out), withoutTimes(b.out));
        const QJsonArray rows = QJsonDocument::fromJson(a.out).object()["rows"].toArray();
        // Methods come in the documented order whatever order they were named in; cart also has checkout.
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[0].toObject()["method"].toString(), QString("policy"));
        QCOMPARE(rows[1].toObject()["method"].toString(), QString("cooccurrence"));
    }

    void tableByDefault()
    {
        const Result r = run({"backtest", "--tasks", "cart", "--methods", "ease", "--sample", "50", "--split", "2026-01-01"});
        if (r.code == 2) QVERIFY2(r.err.contains("split day 2026-01-01"), r.err.constData());  // outside the demo's history
        else {
            QVERIFY2(r.code == 0, r.err.constData());
            QVERIFY(r.out.contains("Cart: "));
            QVERIFY(r.out.contains("EASE"));
            QVERIFY(r.out.contains("estimate"));
        }
    }

    void errorsNameTheOption_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("split") << QStringList{"--split", "2011-13-01"} << "--split: \"2011-13-01\" is not a date; expected YYYY-MM-DD";
        QTest::newRow("tasks") << QStringList{"--tasks", "home"} << "--tasks: \"home\" is not a task";
        QTest::newRow("methods") << QStringList{"--methods", "ease,magic"} << "--methods: \"magic\" is not a method";
        QTest::newRow("sample") << QStringList{"--sample", "0"} << "--sample: \"0\" is not valid; expected a whole number from 1, or all";
        QTest::newRow("within") << QStringList{"--within-days", "x"} << "--within-days: \"x\" is not valid";
        QTest::newRow("attach") << QStringList{"--attach-rate", "5"} << "--attach-rate: \"5\" is not valid";
        QTest::newRow("unknown") << QStringList{"--sampel", "5"} << "sampel";
    }
    void errorsNameTheOption()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        args.prepend("backtest");
        const Result r = run(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(QString::fromUtf8(r.err).contains(expected), r.err.constData());
    }

    void splitOutsideTheHistory()
    {
        const Result r = run({"backtest", "--split", "1990-01-01", "--json"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("no merchandise orders before the split day 1990-01-01"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(tst_BacktestCli)
#include "tst_backtestcli.moc"

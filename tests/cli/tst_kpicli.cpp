// merchbench-cli kpi and import events, as a script drives them: exit codes, JSON, CSV, usage errors.
#include "testsupport.h"
#include "../core/kpifixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

class TestKpiCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString workspace_;

    struct Run {
        int code;
        QByteArray out, err;
    };
    Run cli(const QStringList &args) const
    {
        QProcess p;
        p.start(QStringLiteral(MB_CLI_PATH), QStringList{"--workspace", workspace_} + args);
        p.waitForFinished(60000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        auto ws = kpifixture::build(dir_, {true, true, false});
        QVERIFY(ws);
        workspace_ = QString::fromStdString(ws->path());
    }

    void importEvents()
    {
        const Run r = cli({"import", "events", mbtest::fixture("kpi/events.csv")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("12 rows read, 12 imported, 0 rejected"));
        const Run bad = cli({"import", "events", mbtest::fixture("kpi/events_bad.csv"), "--strict"});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("events_bad.csv: line 3, field \"time\""));
        const Run missing = cli({"import", "events", mbtest::fixture("kpi/events_noevent.csv")});
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains("no column for event"));
    }

    void jsonReport()
    {
        const Run r = cli({"--json", "kpi", "--from", "2024-02-01", "--to", "2024-02-29", "--by", "week"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["filter"].toObject()["from"].toString(), QString("2024-02-01"));
        QCOMPARE(o["current"].toObject()["orders"].toInt(), 2);
        QCOMPARE(o["current"].toObject()["revenue"].toDouble(), 235.0);
        QCOMPARE(o["previous"].toObject()["revenue"].toDouble(), 240.0);
        QCOMPARE(o["series"].toArray().size(), 5);   // weeks starting 2024-01-29 .. 2024-02-26
        QVERIFY(o["events"].toObject()["hasEvents"].toBool() == false);   // January's events fall outside February
    }

    void categoryAndCsv()
    {
        const Run r = cli({"kpi", "--category", "kitchen", "--csv"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("section,key,metric,value\n"));
        QVERIFY(r.out.contains("headline,2024-01-05..2024-03-15,revenue,35\n"));
        QVERIFY(r.out.contains("headline,2024-01-05..2024-03-15,orders,2\n"));
    }

    void textReport()
    {
        const Run r = cli({"kpi"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("orders             7"));
        QVERIFY(r.out.contains("CAM1 -> CARD (accessory): 2 of 3 orders, 66.7 %"));
        QVERIFY(r.out.contains("Camera kit / Standard: 1 of 3, 33.3 %"));
        QVERIFY(r.out.contains("\n  repeat rate        "));
        QVERIFY(r.out.contains("\n  CLV predictive     "));
        // A period without a known customer (a guest-only store, or a redacted export imported as guests)
        // says so once rather than printing a row of n/a's.
        const Run guests = cli({"kpi", "--from", "2030-01-01", "--to", "2030-01-31"});
        QCOMPARE(guests.code, 0);
        QVERIFY2(guests.out.contains("\n  repeat rate, CLV   n/a: no order in the period has a known customer\n"), guests.out.constData());
        QVERIFY(!guests.out.contains("CLV predictive"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad date") << QStringList{"kpi", "--from", "tomorrow"} << 1 << "--from expects a date";
        QTest::newRow("bad granularity") << QStringList{"kpi", "--by", "year"} << 1 << "--by expects day, week or month";
        QTest::newRow("reversed period") << QStringList{"kpi", "--from", "2024-03-01", "--to", "2024-02-01"} << 1 << "--to is before --from";
        QTest::newRow("unknown category") << QStringList{"kpi", "--category", "Garden"} << 2 << "no category \"Garden\"";
        QTest::newRow("json and csv") << QStringList{"kpi", "--json", "--csv"} << 1 << "choose one of --json and --csv";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestKpiCli)
#include "tst_kpicli.moc"

// merchbench-cli abtest read / sample-size as a script drives them: no workspace, exit codes, the figures
// of the worked examples (Newcombe 1998, Fleiss 2003) in text and JSON, and errors naming the option.
#include "clirunner.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using mbtest::cli;

class TestAbTestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Newcombe (1998b) Table II, first example: 56/70 vs 48/80, difference 0.2000 (0.0524 to 0.3339).
    void readSummaryText()
    {
        const mbtest::CliResult r = cli({"abtest", "read", mbtest::fixture("abtest/summary_newcombe.csv")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("vs control: conversion +20.00 pts (95 % CI +5.24 to +33.39 pts), lift +33.3 %, p = 0.0080"), r.out);
        QVERIFY(r.out.contains("control (control)\n  visitors 80, conversions 48"));
        // Significant, and no wanted lift: no under-powered warning (power for the observed lift restates p).
        QVERIFY2(!r.out.contains("Under-powered"), r.out.constData());
        QVERIFY2(r.out.contains("smallest lift these visitors detect with 80 % power: +34.7 %"), r.out.constData());
        // For a wanted +10 % lift from 60 %, 80 and 70 visitors are far too few.
        const mbtest::CliResult wanted = cli({"abtest", "read", mbtest::fixture("abtest/summary_newcombe.csv"), "--wanted-lift", "0.1"});
        QCOMPARE(wanted.code, 0);
        QVERIFY2(wanted.out.contains("WARNING: Under-powered: \"treatment\" vs \"control\" had a"), wanted.out.constData());
        QVERIFY(wanted.out.contains("detecting a +10.0 % lift in conversion"));
        QVERIFY(r.out.contains("AOV +5.00 (no interval: the file gives no spread of revenue (a sum of squares or standard deviation per variant))"));
        QVERIFY(r.err.isEmpty());
    }

    void readJson()
    {
        const mbtest::CliResult r = cli({"abtest", "read", mbtest::fixture("abtest/summary_newcombe.csv"), "--json", "--wanted-lift", "0.05"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["control"].toString(), QString("control"));
        const QJsonObject t = o["variants"].toArray()[1].toObject();
        QCOMPARE(t["name"].toString(), QString("treatment"));
        const QJsonObject vs = t["vsControl"].toObject();
        QCOMPARE(qRound(vs["rateDifference"].toDouble() * 10000), 2000);
        QCOMPARE(qRound(vs["low"].toDouble() * 10000), 524);
        QCOMPARE(qRound(vs["high"].toDouble() * 10000), 3339);
        QVERIFY(vs["aov"].toObject()["low"].isNull());   // no spread in the file: no interval, not a made-up one
        QVERIFY(vs["aov"].toObject()["noInterval"].toString().startsWith("the file gives no spread of revenue"));
        QStringList kinds;
        for (const QJsonValue &w : o["warnings"].toArray()) kinds << w.toObject()["kind"].toString();
        QCOMPARE(kinds, QStringList({"stopped-early", "under-powered"}));
        QVERIFY(o["visitorsNeededPerVariant"].toDouble() > 1000);
    }

    // Per-session rows: Welch and the seeded bootstrap for AOV and revenue per visitor, the short-run warning;
    // the same seed gives the same output.
    void readRowsAndSeed()
    {
        const QStringList args = {"abtest", "read", mbtest::fixture("abtest/sessions.csv"), "--resamples", "500", "--seed", "42"};
        const mbtest::CliResult r = cli(args);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("ran 10 days"));
        QVERIFY(r.out.contains("less than two full weeks"));
        QVERIFY(r.out.contains("vs control: AOV +4.87 (95 % CI "));
        QVERIFY(r.out.contains("; bootstrap "));
        QCOMPARE(cli(args).out, r.out);
    }

    // A standard deviation too large to compute with (200 nines): the difference, and why it has no interval.
    void spreadTooLargeSaysWhy()
    {
        QTemporaryDir dir;
        const QString path = mbtest::writeFile(dir.filePath("huge.csv"), "Variant,Visitors,Conversions,Revenue,Revenue SD\ncontrol,10000,300,18000.00,"
                                                                          + QByteArray(200, '9') + "\nnew-cart,10050,345,21390.00,12.0\n");
        const mbtest::CliResult r = cli({"abtest", "read", path});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("vs control: AOV +2.00 (no interval: the revenue figures or their spread are too large to compute an "
                                "interval with;"),
                 r.out.constData());
        QVERIFY(r.out.contains("vs control: revenue per visitor +0.33 (no interval: the revenue figures"));
        QVERIFY(!r.out.contains("nan"));
    }

    void readSrmAndCsv()
    {
        const mbtest::CliResult r = cli({"abtest", "read", mbtest::fixture("abtest/summary_srm.csv"), "--csv"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("variant,role,visitors,conversions,orders,revenue,conversion_rate,"));
        QCOMPARE(r.out.count('\n'), 3);
        const mbtest::CliResult t = cli({"abtest", "read", mbtest::fixture("abtest/summary_srm.csv")});
        QVERIFY(t.out.contains("WARNING: Sample-ratio mismatch: visitors split 5,210 / 4,790 where 50 / 50 % was planned"));
        // Told that 52.1 / 47.9 was the plan, the split is no longer a mismatch.
        QVERIFY(!cli({"abtest", "read", mbtest::fixture("abtest/summary_srm.csv"), "--split", "52.1,47.9"}).out.contains("Sample-ratio"));
    }

    void controlOption()
    {
        const mbtest::CliResult r = cli({"abtest", "read", mbtest::fixture("abtest/three_variants.csv"), "--control", "Green button"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("control \"Green button\""));
        const mbtest::CliResult bad = cli({"abtest", "read", mbtest::fixture("abtest/three_variants.csv"), "--control", "Red"});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("the control \"Red\" is not a variant"));
    }

    // Fleiss, Levin & Paik (2003) eq. 4.14: 0.30 -> 0.40 (+33.3 %) needs 356 per group, 376 corrected.
    void sampleSize()
    {
        const mbtest::CliResult r = cli({"abtest", "sample-size", "--baseline", "0.3", "--lift", "0.333333333333333"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("356 visitors per variant (712 for an A/B test of two variants)"), r.out);
        QVERIFY(r.out.contains("376 per variant with Fleiss's continuity correction"));
        const mbtest::CliResult j = cli({"--json", "abtest", "sample-size", "--baseline", "0.05", "--lift", "1"});
        QCOMPARE(QJsonDocument::fromJson(j.out).object()["visitorsPerVariantContinuityCorrected"].toInt(), 474);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString f = mbtest::fixture("abtest/summary_newcombe.csv");
        QTest::newRow("no file") << QStringList{"abtest", "read"} << 1 << "abtest read takes one results file";
        QTest::newRow("alpha") << QStringList{"abtest", "read", f, "--alpha", "1.5"} << 1
                               << "option --alpha: expected a significance level between 0 and 0.5 such as 0.05, got \"1.5\"";
        QTest::newRow("power") << QStringList{"abtest", "read", f, "--power", "x"} << 1 << "option --power: expected a power between 0 and 1";
        QTest::newRow("lift") << QStringList{"abtest", "read", f, "--wanted-lift", "0"} << 1 << "option --wanted-lift: expected a lift other than 0";
        QTest::newRow("split") << QStringList{"abtest", "read", f, "--split", "50,abc"} << 1 << "option --split: expected the planned shares";
        QTest::newRow("split count") << QStringList{"abtest", "read", f, "--split", "1,1,1"} << 2 << "the planned split has 3 shares";
        QTest::newRow("unknown option") << QStringList{"abtest", "read", f, "--lift", "0.1"} << 1 << "unknown option --lift";
        QTest::newRow("bad file") << QStringList{"abtest", "read", mbtest::fixture("abtest/../cli/orders.csv")} << 2
                                  << "orders.csv: line 1: the header has no column for the variant";
        QTest::newRow("baseline") << QStringList{"abtest", "sample-size", "--baseline", "3", "--lift", "0.1"} << 1
                                  << "option --baseline: expected a conversion rate between 0 and 1";
        QTest::newRow("missing lift") << QStringList{"abtest", "sample-size", "--baseline", "0.03"} << 1 << "abtest sample-size needs --lift";
        QTest::newRow("lift past 100 %") << QStringList{"abtest", "sample-size", "--baseline", "0.6", "--lift", "1"} << 1
                                         << "option --lift: expected a lift other than 0 that keeps the rate between 0 and 1";
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const mbtest::CliResult r = cli(args);
        QCOMPARE(r.code, code);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void listedInHelp()
    {
        const mbtest::CliResult r = cli({"--help"});
        QVERIFY(r.out.contains("abtest read"));
        QVERIFY(r.out.contains("abtest sample-size"));
    }
};

QTEST_GUILESS_MAIN(TestAbTestCli)
#include "tst_abtestcli.moc"

// `warehouse sql` and `import mined` as a script uses them: the query on stdout without a workspace, usage
// errors for what it cannot be written without, and an engine's result saved as the pairs run with its
// provenance, or refused whole, naming the file, line and column, with the saved runs left as they were.
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

class tst_WarehouseCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString ws_;

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = dir_.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
        f.write(text);
        return path;
    }

    QJsonObject pairsRun()
    {
        const Result status = cli({"--workspace", ws_, "--json", "mine", "status"});
        for (const QJsonValue &v : QJsonDocument::fromJson(status.out).object().value("runs").toArray())
            if (v.toObject().value("kind").toString() == "pairs")
                return QJsonDocument::fromJson(v.toObject().value("parameters").toString().toUtf8()).object();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        ws_ = dir_.filePath("shop.merchbench");
        QCOMPARE(cli({"--workspace", ws_, "init"}).code, 0);
        const QString orders = write("orders.csv", "order_id,sku,quantity\n1,A,1\n1,B,1\n2,A,1\n2,B,2\n3,A,1\n3,C,1\n4,C,1\n");
        const Result r = cli({"--workspace", ws_, "import", "orders", orders});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    void sqlOnStdoutWithoutAWorkspace()
    {
        const Result r = cli({"warehouse", "sql", "--dialect", "snowflake", "--table", "ANALYTICS.PUBLIC.ORDER_LINES", "--order-column",
                              "ORDER_ID", "--sku-column", "SKU", "--top-per-anchor", "50"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.startsWith("-- merchbench: {\"dialect\":\"snowflake\""));
        QVERIFY(r.out.contains("FROM \"ANALYTICS\".\"PUBLIC\".\"ORDER_LINES\""));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList base{"warehouse", "sql", "--table", "t", "--order-column", "o", "--sku-column", "s"};
        QTest::newRow("unknown dialect") << (base + QStringList{"--dialect", "mysql"}) << "--dialect takes postgres, duckdb";
        QTest::newRow("no table") << QStringList{"warehouse", "sql", "--dialect", "duckdb", "--order-column", "o", "--sku-column", "s"}
                                  << "missing --table";
        QTest::newRow("tag without column") << (base + QStringList{"--dialect", "spark", "--exclude-tag", "x"})
                                            << "--exclude-tag needs --tags-column";
        QTest::newRow("negative top") << (base + QStringList{"--dialect", "spark", "--top-per-anchor", "-1"}) << "--top-per-anchor takes 0";
        QTest::newRow("no provenance") << QStringList{"--workspace", "x.merchbench", "import", "mined", "r.csv"} << "say which engine ran";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = cli(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    }

    void importMinedSavesThePairsRun()
    {
        const QString query = dir_.filePath("q.sql");
        QCOMPARE(cli({"warehouse", "sql", "--dialect", "bigquery", "--table", "shop.lines", "--order-column", "order_id", "--sku-column",
                      "sku", "--min-count", "1", "--out", query}).code, 0);
        const QString mined = write("mined.csv", "ANTECEDENT,CONSEQUENT,count,SUPPORT,CONFIDENCE,LIFT,COSINE,ANTECEDENT_COUNT,CONSEQUENT_COUNT,BASKETS\n"
                                                 "A,B,2,0.5,0.6666666666666666,1,0.8164965809277261,3,2,4\n"
                                                 "B,A,2,0.5,1,1,0.8164965809277261,2,3,4\n");
        const Result r = cli({"--workspace", ws_, "import", "mined", mined, "--query", query});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("Imported 2 pair rules"), r.out.constData());
        const QJsonObject p = pairsRun();
        QCOMPARE(p.value("engine").toString(), QString("bigquery"));
        QCOMPARE(p.value("baskets").toInteger(), 4);
        QCOMPARE(p.value("minCount").toInteger(), 1);
        QCOMPARE(p.value("queryHash").toString().size(), 64);
        QCOMPARE(p.value("queryFile").toString(), query);
        QVERIFY(!p.contains("query"));  // `mine status` prints the parameters: the hash, not a page of SQL
        QVERIFY(!p.value("importedAt").toString().isEmpty());
    }

    // Each refusal names the file, line and column and what was expected; the saved run stays as it was.
    void refusesABadFileWhole_data()
    {
        QTest::addColumn<QByteArray>("rows");
        QTest::addColumn<QString>("message");
        const QByteArray ok = "A,B,2,0.5,0.6666666666666666,1,0.8164965809277261,4\n";
        QTest::newRow("unknown SKU") << (ok + "A,ZZ,2,0.5,0.6,1,0.8,4\n") << "bad.csv:3: consequent: \"ZZ\": expected a SKU of the workspace";
        QTest::newRow("count") << (ok + "B,A,two,0.5,1,1,0.8,4\n") << "bad.csv:3: count: \"two\": expected a whole number";
        QTest::newRow("support") << (ok + "B,A,2,0.7,1,1,0.8,4\n") << "bad.csv:3: support: \"0.7\": expected count / baskets";
        QTest::newRow("baskets") << (ok + "B,A,2,0.4,1,1,0.8,5\n") << "bad.csv:3: baskets: \"5\": expected 4 as on the rows (and parts) before";
        QTest::newRow("twice") << (ok + ok) << "bad.csv:3: consequent: \"B\": expected each antecedent -> consequent pair once";
        QTest::newRow("itself") << QByteArray("A,A,2,0.5,1,1,1,4\n") << "bad.csv:2: consequent: \"A\": expected a SKU other than";
        QTest::newRow("lift") << QByteArray("A,B,2,0.5,0.6,-1,0.8,4\n") << "bad.csv:2: lift: \"-1\": expected a number above 0";
    }
    void refusesABadFileWhole()
    {
        QFETCH(QByteArray, rows);
        QFETCH(QString, message);
        const QJsonObject before = pairsRun();
        const QString bad = write("bad.csv", "antecedent,consequent,count,support,confidence,lift,cosine,baskets\n" + rows);
        const Result r = cli({"--workspace", ws_, "import", "mined", bad, "--engine", "snowflake"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(dir_.filePath(message).toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains("nothing was imported"), r.err.constData());
        QCOMPARE(pairsRun(), before);
    }

    // Warehouses export a big result in parts, each with its header: read as one result, checked across parts.
    void importsAResultExportedInParts()
    {
        const QByteArray header = "antecedent,consequent,count,support,confidence,lift,cosine,baskets\n";
        const QString one = write("part-0.csv", header + "A,B,2,0.5,0.6666666666666666,1,0.8164965809277261,4\n");
        const QString two = write("part-1.csv", header + "B,A,2,0.5,1,1,0.8164965809277261,4\nA,C,1,0.25,0.3333333333333333,0.6666666666666666,0.4082482904638631,4\n");
        const Result r = cli({"--workspace", ws_, "import", "mined", one, two, "--engine", "spark"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("Imported 3 pair rules"), r.out.constData());
        QCOMPARE(pairsRun().value("rules").toInteger(), 3);

        const QJsonObject before = pairsRun();
        const QString again = write("part-2.csv", header + "A,B,2,0.5,0.6666666666666666,1,0.8164965809277261,4\n");
        const Result repeated = cli({"--workspace", ws_, "import", "mined", one, again, "--engine", "spark"});
        QCOMPARE(repeated.code, 2);
        QVERIFY2(repeated.err.contains("part-2.csv:2: consequent: \"B\": expected each antecedent -> consequent pair once"),
                 repeated.err.constData());
        const QString other = write("part-3.csv", header + "B,A,2,0.4,1,1,0.8164965809277261,5\n");
        const Result baskets = cli({"--workspace", ws_, "import", "mined", one, other, "--engine", "spark"});
        QCOMPARE(baskets.code, 2);
        QVERIFY2(baskets.err.contains("part-3.csv:2: baskets: \"5\": expected 4 as on the rows (and parts) before"), baskets.err.constData());
        QCOMPARE(pairsRun(), before);
    }

    void refusesAFileWithoutTheColumns()
    {
        const QString bad = write("cols.csv", "antecedent,consequent,count\nA,B,2\n");
        const Result r = cli({"--workspace", ws_, "import", "mined", bad, "--engine", "spark"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("cols.csv:1: the header has no \"support\" column"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(tst_WarehouseCli)
#include "tst_warehousecli.moc"

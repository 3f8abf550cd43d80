// merchbench-cli recommend / policy show / policy set on the demo store, as a script uses them: exit
// codes, JSON, the left-out list with --explain, and policies that persist in the workspace.
#include "clirunner.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using mbtest::cli;
using Result = mbtest::CliResult;

class tst_RecommendCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    QString ws;

    Result run(QStringList args)
    {
        args.prepend(ws);
        args.prepend("--workspace");
        return cli(args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        ws = dir.filePath("demo.merchbench");
        const Result r = cli({"--workspace", ws, "demo"});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    void productPageAsJson()
    {
        const Result r = run({"recommend", "--placement", "product-page", "--sku", "CAM-MIR-110", "--json", "--explain"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["placement"].toString(), QString("product-page"));
        const QJsonArray picks = o["picks"].toArray();
        QVERIFY(!picks.isEmpty() && picks.size() <= 6);
        bool card = false;
        for (const auto &v : picks) {
            const QJsonObject p = v.toObject();
            QVERIFY(!p["reasons"].toArray().isEmpty());
            QVERIFY(p.contains("price") && p.contains("score") && p.contains("source"));
            if (p["sku"].toString().startsWith("CAM-CRD") && p["kind"].toString() == "necessity") card = true;
        }
        QVERIFY(card);
        QVERIFY(!o["leftOut"].toArray().isEmpty());
        QVERIFY(!o["leftOut"].toArray().first().toObject()["rule"].toString().isEmpty());
    }

    void cartWithQuantitiesAndLimit()
    {
        const Result r = run({"recommend", "--placement", "cart", "--cart", "COF-MAC-110:1,COF-FLT-701:2", "--limit", "2", "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["cartSubtotal"].toDouble(), 48.99 + 2 * 3.49);
        QVERIFY(o["picks"].toArray().size() <= 2);
        QVERIFY(!o.contains("leftOut"));  // only with --explain
        for (const auto &v : o["picks"].toArray()) QVERIFY(v.toObject()["sku"].toString() != "COF-FLT-701");
    }

    void postPurchaseTextShowsSendDays()
    {
        const Result r = run({"recommend", "--placement", "post-purchase", "--sku", "COF-MAC-110", "--customer", "C0001", "--date", "2026-11-01"});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.startsWith("post-purchase for COF-MAC-110"));
        QVERIFY(r.out.contains("[day "));
    }

    void errorsHaveTheirExitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no placement") << QStringList{"recommend", "--sku", "X"} << 1 << "recommend needs --placement";
        QTest::newRow("bad placement") << QStringList{"recommend", "--placement", "homepage", "--sku", "X"} << 1
                                       << "\"homepage\" is not a placement";
        QTest::newRow("sku and cart") << QStringList{"recommend", "--placement", "cart", "--sku", "A", "--cart", "B"} << 1
                                      << "exactly one of --sku SKU or --cart";
        QTest::newRow("bad date") << QStringList{"recommend", "--placement", "cart", "--cart", "A", "--date", "2026-02-30"} << 1
                                  << "--date: \"2026-02-30\" is not a date; expected YYYY-MM-DD";
        QTest::newRow("unknown sku") << QStringList{"recommend", "--placement", "product-page", "--sku", "NOPE"} << 2
                                     << "--sku: no product with SKU \"NOPE\"";
        QTest::newRow("unknown customer") << QStringList{"recommend", "--placement", "product-page", "--sku", "CAM-MIR-110", "--customer", "Z9"}
                                          << 2 << "--customer: no customer \"Z9\"";
        QTest::newRow("bad quantity") << QStringList{"recommend", "--placement", "cart", "--cart", "CAM-MIR-110:0"} << 2
                                      << "the quantity must be above 0";
        QTest::newRow("bad policy value") << QStringList{"policy", "set", "cart", "slots", "many"} << 2
                                          << "cart policy: key \"slots\": \"many\" is not valid; expected a whole number from 1 to 20";
        QTest::newRow("bad policy placement") << QStringList{"policy", "set", "shelf", "slots", "2"} << 1 << "\"shelf\" is not a placement";
    }
    void errorsHaveTheirExitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Result r = run(args);
        QCOMPARE(r.code, code);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    // A script's batch: each line is answered in order with exactly what the single call answers, and the
    // request's id comes back with it.
    void requestsFileAnswersEachLineAsTheSingleCallDoes()
    {
        const QString path = dir.filePath("requests.jsonl");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"id": "pdp", "placement": "product-page", "sku": "CAM-MIR-110", "explain": true}
{"id": 7, "placement": "cart", "cart": ["COF-MAC-110", {"sku": "COF-FLT-701", "quantity": 2}], "limit": 2}

{"placement": "post-purchase", "sku": "COF-MAC-110", "customer": "C0001", "date": "2026-11-01"}
{"placement": "checkout", "cart": "COF-MAC-110:1,COF-FLT-701:2"}
)");
        f.close();
        const Result batch = run({"recommend", "--requests", path});
        QVERIFY2(batch.code == 0, batch.err.constData());
        const QList<QByteArray> lines = batch.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        const QList<QStringList> single = {
            {"recommend", "--placement", "product-page", "--sku", "CAM-MIR-110", "--explain", "--json"},
            {"recommend", "--placement", "cart", "--cart", "COF-MAC-110,COF-FLT-701:2", "--limit", "2", "--json"},
            {"recommend", "--placement", "post-purchase", "--sku", "COF-MAC-110", "--customer", "C0001", "--date", "2026-11-01", "--json"},
            {"recommend", "--placement", "checkout", "--cart", "COF-MAC-110:1,COF-FLT-701:2", "--json"}};
        const QList<int> fileLines = {1, 2, 4, 5};
        for (int i = 0; i < 4; ++i) {
            QJsonObject answer = QJsonDocument::fromJson(lines[i]).object();
            QCOMPARE(answer.take("line").toInt(), fileLines[i]);
            const QJsonValue id = answer.take("id");
            if (i == 0) QCOMPARE(id.toString(), QString("pdp"));
            if (i == 1) QCOMPARE(id.toInt(), 7);
            if (i >= 2) QVERIFY(id.isUndefined());
            const Result one = run(single[i]);
            QVERIFY2(one.code == 0, one.err.constData());
            QCOMPARE(answer, QJsonDocument::fromJson(one.out).object());
            QVERIFY(!answer["picks"].toArray().isEmpty());
        }
    }

    // A bad line is answered with its error, named by file, line and field on stderr; the others still run.
    void badRequestLinesAreAnsweredWithTheirErrors()
    {
        const QString path = dir.filePath("bad.jsonl");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"placement": "cart", "cart": ["NOPE"]}
{"placement": "product-page", "sku": "CAM-MIR-110"}
{"placement": "homepage", "sku": "CAM-MIR-110"}
not json
{"placement": "cart", "cart": [{"sku": "CAM-MIR-110", "quantity": 0}]}
{"placement": "cart", "basket": ["CAM-MIR-110"]}
{"placement": "product-page", "sku": "CAM-MIR-110", "cart": "COF-MAC-110"}
)");
        f.close();
        const Result r = run({"recommend", "--requests", path});
        QCOMPARE(r.code, 2);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 7);
        const QList<QPair<QString, QString>> expected = {{"cart", "no product with SKU \"NOPE\""},
                                                         {"", ""},
                                                         {"placement", "\"homepage\" is not a placement"},
                                                         {"", "not JSON"},
                                                         {"cart", "the quantity must be above 0"},
                                                         {"basket", "not a request field"},
                                                         {"sku", "exactly one of sku"}};
        const QString err = QString::fromUtf8(r.err);
        for (int i = 0; i < lines.size(); ++i) {
            const QJsonObject o = QJsonDocument::fromJson(lines[i]).object();
            QCOMPARE(o["line"].toInt(), i + 1);
            if (i == 1) {
                QVERIFY(!o.contains("error"));
                QVERIFY(!o["picks"].toArray().isEmpty());
                continue;
            }
            QVERIFY2(o["error"].toString().contains(expected[i].second), lines[i].constData());
            QCOMPARE(o["field"].toString(), expected[i].first);
            QString where = path + " line " + QString::number(i + 1);
            if (!expected[i].first.isEmpty()) where += ", field \"" + expected[i].first + "\"";
            QVERIFY2(err.contains(where + ": "), qPrintable(err));
        }
        const Result missing = run({"recommend", "--requests", dir.filePath("absent.jsonl")});
        QCOMPARE(missing.code, 2);
        QVERIFY2(QString::fromUtf8(missing.err).contains("absent.jsonl: cannot read the requests file"), missing.err.constData());
        const Result mixed = run({"recommend", "--requests", path, "--placement", "cart"});
        QCOMPARE(mixed.code, 1);
        QVERIFY(mixed.err.contains("--placement belongs in each request line"));
    }

    void policySetChangesWhatRecommendShows()
    {
        Result r = run({"policy", "set", "checkout", "slots", "1"});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("checkout slots = 1\n"));
        r = run({"policy", "show", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["checkout"].toObject()["slots"].toString(), QString("1"));
        r = run({"recommend", "--placement", "checkout", "--cart", "CAM-MIR-110", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["picks"].toArray().size(), 1);
        r = run({"policy", "show"});
        QVERIFY(r.out.contains("checkout:\n"));
        QVERIFY(r.out.contains("max-cart-share-percent"));
    }
};

QTEST_GUILESS_MAIN(tst_RecommendCli)
#include "tst_recommendcli.moc"

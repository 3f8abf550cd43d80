// Reading A/B result files: both shapes, the column aliases, and errors that name the file, the line, the
// field and what was expected, with nothing half-read left behind.
#include "core/abtest/abparser.h"
#include "testsupport.h"

#include <QtTest>

#include <algorithm>

using namespace mb::abtest;

class TestAbTestParser : public QObject {
    Q_OBJECT

    static AbParse text(const char *csv) { return parseAbResultsText(csv, "t.csv"); }

private Q_SLOTS:
    void summaryFile()
    {
        const AbParse p = parseAbResults(mbtest::fixture("abtest/summary_newcombe.csv").toStdString());
        QVERIFY2(p.ok, p.error.c_str());
        QCOMPARE(int(p.results.kind), int(AbFileKind::Summary));
        QCOMPARE(p.results.variants.size(), size_t(2));
        QCOMPARE(p.results.variants[1].name, std::string("treatment"));
        QCOMPARE(p.results.variants[1].visitors, int64_t(70));
        QCOMPARE(p.results.variants[1].conversions, int64_t(56));
        QCOMPARE(p.results.variants[1].revenue, 3080.0);
        QVERIFY(!p.results.variants[1].revenueSumOfSquares);
    }

    // A semicolon file with decimal commas, "sessions" / "orders" / "traffic share" for the column names.
    void summaryAliases()
    {
        const AbParse p = parseAbResults(mbtest::fixture("abtest/summary_srm.csv").toStdString());
        QVERIFY2(p.ok, p.error.c_str());
        QCOMPARE(p.results.variants[0].visitors, int64_t(5210));
        QCOMPARE(p.results.variants[0].conversions, int64_t(161));
        QCOMPARE(p.results.variants[0].revenue, 9821.5);
        QCOMPARE(p.results.variants[1].expectedShare, 50.0);
    }

    // A standard deviation of revenue per visitor becomes the sum of squares: (n - 1) s^2 + n mean^2.
    void summarySpread()
    {
        const AbParse p = parseAbResults(mbtest::fixture("abtest/summary_spread.csv").toStdString());
        QVERIFY2(p.ok, p.error.c_str());
        const AbVariant &c = p.results.variants[0];
        QVERIFY(c.revenueSumOfSquares);
        QCOMPARE(*c.revenueSumOfSquares, 9999 * 11.2 * 11.2 + 10000 * 1.8 * 1.8);
    }

    // Per-session rows with converted 0/1 and dates (counts checked against the file by a separate count).
    void sessionRows()
    {
        const AbParse p = parseAbResults(mbtest::fixture("abtest/sessions.csv").toStdString());
        QVERIFY2(p.ok, p.error.c_str());
        const AbResults &r = p.results;
        QCOMPARE(int(r.kind), int(AbFileKind::Rows));
        QCOMPARE(r.rowsRead, int64_t(1200));
        QCOMPARE(r.variants[0].name, std::string("control"));
        QCOMPARE(r.variants[0].visitors, int64_t(600));
        QCOMPARE(r.variants[0].conversions, int64_t(37));
        QCOMPARE(r.variants[1].conversions, int64_t(38));
        QCOMPARE(qRound64(r.variants[0].revenue * 100), qint64(143435));
        QCOMPARE(r.variants[0].orderValues.size(), size_t(37));
        QCOMPARE(r.variants[0].visitorRevenue.size(), size_t(37));
        QVERIFY(r.visitorsKnown);
        QVERIFY(r.firstTime && r.lastTime);
        QCOMPARE((*r.lastTime - *r.firstTime) / 86400, int64_t(9));
    }

    // Order lines: lines of one order are summed into that order; a row without an order id is a visit
    // that did not buy.
    void orderLines()
    {
        const AbParse p = parseAbResults(mbtest::fixture("abtest/order_lines.csv").toStdString());
        QVERIFY2(p.ok, p.error.c_str());
        const AbVariant &a = p.results.variants[0], &b = p.results.variants[1];
        QCOMPARE(a.visitors, int64_t(150));
        QCOMPARE(a.conversions, int64_t(16));
        QCOMPARE(a.orders, int64_t(16));
        QCOMPARE(qRound64(a.revenue * 100), qint64(31097));
        QCOMPARE(qRound64(b.revenue * 100), qint64(51745));
    }

    void visitorIdsAndCrossovers()
    {
        const AbParse p = text("visitor,group,order_id,revenue\n"
                               "u1,A,,\n"
                               "u1,A,o1,10\n"      // the same visitor buying later: one visitor, converted
                               "u2,B,o2,20\n"
                               "u2,B,o3,5\n"       // a second order of the same visitor
                               "u3,B,,\n"
                               "u1,B,o4,7\n");     // u1 again, in the other variant: left out
        QVERIFY2(p.ok, p.error.c_str());
        const AbVariant &a = p.results.variants[0], &b = p.results.variants[1];
        QCOMPARE(a.visitors, int64_t(1));
        QCOMPARE(a.conversions, int64_t(1));
        QCOMPARE(b.visitors, int64_t(2));
        QCOMPARE(b.conversions, int64_t(1));
        QCOMPARE(b.orders, int64_t(2));
        QCOMPARE(b.visitorRevenue, std::vector<double>{25.0});
        QCOMPARE(p.results.crossoverVisitors, int64_t(1));
        QCOMPARE(p.results.crossoverRows, int64_t(1));
    }

    void ordersOnly()
    {
        const AbParse p = text("variant,order,value\nA,1,10\nB,2,12\nA,3,9\n");
        QVERIFY2(p.ok, p.error.c_str());
        QVERIFY(!p.results.visitorsKnown);
        QCOMPARE(p.results.variants[0].orderValues.size(), size_t(2));
    }

    // Every refusal names the file, the line, the field, what was read and what was expected; the result
    // holds nothing.
    void errors_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << "" << "t.csv: the file holds no header line";
        QTest::newRow("no variant") << "visitors,conversions\n10,1\n" << "t.csv: line 1: the header has no column for the variant";
        QTest::newRow("no outcome") << "variant,revenue\nA,1\n" << "t.csv: line 1: the header has no column for converted or an order id";
        QTest::newRow("converted not 0/1")
            << "variant,converted\nA,1\nB,maybe\n" << "t.csv: line 3, field \"converted\": \"maybe\": expected 1 or 0 (also true/false, yes/no)";
        QTest::newRow("revenue on a non-buyer")
            << "variant,converted,revenue\nA,0,5\nB,1,3\n" << "t.csv: line 2, field \"revenue\": \"5\": expected 0 or nothing on a row that did not convert";
        QTest::newRow("converted without revenue")
            << "variant,converted,revenue\nA,1,\nB,1,3\n" << "t.csv: line 2, field \"revenue\": \"\": expected the revenue of the order on this converted row";
        QTest::newRow("bad revenue")
            << "variant,converted,revenue\nA,1,12x\nB,1,3\n" << "t.csv: line 2, field \"revenue\": \"12x\": expected a revenue, a number such as 24.90";
        QTest::newRow("order in two variants")
            << "variant,order_id,revenue\nA,o1,5\nB,o1,5\n" << "t.csv: line 3, field \"order_id\": \"o1\": expected each order in one variant";
        QTest::newRow("bad date")
            << "variant,converted,date\nA,1,2024-05-01\nB,0,yesterday\n" << "t.csv: line 3, field \"date\": \"yesterday\": expected a date";
        QTest::newRow("one variant") << "variant,converted\nA,1\nA,0\n" << "t.csv: the file names 1 variant(s) (expected at least two";
        QTest::newRow("summary: conversions > visitors")
            << "variant,visitors,conversions\nA,10,2\nB,10,11\n" << "t.csv: line 3, field \"conversions\": \"11\": expected at most the variant's 10 visitors";
        QTest::newRow("summary: fractional visitors")
            << "variant,visitors,conversions\nA,10.5,2\nB,10,1\n" << "t.csv: line 2, field \"visitors\": \"10.5\": expected a whole number of visitors";
        QTest::newRow("summary: repeated variant")
            << "variant,visitors,conversions\nA,10,2\nA,10,1\n" << "t.csv: line 3, field \"variant\": \"A\": expected each variant on one line only; it is on line 2 too";
        QTest::newRow("summary: sum of squares too small")
            << "variant,visitors,conversions,revenue,revenue_sum_squares\nA,10,2,100,50\nB,10,1,10,100\n"
            << "t.csv: line 2, field \"revenue_sum_squares\": \"50\": expected at least revenue² / visitors";
        QTest::newRow("summary: share on some lines")
            << "variant,visitors,conversions,share\nA,10,2,50\nB,10,1,\n" << "t.csv: line 3, field \"share\": expected a planned share for every variant";
        QTest::newRow("unclosed quote") << "variant,converted\nA,1\n\"B,0\n" << "t.csv: line 3: a quoted field opened here is never closed";
    }
    void errors()
    {
        QFETCH(QString, csv);
        QFETCH(QString, message);
        const AbParse p = parseAbResultsText(csv.toStdString(), "t.csv");
        QVERIFY(!p.ok);
        QVERIFY2(QString::fromStdString(p.error).startsWith(message), p.error.c_str());
        QVERIFY(p.results.variants.empty());
        QCOMPARE(p.results.rowsRead, int64_t(0));
    }

    // The panel's Cancel: progress is reported as the file is read, and a false answer stops the read with
    // nothing kept.
    void progressAndCancel()
    {
        std::string csv = "variant,converted\n";
        for (int i = 0; i < 20000; ++i) csv += i % 2 ? "B,0\n" : "A,1\n";
        std::vector<double> seen;
        const AbParse whole = parseAbResultsText(csv, "p.csv", [&seen](double f) { seen.push_back(f); return true; });
        QVERIFY(whole.ok);
        QCOMPARE(seen.size(), size_t(4));   // every 4,096 rows
        QVERIFY(std::is_sorted(seen.begin(), seen.end()) && seen.front() > 0 && seen.back() < 1);
        const AbParse stopped = parseAbResultsText(csv, "p.csv", [](double) { return false; });
        QVERIFY(!stopped.ok && stopped.cancelled);
        QVERIFY(stopped.results.variants.empty());
        QVERIFY2(stopped.error.rfind("p.csv: reading was cancelled at line ", 0) == 0, stopped.error.c_str());
    }

    void missingFile()
    {
        const AbParse p = parseAbResults("/nonexistent/ab.csv");
        QVERIFY(!p.ok);
        QVERIFY2(p.error.find("/nonexistent/ab.csv") != std::string::npos, p.error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestAbTestParser)
#include "tst_abtestparser.moc"

// Reading an experiment: every variant against the control, and the warnings a merchandiser must see before
// trusting the result. The figures come from the worked examples of tst_abteststatistics.cpp, here through
// the files a user would import.
#include "core/abtest/abparser.h"
#include "core/abtest/abreport.h"
#include "testsupport.h"

#include <QtTest>

#include <cmath>

using namespace mb::abtest;

namespace {

double rounded(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

AbResults load(const char *name)
{
    const AbParse p = parseAbResults(mbtest::fixture(QStringLiteral("abtest/") + name).toStdString());
    if (!p.ok) qWarning("%s", p.error.c_str());
    return p.results;
}

bool has(const AbReport &r, AbWarningKind k)
{
    for (const AbWarning &w : r.warnings)
        if (w.kind == k) return true;
    return false;
}

const AbWarning *find(const AbReport &r, AbWarningKind k)
{
    for (const AbWarning &w : r.warnings)
        if (w.kind == k) return &w;
    return nullptr;
}

}  // namespace

class TestAbTestReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Newcombe (1998b) Table II's first example as a summary file: treatment 56/70 vs control 48/80.
    void newcombeExampleThroughAFile()
    {
        const AbReport r = analyse(load("summary_newcombe.csv"), {});
        QVERIFY(r.error.empty());
        QCOMPARE(r.control, size_t(0));
        QCOMPARE(r.comparisons.size(), size_t(1));
        const AbComparison &c = r.comparisons[0];
        QCOMPARE(rounded(c.rateDifference.estimate, 4), 0.2000);
        QCOMPARE(rounded(c.rateDifference.lower, 4), 0.0524);
        QCOMPARE(rounded(c.rateDifference.upper, 4), 0.3339);
        QCOMPARE(rounded(c.relativeLift, 4), 0.3333);
        QCOMPARE(rounded(c.z.pValue, 4), 0.0080);
        // Revenue without its spread: the differences, no interval.
        QCOMPARE(c.rpv.difference.estimate, 44.0 - 30.0);
        QCOMPARE(c.aov.difference.estimate, 55.0 - 50.0);
        QVERIFY(std::isnan(c.rpv.difference.lower) && std::isnan(c.aov.pValue));
        QVERIFY(!c.rpvBootstrap);
        // The observed +33 % lift with 70 / 80 visitors, by hand: pooled SE 0.075467, SE under the
        // alternative sqrt(.6*.4/80 + .8*.2/70) = 0.072703, power = Phi((0.2 - 1.959964 * 0.075467) / 0.072703)
        // = Phi(0.7164) = 0.763. That is post-hoc power, a restatement of p = 0.008: significant, and no wanted
        // lift was given, so no under-powered warning. The smallest lift 80 / 70 visitors detect with 80 % power
        // from 60 %: +34.69 % (bisection on the same formula, computed independently).
        QVERIFY(c.powerForObserved);
        QCOMPARE(rounded(c.power, 3), 0.763);
        QCOMPARE(rounded(c.minimumDetectableLift, 4), 0.3469);
        QVERIFY(!has(r, AbWarningKind::UnderPowered));
        QVERIFY(!has(r, AbWarningKind::SampleRatio));   // 80 / 70 is well within chance
    }

    // A wanted lift of +5 % from a 60 % baseline needs n per variant (Fleiss eq. 4.14): the test had 70.
    void stoppedEarly()
    {
        AbOptions o;
        o.wantedLift = 0.05;
        const AbReport r = analyse(load("summary_newcombe.csv"), o);
        QVERIFY(r.needed);
        QCOMPARE(r.needed->perVariant, sampleSizeForLift(0.6, 0.05).perVariant);
        QVERIFY(r.needed->perVariant > 1000);
        const AbWarning *w = find(r, AbWarningKind::StoppedEarly);
        QVERIFY(w);
        QVERIFY2(w->text.find("needs " ) != std::string::npos && w->text.find("had 70") != std::string::npos, w->text.c_str());
        const AbWarning *u = find(r, AbWarningKind::UnderPowered);
        QVERIFY(u);
        QVERIFY2(u->text.find("a +5.0 % lift") != std::string::npos, u->text.c_str());
    }

    // 5,210 / 4,790 against a planned 50 / 50 (the file's traffic share column): p = 2.7e-5 < 0.001.
    void sampleRatioMismatch()
    {
        const AbReport r = analyse(load("summary_srm.csv"), {});
        QVERIFY(has(r, AbWarningKind::SampleRatio));
        QCOMPARE(rounded(r.sampleRatio.statistic, 2), 17.64);
        QCOMPARE(r.warnings.front().kind, AbWarningKind::SampleRatio);   // the most fundamental comes first
        AbOptions planned;
        planned.expectedSplit = {0.521, 0.479};
        QVERIFY(!has(analyse(load("summary_srm.csv"), planned), AbWarningKind::SampleRatio));
    }

    // "Control" found by name (any case) though it is not first; each other variant compared with it.
    void controlByName()
    {
        const AbReport r = analyse(load("three_variants.csv"), {});
        QCOMPARE(r.arms[r.control].name, std::string("Control"));
        QCOMPARE(r.comparisons.size(), size_t(2));
        QCOMPARE(r.arms[r.comparisons[0].arm].name, std::string("Blue button"));
        QCOMPARE(rounded(r.comparisons[0].rateDifference.estimate, 4), 0.0050);
        QVERIFY(r.comparisons[0].rpv.valid);   // the sum of squares gives Welch its variances
        QVERIFY(has(r, AbWarningKind::ManyComparisons));
        AbOptions o;
        o.control = "Blue button";
        QCOMPARE(analyse(load("three_variants.csv"), o).control, size_t(0));
        o.control = "Red";
        const AbReport bad = analyse(load("three_variants.csv"), o);
        QVERIFY2(bad.error.find("the control \"Red\" is not a variant") != std::string::npos, bad.error.c_str());
    }

    // Per-session rows over 10 days: a short run, bootstrap intervals (deterministic), Welch on AOV and RPV.
    void sessionRows()
    {
        AbOptions o;
        o.bootstrapResamples = 1000;
        const AbReport r = analyse(load("sessions.csv"), o);
        QVERIFY(r.runDays);
        QCOMPARE(*r.runDays, int64_t(10));
        const AbWarning *w = find(r, AbWarningKind::ShortRun);
        QVERIFY(w);
        QVERIFY2(w->text.find("less than two full weeks") != std::string::npos, w->text.c_str());
        const AbComparison &c = r.comparisons[0];
        QVERIFY(c.aov.valid && c.rpv.valid);
        QVERIFY(c.rpvBootstrap && c.aovBootstrap);
        QVERIFY(c.rpvBootstrap->lower < c.rpv.difference.estimate && c.rpv.difference.estimate < c.rpvBootstrap->upper);
        const AbReport again = analyse(load("sessions.csv"), o);
        QCOMPARE(again.comparisons[0].rpvBootstrap->lower, c.rpvBootstrap->lower);
        // Revenue per visitor = revenue / visitors; AOV = revenue / orders.
        QCOMPARE(r.arms[0].rpv.mean, r.arms[0].revenue / 600);
        QCOMPARE(r.arms[0].aov.mean, r.arms[0].revenue / 37);
    }

    void ordersOnly()
    {
        const AbReport r = analyse(parseAbResultsText("variant,order,value\nA,1,10\nB,2,12\nA,3,9\nB,4,14\n", "o.csv").results, {});
        QVERIFY(has(r, AbWarningKind::NoVisitors));
        QVERIFY(std::isnan(r.comparisons[0].rateDifference.estimate));
        QCOMPARE(r.comparisons[0].aov.difference.estimate, 13.0 - 9.5);
    }

    // Why a difference of means has no interval, for each reason the panel names: a summary without a spread,
    // fewer than two orders in an arm, and spreads too large for double (a fuzzer found the SD of 1e200, whose
    // square overflows: the test came out valid with a NaN p-value).
    void untestedMeansSayWhy()
    {
        const AbReport noSpread = analyse(load("summary_newcombe.csv"), {});
        QCOMPARE(noSpread.comparisons[0].aov.untested, WelchResult::Untested::NoSpread);
        QCOMPARE(noSpread.comparisons[0].aov.difference.estimate, 3080.0 / 56 - 2400.0 / 48);

        const AbReport spread = analyse(load("summary_spread.csv"), {});
        QVERIFY(spread.comparisons[0].aov.valid);
        QCOMPARE(spread.comparisons[0].aov.untested, WelchResult::Untested::No);

        const AbReport oneOrder = analyse(parseAbResultsText("variant,order,value\nA,1,10\nB,2,12\nB,4,14\n", "o.csv").results, {});
        QCOMPARE(oneOrder.comparisons[0].aov.untested, WelchResult::Untested::TooFewValues);

        const std::string sd(200, '9');   // a run of digits, as the fuzzer wrote it
        const AbParse huge = parseAbResultsText("Variant,Visitors,Conversions,Revenue,Revenue SD\n"
                                                "control,10000,300,18000.00," + sd + "\nnew-cart,10050,345,21390.00,12.0\n", "huge.csv");
        QVERIFY2(huge.ok, huge.error.c_str());
        const AbReport hugeReport = analyse(huge.results, {});
        const AbComparison &c = hugeReport.comparisons[0];
        QVERIFY(!c.aov.valid);
        QCOMPARE(c.aov.untested, WelchResult::Untested::Overflow);
        QVERIFY(!c.rpv.valid);
        QCOMPARE(c.rpv.untested, WelchResult::Untested::Overflow);
    }

    void csvExport()
    {
        const std::string csv = reportCsv(analyse(load("summary_newcombe.csv"), {}));
        QVERIFY(csv.rfind("variant,role,visitors,conversions,orders,revenue,conversion_rate,rate_ci_low,rate_ci_high,rate_difference,", 0) == 0);
        QVERIFY2(csv.find("\ncontrol,control,80,48,48,2400,0.6,") != std::string::npos, csv.c_str());
        QVERIFY2(csv.find("\ntreatment,variant,70,56,56,3080,0.8,") != std::string::npos, csv.c_str());
    }
};

QTEST_GUILESS_MAIN(TestAbTestReport)
#include "tst_abtestreport.moc"

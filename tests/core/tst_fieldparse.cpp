// Numbers, booleans and timestamps as the platforms write them.
#include "core/io/fieldparse.h"

#include <QDateTime>
#include <QtTest>

using namespace mb;

class TestFieldParse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decimals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::newRow("plain") << "2.55" << true << 2.55;
        QTest::newRow("no leading zero") << ".5" << true << 0.5;
        QTest::newRow("negative") << "-11062.06" << true << -11062.06;
        QTest::newRow("decimal comma") << "12,5" << true << 12.5;
        QTest::newRow("thousands") << "1,234.50" << true << 1234.5;
        QTest::newRow("currency") << QString::fromUtf8("£3.20") << true << 3.2;
        QTest::newRow("dollar negative") << "-$5.00" << true << -5.0;
        QTest::newRow("formula guard") << "'-3" << true << -3.0;
        QTest::newRow("words") << "twelve" << false << 0.0;
        QTest::newRow("empty") << "" << false << 0.0;
        QTest::newRow("two dots") << "1.2.3" << false << 0.0;
    }
    void decimals()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(double, value);
        double v = 0;
        QCOMPARE(parseDecimal(text.toStdString(), v), ok);
        if (ok) QCOMPARE(v, value);
    }

    // Thousands separators come in groups of three after a first group of one to three digits; anything
    // else is refused rather than read as another number ("1,2,3" is not 123).
    void groupedNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("decimalComma");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::newRow("thousands comma") << "1,234" << false << true << 1234.0;
        QTest::newRow("three groups") << "1,234,567.5" << false << true << 1234567.5;
        QTest::newRow("groups of one digit") << "1,2,3" << false << false << 0.0;
        QTest::newRow("group of two") << "12,34,567" << false << false << 0.0;
        QTest::newRow("short last group") << "1,234,5" << false << false << 0.0;
        QTest::newRow("first group of four") << "1234,567.5" << false << false << 0.0;
        QTest::newRow("mixed separators") << "1,234.567,89" << false << false << 0.0;
        QTest::newRow("dot groups, decimal comma") << "1.234,50" << false << true << 1234.5;
        QTest::newRow("blank groups, decimal comma") << "1 234,5" << false << true << 1234.5;
        QTest::newRow("semicolon file: lone comma") << "2,550" << true << true << 2.55;
        QTest::newRow("semicolon file: dot groups") << "1.234.567,89" << true << true << 1234567.89;
        QTest::newRow("semicolon file: dot groups of one") << "1.2.3,5" << true << false << 0.0;
        QTest::newRow("semicolon file: two commas") << "1,2,3" << true << false << 0.0;
    }
    void groupedNumbers()
    {
        QFETCH(QString, text);
        QFETCH(bool, decimalComma);
        QFETCH(bool, ok);
        QFETCH(double, value);
        double v = 0;
        QCOMPARE(parseDecimal(text.toStdString(), v, decimalComma), ok);
        if (ok) QCOMPARE(v, value);
    }

    // Whole numbers keep their exact value or are refused: past 2^53 a "12.0"-style text can no longer be
    // held exactly ("...993.0" reads as ...992), and past 2^63 converting it was undefined behaviour (fuzzer).
    void integers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("value");
        QTest::newRow("plain") << "12" << true << qint64(12);
        QTest::newRow("negative") << "-12" << true << qint64(-12);
        QTest::newRow("written as decimal") << "12.0" << true << qint64(12);
        QTest::newRow("fraction") << "2.5" << false << qint64(0);
        QTest::newRow("largest int64") << "9223372036854775807" << true << qint64(9223372036854775807LL);
        QTest::newRow("past int64") << "9223372036854775808" << false << qint64(0);
        QTest::newRow("under 2^53 as decimal") << "9007199254740991.0" << true << qint64(9007199254740991LL);
        QTest::newRow("2^53 + 1 as decimal") << "9007199254740993.0" << false << qint64(0);
        QTest::newRow("-2^63 as decimal") << "-9223372036854775808.0" << false << qint64(0);
        QTest::newRow("1e20 as decimal") << "100000000000000000000.0" << false << qint64(0);
        QTest::newRow("1e300 written out") << QString("1" + QString(300, '0') + ".0") << false << qint64(0);
        // The quantity bundlecsv_fuzz found (UBSan: a 109-digit number cast to int64_t).
        QTest::newRow("109 digits") << QString(109, '2') << false << qint64(0);
        QTest::newRow("-40 nines as decimal") << QString("-" + QString(40, '9') + ".0") << false << qint64(0);
    }
    void integers()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, value);
        int64_t v = 0;
        QCOMPARE(parseInteger(text.toStdString(), v), ok);
        if (ok) QCOMPARE(qint64(v), value);
    }

    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("utcIso");
        QTest::addColumn<int>("offset");
        QTest::newRow("uci") << "2010-12-01 08:26:00" << true << "2010-12-01T08:26:00Z" << 0;
        QTest::newRow("shopify") << "2023-05-31 23:06:05 -0700" << true << "2023-06-01T06:06:05Z" << -420;
        QTest::newRow("iso z") << "2024-02-29T10:00:00Z" << true << "2024-02-29T10:00:00Z" << 0;
        QTest::newRow("iso offset") << "2024-05-01T10:00:00+02:00" << true << "2024-05-01T08:00:00Z" << 120;
        QTest::newRow("date only") << "2024-05-01" << true << "2024-05-01T00:00:00Z" << 0;
        QTest::newRow("us") << "12/1/2010 8:26" << true << "2010-12-01T08:26:00Z" << 0;
        QTest::newRow("not leap") << "2023-02-29 10:00:00" << false << "" << 0;
        QTest::newRow("month 13") << "2023-13-01" << false << "" << 0;
        QTest::newRow("words") << "yesterday" << false << "" << 0;
        QTest::newRow("trailing junk") << "2023-01-01 10:00:00 pm" << false << "" << 0;
        // Real UTC offsets run from -12:00 to +14:00; minutes stop at 59.
        QTest::newRow("offset +14:00") << "2024-05-01T10:00:00+14:00" << true << "2024-04-30T20:00:00Z" << 840;
        QTest::newRow("offset -12:00") << "2024-05-01T10:00:00-12:00" << true << "2024-05-01T22:00:00Z" << -720;
        QTest::newRow("offset +05:45") << "2024-05-01 10:00:00 +0545" << true << "2024-05-01T04:15:00Z" << 345;
        QTest::newRow("offset +99:99") << "2024-05-01T10:00:00+99:99" << false << "" << 0;
        QTest::newRow("offset past +14:00") << "2024-05-01T10:00:00+14:30" << false << "" << 0;
        QTest::newRow("offset past -14:00") << "2024-05-01 10:00:00 -1500" << false << "" << 0;
        QTest::newRow("offset minutes 60") << "2024-05-01T10:00:00+05:60" << false << "" << 0;
    }
    void timestamps()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, utcIso);
        QFETCH(int, offset);
        int64_t secs = 0;
        int32_t off = 0;
        QCOMPARE(parseTimestamp(text.toStdString(), secs, off), ok);
        if (!ok) return;
        QCOMPARE(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate), utcIso);
        QCOMPARE(off, offset);
    }

    void booleans()
    {
        QCOMPARE(parseBool("TRUE"), std::optional<bool>(true));
        QCOMPARE(parseBool("true"), std::optional<bool>(true));
        QCOMPARE(parseBool("0"), std::optional<bool>(false));
        QCOMPARE(parseBool("maybe"), std::optional<bool>());
    }
};

QTEST_GUILESS_MAIN(TestFieldParse)
#include "tst_fieldparse.moc"

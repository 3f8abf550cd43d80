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

    // Whole numbers, also written as decimals; one beyond int64_t's range is refused, never cast
    // (that was undefined behaviour: UBSan, through bundlecsv_fuzz).
    void integers()
    {
        int64_t v = 0;
        QVERIFY(parseInteger("42", v));
        QCOMPARE(v, int64_t(42));
        QVERIFY(parseInteger("12.0", v));
        QCOMPARE(v, int64_t(12));
        QVERIFY(!parseInteger("12.5", v));
        QVERIFY(!parseInteger("9223372036854775808", v));
        QVERIFY(!parseInteger(std::string(109, '2'), v));
        QVERIFY(!parseInteger("-" + std::string(40, '9') + ".0", v));
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

// Numbers as the engine writes them for people (import notes, hygiene reasons, the CLI's KPI report): grouped
// and rounded as a merchandiser reads them, and right at every magnitude a file can carry. Amounts above
// 9.2e16 once went through a 64-bit count of cents and came out as 92,233,720,368,547,758.08, whatever they
// were; 1e80 came out cut short by a 64-byte buffer.
#include "core/io/numbertext.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace mb;

class TestNumberText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thousands()
    {
        QCOMPARE(withThousands(0), std::string("0"));
        QCOMPARE(withThousands(999), std::string("999"));
        QCOMPARE(withThousands(1000), std::string("1,000"));
        QCOMPARE(withThousands(-1234567), std::string("-1,234,567"));
        QCOMPARE(withThousands(std::numeric_limits<int64_t>::min()), std::string("-9,223,372,036,854,775,808"));
    }

    void decimals()
    {
        QCOMPARE(fixedDecimals(12.5, 2), std::string("12.50"));
        QCOMPARE(fixedDecimals(0.2, 2, true), std::string("+0.20"));
        QCOMPARE(fixedDecimals(-1, 2, true), std::string("-1.00"));
        QCOMPARE(fixedDecimals(std::nan(""), 2), std::string("n/a"));
        QCOMPARE(fixedDecimals(HUGE_VAL, 2), std::string("n/a"));
        const std::string big = fixedDecimals(1e80, 2);
        QCOMPARE(big.size(), size_t(81 + 3));
        QVERIFY(big.rfind("1000000000000000", 0) == 0 && big.substr(big.size() - 3) == ".00");
    }

    void amounts_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << "0.00";
        QTest::newRow("cents") << 0.05 << "0.05";
        QTest::newRow("hundreds") << 999.999 << "1,000.00";
        QTest::newRow("millions") << 9747747.93 << "9,747,747.93";
        QTest::newRow("a refund") << -1234.5 << "-1,234.50";
        QTest::newRow("a small credit") << -12.0 << "-12.00";
        QTest::newRow("past 64-bit cents") << 1e17 << "100,000,000,000,000,000.00";
        QTest::newRow("an EAN typed as a price, times a dozen") << 5012345678900.0 * 12 << "60,148,148,146,800.00";
        QTest::newRow("not a number") << std::nan("") << "n/a";
    }
    void amounts()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(groupedDecimals(value, 2)), text);
    }

    void otherPrecisions()
    {
        QCOMPARE(groupedDecimals(1234567.891, 0), std::string("1,234,568"));
        QCOMPARE(groupedDecimals(-1234.5678, 3), std::string("-1,234.568"));
        QCOMPARE(groupedDecimals(123, 1), std::string("123.0"));
    }
};

QTEST_GUILESS_MAIN(TestNumberText)
#include "tst_numbertext.moc"

// `warehouse sql`'s text: the query for each dialect equals its golden file under tests/data/warehouse (checked
// by hand against each engine's documentation, core/warehouse/README.md lists the pages), names and values are
// quoted so that no column name or tag can change the query, and what the query cannot be written without is
// refused naming the option.
#include "testsupport.h"

#include "core/warehouse/pairsql.h"
#include "core/warehouse/skulist.h"

#include <QtTest>

using namespace mb;

namespace {

WarehouseMapping shopMapping()
{
    WarehouseMapping m;
    m.table = "shop.sales.order_lines";
    m.orderColumn = "order_id";
    m.skuColumn = "sku";
    m.quantityColumn = "quantity";
    m.cancelledColumn = "is_cancelled";
    m.statusColumn = "financial_status";
    m.cancelledStatuses = {"voided", "Cancelled"};
    m.tagsColumn = "tags";
    m.excludeTags = {"Subscription Recurring Order"};
    m.sourceColumn = "source_name";
    m.excludeSources = {"subscription_contract"};
    // Non-merchandise, given in any order and twice: written once each in byte order, quoted as literals.
    m.excludeSkus = {"POST", "GIFT'CARD", "FEE\\X", "BANK CHARGES", "POST"};
    return m;
}

PairThresholds shopThresholds()
{
    PairThresholds t;
    t.minSupport = 0.001;
    t.minConfidence = 0.05;
    t.topPerAnchor = 50;
    t.topMinCount = 3;
    return t;
}

}  // namespace

class tst_WarehouseSql : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesGoldenFile_data()
    {
        QTest::addColumn<QString>("dialect");
        for (const char *d : {"postgres", "duckdb", "bigquery", "spark", "snowflake"}) QTest::newRow(d) << QString(d);
    }
    void matchesGoldenFile()
    {
        QFETCH(QString, dialect);
        std::string error;
        const std::string sql = pairStatisticsSql(*sqlDialectNamed(dialect.toStdString()), shopMapping(), shopThresholds(), error);
        QVERIFY2(!sql.empty(), error.c_str());
        const QByteArray golden = mbtest::readAll(mbtest::fixture("warehouse/pairs-" + dialect + ".sql"));
        QVERIFY(!golden.isEmpty());
        QCOMPARE(QByteArray::fromStdString(sql), golden);
    }

    void dialectNames()
    {
        QCOMPARE(sqlDialectNamed("PostgreSQL"), std::optional<SqlDialect>(SqlDialect::Postgres));
        QCOMPARE(sqlDialectNamed("redshift"), std::optional<SqlDialect>(SqlDialect::Postgres));
        QCOMPARE(sqlDialectNamed("Snowflake"), std::optional<SqlDialect>(SqlDialect::Snowflake));
        QVERIFY(!sqlDialectNamed("mysql"));
        QVERIFY(!sqlDialectNamed(""));
    }

    // A quote in a name or a value is doubled or escaped the engine's way, never ends the identifier or literal.
    void quotesNamesAndValues_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("quotedName");
        QTest::addColumn<QString>("quotedTag");
        // The tag " It's\ " is trimmed and lower-cased as the app compares tags, then quoted.
        QTest::newRow("postgres") << "postgres" << "Or\"der" << "\"Or\"\"der\"" << "',it''s\\,'";
        QTest::newRow("duckdb") << "duckdb" << "Or\"der" << "\"Or\"\"der\"" << "',it''s\\,'";
        QTest::newRow("snowflake") << "snowflake" << "Or\"der" << "\"Or\"\"der\"" << "',it\\'s\\\\,'";
        QTest::newRow("spark") << "spark" << "Or`der" << "`Or``der`" << "',it\\'s\\\\,'";
        QTest::newRow("bigquery") << "bigquery" << "Or\"der" << "`Or\"der`" << "',it\\'s\\\\,'";
    }
    void quotesNamesAndValues()
    {
        QFETCH(QString, dialect);
        QFETCH(QString, name);
        QFETCH(QString, quotedName);
        QFETCH(QString, quotedTag);
        WarehouseMapping m = shopMapping();
        m.orderColumn = name.toStdString();
        m.excludeTags = {" It's\\ "};
        std::string error;
        const std::string sql = pairStatisticsSql(*sqlDialectNamed(dialect.toStdString()), m, shopThresholds(), error);
        QVERIFY2(!sql.empty(), error.c_str());
        const QString q = QString::fromStdString(sql);
        QVERIFY2(q.contains("CAST(" + quotedName + " AS "), qPrintable(q));
        QVERIFY2(q.contains(quotedTag), qPrintable(q));
    }

    void bigQueryRefusesABacktickInAName()
    {
        WarehouseMapping m = shopMapping();
        m.skuColumn = "s`ku";
        std::string error;
        QVERIFY(pairStatisticsSql(SqlDialect::BigQuery, m, shopThresholds(), error).empty());
        QVERIFY2(error.find("--sku-column") == 0 && error.find("bigquery cannot quote") != std::string::npos, error.c_str());
    }

    void refusesWhatTheQueryNeeds_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("no table") << 0 << "missing --table";
        QTest::newRow("no order column") << 1 << "missing --order-column";
        QTest::newRow("no sku column") << 2 << "missing --sku-column";
        QTest::newRow("tag without column") << 3 << "--exclude-tag needs --tags-column";
        QTest::newRow("source without column") << 4 << "--exclude-source needs --source-column";
        QTest::newRow("status without column") << 5 << "--cancelled-status needs --status-column";
        QTest::newRow("support above 1") << 6 << "--min-support and --min-confidence take a share between 0 and 1";
        QTest::newRow("a SKU with a line break") << 7 << "--exclude-skus: the SKU";
        QTest::newRow("an empty SKU") << 8 << "--exclude-skus: the SKU";
    }
    void refusesWhatTheQueryNeeds()
    {
        QFETCH(int, what);
        QFETCH(QString, message);
        WarehouseMapping m = shopMapping();
        PairThresholds t = shopThresholds();
        switch (what) {
        case 0: m.table.clear(); break;
        case 1: m.orderColumn.clear(); break;
        case 2: m.skuColumn.clear(); break;
        case 3: m.tagsColumn.clear(); break;
        case 4: m.sourceColumn.clear(); break;
        case 5: m.statusColumn.clear(); break;
        case 6: t.minSupport = 1.5; break;
        case 7: m.excludeSkus.push_back("A\nB"); break;
        default: m.excludeSkus.push_back(""); break;
        }
        std::string error;
        QVERIFY(pairStatisticsSql(SqlDialect::Postgres, m, t, error).empty());
        QVERIFY2(error.find(message.toStdString()) == 0, error.c_str());
    }

    // An --exclude-skus file: one SKU a line, trimmed as the import trims SKUs, empty lines skipped; a NUL byte
    // is refused naming the line, and nothing is taken from the file then.
    void readsSkuLists()
    {
        std::vector<std::string> skus{"FIRST"};
        std::string error;
        QVERIFY2(readSkuList("  POST \r\n\n\tBANK CHARGES\r\nDOT\rM", "a.txt", skus, error), error.c_str());
        QCOMPARE(skus, (std::vector<std::string>{"FIRST", "POST", "BANK CHARGES", "DOT", "M"}));
        QVERIFY(readSkuList("", "empty.txt", skus, error));
        QCOMPARE(skus.size(), size_t(5));
        QVERIFY(!readSkuList(std::string_view("A\r\nB\0C\n", 7), "b.txt", skus, error));
        QCOMPARE(error, std::string("b.txt:2: the line holds a NUL byte; expected one SKU a line as text"));
        QCOMPARE(skus.size(), size_t(5));
    }

    // Without exclusions there is no left-out step, without top-N no ranking: the query costs only what is asked.
    void leavesOutWhatIsNotAsked()
    {
        WarehouseMapping m;
        m.table = "online_retail";
        m.orderColumn = "InvoiceNo";
        m.skuColumn = "StockCode";
        std::string error;
        const std::string sql = pairStatisticsSql(SqlDialect::DuckDb, m, PairThresholds{}, error);
        QVERIFY2(!sql.empty(), error.c_str());
        QVERIFY(sql.find("left_out") == std::string::npos);
        QVERIFY(sql.find("NOT IN") == std::string::npos);
        QVERIFY(sql.find("ROW_NUMBER() OVER (PARTITION") == std::string::npos);
        QVERIFY(sql.find("1 AS quantity") != std::string::npos);  // no quantity column: every line counts once
        QVERIFY(sql.find("-- merchbench: {\"dialect\":\"duckdb\"") == 0);
    }
};

QTEST_GUILESS_MAIN(tst_WarehouseSql)
#include "tst_warehousesql.moc"

// The proof that `warehouse sql` computes exactly what `mine pairs` computes: Online Retail loaded into a real
// PostgreSQL server this test starts (Debian's postgresql: initdb + pg_ctl into a temporary directory, on a
// unix socket only; as the postgres user when run as root, since the server refuses root) and into DuckDB
// (npm @duckdb/node-api, run by tests/warehouse/runduckdb.mjs), the generated SQL run there, and every rule
// compared with in-app mining of the same file: same pairs, same integer counts, the same doubles bit for
// bit. Then the engine's CSV goes through `import mined` and the saved run must hold the same rules.
// Online Retail is mined as a merchandiser mines it: after `hygiene apply --all-proposed`, so the products
// confirmed as non-merchandise (POST, DOT, M, bank charges ...) are in no basket, in the app and in the SQL
// (from the workspace with --workspace, or from an --exclude-skus file).
// Skips, saying what is missing, without the data set, PostgreSQL or node; packaging/setup.sh installs both.
#include "clirunner.h"
#include "testsupport.h"

#include "core/io/csvreader.h"
#include "core/mining/minedresults.h"
#include "core/mining/pairstatistics.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <unistd.h>

using mbtest::cli;
using Result = mbtest::CliResult;

namespace {

struct Thresholds {
    double minSupport = 0, minConfidence = 0;
    uint32_t minCount = 2, topPerAnchor = 0, topMinCount = 3;
};

struct Row {
    std::string antecedent, consequent;
    uint32_t count = 0, antecedentCount = 0, consequentCount = 0, baskets = 0;
    double support = 0, confidence = 0, lift = 0, cosine = 0;
};
using Rules = std::map<std::pair<std::string, std::string>, Row>;

// The rules in-app mining keeps: one minePairs call with the same thresholds and top-N rule.
Rules expectedRules(const mb::Snapshot &snap, const Thresholds &t)
{
    mb::PairOptions o;
    o.minCount = t.minCount;
    o.minSupport = t.minSupport;
    o.minConfidence = t.minConfidence;
    o.topPerAnchor = t.topPerAnchor;
    o.topMinCount = t.topMinCount;
    const mb::PairStatistics all = mb::minePairs(snap, o);
    Rules out;
    for (const mb::PairRule &r : all.rules) {
        Row row{snap.products[r.antecedent].sku, snap.products[r.consequent].sku, r.count, r.antecedentCount, r.consequentCount,
                uint32_t(all.summary.baskets), r.support, r.confidence, r.lift, r.cosine};
        out.emplace(std::make_pair(row.antecedent, row.consequent), row);
    }
    return out;
}

template <typename T>
bool parse(std::string_view s, T &v)
{
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// The engine's CSV, every field parsed; a field that does not parse fails the test with its line.
Rules readResult(const QString &path)
{
    const QByteArray bytes = mbtest::readAll(path);
    mb::CsvReader reader(std::string_view(bytes.constData(), size_t(bytes.size())));
    mb::CsvRecord rec;
    Rules out;
    if (!reader.next(rec)) return out;
    const mb::CsvHeader h(rec.fields);
    const int c[10] = {h.find({"antecedent"}), h.find({"consequent"}), h.find({"count"}), h.find({"support"}),
                       h.find({"confidence"}), h.find({"lift"}), h.find({"cosine"}), h.find({"antecedent_count"}),
                       h.find({"consequent_count"}), h.find({"baskets"})};
    for (int i : c)
        if (i < 0) qFatal("%s: a column is missing from the header", qPrintable(path));
    while (reader.next(rec)) {
        Row r;
        auto f = [&](int i) { return rec.fields[size_t(c[i])]; };
        r.antecedent = std::string(f(0));
        r.consequent = std::string(f(1));
        const bool ok = parse(f(2), r.count) && parse(f(3), r.support) && parse(f(4), r.confidence) && parse(f(5), r.lift)
                        && parse(f(6), r.cosine) && parse(f(7), r.antecedentCount) && parse(f(8), r.consequentCount)
                        && parse(f(9), r.baskets);
        if (!ok) qFatal("%s:%lld: a field does not parse", qPrintable(path), static_cast<long long>(rec.line));
        out.emplace(std::make_pair(r.antecedent, r.consequent), r);
    }
    return out;
}

// Every rule equal, doubles compared with ==: the SQL forms each ratio with the same IEEE operations.
QString difference(const Rules &expected, const Rules &got)
{
    if (expected.size() != got.size())
        return QStringLiteral("%1 rules expected, %2 found").arg(expected.size()).arg(got.size());
    for (const auto &[key, e] : expected) {
        const auto it = got.find(key);
        const QString pair = QString::fromStdString(key.first + " -> " + key.second);
        if (it == got.end()) return pair + " is missing";
        const Row &g = it->second;
        if (g.count != e.count || g.antecedentCount != e.antecedentCount || g.consequentCount != e.consequentCount
            || g.baskets != e.baskets)
            return pair + QStringLiteral(": counts %1/%2/%3/%4, expected %5/%6/%7/%8")
                              .arg(g.count).arg(g.antecedentCount).arg(g.consequentCount).arg(g.baskets)
                              .arg(e.count).arg(e.antecedentCount).arg(e.consequentCount).arg(e.baskets);
        if (g.support != e.support || g.confidence != e.confidence || g.lift != e.lift || g.cosine != e.cosine)
            return pair + QStringLiteral(": ratios %1 %2 %3 %4, expected %5 %6 %7 %8")
                              .arg(g.support, 0, 'g', 17).arg(g.confidence, 0, 'g', 17).arg(g.lift, 0, 'g', 17).arg(g.cosine, 0, 'g', 17)
                              .arg(e.support, 0, 'g', 17).arg(e.confidence, 0, 'g', 17).arg(e.lift, 0, 'g', 17).arg(e.cosine, 0, 'g', 17);
    }
    return {};
}

// `exclusion` names where the SQL takes the non-merchandise SKUs from: "--workspace FILE" or "--exclude-skus FILE".
QStringList sqlArgs(const QString &dialect, const Thresholds &t, const QString &out, const QStringList &exclusion = {})
{
    const QStringList global = exclusion.value(0) == "--workspace" ? exclusion : QStringList();
    const QStringList local = exclusion.value(0) == "--workspace" ? QStringList() : exclusion;
    return global + QStringList{"warehouse", "sql", "--dialect", dialect, "--table", "online_retail", "--order-column", "InvoiceNo", "--sku-column",
            "StockCode", "--quantity-column", "Quantity", "--min-support", QString::number(t.minSupport, 'g', 17),
            "--min-count", QString::number(t.minCount), "--min-confidence", QString::number(t.minConfidence, 'g', 17),
            "--top-per-anchor", QString::number(t.topPerAnchor), "--top-min-count", QString::number(t.topMinCount), "--out", out}
           + local;
}

// Thresholds small enough that every count from the minimum to the thousands is covered, and (top-N) ties
// at the rank boundary decided by SKU order; large enough to keep CI time small.
const std::vector<std::pair<const char *, Thresholds>> &cases()
{
    static const std::vector<std::pair<const char *, Thresholds>> c = {
        {"support 0.01, confidence 0.1", {0.01, 0.1, 2, 0, 3}},
        {"support 0.02, top 5 per anchor from count 100", {0.02, 0, 2, 5, 100}},
    };
    return c;
}

QString run(const QString &program, const QStringList &args, int timeoutMs = 600000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return program + ": did not finish";
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return program + " " + args.join(' ') + ": " + QString::fromLocal8Bit(p.readAll());
    return {};
}

}  // namespace

class tst_WarehouseExact : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString ws_, csv_, skuFile_;
    std::vector<std::string> nonMerch_;  // the SKUs hygiene confirmed, in byte order
    std::unique_ptr<mb::Workspace> workspace_;
    std::shared_ptr<const mb::Snapshot> snap_;
    // PostgreSQL: the server's binaries, its socket directory; pgSkip_ says why it cannot run here.
    QString pgBin_, socket_, pgSkip_;
    QStringList asServerUser_;  // runuser -u postgres -- when root
    bool pgStarted_ = false;

    QString startPostgres()
    {
        QStringList found = QDir("/usr/lib/postgresql").entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        std::reverse(found.begin(), found.end());
        for (const QString &v : found)
            if (QFileInfo::exists("/usr/lib/postgresql/" + v + "/bin/initdb")) {
                pgBin_ = "/usr/lib/postgresql/" + v + "/bin/";
                break;
            }
        if (pgBin_.isEmpty()) return "PostgreSQL server not found under /usr/lib/postgresql (Debian package postgresql; "
                                      "packaging/setup.sh installs it)";
        if (QStandardPaths::findExecutable("psql").isEmpty()) return "psql not found (Debian package postgresql-client)";
        const QString pg = dir_.filePath("pg");
        QDir().mkpath(pg);
        // The server runs as the postgres user when this test runs as root: it must write its directory.
        QFile::setPermissions(dir_.path(), QFileDevice::Permissions(0x7777));
        QFile::setPermissions(pg, QFileDevice::Permissions(0x7777));
        if (geteuid() == 0) {
            if (QStandardPaths::findExecutable("runuser").isEmpty()) return "running as root and runuser is missing";
            asServerUser_ = {"-u", "postgres", "--"};
        }
        auto server = [&](const QString &tool, const QStringList &args) {
            return asServerUser_.isEmpty() ? run(pgBin_ + tool, args) : run("runuser", asServerUser_ + QStringList{pgBin_ + tool} + args);
        };
        if (QString e = server("initdb", {"-D", pg + "/data", "-A", "trust", "-U", "mb", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"});
            !e.isEmpty())
            return e;
        socket_ = pg;
        if (QString e = server("pg_ctl", {"-D", pg + "/data", "-l", pg + "/server.log", "-w", "-t", "60", "-o",
                                          "-k " + pg + " -c listen_addresses= -p 5432 -F -c work_mem=256MB", "start"});
            !e.isEmpty())
            return e;
        pgStarted_ = true;
        const QString load = dir_.filePath("load.sql");
        QFile f(load);
        if (!f.open(QIODevice::WriteOnly)) return "cannot write " + load;
        f.write("CREATE TABLE online_retail (\"InvoiceNo\" text, \"StockCode\" text, \"Description\" text, \"Quantity\" integer,\n"
                "  \"InvoiceDate\" timestamp, \"UnitPrice\" double precision, \"CustomerID\" text, \"Country\" text);\n"
                "\\copy online_retail FROM '" + csv_.toUtf8() + "' CSV HEADER\n");
        f.close();
        return psql({"-f", load});
    }

    QString writeFile(const QString &name, const QByteArray &text)
    {
        const QString path = dir_.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size()) qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // The first case takes the non-merchandise SKUs from the workspace, the others from the file.
    QStringList exclusionFor(int index) const
    {
        return index == 0 ? QStringList{"--workspace", ws_} : QStringList{"--exclude-skus", skuFile_};
    }

    QString psql(const QStringList &args)
    {
        return run("psql", QStringList{"-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", socket_, "-p", "5432", "-U", "mb", "-d", "postgres"} + args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
        csv_ = csv;
        ws_ = dir_.filePath("or.merchbench");
        QCOMPARE(cli({"--workspace", ws_, "init"}).code, 0);
        const Result r = cli({"--workspace", ws_, "import", "orders", csv_});
        QVERIFY2(r.code == 0, r.err.constData());
        // The merchandiser confirms the hygiene proposals: postage, manual lines, bank charges ... become
        // non-merchandise, left out of mining.
        const Result h = cli({"--workspace", ws_, "hygiene", "apply", "--all-proposed", "--json"});
        QVERIFY2(h.code == 0, h.err.constData());
        std::string error;
        workspace_ = mb::Workspace::open(ws_.toStdString(), error);
        QVERIFY2(workspace_, error.c_str());
        snap_ = mb::Snapshot::load(*workspace_, error);
        QVERIFY2(snap_, error.c_str());
        for (const mb::SnapshotProduct &p : *snap_->products)
            if (p.nonMerchandise) nonMerch_.push_back(p.sku);
        std::sort(nonMerch_.begin(), nonMerch_.end());
        for (const char *sku : {"POST", "DOT", "M", "BANK CHARGES"})
            QVERIFY2(std::binary_search(nonMerch_.begin(), nonMerch_.end(), std::string(sku)), sku);
        // The same list as a file, for a warehouse user without the workspace at hand (blank lines and
        // surrounding blanks are no SKU).
        QByteArray list = "\n";
        for (const std::string &sku : nonMerch_) list += "  " + QByteArray::fromStdString(sku) + "\r\n";
        skuFile_ = writeFile("nonmerch.txt", list);
        pgSkip_ = startPostgres();
    }

    // Without the exclusion the rules differ: non-merchandise forms rules (POST with most of the
    // catalogue) and an order of postage alone is a basket. So the comparisons below can fail.
    void nonMerchandiseChangesTheRules()
    {
        mb::PairOptions kept;
        kept.minSupport = 0.005;
        kept.exclude.nonMerchandise = false;
        mb::PairOptions left = kept;
        left.exclude.nonMerchandise = true;
        const mb::PairStatistics with = mb::minePairs(*snap_, kept), without = mb::minePairs(*snap_, left);
        QCOMPARE(with.summary.baskets, size_t(20728));
        QVERIFY(with.summary.excludedSkus.empty());
        QCOMPARE(without.summary.excludedSkus, nonMerch_);
        QVERIFY2(without.summary.baskets < with.summary.baskets, "some orders hold only non-merchandise");
        QCOMPARE(without.summary.baskets + without.summary.excludedBaskets, size_t(20728));
        const int32_t post = snap_->productIndex("POST");
        auto involves = [&](const mb::PairStatistics &st) {
            return std::count_if(st.rules.begin(), st.rules.end(), [&](const mb::PairRule &r) {
                return r.antecedent == uint32_t(post) || r.consequent == uint32_t(post);
            });
        };
        QVERIFY(involves(with) >= 10);  // 20 at the time of writing
        QCOMPARE(involves(without), 0);
        qInfo("Online Retail after hygiene: %zu non-merchandise SKUs; %zu baskets (%zu left out: postage alone), "
              "%zu rules at support 0.005 (%zu with them kept)",
              nonMerch_.size(), without.summary.baskets, without.summary.excludedBaskets, without.rules.size(), with.rules.size());
    }

    void cleanupTestCase()
    {
        if (!pgStarted_) return;
        const QStringList stop{pgBin_ + "pg_ctl", "-D", socket_ + "/data", "-m", "fast", "-w", "stop"};
        run(asServerUser_.isEmpty() ? stop.first() : "runuser", asServerUser_.isEmpty() ? stop.mid(1) : asServerUser_ + stop);
    }

    void postgresMatchesInAppMining_data()
    {
        QTest::addColumn<int>("index");
        for (size_t i = 0; i < cases().size(); ++i) QTest::newRow(cases()[i].first) << int(i);
    }
    void postgresMatchesInAppMining()
    {
        QFETCH(int, index);
        if (!pgSkip_.isEmpty()) QSKIP(qPrintable("PostgreSQL cannot run here: " + pgSkip_));
        const Thresholds &t = cases()[size_t(index)].second;
        const QString query = dir_.filePath(QStringLiteral("pg%1.sql").arg(index)), out = dir_.filePath(QStringLiteral("pg%1.csv").arg(index));
        const Result r = cli(sqlArgs("postgres", t, query, exclusionFor(index)));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(mbtest::readAll(query).contains("NOT IN ("));
        const QString e = psql({"--csv", "-f", query, "-o", out});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const Rules expected = expectedRules(*snap_, t);
        QVERIFY(expected.size() > 1000);
        const QString diff = difference(expected, readResult(out));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void duckdbMatchesInAppMining_data() { postgresMatchesInAppMining_data(); }
    void duckdbMatchesInAppMining()
    {
        QFETCH(int, index);
        const QString node = QStandardPaths::findExecutable("node");
        const QString runner = QStringLiteral(MB_TEST_DATA "/../warehouse/runduckdb.mjs");
        const QString modules = QStringLiteral(MB_TEST_DATA "/../warehouse/node_modules/@duckdb/node-api");
        if (node.isEmpty()) QSKIP("node not found (Debian package nodejs; packaging/setup.sh installs it)");
        if (!QFileInfo::exists(modules))
            QSKIP("DuckDB for node is not installed: run `npm ci` in tests/warehouse (packaging/setup.sh does)");
        const Thresholds &t = cases()[size_t(index)].second;
        const QString query = dir_.filePath(QStringLiteral("duck%1.sql").arg(index)), out = dir_.filePath(QStringLiteral("duck%1.csv").arg(index));
        const Result r = cli(sqlArgs("duckdb", t, query, exclusionFor(index)));
        QVERIFY2(r.code == 0, r.err.constData());
        const QString prepare = writeFile("duckprepare.sql", "ALTER TABLE online_retail ALTER \"Quantity\" TYPE INTEGER");
        const QString e = run(node, {runner, csv_, "online_retail", prepare, query, out});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const QString diff = difference(expectedRules(*snap_, t), readResult(out));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // What Online Retail does not have: cancelled orders (a flag, or a status column written in any case
    // and with blanks beside another status that is not a cancellation), tags written with odd spaces and
    // case, a tag that only starts like the excluded one, a source, a negative and a zero quantity, a repeated
    // SKU, and a shipping line confirmed as non-merchandise, alone in one order. The same Shopify-shaped lines
    // imported into a workspace and loaded into both engines.
    void exclusionsMatchInAppMining_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<bool>("status");
        QTest::newRow("postgres, cancelled flag") << "postgres" << false;
        QTest::newRow("postgres, status column") << "postgres" << true;
        QTest::newRow("duckdb, cancelled flag") << "duckdb" << false;
        QTest::newRow("duckdb, status column") << "duckdb" << true;
    }
    void exclusionsMatchInAppMining()
    {
        QFETCH(QString, engine);
        QFETCH(bool, status);
        const QString table = status ? "shop_status" : "shop";
        const QString node = QStandardPaths::findExecutable("node");
        if (engine == "postgres" && !pgSkip_.isEmpty()) QSKIP(qPrintable("PostgreSQL cannot run here: " + pgSkip_));
        if (engine == "duckdb" && (node.isEmpty() || !QFileInfo::exists(QStringLiteral(MB_TEST_DATA "/../warehouse/node_modules/@duckdb/node-api"))))
            QSKIP("node or DuckDB for node is missing (packaging/setup.sh installs them)");
        const QString shop = writeFile("shop.csv", R"(Name,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Tags,Source,Cancelled at
#1,paid,2023-05-01 10:00:00 -0700,1,A,10.00,A,"Subscription ,  subscription recurring ORDER",subscription_contract,
#1,,,1,B,5.00,B,,,
#2,paid,2023-05-01 11:00:00 -0700,1,A,10.00,A,VIP,web,
#2,,,1,B,5.00,B,,,
#2,,,2,C,3.00,C,,,
#2,,,1,Shipping,4.90,SHIP,,,
#3,paid,2023-05-02 10:00:00 -0700,1,A,10.00,A,,POS ,
#3,,,1,C,3.00,C,,,
#4,paid,2023-05-02 11:00:00 -0700,1,A,10.00,A,,web,2023-05-03 09:00:00 -0700
#4,,,1,B,5.00,B,,,
#5,paid,2023-05-03 10:00:00 -0700,1,A,10.00,A,,web,
#5,,,1,B,5.00,B,,,
#5,,,1,C,3.00,C,,,
#6,paid,2023-05-03 11:00:00 -0700,1,B,5.00,B,,web,
#6,,,1,B,5.00,B,,,
#6,,,-1,C,3.00,C,,,
#6,,,1,D,2.00,D,,,
#7,paid,2023-05-04 10:00:00 -0700,1,A,10.00,A,Subscription Recurring Order Extra,web,
#7,,,1,B,5.00,B,,,
#8,paid,2023-05-04 11:00:00 -0700,1,A,10.00,A,,web,
#8,,,0,B,5.00,B,,,
#8,,,1,D,2.00,D,,,
#9,paid,2023-05-05 10:00:00 -0700,1,Shipping,4.90,SHIP,,web,
#10,paid,2023-05-05 11:00:00 -0700,1,A,10.00,A,,web,
#10,,,1,Shipping,4.90,SHIP,,,
#10,,,1,C,3.00,C,,,
)");
        const QString ws = dir_.filePath(table + "-" + engine + ".merchbench");
        QCOMPARE(cli({"--workspace", ws, "init"}).code, 0);
        const Result imported = cli({"--workspace", ws, "import", "orders", shop});
        QVERIFY2(imported.code == 0, imported.err.constData());
        const Result confirmed = cli({"--workspace", ws, "hygiene", "apply", "--non-merch", "SHIP"});
        QVERIFY2(confirmed.code == 0, confirmed.err.constData());
        std::string error;
        auto w = mb::Workspace::open(ws.toStdString(), error);
        QVERIFY2(w, error.c_str());
        auto snap = mb::Snapshot::load(*w, error);
        QVERIFY2(snap, error.c_str());
        mb::PairOptions o;
        o.minCount = 1;
        o.exclude.tags = {"Subscription Recurring Order"};
        o.exclude.sources = {"pos"};
        const mb::PairStatistics mined = mb::minePairs(*snap, o);
        // #1 (tag), #3 (source), #4 (cancelled), #9 (shipping alone) left out; #2 and #10 without SHIP.
        QCOMPARE(mined.summary.baskets, size_t(6));
        QCOMPARE(mined.summary.excludedBaskets, size_t(3));
        QCOMPARE(mined.summary.excludedSkus, std::vector<std::string>{"SHIP"});
        for (const mb::PairRule &r : mined.rules) QVERIFY(snap->products[r.antecedent].sku != "SHIP" && snap->products[r.consequent].sku != "SHIP");
        Rules expected;
        for (const mb::PairRule &r : mined.rules) {
            Row row{snap->products[r.antecedent].sku, snap->products[r.consequent].sku, r.count, r.antecedentCount,
                    r.consequentCount, uint32_t(mined.summary.baskets), r.support, r.confidence, r.lift, r.cosine};
            expected.emplace(std::make_pair(row.antecedent, row.consequent), row);
        }
        const QString query = dir_.filePath(table + "-" + engine + ".sql"), out = dir_.filePath(table + "-" + engine + ".csv");
        QStringList args{"--workspace", ws, "warehouse", "sql", "--dialect", engine, "--table", table, "--order-column", "Name", "--sku-column",
                         "Lineitem sku", "--quantity-column", "Lineitem quantity", "--tags-column", "Tags", "--exclude-tag",
                         "subscription Recurring order ", "--source-column", "Source", "--exclude-source", "pos", "--min-count", "1",
                         "--out", query};
        // A status compared trimmed and case-insensitive with each listed value; "voided" is in no line here.
        args += status ? QStringList{"--status-column", "status", "--cancelled-status", "Cancelled", "--cancelled-status", "voided"}
                       : QStringList{"--cancelled-column", "is_cancelled"};
        const Result sql = cli(args);
        QVERIFY2(sql.code == 0, sql.err.constData());
        QVERIFY(mbtest::readAll(query).contains("NOT IN (\n      'SHIP')"));
        // The warehouse holds typed columns: an integer quantity and a cancelled flag, or an order status on
        // the order's first line (Shopify's export), " CANCELLED " for the cancelled order and "refunded" for
        // one that is not cancelled.
        const QByteArray t = table.toUtf8();
        QByteArray typed = "ALTER TABLE " + t + " ALTER \"Lineitem quantity\" TYPE INTEGER USING CAST(\"Lineitem quantity\" AS INTEGER);\n";
        if (status)
            typed += "ALTER TABLE " + t + " ADD COLUMN status VARCHAR;\n"
                     "UPDATE " + t + " SET status = CASE WHEN \"Cancelled at\" IS NOT NULL THEN ' CANCELLED ' WHEN \"Name\" = '#5' THEN 'refunded' "
                     "WHEN \"Created at\" IS NOT NULL THEN 'paid' END;\n";
        else
            typed += "ALTER TABLE " + t + " ADD COLUMN is_cancelled BOOLEAN;\n"
                     "UPDATE " + t + " SET is_cancelled = \"Cancelled at\" IS NOT NULL;\n";
        QString e;
        if (engine == "postgres") {
            const QString load = writeFile(table + "load.sql", "CREATE TABLE " + t + " (\"Name\" text, \"Financial Status\" text, \"Created at\" text, "
                                                         "\"Lineitem quantity\" text, \"Lineitem name\" text, \"Lineitem price\" text, "
                                                         "\"Lineitem sku\" text, \"Tags\" text, \"Source\" text, \"Cancelled at\" text);\n"
                                                         "\\copy " + t + " FROM '" + shop.toUtf8() + "' CSV HEADER\n" + typed);
            e = psql({"-f", load});
            if (e.isEmpty()) e = psql({"--csv", "-f", query, "-o", out});
        } else {
            e = run(node, {QStringLiteral(MB_TEST_DATA "/../warehouse/runduckdb.mjs"), shop, table, writeFile(table + "prepare.sql", typed), query, out});
        }
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const QString diff = difference(expected, readResult(out));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // The engine's file saved as the pairs run: the workspace then suggests from exactly these rules, and the
    // run says where they came from.
    void importMinedSavesTheEngineResult()
    {
        QString out = dir_.filePath("pg1.csv"), query = dir_.filePath("pg1.sql");
        if (!QFileInfo::exists(out)) {
            out = dir_.filePath("duck1.csv");
            query = dir_.filePath("duck1.sql");
        }
        if (!QFileInfo::exists(out)) QSKIP("neither PostgreSQL nor DuckDB ran here (see the skips above)");
        const Result r = cli({"--workspace", ws_, "import", "mined", out, "--query", query, "--mined-at", "2026-12-01T20:00:00Z"});
        QVERIFY2(r.code == 0, r.err.constData());
        std::string error;
        auto ws = mb::Workspace::open(ws_.toStdString(), error);
        QVERIFY2(ws, error.c_str());
        const mb::MinedResults m = mb::loadMinedResults(*ws, *snap_);
        QVERIFY(m.pairsRun.has_value());
        Rules saved;
        for (const mb::PairRule &p : m.pairs) {
            Row row{snap_->products[p.antecedent].sku, snap_->products[p.consequent].sku, p.count, 0, 0, 0, p.support, p.confidence,
                    p.lift, p.cosine};
            saved.emplace(std::make_pair(row.antecedent, row.consequent), row);
        }
        Rules expected = expectedRules(*snap_, cases()[1].second);
        for (auto &entry : expected) entry.second.antecedentCount = entry.second.consequentCount = entry.second.baskets = 0;
        const QString diff = difference(expected, saved);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        const QJsonObject p = QJsonDocument::fromJson(QByteArray::fromStdString(m.pairsRun->parameters)).object();
        QVERIFY(p.value("engine").toString() == "postgres" || p.value("engine").toString() == "duckdb");
        QCOMPARE(p.value("source").toString(), QString("warehouse"));
        QCOMPARE(p.value("minedAt").toString(), QString("2026-12-01T20:00:00Z"));
        QCOMPARE(p.value("topPerAnchor").toInteger(), 5);
        QCOMPARE(qint64(p.value("baskets").toInteger()), qint64(mb::minePairs(*snap_, mb::PairOptions()).summary.baskets));
        QVERIFY(p.value("baskets").toInteger() < 20728);  // orders of postage alone are no baskets
        // The run records the products the query left out, as an in-app run does; a pair counted on demand
        // uses the same baskets.
        std::vector<std::string> recorded;
        for (const QJsonValue &v : p.value("excludedProducts").toArray()) recorded.push_back(v.toString().toStdString());
        QCOMPARE(recorded, nonMerch_);
        QCOMPARE(mb::keptBasketCount(*snap_, m.pairsKept), size_t(p.value("baskets").toInteger()));
        QCOMPARE(p.value("queryHash").toString().size(), 64);
        QCOMPARE(qint64(p.value("rules").toInteger()), qint64(expected.size()));
        // "Re-run" repeats the thresholds the query used.
        const mb::MiningSettings s = mb::MiningSettings::ofSavedRuns(*ws);
        QCOMPARE(s.pairs.minSupport, 0.02);
    }
};

QTEST_GUILESS_MAIN(tst_WarehouseExact)
#include "tst_warehouseexact.moc"

// merchbench-cli as a script sees it: exit codes, messages on stderr, JSON on stdout, and a workspace that
// is never doubled, half-written or changed by a refused import.
#include "clirunner.h"
#include "testsupport.h"

#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace mb;

using mbtest::cli;
using Result = mbtest::CliResult;

namespace {

QJsonObject info(const QString &ws)
{
    const Result r = cli({"--workspace", ws, "info", "--json"});
    return QJsonDocument::fromJson(r.out).object();
}

// Every row of every table, in a stable order: "identical content" means this hash did not change.
QByteArray contentHash(const QString &path)
{
    std::string error;
    auto ws = Workspace::open(path.toStdString(), error, nullptr, true);
    if (!ws) return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    Statement tables(ws->db(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    std::vector<std::string> names;
    while (tables.step()) names.push_back(tables.text(0));
    for (const auto &t : names) {
        const std::string sql = "SELECT * FROM \"" + t + "\" ORDER BY 1";
        Statement again(ws->db(), sql.c_str());
        h.addData(QByteArray::fromStdString(t));
        while (again.step()) {
            // Columns are read as text; NULL and '' differ through a marker.
            for (int c = 0; c < again.columnCount(); ++c) h.addData(again.isNull(c) ? QByteArray("\x01") : QByteArray::fromStdString(again.text(c)));
        }
    }
    return h.result();
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usageErrorsExitOne()
    {
        QCOMPARE(cli({"--help"}).code, 0);
        QCOMPARE(cli({}).code, 1);
        QCOMPARE(cli({"frobnicate"}).code, 1);
        QTemporaryDir dir;
        const QString ws = dir.filePath("w.merchbench");
        QCOMPARE(cli({"--workspace", ws, "init"}).code, 0);
        const Result r = cli({"--workspace", ws, "import", "orders", mbtest::fixture("cli/orders.csv"), "--bogus"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("unknown option --bogus"));
    }

    void workspaceErrorsExitThree()
    {
        QTemporaryDir dir;
        const Result missing = cli({"--workspace", dir.filePath("none.merchbench"), "info"});
        QCOMPARE(missing.code, 3);
        QVERIFY(missing.err.contains("no such file"));
        const Result foreign = cli({"--workspace", mbtest::fixture("cli/products.csv"), "info"});
        QCOMPARE(foreign.code, 3);
        QVERIFY(foreign.err.contains("not a Merchbench workspace"));
        const QString ws = dir.filePath("w.merchbench");
        QCOMPARE(cli({"--workspace", ws, "init"}).code, 0);
        QCOMPARE(cli({"--workspace", ws, "init"}).code, 3);  // never overwrites
    }

    void importsAndReports()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath("w.merchbench");
        QCOMPARE(cli({"--workspace", ws, "init"}).code, 0);
        const Result cat = cli({"--workspace", ws, "import", "catalog", mbtest::fixture("cli/products.csv")});
        QVERIFY2(cat.code == 0, cat.err.constData());
        const Result ord = cli({"--workspace", ws, "--json", "import", "orders", mbtest::fixture("cli/orders.csv")});
        QVERIFY2(ord.code == 0, ord.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(ord.out).object();
        QCOMPARE(report.value("format").toString(), QStringLiteral("lines"));
        QCOMPARE(report.value("ordersAdded").toInt(), 4);
        QCOMPARE(report.value("linesWritten").toInt(), 5);
        const QJsonObject i = info(ws);
        QCOMPARE(i.value("products").toInt(), 3);
        QCOMPARE(i.value("categories").toInt(), 3);  // Cameras, Cameras > Mirrorless, Cameras > Accessories
        QCOMPARE(i.value("orders").toInt(), 4);
        QCOMPARE(i.value("orderLines").toInt(), 5);
        QCOMPARE(i.value("customers").toInt(), 2);
        QCOMPARE(i.value("baskets").toInt(), 3);      // the cancellation C5004 is no basket
        QCOMPARE(i.value("itemsInBaskets").toInt(), 3);
    }

    void reimportChangesNoCountsAndALaterExportAddsOnlyTheNew()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath("w.merchbench");
        cli({"--workspace", ws, "init"});
        QCOMPARE(cli({"--workspace", ws, "import", "orders", mbtest::fixture("cli/orders.csv")}).code, 0);
        const QJsonObject first = info(ws);
        const Result again = cli({"--workspace", ws, "--json", "import", "orders", mbtest::fixture("cli/orders.csv")});
        QCOMPARE(again.code, 0);
        const QJsonObject report = QJsonDocument::fromJson(again.out).object();
        QCOMPARE(report.value("ordersAdded").toInt(), 0);
        QCOMPARE(report.value("ordersUpdated").toInt(), 0);
        QCOMPARE(report.value("ordersUnchanged").toInt(), first.value("orders").toInt());
        QCOMPARE(report.value("linesWritten").toInt(), 0);
        const QJsonObject second = info(ws);
        for (const char *k : {"products", "orders", "orderLines", "customers", "baskets"})
            QCOMPARE(second.value(k).toInt(), first.value(k).toInt());
        QCOMPARE(cli({"--workspace", ws, "import", "orders", mbtest::fixture("cli/orders_later.csv")}).code, 0);
        const QJsonObject third = info(ws);
        QCOMPARE(third.value("orders").toInt(), first.value("orders").toInt() + 1);
        QCOMPARE(third.value("orderLines").toInt(), first.value("orderLines").toInt() + 1);
        QCOMPARE(third.value("customers").toInt(), first.value("customers").toInt() + 1);
    }

    void strictImportWithOneBadRowChangesNothing()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath("w.merchbench");
        cli({"--workspace", ws, "init"});
        QCOMPARE(cli({"--workspace", ws, "import", "orders", mbtest::fixture("cli/orders.csv")}).code, 0);
        const QByteArray before = contentHash(ws);
        QVERIFY(!before.isEmpty());
        const QString rejects = dir.filePath("rejects.csv");
        const Result r = cli({"--workspace", ws, "import", "orders", mbtest::fixture("cli/orders_badrow.csv"), "--strict",
                              "--rejects", rejects});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("line 3") && r.err.contains("quantity"), r.err.constData());
        QCOMPARE(contentHash(ws), before);
        QFile f(rejects);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.value(0), QByteArray("line,sku,column,value,reason"));
        QVERIFY2(lines.value(1).startsWith("3,SD-64,quantity,two,"), lines.value(1).constData());
        QVERIFY2(r.err.contains("SKU \"SD-64\""), r.err.constData());
        // Lenient: the two good rows import, the bad one is reported.
        const Result lenient = cli({"--workspace", ws, "--json", "import", "orders", mbtest::fixture("cli/orders_badrow.csv")});
        QCOMPARE(lenient.code, 0);
        QCOMPARE(QJsonDocument::fromJson(lenient.out).object().value("rejected").toInt(), 1);
    }

    void hopelessInputExitsTwoAndNamesTheFile()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath("w.merchbench");
        cli({"--workspace", ws, "init"});
        const QByteArray before = contentHash(ws);
        const Result r = cli({"--workspace", ws, "import", "orders", mbtest::fixture("cli/notes.csv"), "--format", "lines"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("notes.csv") && r.err.contains("line 1"), r.err.constData());
        const Result missing = cli({"--workspace", ws, "import", "catalog", dir.filePath("absent.csv")});
        QCOMPARE(missing.code, 2);
        QCOMPARE(contentHash(ws), before);
    }

    void killedImportLeavesAConsistentWorkspace()
    {
        MB_REQUIRE_DATASET(csv, "online_retail/online_retail.csv");
        QTemporaryDir dir;
        const QString ws = dir.filePath("w.merchbench");
        cli({"--workspace", ws, "init"});
        for (int delayMs : {150, 400}) {
            QProcess p;
            p.start(QStringLiteral(MB_CLI_PATH), {"--workspace", ws, "import", "orders", csv});
            QVERIFY(p.waitForStarted());
            QTest::qWait(delayMs);
            ::kill(pid_t(p.processId()), SIGKILL);
            p.waitForFinished();
            std::string error;
            auto w = Workspace::open(ws.toStdString(), error);
            QVERIFY2(w, error.c_str());
            QVERIFY(w->integrityOk());
            const auto lines = w->counts().orderLines;
            QVERIFY2(lines == 0 || lines == 541909, qPrintable(QString::number(lines)));
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

// merchbench-cli while another program is writing to the workspace: every writing command waits for it
// (--wait), then says who holds the lock and which file, exits 3 and changes nothing.
#include "clirunner.h"
#include "testsupport.h"
#include "workspacecontent.h"

#include "core/storage/statement.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using mbtest::cli;
using Result = mbtest::CliResult;

class TestCliLock : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString base_;
    int copies_ = 0;

private Q_SLOTS:
    void initTestCase()
    {
        // A store with a catalog, orders and mined suggestions, and a relations file with one bad row.
        base_ = dir_.filePath("base.merchbench");
        QCOMPARE(cli({"--workspace", base_, "init"}).code, 0);
        QCOMPARE(cli({"--workspace", base_, "import", "catalog", mbtest::fixture("cli/products.csv")}).code, 0);
        QCOMPARE(cli({"--workspace", base_, "import", "orders", mbtest::fixture("cli/orders.csv")}).code, 0);
        QCOMPARE(cli({"--workspace", base_, "mine", "run"}).code, 0);
        QFile f(dir_.filePath("relations.csv"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("anchor_type,anchor,target_type,target,kind\nproduct,CAM-1,product,SD-64,accessory\n"
                "product,CAM-1,product,BAG-1,accessory\nproduct,SD-64,product,NOPE,accessory\n");
    }

    void writeFailsAndChangesNothing_data()
    {
        QTest::addColumn<QStringList>("command");
        const QString relations = dir_.filePath("relations.csv");
        QTest::newRow("relations import --strict") << QStringList{"relations", "import", relations, "--strict"};
        QTest::newRow("relations import") << QStringList{"relations", "import", relations};
        QTest::newRow("suggestions accept") << QStringList{"suggestions", "accept", "--sku", "CAM-1", "--target", "SD-64"};
        QTest::newRow("suggestions reject") << QStringList{"suggestions", "reject", "--sku", "CAM-1", "--target", "SD-64"};
        QTest::newRow("policy set") << QStringList{"policy", "set", "cart", "slots", "2"};
        QTest::newRow("mine run") << QStringList{"mine", "run"};
        QTest::newRow("import orders") << QStringList{"import", "orders", mbtest::fixture("cli/orders_later.csv")};
        QTest::newRow("import catalog") << QStringList{"import", "catalog", mbtest::fixture("cli/products.csv")};
        QTest::newRow("import events") << QStringList{"import", "events", mbtest::fixture("kpi/events.csv")};
    }

    void writeFailsAndChangesNothing()
    {
        QFETCH(QStringList, command);
        const QString path = dir_.filePath(QStringLiteral("copy%1.merchbench").arg(++copies_));
        QVERIFY(QFile::copy(base_, path));
        const QByteArray before = mbtest::workspaceContent(path);
        // The other program: a connection of this process holding the write lock all along.
        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &other, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
        QVERIFY(mb::execSql(other, "BEGIN IMMEDIATE"));
        const Result r = cli(QStringList{"--workspace", path, "--wait", "0.2"} + command);
        mb::execSql(other, "ROLLBACK");
        sqlite3_close(other);
        QVERIFY2(r.err.contains("is locked by another program writing to it (another Merchbench or merchbench-cli?)"), r.err.constData());
        QVERIFY2(r.err.contains(path.toUtf8()), "the message names the workspace file");
        QVERIFY2(r.err.contains("nothing was changed"), r.err.constData());
        QCOMPARE(r.code, 3);
        QCOMPARE(mbtest::workspaceContent(path), before);
        // Once the other program is done, the same command goes through (or fails for its own reasons).
        const Result again = cli(QStringList{"--workspace", path} + command);
        QVERIFY2(!again.err.contains("is locked"), again.err.constData());
        QVERIFY2(again.code == 0 || command.contains("--strict"), again.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliLock)
#include "tst_clilock.moc"

// The workspace file: what it is made of, which files it refuses, and that a refusal changes nothing.
#include "testsupport.h"
#include "workspacequery.h"

#include "core/storage/importer.h"
#include "core/storage/schema.h"
#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <thread>

using namespace mb;

namespace {

using mbtest::fileHash;

using mbtest::scalar;

// A raw SQLite connection, made without our code and closed however the test leaves the scope (a failed
// QVERIFY returns early). Statements on it must be declared after it, so that they are finalized first.
using RawDb = std::unique_ptr<sqlite3, int (*)(sqlite3 *)>;
RawDb openRaw(const QString &path, int *rc = nullptr)
{
    sqlite3 *db = nullptr;
    const int r = sqlite3_open(path.toUtf8().constData(), &db);
    if (rc) *rc = r;
    return RawDb(db, &sqlite3_close);
}

// A raw SQLite file with the given application id and schema version, made without our code.
void makeRawDatabase(const QString &path, int appId, int version, bool withSchema)
{
    int rc = SQLITE_ERROR;
    const RawDb raw = openRaw(path, &rc);
    QCOMPARE(rc, SQLITE_OK);
    sqlite3 *db = raw.get();
    std::string err;
    if (withSchema) QVERIFY2(migrateSchema(db, 0, 1, err), err.c_str());
    QVERIFY(execSql(db, ("PRAGMA application_id = " + std::to_string(appId)).c_str()));
    QVERIFY(execSql(db, ("PRAGMA user_version = " + std::to_string(version)).c_str()));
    QVERIFY(execSql(db, "CREATE TABLE IF NOT EXISTS other(x)"));
}

OrderBatch smallOrders()
{
    OrderBatch b;
    b.format = "lines";
    b.orders.push_back({2, "1001", "C1", "UK", "GBP", 1700000000, 0, true, OrderStatus::Completed, "", ""});
    b.orders.push_back({4, "1002", "C2", "UK", "GBP", 1700003600, 0, true, OrderStatus::Completed, "", ""});
    b.lines.push_back({2, 0, "A", 2, 1.5, 0, 0});
    b.lines.push_back({3, 0, "B", 1, 4.0, 0, 0});
    b.lines.push_back({4, 1, "A", 1, 1.5, 0, 0});
    auto product = [](int64_t line, const char *sku, const char *title, double price) {
        ProductRecord p;
        p.line = line;
        p.sku = sku;
        p.title = title;
        p.price = price;
        return p;
    };
    b.products.push_back(product(2, "A", "Apple", 1.5));
    b.products.push_back(product(3, "B", "Banana", 4.0));
    b.rowsRead = 3;
    return b;
}

}  // namespace

class TestWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createSetsIdentityAndJournal()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("store.merchbench");
        std::string error;
        auto ws = Workspace::create(path.toStdString(), error);
        QVERIFY2(ws, error.c_str());
        QCOMPARE(scalar(*ws, "PRAGMA application_id"), int64_t(Workspace::ApplicationId));
        QCOMPARE(scalar(*ws, "PRAGMA user_version"), int64_t(Workspace::SchemaVersion));
        QCOMPARE(scalar(*ws, "PRAGMA foreign_keys"), int64_t(1));
        Statement j(ws->db(), "PRAGMA journal_mode");
        QVERIFY(j.step());
        QCOMPARE(QString::fromStdString(j.text(0)), QStringLiteral("wal"));
        // 16 KiB pages (SQLite's default is 4 KiB): the history is written and read in bulk (workspace.cpp).
        QCOMPARE(scalar(*ws, "PRAGMA page_size"), int64_t(16384));
        QVERIFY(ws->integrityOk());
        const WorkspaceCounts c = ws->counts();
        QCOMPARE(c.products + c.orders + c.orderLines, int64_t(0));
    }

    void createRefusesAnExistingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("notes.txt");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
        f.close();
        std::string error;
        QVERIFY(!Workspace::create(path.toStdString(), error));
        QVERIFY(error.find("already exists") != std::string::npos);
        QCOMPARE(fileHash(path), QCryptographicHash::hash("keep me", QCryptographicHash::Sha256));
    }

    void refusesWhatIsNotAWorkspace_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("appId");
        QTest::newRow("text file") << QByteArray("sku,title\nA,Apple\n") << 0;
        QTest::newRow("empty file") << QByteArray() << 0;
        QTest::newRow("sqlite of another app") << QByteArray() << 12345;
    }
    void refusesWhatIsNotAWorkspace()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, appId);
        QTemporaryDir dir;
        const QString path = dir.filePath("x.merchbench");
        if (appId) {
            makeRawDatabase(path, appId, 1, false);
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const QByteArray before = fileHash(path);
        std::string error;
        WorkspaceError kind = WorkspaceError::None;
        QVERIFY(!Workspace::open(path.toStdString(), error, &kind));
        QCOMPARE(kind, WorkspaceError::NotAWorkspace);
        QVERIFY2(error.find("not a Merchbench workspace") != std::string::npos, error.c_str());
        QVERIFY2(error.find(path.toStdString()) != std::string::npos, "the message names the file");
        QCOMPARE(fileHash(path), before);
    }

    void refusesANewerVersionUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("future.merchbench");
        makeRawDatabase(path, Workspace::ApplicationId, Workspace::SchemaVersion + 1, true);
        const QByteArray before = fileHash(path);
        std::string error;
        WorkspaceError kind = WorkspaceError::None;
        QVERIFY(!Workspace::open(path.toStdString(), error, &kind));
        QCOMPARE(kind, WorkspaceError::NewerVersion);
        QVERIFY2(error.find("newer Merchbench") != std::string::npos, error.c_str());
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + "-wal"));
    }

    void upgradesAnOlderVersionWithABackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("old.merchbench");
        makeRawDatabase(path, Workspace::ApplicationId, 1, true);
        {
            const RawDb db = openRaw(path);
            QVERIFY(execSql(db.get(), "INSERT INTO products(sku, title, origin, created_at, updated_at) VALUES ('A', 'Apple', 'catalog', 0, 0)"));
        }
        std::string error;
        auto ws = Workspace::open(path.toStdString(), error);
        QVERIFY2(ws, error.c_str());
        QCOMPARE(scalar(*ws, "PRAGMA user_version"), int64_t(Workspace::SchemaVersion));
        QCOMPARE(scalar(*ws, "SELECT recommendable FROM products WHERE sku = 'A'"), int64_t(1));
        QCOMPARE(ws->counts().products, int64_t(1));
        // A workspace made with 4 KiB pages keeps them (only a new file gets 16 KiB) and takes orders as any.
        QCOMPARE(scalar(*ws, "PRAGMA page_size"), int64_t(4096));
        {
            ImportReport report;
            QVERIFY2(writeOrders(*ws, smallOrders(), "orders.csv", report), report.error.c_str());
            QCOMPARE(ws->counts().orderLines, int64_t(3));
            QVERIFY(ws->integrityOk());
        }
        const QString backup = path + ".v1.bak";
        QVERIFY(QFile::exists(backup));
        const RawDb db = openRaw(backup);
        Statement v(db.get(), "PRAGMA user_version");
        QVERIFY(v.step());
        QCOMPARE(v.int64(0), int64_t(1));
    }

    // Inside a transaction the caller holds (the fuzz targets roll every input back), a write nests as a
    // savepoint: its success goes to the outer transaction, its failure undoes only its own work, and a
    // snapshot loaded meanwhile neither fails nor commits the outer transaction.
    void nestedWriteIsASavepoint()
    {
        QTemporaryDir dir;
        std::string error;
        auto ws = Workspace::create(dir.filePath("n.merchbench").toStdString(), error);
        QVERIFY2(ws, error.c_str());
        auto setMeta = [&](const char *key, bool succeed) {
            return writeTransaction(*ws, error, [&](sqlite3 *, std::string &e) {
                if (!ws->setMeta(key, "x")) return false;
                if (!succeed) e = "refused";
                return succeed;
            });
        };
        QVERIFY(execSql(ws->db(), "BEGIN IMMEDIATE"));
        QVERIFY2(setMeta("nested", true), error.c_str());
        QVERIFY(!setMeta("dropped", false));
        QCOMPARE(error, std::string("refused"));
        QCOMPARE(ws->meta("nested"), std::string("x"));
        QCOMPARE(ws->meta("dropped"), std::string());
        QVERIFY2(Snapshot::load(*ws, error), error.c_str());
        QVERIFY(execSql(ws->db(), "ROLLBACK"));
        QCOMPARE(ws->meta("nested"), std::string());
        QVERIFY2(setMeta("outer", true), error.c_str());  // and on its own it is a real transaction again
        QCOMPARE(ws->meta("outer"), std::string("x"));
    }

    // Meta (the history version above all) is written only inside the caller's own transaction: outside
    // one it writes nothing and says so, rather than waiting on another connection's lock or committing alone.
    void setMetaOutsideATransactionIsRefused()
    {
        QTemporaryDir dir;
        std::string error;
        auto ws = Workspace::create(dir.filePath("m.merchbench").toStdString(), error);
        QVERIFY2(ws, error.c_str());
        std::string why;
        QVERIFY(!ws->setMeta("history_version", "7", &why));
        QVERIFY2(why.find("not inside a write transaction") != std::string::npos, why.c_str());
        QCOMPARE(ws->historyVersion(), int64_t(0));
        QVERIFY2(writeTransaction(*ws, error, [&](sqlite3 *, std::string &e) { return ws->setMeta("history_version", "7", &e); }),
                 error.c_str());
        QCOMPARE(ws->historyVersion(), int64_t(7));
    }

    void readOnlyWorkspaceRefusesImports()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("ro.merchbench");
        std::string error;
        QVERIFY(Workspace::create(path.toStdString(), error));
        auto ws = Workspace::open(path.toStdString(), error, nullptr, true);
        QVERIFY2(ws, error.c_str());
        QVERIFY(ws->isReadOnly());
        ImportRequest req;
        req.path = dir.filePath("none.csv").toStdString();
        const ImportReport r = runImport(*ws, req);
        QCOMPARE(r.status, ImportStatus::Failed);
        QVERIFY(r.error.find("read-only") != std::string::npos);
        if (geteuid() != 0) {  // root ignores file permissions, so only an ordinary user can test chmod
            ws.reset();
            QFile::setPermissions(path, QFileDevice::ReadOwner);
            auto again = Workspace::open(path.toStdString(), error);
            QVERIFY2(again, error.c_str());
            QVERIFY(again->isReadOnly());
        }
    }

    void writeOrdersIsOneTransaction()
    {
        QTemporaryDir dir;
        std::string error;
        auto ws = Workspace::create(dir.filePath("t.merchbench").toStdString(), error);
        QVERIFY(ws);
        ImportReport report;
        // A cancel half-way must leave nothing behind, not even the products or the import log.
        QVERIFY(!writeOrders(*ws, smallOrders(), "t.csv", report, [](double f) { return f < 0.5; }));
        QCOMPARE(ws->counts().products, int64_t(0));
        QCOMPARE(scalar(*ws, "SELECT count(*) FROM imports"), int64_t(0));
        QCOMPARE(ws->historyVersion(), int64_t(0));
        ImportReport ok;
        QVERIFY(writeOrders(*ws, smallOrders(), "t.csv", ok));
        const WorkspaceCounts c = ws->counts();
        QCOMPARE(c.orders, int64_t(2));
        QCOMPARE(c.orderLines, int64_t(3));
        QCOMPARE(c.products, int64_t(2));
        QCOMPARE(c.customers, int64_t(2));
        QCOMPARE(c.baskets, int64_t(2));
        QCOMPARE(ws->historyVersion(), int64_t(1));
        // The same batch again: nothing doubles, and the orders it repeats are unchanged.
        ImportReport again;
        QVERIFY(writeOrders(*ws, smallOrders(), "t.csv", again));
        QCOMPARE(again.ordersAdded, int64_t(0));
        QCOMPARE(again.ordersUpdated, int64_t(0));
        QCOMPARE(again.ordersUnchanged, int64_t(2));
        QCOMPARE(ws->counts().orderLines, int64_t(3));
        QCOMPARE(ws->counts().products, int64_t(2));
    }

    void eachThreadHasItsOwnConnection()
    {
        // A worker reading in a transaction (a snapshot load) must neither block nor break an edit the
        // GUI thread makes meanwhile, nor see it half-done.
        QTemporaryDir dir;
        std::string error;
        auto ws = Workspace::create(dir.filePath("t.merchbench").toStdString(), error);
        QVERIFY(ws);
        ImportReport rep;
        QVERIFY(writeOrders(*ws, smallOrders(), "t.csv", rep));
        std::atomic<int> stage{0};
        sqlite3 *workerDb = nullptr;
        int64_t seenInside = -1, seenAfter = -1;
        std::thread worker([&] {
            workerDb = ws->db();
            execSql(workerDb, "BEGIN");
            seenInside = scalar(*ws, "SELECT count(*) FROM order_lines");
            stage = 1;
            while (stage < 2) std::this_thread::yield();
            seenInside = scalar(*ws, "SELECT count(*) FROM order_lines");  // still the state it began with
            execSql(workerDb, "COMMIT");
            seenAfter = scalar(*ws, "SELECT count(*) FROM order_lines");
        });
        while (stage < 1) std::this_thread::yield();
        QVERIFY2(writeTransaction(*ws, error, [](sqlite3 *db, std::string &) {
                     return execSql(db, "DELETE FROM order_lines WHERE source_line = 4");
                 }), error.c_str());
        stage = 2;
        worker.join();
        QVERIFY(workerDb != ws->db());
        QCOMPARE(seenInside, int64_t(3));
        QCOMPARE(seenAfter, int64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"

// Every edit and import while another program holds the workspace's write lock: it fails whole, says who
// holds the lock and which file, and leaves the workspace exactly as it was. The other program lets go the
// moment the write stops waiting for it, which is when a write that went on without its transaction used
// to commit its rows one by one.
#include "testsupport.h"
#include "workspacecontent.h"

#include "core/storage/bundlestore.h"
#include "core/kpi/eventimport.h"
#include "core/maps/relationcsv.h"
#include "core/storage/relationstore.h"
#include "core/maps/suggestions.h"
#include "core/mining/minedresults.h"
#include "core/placement/placementpolicy.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <cmath>
#include <functional>

using namespace mb;

namespace {

struct WriteCase {
    std::function<bool(Workspace &ws, std::string &error)> run;
};

// Another program's write: its own connection to the file, holding the write lock until released.
struct OtherWriter {
    sqlite3 *db = nullptr;
    explicit OtherWriter(const QString &path)
    {
        sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
        QVERIFY(execSql(db, "BEGIN IMMEDIATE"));
    }
    void release()
    {
        if (db) execSql(db, "ROLLBACK");
        sqlite3_close(db);
        db = nullptr;
    }
    ~OtherWriter() { release(); }
};

// Stands in for the busy timeout: the first time the workspace waits for the lock it gives up at once,
// and the other program lets go right then, so anything the write does after that finds the file free.
int giveUpAndRelease(void *other, int)
{
    auto *w = static_cast<OtherWriter *>(other);
    if (!w->db) return 1;
    w->release();
    return 0;
}

int64_t idOf(Workspace &ws, const char *sql)
{
    Statement s(ws.db(), sql);
    return s.step() ? s.int64(0) : -1;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

}  // namespace

Q_DECLARE_METATYPE(WriteCase)

class TestWriteLock : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString base_;
    int copies_ = 0;

    QString freshCopy()
    {
        const QString path = dir_.filePath(QStringLiteral("copy%1.merchbench").arg(++copies_));
        if (!QFile::copy(base_, path)) return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A small store with orders, two relations of one anchor, a bundle and relation and event files.
        base_ = dir_.filePath("base.merchbench");
        std::string error;
        auto ws = Workspace::create(base_.toStdString(), error);
        QVERIFY2(ws, error.c_str());
        for (const auto &[kind, file] : {std::pair{ImportKind::Catalog, "kpi/products.csv"}, std::pair{ImportKind::Orders, "kpi/orders.csv"}}) {
            ImportRequest req;
            req.kind = kind;
            req.path = mbtest::fixture(file).toStdString();
            const ImportReport r = runImport(*ws, req);
            QVERIFY2(r.status == ImportStatus::Ok, r.error.c_str());
        }
        RelationStore store(*ws);
        for (const char *target : {"CARD", "BAG"}) {
            Relation r;
            r.anchorId = idOf(*ws, "SELECT id FROM products WHERE sku = 'CAM1'");
            r.targetId = idOf(*ws, (std::string("SELECT id FROM products WHERE sku = '") + target + "'").c_str());
            r.kind = RelationKind::Accessory;
            QVERIFY2(store.add(r, error), error.c_str());
        }
        Bundle b;
        b.name = "Camera kit";
        b.anchorProductId = idOf(*ws, "SELECT id FROM products WHERE sku = 'CAM1'");
        b.tiers.push_back({"Basic", TierPricing::Sum, 0, NAN, {{idOf(*ws, "SELECT id FROM products WHERE sku = 'CARD'"), 1, false}}});
        QVERIFY2(BundleStore(*ws).add(b, error), error.c_str());
        const QByteArray header = "anchor_type,anchor,target_type,target,kind\n";
        const QByteArray good = "product,CAM2,product,CARD,accessory\nproduct,CAM2,product,BAG,accessory\n"
                                "product,CARD,product,BAG,accessory\nproduct,MUG,product,CARD,accessory\n";
        writeFile(dir_.filePath("relations.csv"), header + good);
        writeFile(dir_.filePath("relations_badrow.csv"), header + good + "product,CAM2,product,NOPE,accessory\n");
    }

    void failsWholeWhileAnotherProgramWrites_data()
    {
        QTest::addColumn<WriteCase>("write");
        const std::string relations = dir_.filePath("relations.csv").toStdString();
        const std::string badRow = dir_.filePath("relations_badrow.csv").toStdString();
        auto product = [](Workspace &ws, const char *sku) {
            return idOf(ws, (std::string("SELECT id FROM products WHERE sku = '") + sku + "'").c_str());
        };
        auto relation = [](Workspace &ws, const char *sku) {
            return *RelationStore(ws).byId(idOf(ws, (std::string("SELECT r.id FROM relations r JOIN products p ON p.id = r.target_id "
                                                                 "WHERE p.sku = '") + sku + "'").c_str()));
        };
        auto import = [](ImportKind kind, const char *file) {
            return WriteCase{[kind, file](Workspace &ws, std::string &error) {
                ImportRequest req;
                req.kind = kind;
                req.path = mbtest::fixture(file).toStdString();
                const ImportReport r = runImport(ws, req);
                error = r.error;
                return r.status == ImportStatus::Ok;
            }};
        };
        QTest::newRow("relation added") << WriteCase{[=](Workspace &ws, std::string &error) {
            Relation r;
            r.anchorId = product(ws, "CAM2");
            r.targetId = product(ws, "BAG");
            return RelationStore(ws).add(r, error);
        }};
        QTest::newRow("relation edited") << WriteCase{[=](Workspace &ws, std::string &error) {
            Relation r = relation(ws, "CARD");
            r.pitch = "Never run out of space";
            return RelationStore(ws).update(r, error);
        }};
        QTest::newRow("relation removed") << WriteCase{[=](Workspace &ws, std::string &error) {
            return RelationStore(ws).remove(relation(ws, "CARD").id, error);
        }};
        QTest::newRow("relations reordered") << WriteCase{[=](Workspace &ws, std::string &error) {
            return RelationStore(ws).reorder({relation(ws, "BAG").id, relation(ws, "CARD").id}, error);
        }};
        QTest::newRow("products made non-recommendable") << WriteCase{[=](Workspace &ws, std::string &error) {
            return RelationStore(ws).setRecommendable({product(ws, "MUG"), product(ws, "BAG")}, false, error);
        }};
        QTest::newRow("relations CSV, strict") << WriteCase{[=](Workspace &ws, std::string &error) {
            const RelationImportReport r = importRelationsCsv(ws, badRow, true);
            error = r.error;
            return r.ok;
        }};
        QTest::newRow("relations CSV, lenient") << WriteCase{[=](Workspace &ws, std::string &error) {
            const RelationImportReport r = importRelationsCsv(ws, relations, false);
            error = r.error;
            return r.ok;
        }};
        QTest::newRow("suggestion accepted") << WriteCase{[=](Workspace &ws, std::string &error) {
            return acceptSuggestion(ws, product(ws, "CAM2"), product(ws, "CARD"), RelationKind::Accessory, error);
        }};
        QTest::newRow("suggestion rejected") << WriteCase{[=](Workspace &ws, std::string &error) {
            return rejectSuggestion(ws, product(ws, "CAM2"), product(ws, "CARD"), RelationKind::Accessory, error);
        }};
        QTest::newRow("suggestions accepted in bulk") << WriteCase{[=](Workspace &ws, std::string &error) {
            const auto snap = Snapshot::load(ws, error);
            if (!snap) return false;
            std::vector<Suggestion> list(2);
            list[0].anchor = list[1].anchor = uint32_t(snap->productIndex("CAM2"));
            list[0].target = uint32_t(snap->productIndex("CARD"));
            list[1].target = uint32_t(snap->productIndex("BAG"));
            return acceptSuggestions(ws, *snap, list, error) >= 0;
        }};
        QTest::newRow("bundle added") << WriteCase{[=](Workspace &ws, std::string &error) {
            Bundle b = *BundleStore(ws).byName("Camera kit");
            b.id = 0;
            b.name = "Second kit";
            return BundleStore(ws).add(b, error);
        }};
        QTest::newRow("bundle edited") << WriteCase{[=](Workspace &ws, std::string &error) {
            Bundle b = *BundleStore(ws).byName("Camera kit");
            b.tiers.front().discountPercent = 10;
            b.tiers.front().pricing = TierPricing::Discount;
            return BundleStore(ws).update(b, error);
        }};
        QTest::newRow("bundle removed") << WriteCase{[=](Workspace &ws, std::string &error) {
            return BundleStore(ws).remove(BundleStore(ws).byName("Camera kit")->id, error);
        }};
        QTest::newRow("placement policy") << WriteCase{[=](Workspace &ws, std::string &error) {
            return savePolicyValue(ws, Placement::Cart, "slots", "2", error);
        }};
        QTest::newRow("mined results saved") << WriteCase{[=](Workspace &ws, std::string &error) {
            const auto snap = Snapshot::load(ws, error);
            return snap && mineAndSave(ws, *snap, MiningSettings(), error);
        }};
        QTest::newRow("events imported") << WriteCase{[=](Workspace &ws, std::string &error) {
            const ImportReport r = importEvents(ws, mbtest::fixture("kpi/events.csv").toStdString());
            error = r.error;
            return r.status == ImportStatus::Ok;
        }};
        QTest::newRow("orders imported") << import(ImportKind::Orders, "cli/orders.csv");
        QTest::newRow("catalog imported") << import(ImportKind::Catalog, "cli/products.csv");
    }

    void failsWholeWhileAnotherProgramWrites()
    {
        QFETCH(WriteCase, write);
        const QString path = freshCopy();
        QVERIFY(!path.isEmpty());
        std::string error;
        auto ws = Workspace::open(path.toStdString(), error);
        QVERIFY2(ws, error.c_str());
        const QByteArray before = mbtest::workspaceContent(path);
        bool written = false;
        {
            OtherWriter other(path);
            sqlite3_busy_handler(ws->db(), giveUpAndRelease, &other);
            written = write.run(*ws, error);
        }
        QVERIFY2(!written, "the write must fail while another program holds the lock");
        QVERIFY2(error.find("is locked by another program writing to it") != std::string::npos, error.c_str());
        QVERIFY2(error.find(path.toStdString()) != std::string::npos, "the message names the workspace file");
        QVERIFY2(error.find("nothing was changed") != std::string::npos, error.c_str());
        QCOMPARE(ws->lastWriteError(), WorkspaceError::Busy);
        QCOMPARE(mbtest::workspaceContent(path), before);
    }

    void waitsOutTheBusyTimeoutThenFails()
    {
        // The real timeout, with the lock held all along: the write gives up after it, and says why.
        const QString path = freshCopy();
        std::string error;
        auto ws = Workspace::open(path.toStdString(), error);
        QVERIFY2(ws, error.c_str());
        ws->setBusyTimeout(150);
        const QByteArray before = mbtest::workspaceContent(path);
        OtherWriter other(path);
        QElapsedTimer t;
        t.start();
        const RelationImportReport r = importRelationsCsv(*ws, dir_.filePath("relations.csv").toStdString(), false);
        QVERIFY(!r.ok);
        QVERIFY(t.elapsed() >= 140);
        QVERIFY2(r.error.find("is locked by another program") != std::string::npos, r.error.c_str());
        other.release();
        QCOMPARE(mbtest::workspaceContent(path), before);
        // Once the other program is done, the same import goes through.
        const RelationImportReport again = importRelationsCsv(*ws, dir_.filePath("relations.csv").toStdString(), false);
        QVERIFY2(again.ok, again.error.c_str());
        QCOMPARE(again.added, int64_t(4));
    }

    void refusesWritesOutsideATransaction()
    {
        // Code that writes without writeTransaction gets an error instead of an autocommitted row.
        const QString path = freshCopy();
        std::string error;
        auto ws = Workspace::open(path.toStdString(), error);
        QVERIFY2(ws, error.c_str());
        const QByteArray before = mbtest::workspaceContent(path);
        QVERIFY(!execSql(ws->db(), "DELETE FROM relations"));
        QCOMPARE(mbtest::workspaceContent(path), before);
        QVERIFY2(writeTransaction(*ws, error, [](sqlite3 *db, std::string &) { return execSql(db, "DELETE FROM relations"); }),
                 error.c_str());
        QCOMPARE(idOf(*ws, "SELECT count(*) FROM relations"), int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestWriteLock)
#include "tst_writelock.moc"

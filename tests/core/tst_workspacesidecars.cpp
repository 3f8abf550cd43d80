// The -wal and -shm files SQLite keeps beside a workspace: a refused file gets none, and those a read-only
// open leaves behind never stop later edits.
#include "testsupport.h"

#include "core/storage/relationstore.h"
#include "core/storage/snapshot.h"
#include "core/storage/statement.h"
#include "core/storage/workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <cerrno>

using namespace mb;

namespace {

using mbtest::fileHash;

bool hasSidecars(const QString &path) { return QFile::exists(path + "-wal") || QFile::exists(path + "-shm"); }

void rawSql(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    std::string error;
    QVERIFY2(execSql(db, sql, &error), error.c_str());
    sqlite3_close(db);
}

// Root may write any file whatever its permissions, so a read-only -shm would not stop it. While one of
// these lives, SQLite's own opens honour the owner's write bit as they would for anyone else, so the
// tests mean the same run by root or by an ordinary user.
class PermissionsAsForAnyone {
public:
    PermissionsAsForAnyone()
    {
        vfs_ = sqlite3_vfs_find(nullptr);
        realOpen_ = reinterpret_cast<OpenFn>(vfs_->xGetSystemCall(vfs_, "open"));
        vfs_->xSetSystemCall(vfs_, "open", reinterpret_cast<sqlite3_syscall_ptr>(&openAsAnyone));
    }
    ~PermissionsAsForAnyone() { vfs_->xSetSystemCall(vfs_, "open", nullptr); }

private:
    using OpenFn = int (*)(const char *, int, int);
    static inline OpenFn realOpen_ = nullptr;
    static int openAsAnyone(const char *path, int flags, int mode)
    {
        struct stat st;
        if ((flags & O_ACCMODE) != O_RDONLY && ::stat(path, &st) == 0 && !(st.st_mode & S_IWUSR)) {
            errno = EACCES;
            return -1;
        }
        return realOpen_(path, flags, mode);
    }
    sqlite3_vfs *vfs_ = nullptr;
};

}  // namespace

class TestWorkspaceSidecars : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refusedFileGetsNoSidecars_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("expected");
        QTest::newRow("newer version") << "newer" << int(WorkspaceError::NewerVersion);
        QTest::newRow("another application's database") << "foreign" << int(WorkspaceError::NotAWorkspace);
        QTest::newRow("truncated copy") << "truncated" << int(WorkspaceError::Corrupt);
        QTest::newRow("not a database") << "text" << int(WorkspaceError::NotAWorkspace);
    }
    void refusedFileGetsNoSidecars()
    {
        QFETCH(QString, kind);
        QFETCH(int, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath("refused.merchbench");
        std::string error;
        if (kind == "newer" || kind == "truncated") {
            // A workspace as a newer Merchbench would leave it: a WAL database, closed cleanly.
            const QString whole = dir.filePath("whole.merchbench");
            QVERIFY2(Workspace::create(whole.toStdString(), error), error.c_str());
            if (kind == "newer") {
                rawSql(whole, ("PRAGMA user_version = " + std::to_string(Workspace::SchemaVersion + 1)).c_str());
                QVERIFY(QFile::rename(whole, path));
            } else {
                QFile in(whole), out(path);
                QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
                out.write(in.read(in.size() / 2));
            }
        } else if (kind == "foreign") {
            rawSql(path, "PRAGMA journal_mode = WAL; PRAGMA application_id = 12345; CREATE TABLE notes(x)");
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("sku,title\nA,Apple\n");
        }
        QVERIFY(!hasSidecars(path));
        const QByteArray before = fileHash(path);
        WorkspaceError got = WorkspaceError::None;
        QVERIFY(!Workspace::open(path.toStdString(), error, &got));
        QCOMPARE(int(got), expected);
        QVERIFY2(error.find(path.toStdString()) != std::string::npos, error.c_str());
        QVERIFY2(!QFile::exists(path + "-wal"), "a refused file gets no -wal beside it");
        QVERIFY2(!QFile::exists(path + "-shm"), "a refused file gets no -shm beside it");
        QCOMPARE(fileHash(path), before);
    }

    void editsWorkAfterAReadOnlyOpen_data()
    {
        QTest::addColumn<bool>("fileReadOnly");
        QTest::newRow("opened read-only") << false;
        QTest::newRow("file read-only, then writable again") << true;
    }
    void editsWorkAfterAReadOnlyOpen()
    {
        QFETCH(bool, fileReadOnly);
        PermissionsAsForAnyone permissions;
        QTemporaryDir dir;
        const QString path = dir.filePath("store.merchbench");
        std::string error;
        QVERIFY2(Workspace::create(path.toStdString(), error), error.c_str());
        rawSql(path, "INSERT INTO products(sku, title, origin, created_at, updated_at) VALUES ('A', 'Apple', 'catalog', 0, 0)");
        const auto filePermissions = QFile::permissions(path);
        if (fileReadOnly) QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        {
            // An ordinary user gets a read-only open of a read-only file by itself; root asks for one.
            auto ro = Workspace::open(path.toStdString(), error, nullptr, true);
            QVERIFY2(ro, error.c_str());
            QVERIFY2(Snapshot::load(*ro, error), error.c_str());
        }
        if (fileReadOnly) QVERIFY(QFile::setPermissions(path, filePermissions));
        auto ws = Workspace::open(path.toStdString(), error);
        QVERIFY2(ws, error.c_str());
        QVERIFY(!ws->isReadOnly());
        Statement a(ws->db(), "SELECT id FROM products WHERE sku = 'A'");
        QVERIFY(a.step());
        QVERIFY2(RelationStore(*ws).setRecommendable({a.int64(0)}, false, error), error.c_str());
        QCOMPARE(ws->counts().products, int64_t(1));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceSidecars)
#include "tst_workspacesidecars.moc"

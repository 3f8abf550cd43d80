// A file that is not a workspace, or one from a newer Merchbench, is refused with a clear message; the
// window keeps the workspace it had, and the refused file is left byte for byte as it was.
#include "testsupport.h"
#include "ui/uitestsupport.h"

#include "core/storage/workspace.h"
#include "ui/mainwindow.h"

#include <QStandardPaths>

#include <sqlite3.h>

using namespace mb;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool makeNewerWorkspace(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);  // a failed open still allocates the handle
        return false;
    }
    const QByteArray sql = QStringLiteral("PRAGMA application_id = %1; PRAGMA user_version = %2; "
                                          "CREATE TABLE future_things(id INTEGER PRIMARY KEY);")
                               .arg(Workspace::ApplicationId)
                               .arg(Workspace::SchemaVersion + 1)
                               .toUtf8();
    const bool ok = sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}
}  // namespace

class TstWorkspaceRefusal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MerchbenchTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_workspacerefusal"));
        QVERIFY(dir_.isValid());
        demo_ = mbtest::makeDemo(dir_);
    }

    void refusesWithAClearMessage_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not sqlite") << "text" << "“notes.merchbench” is not a Merchbench workspace.";
        QTest::newRow("newer schema") << "newer" << "“notes.merchbench” was saved by a newer version of Merchbench";
    }

    void refusesWithAClearMessage()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.merchbench"));
        if (kind == QLatin1String("text")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("order_id,sku\n1001,A-1\nthis is a CSV, not a workspace\n");
        } else {
            QVERIFY(makeNewerWorkspace(path));
        }
        const QByteArray before = readAll(path);

        mbtest::RecordingPresenter messages;
        MainWindow w(&messages);
        QVERIFY(w.openWorkspace(demo_));
        QVERIFY(mbtest::waitLoaded(w.document()));
        const int64_t products = w.document()->counts().products;

        QVERIFY(!w.openWorkspace(path));
        QCOMPARE(messages.errors.size(), 1);
        QVERIFY2(messages.errors.front().startsWith(QStringLiteral("Cannot Open Workspace: ")), qPrintable(messages.errors.front()));
        QVERIFY2(messages.errors.front().contains(expected.toHtmlEscaped()), qPrintable(messages.errors.front()));
        // Still usable: the demo stays open with its data, and the refused file is untouched.
        QCOMPARE(w.document()->path(), QFileInfo(demo_).absoluteFilePath());
        QCOMPARE(w.document()->counts().products, products);
        QCOMPARE(w.windowTitle(), QStringLiteral("demo.merchbench — Merchbench"));
        QCOMPARE(readAll(path), before);
    }

private:
    QTemporaryDir dir_;
    QString demo_;
};

QTEST_MAIN(TstWorkspaceRefusal)
#include "tst_workspacerefusal.moc"

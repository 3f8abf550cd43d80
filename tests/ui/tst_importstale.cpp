// Orders imported through the app's own import path (the import dialog's worker) move the order history
// on: the history version is bumped inside the import's transaction, the shared mined results read as
// stale, Maps and Preview say so with a Re-run that mines again with the saved parameters, and the
// banners go once it has. A meta write that cannot happen fails the import and says why.
#include "testsupport.h"
#include "ui/uitestsupport.h"

#include "core/mining/minedresults.h"
#include "core/storage/workspace.h"
#include "ui/import/importdialog.h"
#include "ui/mainwindow.h"
#include "ui/maps/mapsview.h"
#include "ui/maps/miningrunner.h"
#include "ui/minedcache.h"
#include "ui/miningbar.h"
#include "ui/miningdialog.h"
#include "ui/preview/previewview.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>

#include <sqlite3.h>

using namespace mb;

namespace {

// Two new orders of products the demo sells, in the Online Retail layout.
QString writeLateOrders(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("late-orders.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
            "LATE-1,COF-MAC-120,Espresso machine,1,2026-11-20 10:00:00,199,90001,United Kingdom\n"
            "LATE-1,COF-FLT-703,Filter papers,2,2026-11-20 10:00:00,5,90001,United Kingdom\n"
            "LATE-2,COF-FLT-703,Filter papers,3,2026-11-21 11:30:00,5,90002,United Kingdom\n");
    return path;
}

}  // namespace

class TstImportStale : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MerchbenchTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_importstale"));
        QSettings().clear();
        QVERIFY(dir_.isValid());
    }

    void importThroughTheAppMarksMinedResultsStale()
    {
        const QString path = mbtest::makeDemo(dir_, QStringLiteral("stale.merchbench"));
        mbtest::RecordingPresenter messages;
        MainWindow window(&messages);
        QVERIFY(window.openWorkspace(path));
        WorkspaceDocument *doc = window.document();
        QVERIFY(mbtest::waitLoaded(doc));
        auto *maps = qobject_cast<MapsView *>(window.view(QStringLiteral("maps")));
        auto *preview = qobject_cast<PreviewView *>(window.view(QStringLiteral("preview")));
        QVERIFY(maps && preview);
        MinedCache *cache = MinedCache::of(doc);
        MiningRunner *runner = MiningRunner::of(doc);
        QVERIFY(mbtest::waitUntil([&] { return cache->results() != nullptr; }));
        QCOMPARE(maps->bannerButton()->text(), QStringLiteral("Mine Now"));
        QVERIFY(!window.rerunMiningAction()->isEnabled());  // nothing saved to repeat yet
        QVERIFY(window.runMiningAction()->isEnabled());

        // A first run with parameters of its own (what Mining ▸ Run Mining… hands the runner).
        MiningSettings chosen;
        MiningDialog dialog(chosen);
        dialog.minCountBox()->setValue(4);
        QCOMPARE(dialog.topPerAnchorBox()->value(), 50);  // the defaults: each product's 50 strongest partners too
        dialog.topPerAnchorBox()->setValue(20);
        dialog.excludeTagsEdit()->setText(QStringLiteral("Wholesale, Staff order"));
        chosen = dialog.settings();
        QSignalSpy mined(runner, &MiningRunner::finished);
        QVERIFY(runner->start(chosen));
        QVERIFY(mbtest::waitForSignal(mined));
        QCOMPARE(mined.takeFirst().at(0).toBool(), true);
        QVERIFY(mbtest::waitUntil([&] { return cache->results() && cache->results()->pairsRun; }));
        QVERIFY(!cache->results()->stale);
        QVERIFY(mbtest::waitUntil([&] { return maps->minedResults() == cache->results(); }));  // one shared copy
        QCOMPARE(maps->bannerText(), QString());
        QCOMPARE(preview->miningBar()->text(), QString());
        QVERIFY(window.rerunMiningAction()->isEnabled());
        const int64_t before = doc->workspace()->historyVersion();

        // The app's import path: the dialog's worker writes, the GUI thread never does.
        const QString csv = writeLateOrders(dir_);
        QVERIFY(!csv.isEmpty());
        ImportDialog *import = window.createImportDialog(csv, ImportKind::Orders);
        QVERIFY(import);
        QSignalSpy imported(import, &ImportDialog::importFinished);
        QElapsedTimer took;
        took.start();
        QVERIFY(import->startImport());
        QVERIFY(mbtest::waitForSignal(imported));
        // Waiting out SQLite's 15 s busy timeout (two connections writing at once) would show here.
        QVERIFY2(took.elapsed() < 10000, qPrintable(QString::number(took.elapsed())));
        QCOMPARE(import->report().status, ImportStatus::Ok);
        QCOMPARE(import->report().ordersAdded, 2);
        QVERIFY2(messages.errors.isEmpty(), qPrintable(messages.errors.join('\n')));
        QVERIFY(mbtest::waitLoaded(doc));
        QCOMPARE(doc->workspace()->historyVersion(), before + 1);
        QCOMPARE(doc->snapshot()->historyVersion, before + 1);
        QVERIFY(!doc->checkExternalChanges());  // nor is its own import

        QVERIFY(mbtest::waitUntil([&] { return cache->results() && cache->results()->stale; }));
        QCOMPARE(cache->results()->ordersImportedSince, int64_t(2));
        QVERIFY(mbtest::waitUntil([&] { return !maps->bannerText().isEmpty(); }));
        QVERIFY2(maps->bannerText().startsWith(QStringLiteral("Mined suggestions are out of date: 2 orders imported since the last mining run (")),
                 qPrintable(maps->bannerText()));
        QCOMPARE(maps->bannerButton()->text(), QStringLiteral("Re-run"));
        QCOMPARE(preview->miningBar()->text(), maps->bannerText());
        QVERIFY(window.rerunMiningAction()->isEnabled());

        // Re-run: the saved parameters again, over the new history; the banners go.
        maps->bannerButton()->click();
        QVERIFY(mbtest::waitForSignal(mined));
        QCOMPARE(mined.takeFirst().at(0).toBool(), true);
        QVERIFY(mbtest::waitUntil([&] { return cache->results() && !cache->results()->stale; }));
        QCOMPARE(cache->results()->historyVersion, before + 1);
        QVERIFY(!doc->checkExternalChanges());  // the window's own run is no change made elsewhere
        QVERIFY(mbtest::waitUntil([&] { return maps->bannerText().isEmpty() && preview->miningBar()->text().isEmpty(); }));
        const MiningSettings again = MiningSettings::fromRuns(*cache->results());
        QCOMPARE(again.pairs.minCount, uint32_t(4));
        QCOMPARE(again.pairs.topPerAnchor, uint32_t(20));  // "Re-run" repeats the dialog's choice
        QCOMPARE(again.pairs.exclude.tags, (std::vector<std::string>{"Wholesale", "Staff order"}));
        QCOMPARE(again.ease.exclude.tags, again.pairs.exclude.tags);
        QVERIFY2(messages.errors.isEmpty(), qPrintable(messages.errors.join('\n')));
        delete import;
    }

    // Another program holds the write lock: the import (and so its history bump) fails, and says why.
    void aBlockedImportSaysSoAndBumpsNothing()
    {
        const QString path = mbtest::makeDemo(dir_, QStringLiteral("locked.merchbench"));
        WorkspaceDocument doc;
        QString error;
        WorkspaceError kind;
        QVERIFY2(doc.open(path, error, kind), qPrintable(error));
        QVERIFY(mbtest::waitLoaded(&doc));
        doc.workspace()->setBusyTimeout(200);
        const int64_t before = doc.workspace()->historyVersion();
        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

        mbtest::RecordingPresenter messages;
        ImportDialog import(&doc, &messages);
        QVERIFY(import.setFile(writeLateOrders(dir_), ImportKind::Orders));
        QSignalSpy finished(&import, &ImportDialog::importFinished);
        QVERIFY(import.startImport());
        QVERIFY(mbtest::waitForSignal(finished));
        sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(other);
        QCOMPARE(import.report().status, ImportStatus::Failed);
        QVERIFY2(QString::fromStdString(import.report().error).contains(QStringLiteral("locked by another program")),
                 import.report().error.c_str());
        QCOMPARE(doc.workspace()->historyVersion(), before);
    }

private:
    QTemporaryDir dir_;
};

QTEST_MAIN(TstImportStale)
#include "tst_importstale.moc"

// The import dialog's code path end to end: detect, map, import on a worker thread, show the result,
// refresh the document; and Cancel leaves the workspace as it was.
#include "testsupport.h"
#include "ui/uitestsupport.h"

#include "ui/import/importdialog.h"
#include "ui/import/importsetuppage.h"
#include "ui/import/rejecttablemodel.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTimer>

using namespace mb;

class TstImportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(dir_.isValid());
        doc_ = std::make_unique<WorkspaceDocument>();
        QString error;
        WorkspaceError kind;
        const QString path = mbtest::makeDemo(dir_, QStringLiteral("%1.merchbench").arg(++counter_));
        QVERIFY2(doc_->open(path, error, kind), qPrintable(error));
        QVERIFY(mbtest::waitLoaded(doc_.get()));
    }
    void cleanup() { doc_.reset(); }

    void importingAFixtureAddsItsRows()
    {
        const int64_t before = doc_->counts().products;
        mbtest::RecordingPresenter messages;
        ImportDialog dialog(doc_.get(), &messages);
        QVERIFY(dialog.setFile(mbtest::fixture(QStringLiteral("ui/three_products.csv"))));
        QCOMPARE(dialog.setupPage()->kind(), ImportKind::Catalog);
        QCOMPARE(dialog.setupPage()->detectedFormat(), std::string("generic"));
        QCOMPARE(dialog.setupPage()->fieldOfColumn(5), QStringLiteral("cost"));
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QVERIFY(dialog.startImport());
        QVERIFY(mbtest::waitForSignal(finished));
        QVERIFY2(messages.errors.isEmpty(), qPrintable(messages.errors.join('\n')));
        QCOMPARE(dialog.report().status, ImportStatus::Ok);
        QCOMPARE(dialog.report().imported, 3);
        QCOMPARE(dialog.report().productsAdded, 3);
        QVERIFY(mbtest::waitLoaded(doc_.get()));
        QCOMPARE(doc_->counts().products, before + 3);
        const Snapshot &s = *doc_->snapshot();
        const int i = s.productIndex("UI-TEST-003");
        QVERIFY(i >= 0);
        QCOMPARE(s.products[size_t(i)].title, std::string("Camera Strap, Padded"));
        QCOMPARE(s.products[size_t(i)].price, 29.5);
    }

    void rejectedRowsAreListed()
    {
        mbtest::RecordingPresenter messages;
        ImportDialog dialog(doc_.get(), &messages);
        QVERIFY(dialog.setFile(mbtest::fixture(QStringLiteral("ui/catalog_with_reject.csv"))));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QVERIFY(dialog.startImport());
        QVERIFY(mbtest::waitForSignal(finished));
        QCOMPARE(dialog.report().status, ImportStatus::Ok);
        QCOMPARE(dialog.report().imported, 2);
        QCOMPARE(dialog.report().rejected, 1);
        // What the result page's table shows: the row's SKU beside its line, then the refused cell.
        QTableView *table = nullptr;
        for (QTableView *t : dialog.findChildren<QTableView *>())
            if (t->isVisible()) table = t;  // the set-up page's preview table is hidden by now
        QVERIFY(table);
        const QAbstractItemModel *rejects = table->model();
        QCOMPARE(rejects, dialog.rejectModel());
        QCOMPARE(rejects->rowCount(), 1);
        QCOMPARE(rejects->headerData(RejectTableModel::Sku, Qt::Horizontal).toString(), QStringLiteral("SKU"));
        QCOMPARE(rejects->index(0, RejectTableModel::Line).data().toString(), QStringLiteral("3"));
        QCOMPARE(rejects->index(0, RejectTableModel::Sku).data().toString(), QStringLiteral("UI-REJ-002"));
        QCOMPARE(rejects->index(0, RejectTableModel::ColumnName).data().toString(), QStringLiteral("price"));
        QCOMPARE(rejects->index(0, RejectTableModel::Value).data().toString(), QStringLiteral("abc"));

        // Save Rejects as CSV writes the same rows, the SKU in its own column.
        const QString csv = dir_.filePath(QStringLiteral("rejects-%1.csv").arg(counter_));
        std::string error;
        QVERIFY2(writeRejectReport(csv.toStdString(), dialog.rejectModel()->rejects(), error), error.c_str());
        const QList<QByteArray> lines = mbtest::readAll(csv).split('\n');
        QCOMPARE(lines.value(0), QByteArray("line,sku,column,value,reason"));
        QVERIFY2(lines.value(1).startsWith("3,UI-REJ-002,price,abc,expected a number"), lines.value(1).constData());
    }

    void strictRefusesTheWholeFile()
    {
        const int64_t before = doc_->counts().products;
        mbtest::RecordingPresenter messages;
        ImportDialog dialog(doc_.get(), &messages);
        QVERIFY(dialog.setFile(mbtest::fixture(QStringLiteral("ui/catalog_with_reject.csv"))));
        dialog.setupPage()->setStrict(true);
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QVERIFY(dialog.startImport());
        QVERIFY(mbtest::waitForSignal(finished));
        QCOMPARE(dialog.report().status, ImportStatus::RejectedStrict);
        std::string error;
        QCOMPARE(Workspace::open(doc_->path().toStdString(), error)->counts().products, before);
    }

    void unknownColumnsImportOnceMapped()
    {
        mbtest::RecordingPresenter messages;
        ImportDialog dialog(doc_.get(), &messages);
        QVERIFY(dialog.setFile(mbtest::fixture(QStringLiteral("ui/unknown_columns.csv")), ImportKind::Catalog));
        ImportSetupPage *setup = dialog.setupPage();
        QCOMPARE(setup->detectedFormat(), std::string());
        setup->setFieldOfColumn(0, QStringLiteral("sku"));
        setup->setFieldOfColumn(1, QStringLiteral("title"));
        setup->setFieldOfColumn(2, QStringLiteral("price"));
        setup->setFieldOfColumn(3, QStringLiteral("stock"));
        QCOMPARE(setup->detectedFormat(), std::string("generic"));

        // The mapping survives a save and a load into a fresh dialog.
        const QString mappingFile = dir_.filePath(QStringLiteral("mapping.json"));
        QString error;
        QVERIFY2(setup->saveMapping(mappingFile, error), qPrintable(error));
        ImportDialog again(doc_.get(), &messages);
        QVERIFY(again.setFile(mbtest::fixture(QStringLiteral("ui/unknown_columns.csv"))));
        QVERIFY2(again.setupPage()->loadMapping(mappingFile, error), qPrintable(error));
        QCOMPARE(again.setupPage()->fieldOfColumn(0), QStringLiteral("sku"));
        QCOMPARE(again.setupPage()->fieldOfColumn(3), QStringLiteral("stock"));
        QCOMPARE(again.setupPage()->detectedFormat(), std::string("generic"));

        QSignalSpy finished(&again, &ImportDialog::importFinished);
        QVERIFY(again.startImport());
        QVERIFY(mbtest::waitForSignal(finished));
        QCOMPARE(again.report().status, ImportStatus::Ok);
        QCOMPARE(again.report().imported, 2);
        QVERIFY(mbtest::waitLoaded(doc_.get()));
        const Snapshot &s = *doc_->snapshot();
        const int i = s.productIndex("UI-MAP-002");
        QVERIFY(i >= 0);
        QCOMPARE(s.products[size_t(i)].title, std::string("Kugelkopf"));
        QCOMPARE(s.products[size_t(i)].stock, 0);
    }

    void cancellingOnlineRetailLeavesTheWorkspaceUnchanged()
    {
        MB_REQUIRE_DATASET(path, "online_retail/online_retail.csv");
        const WorkspaceCounts before = doc_->counts();
        mbtest::RecordingPresenter messages;
        ImportDialog dialog(doc_.get(), &messages);
        QVERIFY(dialog.setFile(path));
        QCOMPARE(dialog.setupPage()->kind(), ImportKind::Orders);
        QCOMPARE(dialog.setupPage()->detectedFormat(), std::string("lines"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // The GUI thread keeps turning while the worker parses: measure the longest gap between ticks.
        QElapsedTimer clock;
        qint64 last = 0, longestGap = 0;
        QTimer tick;
        tick.setInterval(5);
        connect(&tick, &QTimer::timeout, this, [&] {
            longestGap = std::max(longestGap, clock.elapsed() - last);
            last = clock.elapsed();
        });
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QVERIFY(dialog.startImport());
        clock.start();
        tick.start();
        auto *bar = dialog.findChild<QProgressBar *>();
        QVERIFY(bar);
        QPushButton *cancel = button(dialog, QStringLiteral("Cancel Import"));
        QVERIFY(cancel);
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0 || !dialog.isRunning(), mbtest::uiTimeoutMs);
        QVERIFY2(dialog.isRunning(), "the import ended before it could be cancelled");
        // The parse is the first half of the bar: the click lands while the file is being read.
        const int clickedAt = bar->value();
        QVERIFY2(clickedAt < 500, qPrintable(QStringLiteral("the parse was over (%1/1000) before the click").arg(clickedAt)));
        QElapsedTimer sinceClick;
        sinceClick.start();
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!cancel->isEnabled());
        QVERIFY(mbtest::waitForSignal(finished));
        const qint64 stopped = sinceClick.elapsed();
        tick.stop();
        QCOMPARE(dialog.report().status, ImportStatus::Cancelled);
        // Stopped in the parse, not after it: far fewer rows read than the file has, within a fraction of a second.
        QVERIFY2(dialog.report().rowsRead < 541909 * 3 / 4, qPrintable(QString::number(dialog.report().rowsRead)));
        QVERIFY2(stopped < 500 * mbtest::timeBudgetFactor, qPrintable(QStringLiteral("stopped %1 ms after the click").arg(stopped)));
        QVERIFY2(longestGap < 1000 * mbtest::timeBudgetFactor, qPrintable(QStringLiteral("GUI thread blocked for %1 ms").arg(longestGap)));
        QVERIFY(resultText(dialog).contains(QStringLiteral("Import cancelled — the workspace is unchanged")));
        qInfo("Cancel clicked at %d/1000: stopped %lld ms later, after %lld of 541,909 rows", clickedAt,
              static_cast<long long>(stopped), static_cast<long long>(dialog.report().rowsRead));

        std::string error;
        auto ws = Workspace::open(doc_->path().toStdString(), error);
        QVERIFY2(ws, error.c_str());
        const WorkspaceCounts after = ws->counts();
        QCOMPARE(after.products, before.products);
        QCOMPARE(after.orders, before.orders);
        QCOMPARE(after.orderLines, before.orderLines);
        QCOMPARE(after.customers, before.customers);
    }

    // Import pressed while the workspace is still loading waits for the load; Cancel meanwhile means the
    // import never starts.
    void cancelBeforeTheWorkerStartsImportsNothing()
    {
        const WorkspaceCounts before = doc_->counts();
        mbtest::RecordingPresenter messages;
        ImportDialog dialog(doc_.get(), &messages);
        QVERIFY(dialog.setFile(mbtest::fixture(QStringLiteral("ui/three_products.csv"))));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        doc_->reload();
        QVERIFY(doc_->isLoading());
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QVERIFY(dialog.startImport());
        QTest::mouseClick(button(dialog, QStringLiteral("Cancel Import")), Qt::LeftButton);
        QVERIFY(mbtest::waitForSignal(finished));
        QVERIFY(resultText(dialog).contains(QStringLiteral("Import cancelled — the workspace is unchanged")));
        QVERIFY(mbtest::waitLoaded(doc_.get()));
        std::string error;
        QCOMPARE(Workspace::open(doc_->path().toStdString(), error)->counts().products, before.products);
    }

private:
    static QPushButton *button(const QDialog &dialog, const QString &text)
    {
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text() == text) return b;
        return nullptr;
    }
    // Every label of the result page, as the user reads them.
    static QString resultText(const QDialog &dialog)
    {
        QStringList texts;
        for (const QLabel *l : dialog.findChildren<QLabel *>())
            if (l->isVisibleTo(&dialog)) texts << l->text();
        return texts.join('\n');
    }

    QTemporaryDir dir_;
    std::unique_ptr<WorkspaceDocument> doc_;
    int counter_ = 0;
};

QTEST_MAIN(TstImportDialog)
#include "tst_importdialog.moc"

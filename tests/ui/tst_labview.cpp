// The Lab's back-test as a merchandiser uses it: pick how many requests, click Run Back-test, read each
// task's table and chart, export the CSV; cancel a run; see a result marked out of date after a policy edit.
// The figures shown must be the engine's own for the same options (core/backtest is tested on its own in
// tests/core/tst_backtest*.cpp).
#include "core/backtest/backtest.h"
#include "ui/lab/abresultspanel.h"
#include "ui/lab/backtestpanel.h"
#include "ui/lab/backtesttablemodel.h"
#include "ui/lab/labview.h"
#include "uitestsupport.h"

#include <QChartView>
#include <QDateEdit>
#include <QFile>
#include <QGroupBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>

using namespace mb;

class tst_LabView : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    std::unique_ptr<WorkspaceDocument> doc;
    mbtest::RecordingPresenter presenter;

    // Types a value into a spin box as the user does: select what is there, type, Enter.
    static void typeInto(QSpinBox *box, const QString &text)
    {
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, text);
        QTest::keyClick(box, Qt::Key_Enter);
    }

    static bool runAndWait(BacktestPanel *panel)
    {
        QSignalSpy done(panel, &BacktestPanel::finished);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        return mbtest::waitForSignal(done);
    }

private Q_SLOTS:
    void initTestCase()
    {
        doc = std::make_unique<WorkspaceDocument>();
        doc->setMessages(&presenter);
        QString error;
        QVERIFY2(mbtest::openDemo(*doc, dir, error), qPrintable(error));
    }

    void cleanupTestCase() { doc.reset(); }

    void showsTheEnginesFiguresForEveryTaskAndMethod()
    {
        LabView view(doc.get());
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        BacktestPanel *panel = view.backtest();
        // The Lab's two tabs: the back-test first, the A/B read-out beside it (tested in tst_abresultspanel).
        QCOMPARE(view.tabs()->count(), 2);
        QCOMPARE(view.tabs()->currentWidget(), static_cast<QWidget *>(panel));
        QCOMPARE(view.tabs()->widget(1), static_cast<QWidget *>(view.abResults()));
        QVERIFY(panel->runButton()->isEnabled());
        QVERIFY(!panel->exportButton()->isEnabled());
        // The panel mines the training orders with the saved runs' settings.
        const MiningSettings mining = MiningSettings::ofSavedRuns(*doc->workspace());
        typeInto(panel->sampleBox(), "300");
        QCOMPARE(panel->options().samplePerTask, size_t(300));
        QVERIFY(runAndWait(panel));
        QVERIFY2(presenter.errors.isEmpty(), qPrintable(presenter.errors.join('\n')));
        const BacktestResult *shown = panel->result();
        QVERIFY(shown && shown->ok());
        QVERIFY(panel->exportButton()->isEnabled());
        QVERIFY(panel->summaryText().contains(QString::fromStdString(shown->splitDate)));
        QVERIFY(panel->summaryText().contains("the last 20 %"));

        // The same options straight through the engine: the tables must show exactly its figures.
        BacktestOptions o = panel->options();
        const BacktestResult direct = runBacktest(*doc->snapshot(), doc->policies(), mining, o);
        QVERIFY(direct.ok());
        QCOMPARE(direct.splitDate, shown->splitDate);
        QCOMPARE(int(direct.rows.size()), int(shown->rows.size()));
        for (BacktestTask task : allBacktestTasks) {
            auto *box = panel->findChild<QGroupBox *>(QString::fromLatin1(backtestTaskName(task)));
            QVERIFY2(box, backtestTaskName(task));
            auto *table = box->findChild<QTableView *>();
            QVERIFY(table);
            QVERIFY(box->findChild<QChartView *>());
            QAbstractItemModel *m = table->model();
            std::vector<const BacktestRow *> rows;
            for (const BacktestRow &r : direct.rows)
                if (r.task == task) rows.push_back(&r);
            QCOMPARE(m->rowCount(), int(rows.size()));
            QVERIFY(m->rowCount() >= 6);  // the policy and five baselines
            const int baselineSlots = rows.back()->slots;
            for (int i = 0; i < m->rowCount(); ++i) {
                const BacktestRow &r = *rows[size_t(i)];
                // A policy with other slots than the baselines' k (checkout in the cart task) names its own.
                const QString label = QString::fromStdString(r.label) + (r.slots != baselineSlots ? QString(", %1 slots").arg(r.slots) : QString());
                QCOMPARE(m->index(i, BacktestTableModel::Method).data().toString(), label);
                QCOMPARE(m->index(i, BacktestTableModel::HitSlots).data().toString(), QLocale().toString(r.atSlots.hitRate, 'f', 3));
                // A policy shows only its slots: nothing to show at 10.
                QCOMPARE(m->index(i, BacktestTableModel::NdcgList).data().toString(),
                         r.method == BacktestMethod::Policy ? QString("—") : QLocale().toString(r.atList.ndcg, 'f', 3));
            }
            if (task == BacktestTask::Cart) QVERIFY(m->index(1, BacktestTableModel::Method).data().toString().endsWith(", 2 slots"));
            // The header names the k: the placement's slots, and 10.
            QVERIFY(m->headerData(BacktestTableModel::HitList, Qt::Horizontal).toString().endsWith("@10"));
        }
        // Export CSV writes the engine's CSV.
        const QString csv = dir.filePath("backtest.csv");
        QString error;
        QVERIFY2(panel->exportCsv(csv, error), qPrintable(error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray written = f.readAll();
        QCOMPARE(written, QByteArray::fromStdString(backtestCsv(direct)));
        QVERIFY(written.count('\n') > 12);
        QTest::qWait(50);  // the layout's pending requests, as the event loop would run them before a paint
        view.grab().save(dir.filePath("lab.png"));
        if (qEnvironmentVariableIsSet("MB_LAB_PNG")) view.grab().save(qEnvironmentVariable("MB_LAB_PNG"));
    }

    void aPolicyEditMarksTheResultOutOfDate()
    {
        LabView view(doc.get());
        view.show();
        BacktestPanel *panel = view.backtest();
        typeInto(panel->sampleBox(), "100");
        QVERIFY(runAndWait(panel));
        QVERIFY(panel->staleText().isEmpty());
        QVERIFY(doc->setPolicyValue(Placement::Cart, "slots", "2"));
        QVERIFY2(panel->staleText().contains("slots"), qPrintable(panel->staleText()));
        QVERIFY(runAndWait(panel));
        QVERIFY(panel->staleText().isEmpty());
        // The new run measured the new policy: the cart policy's row has 2 slots.
        bool seen = false;
        for (const BacktestRow &r : panel->result()->rows)
            if (r.method == BacktestMethod::Policy && r.placement == Placement::Cart) {
                QCOMPARE(r.slots, 2);
                seen = true;
            }
        QVERIFY(seen);
        // An edit made while a run reads the state before it: the result lands already out of date.
        QSignalSpy done(panel, &BacktestPanel::finished);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY(panel->isRunning());
        QVERIFY(doc->setPolicyValue(Placement::Cart, "slots", "4"));
        QVERIFY(mbtest::waitForSignal(done));
        QVERIFY(panel->result() && panel->result()->ok());
        QVERIFY2(panel->staleText().contains("slots"), qPrintable(panel->staleText()));
    }

    void aChosenSplitDateIsTheOneMeasured()
    {
        LabView view(doc.get());
        view.show();
        BacktestPanel *panel = view.backtest();
        typeInto(panel->sampleBox(), "100");
        QVERIFY(!panel->splitDateEdit()->isEnabled());
        QTest::mouseClick(panel->splitFromDateButton(), Qt::LeftButton);
        QVERIFY(panel->splitDateEdit()->isEnabled());
        // The history's days are worked out on the pool: the range arrives after the panel is shown.
        const QDate unset = QDateEdit().minimumDate();
        QTRY_VERIFY(panel->splitDateEdit()->minimumDate() != unset);
        QCOMPARE(panel->splitDateEdit()->minimumDate(), QDate(1970, 1, 1).addDays(doc->snapshot()->orders.front().orderedAt / 86400));
        const QDate day = panel->splitDateEdit()->minimumDate().addDays(
            int(panel->splitDateEdit()->minimumDate().daysTo(panel->splitDateEdit()->maximumDate()) / 2));
        panel->splitDateEdit()->setDate(day);
        QVERIFY(runAndWait(panel));
        QVERIFY(panel->result() && panel->result()->ok());
        QCOMPARE(QString::fromStdString(panel->result()->splitDate), day.toString(Qt::ISODate));
        QVERIFY(!panel->summaryText().contains("the last 20 %"));
    }

    void cancelStopsTheRunAndKeepsTheLastResult()
    {
        LabView view(doc.get());
        view.show();
        BacktestPanel *panel = view.backtest();
        // Every test basket: long enough to cancel while it runs.
        typeInto(panel->sampleBox(), "0");
        QCOMPARE(panel->sampleBox()->text(), QString("all"));
        QSignalSpy done(panel, &BacktestPanel::finished);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY(panel->isRunning());
        QVERIFY(panel->cancelButton()->isVisible());
        QVERIFY(!panel->runButton()->isEnabled());
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        QVERIFY(mbtest::waitForSignal(done));
        QVERIFY(!panel->isRunning());
        QVERIFY(!panel->result());
        QVERIFY2(panel->summaryText().contains("cancelled"), qPrintable(panel->summaryText()));
        QVERIFY(panel->runButton()->isEnabled());
        QVERIFY(!panel->cancelButton()->isVisible());
        QVERIFY(presenter.errors.isEmpty());
    }
};

QTEST_MAIN(tst_LabView)
#include "tst_labview.moc"

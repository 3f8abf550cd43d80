#pragma once
// The Lab's back-test: the merchandiser picks the split (the last 20 % of orders, or from a date), how many
// requests per task, the post-purchase window and the attach rate the AOV estimate assumes, and runs it on
// the app's pool with progress and Cancel. Each task gets a table (every method's hit rate, recall, NDCG at
// the placement's slots and at 10, coverage, non-merchandise share, AOV lift estimate) and a chart; the
// whole result exports as CSV. A result says when the history or a policy changed after it was measured.
#include "core/backtest/backtest.h"
#include "ui/latestrun.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSettings;
class QSpinBox;
class QVBoxLayout;

namespace mb {

class WorkspaceDocument;

class BacktestPanel : public QWidget {
    Q_OBJECT
public:
    explicit BacktestPanel(WorkspaceDocument *document, QWidget *parent = nullptr);
    ~BacktestPanel() override;

    // The options as the controls set them.
    BacktestOptions options() const;
    bool isRunning() const;
    // The last finished result (null before the first); what the tables show.
    const BacktestResult *result() const { return result_.get(); }
    QString summaryText() const;
    QString staleText() const;  // "" while the result still matches the workspace

    QPushButton *runButton() const { return run_; }
    QPushButton *cancelButton() const { return cancel_; }
    QPushButton *exportButton() const { return export_; }
    QSpinBox *sampleBox() const { return sample_; }
    QDateEdit *splitDateEdit() const { return splitDate_; }
    QRadioButton *splitFromDateButton() const { return fromDate_; }

    void saveState(QSettings &settings) const;
    void restoreState(QSettings &settings);

    // Writes the result's CSV to path (what Export CSV… does after its file dialog); false with error set.
    bool exportCsv(const QString &path, QString &error) const;

public Q_SLOTS:
    void run();
    void cancel();

Q_SIGNALS:
    void finished();  // a run ended: with a result, cancelled, or failed

private:
    // The history's first and last day and the default split, worked out on the pool: on a 20M-line store
    // the scan and the split's order statistic took 1–2 s, a frozen window on every open and import.
    struct HistoryDays {
        std::weak_ptr<const Snapshot> snapshot;  // weak: a superseded history is not kept alive by its days
        int32_t first = INT32_MIN, last = INT32_MIN, split = INT32_MIN;
    };
    void onSnapshotChanged();
    void onHistoryDays(const HistoryDays &days);
    void onFinished();
    void showProgress(const QString &phase, double fraction);
    void showResult();
    void markStale(const QString &why);
    void chooseExport();
    void updateButtons();

    WorkspaceDocument *document_;
    QRadioButton *lastShare_, *fromDate_;
    QDateEdit *splitDate_;
    QSpinBox *sample_, *within_;
    QDoubleSpinBox *attach_;
    QCheckBox *taskBoxes_[3];
    QPushButton *run_, *cancel_, *export_;
    QProgressBar *progress_;
    QLabel *phase_, *summary_, *assumptions_, *stale_;
    QWidget *results_;
    QVBoxLayout *resultsLayout_;
    QFutureWatcher<BacktestResult> watcher_;
    std::shared_ptr<std::atomic<bool>> cancelFlag_;
    std::unique_ptr<BacktestResult> result_;
    QString changedDuringRun_;  // what changed while the running back-test read the state before it
    LatestRun<HistoryDays> historyDays_;
};

}  // namespace mb

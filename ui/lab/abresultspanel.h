#pragma once
// The A/B results panel of the Lab view: open an experiment's results file (rows with a variant, or
// per-variant totals), read it against the control with intervals and p-values, see in plain words why not
// to trust it yet (under-powered, stopped early, sample-ratio mismatch, too short), size the next test, and
// export the read-out as CSV. Needs no workspace: the results are a file of their own. Reading and the
// statistics (a bootstrap over a large file takes a while) run on the work pool with progress and Cancel.
#include "core/abtest/abreport.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace mb {

class MessagePresenter;

class AbResultsPanel : public QWidget {
    Q_OBJECT
public:
    explicit AbResultsPanel(QWidget *parent = nullptr);
    ~AbResultsPanel() override;

    // What Open Results… and Export CSV… ask the user; replaceable so a test can answer without a modal
    // dialog (the buttons still go through them). An empty answer means the user cancelled.
    using OpenChooser = std::function<QString()>;
    using SaveChooser = std::function<QString(const QString &suggested)>;
    void setOpenChooser(OpenChooser chooser) { openChooser_ = std::move(chooser); }
    void setSaveChooser(SaveChooser chooser) { saveChooser_ = std::move(chooser); }
    void setMessagePresenter(MessagePresenter *presenter) { presenter_ = presenter; }

    // Reads the file on the work pool, as Open Results… does after its dialog.
    void openFile(const QString &path);
    bool isBusy() const;
    const abtest::AbReport *report() const { return report_.get(); }
    QString fileName() const { return path_; }

Q_SIGNALS:
    void reportChanged();   // a read finished (or failed: report() is then null)

private:
    struct Outcome {
        std::shared_ptr<const abtest::AbResults> results;   // null when the read failed or was cancelled
        std::shared_ptr<const abtest::AbReport> report;
        QString error;
        bool cancelled = false;
    };
    void chooseAndOpen();
    void reanalyse();
    void start(std::function<Outcome(std::atomic<bool> &, const std::function<void(double)> &)> work);
    void finished();
    void showReport();
    void updateSampleSize();
    void exportCsv();
    abtest::AbOptions options() const;

    OpenChooser openChooser_;
    SaveChooser saveChooser_;
    MessagePresenter *presenter_ = nullptr;
    std::unique_ptr<MessagePresenter> ownPresenter_;

    QString path_;
    std::shared_ptr<const abtest::AbResults> results_;
    std::shared_ptr<const abtest::AbReport> report_;
    QFutureWatcher<Outcome> watcher_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    bool pendingReanalyse_ = false;
    bool busy_ = false;          // from start() until finished() has shown the outcome
    QString pendingPath_;       // a file asked for while another was being read
    QString pendingOpenPath_;   // the file the running job reads ("" when it re-reads the current one)

    QPushButton *open_;
    QPushButton *export_;
    QLabel *file_;
    QComboBox *control_;
    QDoubleSpinBox *wantedLift_;
    QProgressBar *progress_;
    QPushButton *cancelButton_;
    QLabel *warnings_;
    QTableWidget *table_;
    QLabel *notes_;
    QDoubleSpinBox *baseline_;
    QDoubleSpinBox *lift_;
    QDoubleSpinBox *alpha_;
    QDoubleSpinBox *power_;
    QLabel *sampleSize_;
};

}  // namespace mb

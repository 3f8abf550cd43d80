#include "ui/lab/backtestpanel.h"

#include "core/io/atomicfile.h"
#include "core/mining/minedresults.h"
#include "ui/flowlayout.h"
#include "ui/format.h"
#include "ui/lab/backtestchart.h"
#include "ui/lab/backtesttablemodel.h"
#include "ui/messagepresenter.h"
#include "ui/noticelabel.h"
#include "ui/workpool.h"
#include "ui/workspacedocument.h"

#include <QApplication>
#include <QButtonGroup>
#include <QChartView>
#include <QCheckBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace mb {
namespace {

const QDate epoch(1970, 1, 1);

QDate dateOf(int32_t day) { return epoch.addDays(day); }
int32_t dayOf(const QDate &d) { return int32_t(epoch.daysTo(d)); }

QLabel *wrappingLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

// A table as tall as its rows: the results area scrolls as a whole, never a table inside it.
void fitHeight(QTableView *table)
{
    table->resizeColumnsToContents();
    int h = table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth();
    for (int r = 0; r < table->model()->rowCount(); ++r) h += table->rowHeight(r);
    table->setFixedHeight(h + 2);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

}  // namespace

BacktestPanel::BacktestPanel(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent), document_(document), historyDays_(this, [this](const HistoryDays &d) { onHistoryDays(d); })
{
    auto *options = new QWidget(this);
    auto *flow = new FlowLayout(options);
    flow->setContentsMargins(0, 0, 0, 0);

    auto *split = new QWidget(options);
    auto *splitRow = new QHBoxLayout(split);
    splitRow->setContentsMargins(0, 0, 0, 0);
    splitRow->addWidget(new QLabel(tr("Test on:"), split));
    lastShare_ = new QRadioButton(tr("the last 20 % of orders"), split);
    fromDate_ = new QRadioButton(tr("orders from"), split);
    splitDate_ = new QDateEdit(split);
    splitDate_->setCalendarPopup(true);
    splitDate_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    splitDate_->setToolTip(tr("The first day of the test: every method learns from the orders before it only"));
    auto *splitGroup = new QButtonGroup(split);
    splitGroup->addButton(lastShare_);
    splitGroup->addButton(fromDate_);
    lastShare_->setChecked(true);
    splitDate_->setEnabled(false);
    splitRow->addWidget(lastShare_);
    splitRow->addWidget(fromDate_);
    splitRow->addWidget(splitDate_);
    flow->addWidget(split);
    connect(fromDate_, &QRadioButton::toggled, splitDate_, &QWidget::setEnabled);

    auto labelled = [options, flow](const QString &label, QWidget *w) {
        auto *box = new QWidget(options);
        auto *row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        auto *l = new QLabel(label, box);
        l->setBuddy(w);
        row->addWidget(l);
        w->setParent(box);
        row->addWidget(w);
        flow->addWidget(box);
    };
    sample_ = new QSpinBox;
    sample_->setRange(0, 1000000);
    sample_->setSingleStep(500);
    sample_->setValue(1000);
    sample_->setSpecialValueText(tr("all"));
    sample_->setToolTip(tr("Test baskets sampled per task (the same sample every run); \"all\" takes every one"));
    labelled(tr("&Requests per task:"), sample_);
    within_ = new QSpinBox;
    within_->setRange(1, 365);
    within_->setValue(30);
    within_->setSuffix(tr(" days"));
    within_->setToolTip(tr("Post-purchase: the customer's next order counts when it comes this soon"));
    labelled(tr("Next order &within:"), within_);
    attach_ = new QDoubleSpinBox;
    attach_->setRange(0.1, 100);
    attach_->setDecimals(1);
    attach_->setValue(5);
    attach_->setSuffix(QStringLiteral(" %"));
    attach_->setToolTip(tr("The share of shown hits assumed to be bought, for the projected AOV lift (an estimate)"));
    labelled(tr("Assumed &attach rate:"), attach_);

    auto *tasks = new QWidget(options);
    auto *taskRow = new QHBoxLayout(tasks);
    taskRow->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < 3; ++i) {
        taskBoxes_[i] = new QCheckBox(QString::fromLatin1(backtestTaskLabel(allBacktestTasks[i])), tasks);
        taskBoxes_[i]->setChecked(true);
        taskRow->addWidget(taskBoxes_[i]);
        connect(taskBoxes_[i], &QCheckBox::toggled, this, &BacktestPanel::updateButtons);
    }
    taskBoxes_[0]->setToolTip(tr("One item of a test basket is the product viewed; the rest are what a pick should hit"));
    taskBoxes_[1]->setToolTip(tr("Half of a test basket is in the cart (cart and checkout policies); the other half is what a pick should hit"));
    taskBoxes_[2]->setToolTip(tr("A test order is the purchase; the same customer's next order is what a pick should hit"));
    flow->addWidget(tasks);

    auto *buttons = new QWidget(options);
    auto *buttonRow = new QHBoxLayout(buttons);
    buttonRow->setContentsMargins(0, 0, 0, 0);
    run_ = new QPushButton(tr("Run Back-test"), buttons);
    run_->setToolTip(tr("Train every method on the orders before the split and score its picks against the orders after it"));
    export_ = new QPushButton(tr("Export CSV…"), buttons);
    export_->setToolTip(tr("Every task and method with both metric sets, as CSV"));
    buttonRow->addWidget(run_);
    buttonRow->addWidget(export_);
    flow->addWidget(buttons);
    connect(run_, &QPushButton::clicked, this, &BacktestPanel::run);
    connect(export_, &QPushButton::clicked, this, &BacktestPanel::chooseExport);

    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    phase_ = new QLabel(this);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setToolTip(tr("Stop the back-test; the last result stays"));
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(progress_, 1);
    progressRow->addWidget(phase_, 2);
    progressRow->addWidget(cancel_);
    connect(cancel_, &QPushButton::clicked, this, &BacktestPanel::cancel);

    stale_ = noticeLabel(this, QStringLiteral("#fff4ce"), QStringLiteral("#e0c36c"));
    summary_ = wrappingLabel(this);
    assumptions_ = wrappingLabel(this);

    results_ = new QWidget;
    resultsLayout_ = new QVBoxLayout(results_);
    resultsLayout_->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    auto *inner = new QWidget;
    auto *innerLayout = new QVBoxLayout(inner);
    innerLayout->setContentsMargins(0, 0, 0, 0);
    innerLayout->addWidget(stale_);
    innerLayout->addWidget(summary_);
    innerLayout->addWidget(assumptions_);
    innerLayout->addWidget(results_);
    innerLayout->addStretch(1);
    scroll->setWidget(inner);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(options);
    layout->addLayout(progressRow);
    layout->addWidget(scroll, 1);

    connect(&watcher_, &QFutureWatcher<BacktestResult>::finished, this, &BacktestPanel::onFinished);
    connect(document_, &WorkspaceDocument::snapshotChanged, this, &BacktestPanel::onSnapshotChanged);
    connect(document_, &WorkspaceDocument::policyChanged, this,
            [this](Placement p, const QString &key, const QString &) {
                markStale(tr("The %1 policy's \"%2\" changed after this back-test: Run Back-test again to measure it.")
                              .arg(QString::fromLatin1(placementName(p)), key));
            });
    connect(document_, &WorkspaceDocument::recommendableChanged, this, [this] {
        markStale(tr("Products were switched on or off for recommendations after this back-test: Run Back-test again to measure it."));
    });
    connect(document_, &WorkspaceDocument::mapsEdited, this,
            [this] { markStale(tr("The maps changed after this back-test: Run Back-test again to measure them.")); });
    stale_->hide();
    summary_->setText(tr("Measures how each placement's current policy, and plain baselines beside it, would have done on this "
                         "store's own history: every method learns from the orders before the split only and is scored "
                         "against what customers went on to buy. Run Back-test to start."));
    assumptions_->hide();
    onSnapshotChanged();
}

BacktestPanel::~BacktestPanel()
{
    cancel();
    watcher_.waitForFinished();
}

BacktestOptions BacktestPanel::options() const
{
    BacktestOptions o;
    if (fromDate_->isChecked()) o.splitDay = dayOf(splitDate_->date());
    o.samplePerTask = size_t(sample_->value());
    o.withinDays = within_->value();
    o.attachRate = attach_->value() / 100.0;
    o.tasks.clear();
    for (int i = 0; i < 3; ++i)
        if (taskBoxes_[i]->isChecked()) o.tasks.push_back(allBacktestTasks[i]);
    return o;
}

bool BacktestPanel::isRunning() const { return watcher_.isRunning(); }

void BacktestPanel::updateButtons()
{
    const bool running = isRunning();
    bool anyTask = false;
    for (QCheckBox *b : taskBoxes_) anyTask = anyTask || b->isChecked();
    run_->setEnabled(!running && anyTask && document_->snapshot() && !document_->snapshot()->orders.empty());
    cancel_->setVisible(running);
    progress_->setVisible(running);
    phase_->setVisible(running);
    export_->setEnabled(!running && result_ && result_->ok());
}

void BacktestPanel::onSnapshotChanged()
{
    const auto snap = document_->snapshot();
    if (snap && !snap->orders.empty()) {
        historyDays_.run([snap] {
            HistoryDays d;
            d.snapshot = snap;
            // Snapshot::orders is sorted by time: its ends are the history's first and last day.
            d.first = int32_t(snap->orders.front().orderedAt / 86400);
            d.last = int32_t(snap->orders.back().orderedAt / 86400);
            d.split = defaultSplitDay(*snap);
            return d;
        });
    } else {
        historyDays_.drop();
    }
    markStale(tr("The order history changed after this back-test (an import or another workspace): Run Back-test again."));
    updateButtons();
}

void BacktestPanel::onHistoryDays(const HistoryDays &days)
{
    if (days.snapshot.lock() != document_->snapshot()) return;  // an older history's days; the newer ones follow
    splitDate_->setDateRange(dateOf(days.first), dateOf(days.last));
    if (days.split != INT32_MIN) {
        lastShare_->setText(tr("the last 20 % of orders (from %1)").arg(dateOf(days.split).toString(Qt::ISODate)));
        if (!fromDate_->isChecked()) splitDate_->setDate(dateOf(days.split));
    }
}

void BacktestPanel::markStale(const QString &why)
{
    // A change while a run reads the old state: the result it brings is out of date the moment it lands.
    if (isRunning()) {
        changedDuringRun_ = why;
        return;
    }
    if (!result_) return;
    stale_->setText(why);
    stale_->show();
}

QString BacktestPanel::staleText() const { return stale_->isVisible() ? stale_->text() : QString(); }
QString BacktestPanel::summaryText() const { return summary_->text(); }

void BacktestPanel::run()
{
    const auto snap = document_->snapshot();
    if (!snap || isRunning()) return;
    const BacktestOptions o = options();
    if (o.tasks.empty()) return;
    const PolicySet policies = document_->policies();
    // Evidence is mined from the training orders with the settings of the saved runs (what Re-run repeats),
    // read on the worker from the workspace itself, as the CLI does: the shared mined cache may still be
    // reading its rows, and the back-test needs only their parameters.
    const std::shared_ptr<Workspace> ws = document_->workspace();
    if (!ws) return;
    changedDuringRun_.clear();
    cancelFlag_ = std::make_shared<std::atomic<bool>>(false);
    auto flag = cancelFlag_;
    QPointer<BacktestPanel> self(this);
    progress_->setValue(0);
    phase_->setText(tr("Starting…"));
    watcher_.setFuture(QtConcurrent::run(workPool(), [snap, ws, policies, o, flag, self]() {
        // Progress reaches the GUI thread queued, at most every 0.5 % or on a new phase, so the event
        // queue never floods; the QPointer is read there, on the GUI thread, never here.
        double shown = -1;
        std::string lastPhase;
        const MiningSettings mining = MiningSettings::ofSavedRuns(*ws);
        return runBacktest(*snap, policies, mining, o, [&](const std::string &phase, double fraction) {
            if (phase != lastPhase || fraction - shown >= 0.005) {
                shown = fraction;
                lastPhase = phase;
                QMetaObject::invokeMethod(
                    qApp,
                    [self, text = QString::fromStdString(phase), fraction] {
                        if (self) self->showProgress(text, fraction);
                    },
                    Qt::QueuedConnection);
            }
            return !flag->load();
        });
    }));
    updateButtons();
}

void BacktestPanel::cancel()
{
    if (cancelFlag_) cancelFlag_->store(true);
    if (isRunning()) phase_->setText(tr("Cancelling…"));
}

void BacktestPanel::showProgress(const QString &phase, double fraction)
{
    if (!isRunning()) return;
    progress_->setValue(int(std::lround(1000 * std::clamp(fraction, 0.0, 1.0))));
    if (!cancelFlag_ || !cancelFlag_->load()) phase_->setText(phase);
}

void BacktestPanel::onFinished()
{
    BacktestResult r = watcher_.result();
    if (r.cancelled) {
        phase_->clear();
        updateButtons();
        if (!result_) {
            summary_->setText(tr("The back-test was cancelled before it finished; nothing was measured."));
        } else {
            changedDuringRun_.clear();
            markStale(tr("A new back-test was cancelled; this is the last one that finished."));
        }
        Q_EMIT finished();
        return;
    }
    if (!r.error.empty()) {
        updateButtons();
        document_->messages()->error(this, tr("Back-test"), tr("The back-test could not run: %1").arg(fmt::str(r.error)));
        Q_EMIT finished();
        return;
    }
    result_ = std::make_unique<BacktestResult>(std::move(r));
    stale_->hide();
    showResult();
    if (!changedDuringRun_.isEmpty()) markStale(changedDuringRun_);
    updateButtons();
    Q_EMIT finished();
}

void BacktestPanel::showResult()
{
    while (QLayoutItem *item = resultsLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const BacktestResult &r = *result_;
    summary_->setText(tr("Trained on %1 orders before %2, tested on %3 orders from then on%4; %5 s.")
                          .arg(fmt::count(int64_t(r.trainingOrders)), QString::fromStdString(r.splitDate),
                               fmt::count(int64_t(r.testOrders)), r.defaultSplit ? tr(" (the last 20 %)") : QString(),
                               QLocale().toString(r.millis / 1000.0, 'f', 1)));
    assumptions_->setText(QString::fromStdString(r.assumptions));
    assumptions_->show();
    for (const BacktestTaskSummary &t : r.tasks) {
        std::vector<BacktestRow> rows;
        for (const BacktestRow &row : r.rows)
            if (row.task == t.task) rows.push_back(row);
        auto *box = new QGroupBox(tr("%1: %2 requests of %3 test baskets, %4 targets each on average")
                                      .arg(QString::fromLatin1(backtestTaskLabel(t.task)), fmt::count(int64_t(t.sampled)),
                                           fmt::count(int64_t(t.eligible)), QLocale().toString(t.meanTargets, 'f', 1)),
                                  results_);
        box->setObjectName(QString::fromLatin1(backtestTaskName(t.task)));
        auto *v = new QVBoxLayout(box);
        if (rows.empty() || t.sampled == 0) {
            v->addWidget(new QLabel(tr("No test basket could make a request for this task."), box));
        } else {
            auto *table = new QTableView(box);
            table->setModel(new BacktestTableModel(rows, r.options.listLength, table));
            table->verticalHeader()->hide();
            table->setSelectionBehavior(QAbstractItemView::SelectRows);
            table->setAlternatingRowColors(true);
            fitHeight(table);
            v->addWidget(table);
            v->addWidget(makeBacktestChart(rows, r.options.listLength, box));
        }
        resultsLayout_->addWidget(box);
        box->show();  // now, not when the layout gets round to it: the result is there as finished() says
    }
}

bool BacktestPanel::exportCsv(const QString &path, QString &error) const
{
    if (!result_) {
        error = tr("There is no back-test result to export yet.");
        return false;
    }
    const std::string csv = backtestCsv(*result_);
    return writeFileAtomically(path, QByteArrayView(csv.data(), qsizetype(csv.size())), error);
}

void BacktestPanel::chooseExport()
{
    if (!result_) return;
    const QString suggested = QStringLiteral("backtest-%1.csv").arg(QString::fromStdString(result_->splitDate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Back-test"), suggested, tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    QString error;
    if (!exportCsv(path, error)) document_->messages()->error(this, tr("Export Back-test"), error);
}

void BacktestPanel::saveState(QSettings &s) const
{
    s.setValue(QStringLiteral("sample"), sample_->value());
    s.setValue(QStringLiteral("withinDays"), within_->value());
    s.setValue(QStringLiteral("attachPercent"), attach_->value());
    QStringList tasks;
    for (int i = 0; i < 3; ++i)
        if (taskBoxes_[i]->isChecked()) tasks << QString::fromLatin1(backtestTaskName(allBacktestTasks[i]));
    s.setValue(QStringLiteral("tasks"), tasks);
}

void BacktestPanel::restoreState(QSettings &s)
{
    sample_->setValue(s.value(QStringLiteral("sample"), 1000).toInt());
    within_->setValue(s.value(QStringLiteral("withinDays"), 30).toInt());
    attach_->setValue(s.value(QStringLiteral("attachPercent"), 5.0).toDouble());
    if (s.contains(QStringLiteral("tasks"))) {
        const QStringList tasks = s.value(QStringLiteral("tasks")).toStringList();
        for (int i = 0; i < 3; ++i) taskBoxes_[i]->setChecked(tasks.contains(QString::fromLatin1(backtestTaskName(allBacktestTasks[i]))));
    }
}

}  // namespace mb

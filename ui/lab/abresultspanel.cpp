#include "ui/lab/abresultspanel.h"

#include "core/abtest/abparser.h"
#include "core/io/atomicfile.h"
#include "ui/format.h"
#include "ui/messagepresenter.h"
#include "ui/noticelabel.h"
#include "ui/tablestyle.h"
#include "ui/workpool.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace mb {
namespace {

using namespace abtest;

enum Column { Variant, Visitors, Conversions, Rate, Difference, Lift, PValue, Aov, AovDifference, Rpv, RpvDifference, Power, ColumnCount };

QString num(double v, int decimals, bool sign = false)
{
    if (!std::isfinite(v)) return QStringLiteral("n/a");
    QString s = QLocale().toString(v, 'f', decimals);
    return sign && v >= 0 ? QLatin1Char('+') + s : s;
}

QString pct(double share, int decimals, bool sign = false) { return std::isfinite(share) ? num(share * 100, decimals, sign) + QStringLiteral(" %") : QStringLiteral("n/a"); }

QString pText(double p)
{
    if (!std::isfinite(p)) return QStringLiteral("n/a");
    return p < 0.0001 ? QStringLiteral("< 0.0001") : num(p, 4);
}

// Green when the interval lies above 0, red when below, plain when it holds 0 (or there is none).
QColor verdictColour(double lower, double upper)
{
    if (std::isfinite(lower) && lower > 0) return QColor(0x1b, 0x7f, 0x3b);
    if (std::isfinite(upper) && upper < 0) return QColor(0xb0, 0x24, 0x18);
    return {};
}

QTableWidgetItem *cell(const QString &text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(align);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

}  // namespace

AbResultsPanel::AbResultsPanel(QWidget *parent) : QWidget(parent)
{
    ownPresenter_ = std::make_unique<DialogMessagePresenter>();
    presenter_ = ownPresenter_.get();
    openChooser_ = [this] {
        return QFileDialog::getOpenFileName(this, tr("Open A/B Results"), QString(), tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    };
    saveChooser_ = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(this, tr("Export A/B Read-out"), suggested, tr("CSV files (*.csv)"));
    };

    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    open_ = new QPushButton(tr("&Open Results…"), this);
    open_->setObjectName(QStringLiteral("abOpen"));
    open_->setToolTip(tr("A CSV with one row per visitor or order (variant, converted or order id, revenue), or one row per "
                         "variant (visitors, conversions, revenue)"));
    file_ = new QLabel(this);
    file_->setObjectName(QStringLiteral("abFile"));
    control_ = new QComboBox(this);
    control_->setObjectName(QStringLiteral("abControl"));
    control_->setEnabled(false);
    control_->setToolTip(tr("The variant every other one is compared with"));
    wantedLift_ = new QDoubleSpinBox(this);
    wantedLift_->setObjectName(QStringLiteral("abWantedLift"));
    // 0 (shown as "none") is no wanted lift: a lift of nothing is nothing to detect. A spin box shows its
    // special text at its minimum, so the minimum is that 0.
    wantedLift_->setRange(0, 500);
    wantedLift_->setDecimals(1);
    wantedLift_->setSuffix(QStringLiteral(" %"));
    wantedLift_->setSpecialValueText(tr("none"));
    wantedLift_->setKeyboardTracking(false);
    wantedLift_->setToolTip(tr("The relative lift in conversion the test was meant to detect: power and the stopped-early check "
                               "are judged against it (none: a result that is not significant is set beside the smallest lift the test could detect)"));
    export_ = new QPushButton(tr("E&xport CSV…"), this);
    export_->setObjectName(QStringLiteral("abExport"));
    export_->setEnabled(false);
    bar->addWidget(open_);
    bar->addWidget(file_, 1);
    auto *controlLabel = new QLabel(tr("&Control:"), this);
    controlLabel->setBuddy(control_);
    bar->addWidget(controlLabel);
    bar->addWidget(control_);
    auto *liftLabel = new QLabel(tr("&Wanted lift:"), this);
    liftLabel->setBuddy(wantedLift_);
    bar->addWidget(liftLabel);
    bar->addWidget(wantedLift_);
    bar->addWidget(export_);
    layout->addLayout(bar);

    auto *busy = new QHBoxLayout;
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progress_->setVisible(false);
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    cancelButton_->setObjectName(QStringLiteral("abCancel"));
    cancelButton_->setVisible(false);
    busy->addWidget(progress_, 1);
    busy->addWidget(cancelButton_);
    layout->addLayout(busy);

    warnings_ = noticeLabel(this, QStringLiteral("#fff4e0"), QStringLiteral("#e0a040"), QStringLiteral("#4a3000"));
    warnings_->setObjectName(QStringLiteral("abWarnings"));
    warnings_->setTextFormat(Qt::RichText);
    warnings_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    warnings_->setVisible(false);
    layout->addWidget(warnings_);

    table_ = new QTableWidget(0, ColumnCount, this);
    table_->setObjectName(QStringLiteral("abTable"));
    setUpTable(table_);
    table_->setSortingEnabled(false);   // a read-out in file order, control first among equals
    table_->setHorizontalHeaderLabels({tr("Variant"), tr("Visitors"), tr("Conversions"), tr("Conversion (CI)"),
                                       tr("vs control, pts (CI)"), tr("Lift"), tr("p-value"), tr("AOV"), tr("AOV vs control (CI)"),
                                       tr("Revenue / visitor"), tr("RPV vs control (CI)"), tr("Power")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->verticalHeader()->setVisible(false);
    layout->addWidget(table_, 1);

    notes_ = new QLabel(tr("Open an experiment's results: a CSV with one row per visitor or order (variant, converted or an order "
                           "id, revenue), or one row per variant (visitors, conversions, revenue)."),
                        this);
    notes_->setObjectName(QStringLiteral("abNotes"));
    notes_->setWordWrap(true);
    notes_->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(notes_);

    auto *sizing = new QGroupBox(tr("Significance, power and the sample size a test needs"), this);
    auto *form = new QFormLayout(sizing);
    auto spin = [this](const char *name, double lo, double hi, double value, int decimals, const QString &suffix) {
        auto *s = new QDoubleSpinBox(this);
        s->setObjectName(QLatin1String(name));
        s->setRange(lo, hi);
        s->setDecimals(decimals);
        s->setValue(value);
        s->setSuffix(suffix);
        s->setKeyboardTracking(false);
        s->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);   // the result line takes the width, not the boxes
        return s;
    };
    baseline_ = spin("abBaseline", 0.01, 99.99, 3.0, 2, QStringLiteral(" %"));
    lift_ = spin("abLift", -90, 1000, 10.0, 1, QStringLiteral(" %"));
    alpha_ = spin("abAlpha", 0.001, 0.5, 0.05, 3, QString());
    power_ = spin("abPower", 50, 99.9, 80, 1, QStringLiteral(" %"));
    sampleSize_ = new QLabel(sizing);
    sampleSize_->setObjectName(QStringLiteral("abSampleSize"));
    sampleSize_->setTextFormat(Qt::RichText);
    sampleSize_->setWordWrap(true);
    form->addRow(tr("&Baseline conversion:"), baseline_);
    form->addRow(tr("Lift to &detect:"), lift_);
    form->addRow(tr("&Alpha (two-sided):"), alpha_);
    form->addRow(tr("&Power:"), power_);
    form->addRow(tr("Visitors needed:"), sampleSize_);
    layout->addWidget(sizing);

    connect(open_, &QPushButton::clicked, this, &AbResultsPanel::chooseAndOpen);
    connect(export_, &QPushButton::clicked, this, &AbResultsPanel::exportCsv);
    connect(cancelButton_, &QPushButton::clicked, this, [this] {
        if (cancel_) cancel_->store(true);
    });
    connect(control_, &QComboBox::currentIndexChanged, this, [this] { reanalyse(); });
    connect(wantedLift_, &QDoubleSpinBox::valueChanged, this, [this] { reanalyse(); });
    for (QDoubleSpinBox *s : {alpha_, power_})
        connect(s, &QDoubleSpinBox::valueChanged, this, [this] {
            updateSampleSize();
            reanalyse();
        });
    for (QDoubleSpinBox *s : {baseline_, lift_}) connect(s, &QDoubleSpinBox::valueChanged, this, &AbResultsPanel::updateSampleSize);
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &AbResultsPanel::finished);
    updateSampleSize();
}

AbResultsPanel::~AbResultsPanel()
{
    if (cancel_) cancel_->store(true);
    watcher_.waitForFinished();
}

bool AbResultsPanel::isBusy() const { return busy_; }

AbOptions AbResultsPanel::options() const
{
    AbOptions o;
    if (control_->isEnabled()) o.control = control_->currentText().toStdString();
    if (wantedLift_->value() != 0) o.wantedLift = wantedLift_->value() / 100;
    o.alpha = alpha_->value();
    o.power = power_->value() / 100;
    return o;
}

void AbResultsPanel::chooseAndOpen()
{
    const QString path = openChooser_ ? openChooser_() : QString();
    if (!path.isEmpty()) openFile(path);
}

void AbResultsPanel::openFile(const QString &path)
{
    if (isBusy()) {
        // The newest request wins: stop the running read, open this one when it has stopped.
        pendingPath_ = path;
        if (cancel_) cancel_->store(true);
        return;
    }
    file_->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    const std::string file = path.toStdString();
    AbOptions o = options();
    o.control.clear();   // a new file: its own control ("control", else the first variant)
    start([file, o](std::atomic<bool> &cancel, const std::function<void(double)> &progress) {
        Outcome out;
        const AbParse p = parseAbResults(file, [&cancel, &progress](double f) {
            progress(f);
            return !cancel.load();
        });
        if (!p.ok) {
            out.error = QString::fromStdString(p.error);
            out.cancelled = p.cancelled;
            return out;
        }
        auto results = std::make_shared<const AbResults>(p.results);
        auto report = std::make_shared<AbReport>(analyse(*results, o));
        if (!report->error.empty()) {
            out.error = QString::fromStdString(report->error);
            return out;
        }
        out.results = results;
        out.report = report;
        return out;
    });
    pendingOpenPath_ = path;
}

void AbResultsPanel::reanalyse()
{
    if (!results_) return;
    if (isBusy()) {
        pendingReanalyse_ = true;
        return;
    }
    const std::shared_ptr<const AbResults> results = results_;
    const AbOptions o = options();
    start([results, o](std::atomic<bool> &, const std::function<void(double)> &) {
        Outcome out;
        auto report = std::make_shared<AbReport>(analyse(*results, o));
        if (!report->error.empty()) out.error = QString::fromStdString(report->error);
        else { out.results = results; out.report = report; }
        return out;
    });
    pendingOpenPath_.clear();
}

void AbResultsPanel::start(std::function<Outcome(std::atomic<bool> &, const std::function<void(double)> &)> work)
{
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    busy_ = true;
    progress_->setValue(0);
    progress_->setVisible(true);
    cancelButton_->setVisible(true);
    open_->setEnabled(false);
    QProgressBar *bar = progress_;
    auto cancel = cancel_;
    watcher_.setFuture(QtConcurrent::run(workPool(), [work, cancel, bar]() {
        // Queued to the bar: if the panel (and so the bar) is gone, Qt drops the call.
        auto progress = [bar](double f) { QMetaObject::invokeMethod(bar, [bar, f] { bar->setValue(int(f * 1000)); }, Qt::QueuedConnection); };
        return work(*cancel, progress);
    }));
}

void AbResultsPanel::finished()
{
    const Outcome out = watcher_.result();
    busy_ = false;
    progress_->setVisible(false);
    cancelButton_->setVisible(false);
    open_->setEnabled(true);
    const QString opened = pendingOpenPath_;
    pendingOpenPath_.clear();
    if (!pendingPath_.isEmpty()) {
        const QString next = pendingPath_;
        pendingPath_.clear();
        openFile(next);
        return;
    }
    if (out.cancelled || !out.error.isEmpty()) {
        // A failed or cancelled read changes nothing: the previous read-out stays as it was.
        file_->setText(path_.isEmpty() ? QString() : QFileInfo(path_).fileName());
        if (!out.cancelled) presenter_->error(this, opened.isEmpty() ? tr("Cannot read the A/B results") : tr("Cannot open A/B results"), out.error);
        Q_EMIT reportChanged();
        return;
    }
    const bool newFile = !opened.isEmpty();
    results_ = out.results;
    report_ = out.report;
    if (newFile) {
        path_ = opened;
        const QSignalBlocker block(control_);
        control_->clear();
        for (const AbArm &a : report_->arms) control_->addItem(QString::fromStdString(a.name));
        control_->setCurrentIndex(int(report_->control));
        control_->setEnabled(true);
        if (report_->visitorsKnown && std::isfinite(report_->arms[report_->control].rate.estimate) &&
            report_->arms[report_->control].rate.estimate > 0) {
            const QSignalBlocker blockBaseline(baseline_);
            baseline_->setValue(report_->arms[report_->control].rate.estimate * 100);
        }
        updateSampleSize();
    }
    file_->setText(QFileInfo(path_).fileName());
    file_->setToolTip(path_);
    export_->setEnabled(true);
    showReport();
    Q_EMIT reportChanged();
    if (pendingReanalyse_) {
        pendingReanalyse_ = false;
        reanalyse();
    }
}

void AbResultsPanel::showReport()
{
    const AbReport &r = *report_;
    QString w;
    for (const AbWarning &x : r.warnings) w += (w.isEmpty() ? QString() : QStringLiteral("<br>")) + QStringLiteral("⚠ ") + QString::fromStdString(x.text).toHtmlEscaped();
    warnings_->setText(w);
    warnings_->setVisible(!w.isEmpty());

    const QString ci = tr("%1 % CI").arg(num((1 - r.options.alpha) * 100, (1 - r.options.alpha) * 100 == std::round((1 - r.options.alpha) * 100) ? 0 : 1));
    table_->setRowCount(int(r.arms.size()));
    for (size_t i = 0; i < r.arms.size(); ++i) {
        const AbArm &a = r.arms[i];
        const int row = int(i);
        // The control in bold, and said to be the control unless its name says so already.
        const QString label = QString::fromStdString(a.name);
        QTableWidgetItem *name = cell(i == r.control && label.compare(QStringLiteral("control"), Qt::CaseInsensitive) != 0 ? label + tr(" (control)") : label,
                                      Qt::AlignLeft | Qt::AlignVCenter);
        if (i == r.control) {
            QFont f = name->font();
            f.setBold(true);
            name->setFont(f);
        }
        table_->setItem(row, Variant, name);
        table_->setItem(row, Visitors, cell(r.visitorsKnown ? fmt::count(a.visitors) : QStringLiteral("n/a")));
        table_->setItem(row, Conversions, cell(fmt::count(a.conversions)));
        table_->setItem(row, Rate, cell(r.visitorsKnown ? pct(a.rate.estimate, 2) + QStringLiteral(" (") + num(a.rate.lower * 100, 2) +
                                                               QStringLiteral("–") + num(a.rate.upper * 100, 2) + QStringLiteral(")")
                                                         : QStringLiteral("n/a")));
        table_->item(row, Rate)->setToolTip(tr("Wilson score interval, %1").arg(ci));
        table_->setItem(row, Aov, cell(r.hasRevenue ? num(a.aov.mean, 2) : QStringLiteral("n/a")));
        table_->setItem(row, Rpv, cell(r.hasRevenue && r.visitorsKnown ? num(a.rpv.mean, 2) : QStringLiteral("n/a")));
        const AbComparison *c = nullptr;
        for (const AbComparison &x : r.comparisons)
            if (x.arm == i) c = &x;
        if (!c) {
            for (int col : {Difference, Lift, PValue, AovDifference, RpvDifference, Power}) table_->setItem(row, col, cell(QStringLiteral("—")));
            continue;
        }
        QTableWidgetItem *diff = cell(r.visitorsKnown ? num(c->rateDifference.estimate * 100, 2, true) + QStringLiteral(" (") +
                                                            num(c->rateDifference.lower * 100, 2, true) + tr(" to ") +
                                                            num(c->rateDifference.upper * 100, 2, true) + QStringLiteral(")")
                                                      : QStringLiteral("n/a"));
        diff->setToolTip(tr("Difference in conversion, percentage points, Newcombe hybrid score interval, %1").arg(ci));
        diff->setForeground(verdictColour(c->rateDifference.lower, c->rateDifference.upper));
        table_->setItem(row, Difference, diff);
        table_->setItem(row, Lift, cell(pct(c->relativeLift, 1, true)));
        table_->setItem(row, PValue, cell(pText(c->z.pValue)));
        table_->item(row, PValue)->setToolTip(tr("Two-proportion z-test, two-sided"));
        auto meanCell = [&](const WelchResult &wr, const std::optional<Interval> &boot, bool available, bool perVisitor) {
            if (!available || !std::isfinite(wr.difference.estimate)) return cell(QStringLiteral("n/a"));
            QString why;
            switch (wr.untested) {
            case WelchResult::Untested::No:
                why = QStringLiteral(" (") + num(wr.difference.lower, 2, true) + tr(" to ") + num(wr.difference.upper, 2, true) + QStringLiteral(")");
                break;
            case WelchResult::Untested::NoSpread: why = tr(" (no spread in the file)"); break;
            case WelchResult::Untested::TooFewValues: why = perVisitor ? tr(" (too few visitors)") : tr(" (too few orders)"); break;
            case WelchResult::Untested::Overflow: why = tr(" (figures too large)"); break;
            }
            QString tip = wr.valid ? tr("Welch's t interval, %1; df %2, p = %3").arg(ci, num(wr.df, 1), pText(wr.pValue))
                                   : tr("No interval: %1").arg(fmt::str(untestedReason(wr.untested, perVisitor)));
            QTableWidgetItem *item = cell(num(wr.difference.estimate, 2, true) + why);
            if (boot) tip += tr("\nBootstrap percentile interval: %1 to %2").arg(num(boot->lower, 2, true), num(boot->upper, 2, true));
            item->setToolTip(tip);
            if (wr.valid) item->setForeground(verdictColour(wr.difference.lower, wr.difference.upper));
            return item;
        };
        table_->setItem(row, AovDifference, meanCell(c->aov, c->aovBootstrap, r.hasRevenue, false));
        table_->setItem(row, RpvDifference, meanCell(c->rpv, c->rpvBootstrap, r.hasRevenue && r.visitorsKnown, true));
        QTableWidgetItem *power = cell(pct(c->power, 0));
        power->setToolTip(c->powerForObserved ? tr("Chance this test had of detecting the observed lift of %1").arg(pct(c->powerLift, 1, true))
                                              : tr("Chance this test had of detecting a lift of %1").arg(pct(c->powerLift, 1, true)));
        if (std::isfinite(c->power) && c->power < r.options.power) power->setForeground(QColor(0xb0, 0x24, 0x18));
        table_->setItem(row, Power, power);
    }
    QStringList notes;
    for (const std::string &n : r.notes) notes << QString::fromStdString(n);
    if (r.runDays) notes << tr("ran %n day(s)", nullptr, int(*r.runDays));
    if (std::isfinite(r.sampleRatio.pValue)) notes << tr("visitor split check: p = %1").arg(pText(r.sampleRatio.pValue));
    notes_->setText(notes.join(QStringLiteral("; ")));
}

void AbResultsPanel::updateSampleSize()
{
    const double baseline = baseline_->value() / 100, lift = lift_->value() / 100;
    const double target = baseline * (1 + lift);
    if (lift == 0 || !(target > 0 && target < 1)) {
        sampleSize_->setText(tr("A lift of %1 from %2 is no rate a test can reach: choose a smaller lift.")
                                 .arg(pct(lift, 1, true), pct(baseline, 2)));
        return;
    }
    const SampleSize s = sampleSizeForLift(baseline, lift, alpha_->value(), power_->value() / 100);
    sampleSize_->setText(tr("<b>%1</b> visitors per variant (%2 for two variants) to detect %3 → %4; %5 with Fleiss's "
                            "continuity correction")
                             .arg(fmt::count(s.perVariant), fmt::count(2 * s.perVariant), pct(baseline, 2), pct(target, 2),
                                  fmt::count(s.continuityCorrected)));
}

void AbResultsPanel::exportCsv()
{
    if (!report_) return;
    const QFileInfo info(path_);
    const QString suggested = info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral("-readout.csv");
    QString path = saveChooser_ ? saveChooser_(suggested) : QString();
    if (path.isEmpty()) return;
    if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) path += QStringLiteral(".csv");
    const std::string csv = reportCsv(*report_);
    QString error;
    if (!writeFileAtomically(path, QByteArrayView(csv.data(), qsizetype(csv.size())), error)) {
        presenter_->error(this, tr("Export failed"), error);
        return;
    }
    notes_->setText(tr("Exported the read-out to %1").arg(QDir::toNativeSeparators(path)));
}

}  // namespace mb

#include "ui/dashboard/dashboardview.h"

#include "core/kpi/kpicalendar.h"
#include "core/kpi/kpicontext.h"
#include "core/kpi/kpidefinitions.h"
#include "core/kpi/kpireport.h"
#include "ui/workpool.h"
#include "ui/dashboard/chartcard.h"
#include "ui/dashboard/dashboardcharts.h"
#include "ui/dashboard/dashboardexport.h"
#include "ui/dashboard/dashboardmodels.h"
#include "ui/dashboard/dashboardpdf.h"
#include "ui/dashboard/dashboardscope.h"
#include "ui/dashboard/dashboardtiles.h"
#include "ui/dashboard/kpitablemodel.h"
#include "ui/dashboard/kpitile.h"
#include "ui/flowlayout.h"
#include "ui/reflowlayout.h"
#include "ui/workspacedocument.h"

#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <set>
#include <string_view>

namespace mb {
namespace {

const QDate epoch(1970, 1, 1);
QDate dateOf(int64_t day) { return epoch.addDays(day); }
int64_t dayOf(const QDate &d) { return epoch.daysTo(d); }

}  // namespace

DashboardView::DashboardView(WorkspaceDocument *document, QWidget *parent)
    : WorkspaceView(document, parent),
      models_(std::make_unique<DashboardModels>(this)),
      from_(new QDateEdit(this)),
      to_(new QDateEdit(this)),
      by_(new QComboBox(this)),
      category_(new QComboBox(this)),
      customers_(new QComboBox(this)),
      country_(new QComboBox(this)),
      status_(new QLabel(this)),
      debounce_(new QTimer(this)),
      contextWatcher_(new QFutureWatcher<Prepared>(this)),
      watcher_(new QFutureWatcher<std::shared_ptr<Computed>>(this))
{
    for (QDateEdit *e : {from_, to_}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(e, &QDateEdit::dateChanged, this, &DashboardView::schedule);
    }
    by_->addItem(tr("Day"), int(Granularity::Day));
    by_->addItem(tr("Week"), int(Granularity::Week));
    by_->addItem(tr("Month"), int(Granularity::Month));
    by_->setCurrentIndex(2);
    customers_->addItem(tr("All customers"), int(CustomerScope::All));
    customers_->addItem(tr("New customers"), int(CustomerScope::New));
    customers_->addItem(tr("Returning customers"), int(CustomerScope::Returning));
    category_->setMinimumContentsLength(18);
    category_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    country_->setMinimumContentsLength(12);
    country_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    for (QComboBox *c : {by_, category_, customers_, country_})
        connect(c, &QComboBox::currentIndexChanged, this, &DashboardView::schedule);
    debounce_->setSingleShot(true);
    debounce_->setInterval(120);
    connect(debounce_, &QTimer::timeout, this, &DashboardView::compute);

    auto *whole = new QPushButton(tr("Whole history"), this);
    whole->setToolTip(tr("From the first order to the last"));
    connect(whole, &QPushButton::clicked, this, [this] {
        if (!context_ || !context_->hasOrders()) return;
        settingFilter_ = true;
        from_->setDate(dateOf(context_->firstDay()));
        to_->setDate(dateOf(context_->lastDay()));
        settingFilter_ = false;
        schedule();
    });
    auto *help = new QToolButton(this);
    help->setText(QStringLiteral("?"));
    help->setToolTip(tr("How each KPI is defined"));
    connect(help, &QToolButton::clicked, this, &DashboardView::showHelp);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("Dashboard as PDF report…"), this, &DashboardView::askExportPdf);
    menu->addAction(tr("All tables as XLSX workbook…"), this, &DashboardView::askExportWorkbook);
    exportButton->setMenu(menu);

    // The filters wrap as groups (period, granularity, scope, export) when the window is narrow, so the
    // dashboard never needs more width than the window has.
    auto group = [this](std::initializer_list<QWidget *> widgets) {
        auto *g = new QWidget(this);
        auto *gl = new QHBoxLayout(g);
        gl->setContentsMargins(0, 0, 0, 0);
        for (QWidget *w : widgets) gl->addWidget(w);
        return g;
    };
    auto *filters = new FlowLayout;
    filters->setSpacing(14);
    filters->addWidget(group({new QLabel(tr("From"), this), from_, new QLabel(tr("to"), this), to_, whole}));
    filters->addWidget(group({new QLabel(tr("by"), this), by_}));
    filters->addWidget(group({category_, customers_, country_}));
    filters->addTrailing(group({exportButton, help}));

    // As many tiles side by side as fit (seven in two rows on a wide screen), in balanced rows.
    tiles_ = createDashboardTiles(this);
    auto *tileGrid = new ReflowLayout;
    tileGrid->setSpacing(8);
    tileGrid->setMaximumColumns((int(tiles_.size()) + 1) / 2);
    for (KpiTile *t : std::as_const(tiles_)) tileGrid->addWidget(t);

    auto card = [this](const QString &title, KpiTableModel *m, QChartView *chart) {
        auto *c = new ChartCard(title, m, chart, this);
        // Text columns (product titles, periods) share the card's width and elide; the figures keep their
        // fitted widths, so a table fits its card instead of scrolling sideways.
        for (int col = 0; col < m->columnCount(); ++col)
            if (m->format(col) == KpiFormat::Text) c->table()->horizontalHeader()->setSectionResizeMode(col, QHeaderView::Stretch);
        cards_ << c;
        return c;
    };
    ChartCard *timeCard = card(tr("Revenue and AOV over time"), models_->series, makeTimeChart(models_->series));
    timeCard->table()->setColumnHidden(DashboardModels::SeriesStart, true);
    card(tr("Attach rate by kind"), models_->kinds,
         makeBarChart(models_->kinds, 0, DashboardModels::GroupRate, tr("attach rate"), true, true));
    card(tr("Attach rate by category"), models_->categories,
         makeBarChart(models_->categories, 0, DashboardModels::GroupRate, tr("attach rate"), true, true));
    card(tr("CLV distribution (historic value per customer)"), models_->histogram,
         makeBarChart(models_->histogram, 0, DashboardModels::HistogramCustomers, tr("customers"), false, false));
    card(tr("Top pairs"), models_->pairs, nullptr);
    card(tr("Cohort retention (share ordering again, by month of first order)"), models_->cohorts, nullptr);
    card(tr("Bundle take rate per tier"), models_->bundles, nullptr);
    card(tr("Recommendations by placement"), models_->placements, nullptr);

    // Two cards side by side where they fit, one under another otherwise; the wide tables (top pairs,
    // placements) take a whole row so their columns fit. A run of ordinary cards reflows as one grid.
    auto *cardRows = new QVBoxLayout;
    cardRows->setSpacing(10);
    ReflowLayout *run = nullptr;
    for (ChartCard *c : std::as_const(cards_)) {
        if (c->model() == models_->pairs || c->model() == models_->placements) {
            cardRows->addWidget(c);
            run = nullptr;
            continue;
        }
        if (!run) {
            run = new ReflowLayout;
            run->setSpacing(10);
            run->setMaximumColumns(2);
            cardRows->addLayout(run);
        }
        run->addWidget(c);
    }

    auto *content = new QWidget;
    auto *body = new QVBoxLayout(content);
    body->setContentsMargins(0, 0, 0, 0);
    body->addLayout(tileGrid);
    body->addSpacing(6);
    body->addLayout(cardRows);
    body->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    status_->setStyleSheet(QStringLiteral("color: palette(dark);"));
    auto *l = new QVBoxLayout(this);
    l->addLayout(filters);
    l->addWidget(status_);
    l->addWidget(scroll, 1);

    connect(contextWatcher_, &QFutureWatcherBase::finished, this, &DashboardView::onContextReady);
    connect(watcher_, &QFutureWatcherBase::finished, this, &DashboardView::onComputed);
    connect(document, &WorkspaceDocument::snapshotChanged, this, &DashboardView::onSnapshotChanged);
    // A bundle edit, undo or redo changes only the take-rate figures: new bundles, the same context.
    connect(document, &WorkspaceDocument::bundleAdded, this, &DashboardView::onBundlesEdited);
    connect(document, &WorkspaceDocument::bundleChanged, this, &DashboardView::onBundlesEdited);
    connect(document, &WorkspaceDocument::bundleRemoved, this, &DashboardView::onBundlesEdited);
    onSnapshotChanged();
}

DashboardView::~DashboardView()
{
    if (cancel_) cancel_->store(true);
    contextWatcher_->waitForFinished();
    watcher_->waitForFinished();
}

bool DashboardView::isBusy() const
{
    return computing_ || pendingCompute_ || debounce_->isActive() || contextWatcher_->isRunning() || (context_ && !report_);
}

void DashboardView::onSnapshotChanged()
{
    auto snapshot = document()->snapshot();
    auto ws = document()->workspace();
    ++contextGeneration_;
    if (!snapshot || !ws) {
        context_.reset();
        status_->setText(document()->isLoading() ? tr("Loading…") : tr("No workspace open"));
        return;
    }
    status_->setText(tr("Preparing…"));
    contextWatcher_->setProperty("generation", contextGeneration_);
    contextWatcher_->setProperty("bundlesOnly", false);
    // Events and bundles are read here, beside the snapshot: a handful of SELECTs, off the GUI thread.
    contextWatcher_->setFuture(QtConcurrent::run(workPool(), [snapshot, ws]() -> Prepared {
        KpiData data;
        std::string error;
        if (!KpiData::load(*ws, *snapshot, data, error)) data = KpiData{};
        Prepared p;
        p.context = std::make_shared<const KpiContext>(snapshot, std::move(data));
        std::vector<std::string> paths;
        paths.reserve(snapshot->categories.size());
        for (const SnapshotCategory &c : snapshot->categories) paths.push_back(c.path);
        std::sort(paths.begin(), paths.end());
        for (const std::string &path : paths) p.categories << QString::fromStdString(path);
        std::set<std::string_view> countries;
        for (const SnapshotOrder &o : snapshot->orders)
            if (!o.country.empty()) countries.insert(o.country);
        for (std::string_view c : countries) p.countries << QString::fromUtf8(c.data(), qsizetype(c.size()));
        return p;
    }));
}

void DashboardView::onBundlesEdited()
{
    const auto endpoints = document()->endpoints();
    if (!context_ || !endpoints) return;
    if (contextWatcher_->isRunning()) {
        // A context is being read (it may predate the edit): read it again when it finishes.
        ++contextGeneration_;
        return;
    }
    // What KpiData::load reads, from the document's bundles.
    std::vector<KpiBundle> bundles = KpiData::bundlesOf(document()->bundles(), *endpoints);
    ++contextGeneration_;
    contextWatcher_->setProperty("generation", contextGeneration_);
    contextWatcher_->setProperty("bundlesOnly", true);
    // The copy of the context (its per-order tables) is made on the worker, not here.
    contextWatcher_->setFuture(QtConcurrent::run(workPool(), [old = context_, bundles = std::move(bundles)]() mutable -> Prepared {
        auto next = std::make_shared<KpiContext>(*old);
        next->setBundles(std::move(bundles));
        Prepared p;
        p.context = std::move(next);
        return p;
    }));
}

void DashboardView::onContextReady()
{
    const bool bundlesOnly = contextWatcher_->property("bundlesOnly").toBool();
    contextWatcher_->setProperty("bundlesOnly", false);
    if (contextWatcher_->property("generation").toULongLong() != contextGeneration_) {
        onSnapshotChanged();
        return;
    }
    if (bundlesOnly) {
        // Same orders, same filters: only the report again.
        context_ = contextWatcher_->result().context;
        compute();
        return;
    }
    const bool first = !context_;
    const Prepared prepared = contextWatcher_->result();
    context_ = prepared.context;
    settingFilter_ = true;
    fillFilterChoices(prepared);
    if (context_->hasOrders()) {
        const QDate minDate = dateOf(context_->firstDay()), maxDate = dateOf(context_->lastDay());
        for (QDateEdit *e : {from_, to_}) e->setDateRange(minDate, maxDate);
        if (first || from_->date() > maxDate) {
            // The last six calendar months, so the tiles have a previous period to compare with.
            QDate from = QDate(maxDate.year(), maxDate.month(), 1).addMonths(-5);
            from_->setDate(std::max(from, minDate));
            to_->setDate(maxDate);
        }
    }
    settingFilter_ = false;
    compute();
}

void DashboardView::fillFilterChoices(const Prepared &prepared)
{
    const QString category = category_->currentData().toString(), country = country_->currentData().toString();
    category_->clear();
    category_->addItem(tr("All categories"), QString());
    for (const QString &path : prepared.categories) category_->addItem(path, path);
    category_->setCurrentIndex(std::max(0, category_->findData(category)));
    country_->clear();
    country_->addItem(tr("All countries"), QString());
    for (const QString &c : prepared.countries) country_->addItem(c, c);
    country_->setCurrentIndex(std::max(0, country_->findData(country)));
}

KpiFilter DashboardView::filter() const
{
    KpiFilter f;
    f.fromDay = dayOf(from_->date());
    f.toDay = dayOf(to_->date());
    f.granularity = Granularity(by_->currentData().toInt());
    f.customers = CustomerScope(customers_->currentData().toInt());
    f.country = country_->currentData().toString().toStdString();
    const std::string path = category_->currentData().toString().toStdString();
    if (context_ && !path.empty()) {
        const auto &cats = context_->snapshot().categories;
        for (size_t i = 0; i < cats.size(); ++i)
            if (cats[i].path == path) f.category = int32_t(i);
    }
    return f;
}

void DashboardView::setFilter(const KpiFilter &f)
{
    settingFilter_ = true;
    if (f.fromDay) from_->setDate(dateOf(*f.fromDay));
    if (f.toDay) to_->setDate(dateOf(*f.toDay));
    by_->setCurrentIndex(by_->findData(int(f.granularity)));
    customers_->setCurrentIndex(customers_->findData(int(f.customers)));
    country_->setCurrentIndex(std::max(0, country_->findData(QString::fromStdString(f.country))));
    const QString path = context_ && f.category >= 0 ? QString::fromStdString(context_->snapshot().categories[size_t(f.category)].path)
                                                     : QString();
    category_->setCurrentIndex(std::max(0, category_->findData(path)));
    settingFilter_ = false;
    compute();
}

void DashboardView::schedule()
{
    if (settingFilter_ || !context_) return;
    debounce_->start();
}

void DashboardView::compute()
{
    debounce_->stop();
    if (!context_) return;
    if (from_->date() > to_->date()) {
        status_->setText(tr("“From” is after “to”"));
        return;
    }
    ++generation_;
    if (watcher_->isRunning()) {
        // Ask the stale computation to stop; onComputed starts the current one when it has.
        cancel_->store(true);
        pendingCompute_ = true;
        return;
    }
    pendingCompute_ = false;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    computing_ = true;
    status_->setText(tr("Computing…"));
    watcher_->setProperty("generation", generation_);
    auto ctx = context_;
    auto cancel = cancel_;
    const KpiFilter f = filter();
    watcher_->setFuture(QtConcurrent::run(workPool(), [ctx, cancel, f]() -> std::shared_ptr<Computed> {
        auto r = computeKpiReport(*ctx, f, cancel.get());
        if (!r) return nullptr;
        auto c = std::make_shared<Computed>();
        c->report = std::make_shared<const KpiReport>(std::move(*r));
        c->rows = DashboardModels::rowsOf(*ctx, *c->report);
        return c;
    }));
}

void DashboardView::onComputed()
{
    const bool stale = watcher_->property("generation").toULongLong() != generation_;
    auto result = watcher_->result();
    computing_ = false;
    if (stale || pendingCompute_ || !result) {
        compute();
        return;
    }
    showReport(std::move(*result));
    Q_EMIT reportReady();
}

void DashboardView::showReport(Computed computed)
{
    report_ = std::move(computed.report);
    const KpiReport &r = *report_;
    models_->fill(std::move(computed.rows));
    fillDashboardTiles(tiles_, r);
    // The context is the one the report was computed on (a newer one makes the result stale, see
    // onContextReady); none once the workspace has closed under a computation.
    scope_ = context_ ? dashboardScope(r, *context_) : DashboardScope{};
    for (ChartCard *c : cards_) c->setScope(scope_.line());
    status_->setText(r.empty ? tr("No orders yet: import some") : tr("%1 · computed in %2 ms").arg(periodText()).arg(r.computeMilliseconds, 0, 'f', 0));
    const QString noMaps = tr("No complement maps yet: map complements (or adopt the catalog's platform links) to see attach rates.");
    cards_[1]->setNote(r.attach.hasMaps ? QString() : noMaps);
    cards_[2]->setNote(r.attach.hasMaps ? QString() : noMaps);
    cards_[4]->setNote(r.attach.hasMaps ? tr("Mapped anchor → target pairs, most orders together first") : noMaps);
    cards_[5]->setNote(r.retention.cohorts.empty() ? tr("No customer placed a first order in this period.") : QString());
    cards_[6]->setNote(r.bundles.hasBundles ? QString() : tr("No bundles yet: build tiered bundles to see their take rates."));
    cards_[7]->setNote(r.events.hasEvents ? QString() : QString::fromStdString(r.events.missing));
}

QString DashboardView::periodText() const
{
    if (!report_) return {};
    QString t = tr("Period %1 to %2").arg(QString::fromStdString(kpicalendar::isoDate(report_->fromDay)),
                                   QString::fromStdString(kpicalendar::isoDate(report_->toDay)));
    if (report_->hasPrevious)
        t += tr(", compared with %1 to %2").arg(QString::fromStdString(kpicalendar::isoDate(report_->previousFromDay)),
                                     QString::fromStdString(kpicalendar::isoDate(report_->previousToDay)));
    return t;
}

void DashboardView::showHelp()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("KPI definitions"));
    auto *text = new QTextBrowser(&dialog);
    QString html = QStringLiteral("<h3>%1</h3><dl>").arg(tr("How the dashboard computes each figure"));
    for (const KpiDefinition &d : kpiDefinitions())
        html += QStringLiteral("<dt><b>%1</b></dt><dd>%2</dd>").arg(QString::fromUtf8(d.name).toHtmlEscaped(),
                                                                   QString::fromUtf8(d.definition).toHtmlEscaped());
    text->setHtml(html + QStringLiteral("</dl>"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *l = new QVBoxLayout(&dialog);
    l->addWidget(text);
    l->addWidget(buttons);
    dialog.resize(640, 560);
    dialog.exec();
}

bool DashboardView::exportPdf(const QString &path, QString &error, DashboardPdfLayout *layout) const
{
    if (!report_) {
        error = tr("There is no report to export yet.");
        return false;
    }
    return writeDashboardPdf(path, {tr("Merchbench KPI report — %1").arg(document()->displayName()), periodText(), scope_, tiles_, cards_},
                             error, layout);
}

bool DashboardView::exportWorkbook(const QString &path, QString &error) const
{
    std::vector<std::pair<QString, const KpiTableModel *>> sheets;
    for (ChartCard *c : cards_) sheets.emplace_back(c->title().section(QLatin1Char('('), 0, 0).trimmed(), c->model());
    return saveTablesXlsx(sheets, path, error);
}

void DashboardView::askExportPdf()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export the dashboard as PDF"), QStringLiteral("kpi-report.pdf"), tr("PDF (*.pdf)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive)) path += QStringLiteral(".pdf");
    QString error;
    if (!exportPdf(path, error)) QMessageBox::warning(this, tr("Export failed"), error);
}

void DashboardView::askExportWorkbook()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export all tables"), QStringLiteral("kpi-tables.xlsx"), tr("Excel workbook (*.xlsx)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive)) path += QStringLiteral(".xlsx");
    QString error;
    if (!exportWorkbook(path, error)) QMessageBox::warning(this, tr("Export failed"), error);
}

void DashboardView::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("granularity"), by_->currentData());
}

void DashboardView::restoreState(QSettings &settings)
{
    const int i = by_->findData(settings.value(QStringLiteral("granularity"), int(Granularity::Month)));
    if (i >= 0) by_->setCurrentIndex(i);
}

}  // namespace mb

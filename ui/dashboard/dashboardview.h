#pragma once
// The Dashboard: how cross-selling and upselling perform over a period, by category and by kind.
// Filters on top; headline tiles with the change against the previous period of equal length; charts
// and tables below, each pair sharing one model. The KPI computation runs on a worker thread; a newer
// filter makes an older result stale (generation counter) and asks the old computation to stop.
#include "core/kpi/kpifilter.h"
#include "ui/workspaceview.h"

#include "ui/dashboard/dashboardmodels.h"
#include "ui/dashboard/dashboardscope.h"

#include <QFutureWatcher>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QTimer;

namespace mb {

class ChartCard;
class KpiContext;
class KpiTile;
struct DashboardModels;
struct DashboardPdfLayout;
struct KpiReport;

class DashboardView : public WorkspaceView {
    Q_OBJECT
public:
    explicit DashboardView(WorkspaceDocument *document, QWidget *parent = nullptr);
    ~DashboardView() override;

    KpiFilter filter() const;
    void setFilter(const KpiFilter &filter);   // and recompute
    const KpiReport *report() const { return report_.get(); }
    bool isComputing() const { return computing_; }
    // True until the tiles and tables show a report for the current snapshot and filter.
    bool isBusy() const override;
    QList<KpiTile *> tiles() const { return tiles_; }
    QList<ChartCard *> cards() const { return cards_; }

    // layout, when given, receives the report's pages as drawn (DashboardPdfLayout).
    bool exportPdf(const QString &path, QString &error, DashboardPdfLayout *layout = nullptr) const;
    bool exportWorkbook(const QString &path, QString &error) const;

    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

Q_SIGNALS:
    void reportReady();   // a report for the current filter is shown

private:
    struct Result;
    // What the worker prepares for a snapshot: the KPI context and the filter choices, whose scan over
    // every order (the countries) would otherwise run on the GUI thread.
    // What the report's worker hands over: the report and the tables' rows made from it.
    struct Computed {
        std::shared_ptr<const KpiReport> report;
        DashboardModels::Rows rows;
    };
    struct Prepared {
        std::shared_ptr<const KpiContext> context;
        QStringList categories;   // paths, sorted
        QStringList countries;    // sorted
    };
    void onSnapshotChanged();
    void onContextReady();
    void onBundlesEdited();
    void schedule();
    void compute();
    void onComputed();
    void showReport(Computed computed);
    void fillFilterChoices(const Prepared &prepared);
    void showHelp();
    void askExportPdf();
    void askExportWorkbook();
    QString periodText() const;

    std::shared_ptr<const KpiContext> context_;
    std::shared_ptr<const KpiReport> report_;
    DashboardScope scope_;   // what report_ was computed over, in words, for the exports
    std::unique_ptr<DashboardModels> models_;   // the table models themselves are children of the view
    QList<KpiTile *> tiles_;
    QList<ChartCard *> cards_;
    QDateEdit *from_, *to_;
    QComboBox *by_, *category_, *customers_, *country_;
    QLabel *status_;
    QTimer *debounce_;
    QFutureWatcher<Prepared> *contextWatcher_;
    QFutureWatcher<std::shared_ptr<Computed>> *watcher_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    quint64 generation_ = 0;
    quint64 contextGeneration_ = 0;
    bool computing_ = false;
    bool settingFilter_ = false;
    bool pendingCompute_ = false;
};

}  // namespace mb

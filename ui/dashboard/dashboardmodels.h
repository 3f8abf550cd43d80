#pragma once
// The dashboard's tables, each the single model behind a chart and its table view, and how a KpiReport
// fills them: the rows are made on the worker that computed the report (rowsOf: a large store's top
// pairs are 100K+ rows of text), the GUI thread only takes them (fill).
#include "ui/dashboard/kpitablemodel.h"

#include <QColor>
#include <QObject>
#include <QVariant>
#include <QVector>

namespace mb {

class KpiContext;
class KpiTableModel;
struct KpiReport;

struct DashboardModels {
    explicit DashboardModels(QObject *parent);

    KpiTableModel *series;      // Period, Bucket (0, 1, ...: the chart's x), Revenue, Orders, AOV
    KpiTableModel *kinds;       // Kind, Eligible, Attached, Attach rate
    KpiTableModel *categories;  // Category, Eligible, Attached, Attach rate
    KpiTableModel *pairs;       // Anchor, Target, Kind, Orders with anchor, With both, Attach rate
    KpiTableModel *cohorts;     // Cohort, Customers, Month 0..n
    KpiTableModel *histogram;   // Value per customer, From, To, Customers
    KpiTableModel *bundles;     // Bundle, Tier, Orders with anchor, Took the tier, Take rate
    KpiTableModel *placements;  // Placement, Impressions, Clicks, Conversions, Click-through, Conversion

    static constexpr int SeriesStart = 1, SeriesRevenue = 2, SeriesOrders = 3, SeriesAov = 4;
    static constexpr int GroupRate = 3;
    static constexpr int HistogramCustomers = 3;

    struct Rows {
        QVector<QVector<QVariant>> series, kinds, categories, pairs, cohorts, histogram, bundles, placements;
        QVector<KpiTableModel::Column> cohortColumns;   // Cohort, Customers, one per month the report reaches
        QVector<QVector<QColor>> cohortColors;
    };
    // Pure: reads the context and the report only, so it runs on the report's worker.
    static Rows rowsOf(const KpiContext &ctx, const KpiReport &report);
    void fill(Rows rows);
};

}  // namespace mb

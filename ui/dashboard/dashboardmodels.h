#pragma once
// The dashboard's tables, each the single model behind a chart and its table view, and how a KpiReport
// fills them.
#include <QObject>

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

    void fill(const KpiContext &ctx, const KpiReport &report);
};

}  // namespace mb

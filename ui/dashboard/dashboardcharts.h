#pragma once
// The dashboard's charts, each fed by a KpiTableModel through a Qt Charts model mapper and showing the
// exact figure on hover. Axes follow the model whenever it is reset.
#include <QString>

class QChartView;

namespace mb {

class KpiTableModel;

// Revenue (left axis) and AOV (right axis) over time, from DashboardModels::series.
QChartView *makeTimeChart(KpiTableModel *series);

// One bar per row: labels from labelColumn, values from valueColumn. percent: the value axis runs 0..100 %.
QChartView *makeBarChart(KpiTableModel *model, int labelColumn, int valueColumn, const QString &valueTitle,
                         bool horizontal, bool percent);

}  // namespace mb

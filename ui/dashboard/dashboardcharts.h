#pragma once
// The dashboard's charts, each fed by a KpiTableModel through a Qt Charts model mapper and showing the
// exact figure on hover. Axes follow the model whenever it is reset, and their category and date labels
// follow the chart's width: Qt Charts cuts a label that overflows its slot to "2026-0...", so the time
// axis shows fewer periods and a bar chart angles its labels until every label fits whole.
#include <QSize>
#include <QString>

class QChartView;

namespace mb {

class KpiTableModel;

// Revenue (left axis) and AOV (right axis) over time, from DashboardModels::series.
QChartView *makeTimeChart(KpiTableModel *series);

// One bar per row: labels from labelColumn, values from valueColumn. percent: the value axis runs 0..100 %.
QChartView *makeBarChart(KpiTableModel *model, int labelColumn, int valueColumn, const QString &valueTitle,
                         bool horizontal, bool percent);

// Lays the chart out now for its current size, labels included: a chart resized just before it is drawn
// into a file (the PDF draws every chart at one size) would otherwise be drawn with the labels fitted
// to its old width, since Qt Charts redoes its layout only when the event loop comes round.
void settleChart(QChartView *view);

// The size a file (the PDF report) draws a chart at, whatever the window's: 900 px wide, and taller
// when its horizontal bars need the room for their labels.
QSize chartExportSize(const QChartView *view);

}  // namespace mb

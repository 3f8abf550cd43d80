#pragma once
// Taking the dashboard to a meeting: a chart as PNG or SVG, its table as CSV or XLSX (libxlsxwriter,
// numbers stay numbers with their format), every table as one workbook. Each returns false with a
// message naming the file when it cannot write. A chart picture carries its title and the period and
// filters above the plot: passed around on its own, it must still say what it shows.
#include <QString>

#include <utility>
#include <vector>

class QChartView;
class QWidget;

namespace mb {

class KpiTableModel;

// What is written above a chart picture. From a title alone (no scope line) where a caller has none.
struct ChartCaption {
    ChartCaption(const QString &title = {}, const QString &scope = {}) : title(title), scope(scope) {}
    QString title;   // the card's title
    QString scope;   // DashboardScope::line(): the period and the filters
};

// Any widget, as shown, at twice the screen resolution.
bool saveWidgetPng(QWidget *widget, const QString &path, QString &error);
// The chart as shown, under its caption; the picture is as wide as the chart and taller by the caption.
bool saveChartPng(QChartView *view, const ChartCaption &caption, const QString &path, QString &error);
bool saveChartSvg(QChartView *view, const ChartCaption &caption, const QString &path, QString &error);
// The caption's height when drawn over a chart `width` pixels wide (its lines wrap to that width).
int chartCaptionHeight(const ChartCaption &caption, int width);
bool saveTableCsv(const KpiTableModel &model, const QString &path, QString &error);
// One worksheet per (name, model); names are cut to Excel's 31 characters.
bool saveTablesXlsx(const std::vector<std::pair<QString, const KpiTableModel *>> &sheets, const QString &path, QString &error);

}  // namespace mb

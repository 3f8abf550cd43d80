#pragma once
// Taking the dashboard to a meeting: a chart as PNG or SVG, its table as CSV or XLSX (libxlsxwriter,
// numbers stay numbers with their format), every table as one workbook. Each returns false with a
// message naming the file when it cannot write.
#include <QString>

#include <utility>
#include <vector>

class QChartView;
class QWidget;

namespace mb {

class KpiTableModel;

bool saveWidgetPng(QWidget *widget, const QString &path, QString &error);
bool saveChartSvg(QChartView *view, const QString &title, const QString &path, QString &error);
bool saveTableCsv(const KpiTableModel &model, const QString &path, QString &error);
// One worksheet per (name, model); names are cut to Excel's 31 characters.
bool saveTablesXlsx(const std::vector<std::pair<QString, const KpiTableModel *>> &sheets, const QString &path, QString &error);

}  // namespace mb

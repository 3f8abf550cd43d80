#pragma once
// A chart and its table over one KpiTableModel, in a card: a title, a Chart/Table switch, an export
// button (PNG, SVG for the chart; CSV, XLSX for the table) and a line saying what the figures mean or
// what data they still need. A chart picture is exported under the card's title and scope line.
#include <QFrame>

class QChartView;
class QLabel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace mb {

class KpiTableModel;

class ChartCard : public QFrame {
    Q_OBJECT
public:
    // chart may be null: a table-only card.
    ChartCard(const QString &title, KpiTableModel *model, QChartView *chart, QWidget *parent = nullptr);

    QString title() const;
    KpiTableModel *model() const { return model_; }
    QChartView *chart() const { return chart_; }
    QTableView *table() const { return table_; }
    void setNote(const QString &note);
    // The period and filters the figures were computed for (DashboardScope::line()), written under the
    // title of an exported chart picture.
    void setScope(const QString &scope) { scope_ = scope; }
    QString scope() const { return scope_; }
    void showTable(bool table);

private:
    void exportAs(const QString &kind);

    KpiTableModel *model_;
    QChartView *chart_;
    QTableView *table_;
    QLabel *title_, *note_;
    QStackedWidget *stack_;
    QToolButton *toggle_;
    QString scope_;
};

}  // namespace mb

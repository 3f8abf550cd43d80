#include "ui/lab/backtestchart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace mb {

QChartView *makeBacktestChart(const std::vector<BacktestRow> &rows, int listLength, QWidget *parent)
{
    int slots = 0;
    for (const BacktestRow &r : rows)
        if (r.method != BacktestMethod::Policy || slots == 0) slots = r.slots;
    auto *atSlots = new QBarSet(QObject::tr("Hit rate at the placement's slots"));
    auto *atList = new QBarSet(QObject::tr("Hit rate@%1").arg(listLength));
    QStringList labels;
    double top = 0;
    // A horizontal bar chart draws its first category at the bottom: add them in reverse so the chart reads
    // top down like the table.
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        labels << QString::fromStdString(it->label) + QStringLiteral(" (@%1)").arg(it->slots);
        *atSlots << it->atSlots.hitRate;
        *atList << it->atList.hitRate;
        top = std::max({top, it->atSlots.hitRate, it->atList.hitRate});
    }
    auto *series = new QHorizontalBarSeries;
    series->append(atSlots);
    series->append(atList);
    series->setBarWidth(0.8);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *categories = new QBarCategoryAxis;
    categories->append(labels);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    auto *values = new QValueAxis;
    // Round tick steps of 0.1 (0.05 below 0.3) up to the next step past the best figure.
    const double step = top <= 0.3 ? 0.05 : 0.1;
    values->setRange(0, std::min(1.0, std::max(step, std::ceil(top / step - 1e-9) * step)));
    values->setTickType(QValueAxis::TicksDynamic);
    values->setTickAnchor(0);
    values->setTickInterval(step);
    values->setLabelFormat(QStringLiteral("%.2f"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(90 + 34 * int(rows.size()));
    view->setMinimumWidth(320);
    view->setToolTip(QObject::tr("Share of requests with a bought product among the first k picks (k = %1 at the placement's slots)").arg(slots));
    return view;
}

}  // namespace mb

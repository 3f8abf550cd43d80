#include "ui/dashboard/dashboardcharts.h"

#include "ui/dashboard/dashboardmodels.h"
#include "ui/dashboard/kpitablemodel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QCategoryAxis>
#include <QHBarModelMapper>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QToolTip>
#include <QVBarModelMapper>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <cmath>

namespace mb {
namespace {

QChart *plainChart()
{
    auto *chart = new QChart;
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

QChartView *viewOf(QChart *chart)
{
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

// Rounds the top of an axis up to 1, 2 or 5 × 10^n so the tick labels are round numbers.
double niceMax(double v)
{
    if (!(v > 0)) return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double f : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (f * p >= v) return f * p;
    return 10 * p;
}

}  // namespace

QChartView *makeTimeChart(KpiTableModel *model)
{
    QChart *chart = plainChart();
    auto *revenue = new QLineSeries;
    revenue->setName(QObject::tr("Revenue"));
    auto *aov = new QLineSeries;
    aov->setName(QObject::tr("AOV"));
    chart->addSeries(revenue);
    chart->addSeries(aov);
    for (const auto &entry : {std::pair{revenue, int(DashboardModels::SeriesRevenue)}, std::pair{aov, int(DashboardModels::SeriesAov)}}) {
        // Plain variables rather than a structured binding: C++20 lets a lambda capture a binding, but
        // clang 14 (Debian 12's, which the sanitizer and fuzz build use) rejects it.
        QLineSeries *const series = entry.first;
        const int column = entry.second;
        auto *mapper = new QVXYModelMapper(chart);
        mapper->setXColumn(DashboardModels::SeriesStart);
        mapper->setYColumn(column);
        mapper->setSeries(series);
        mapper->setModel(model);
        series->setPointsVisible(true);
        QObject::connect(series, &QLineSeries::hovered, series, [model, series, column](const QPointF &p, bool state) {
            if (!state) { QToolTip::hideText(); return; }
            int best = 0;
            double bestDist = 1e300;
            for (int r = 0; r < model->rowCount(); ++r) {
                const double d = std::fabs(model->row(r).value(DashboardModels::SeriesStart).toDouble() - p.x());
                if (d < bestDist) { bestDist = d; best = r; }
            }
            QToolTip::showText(QCursor::pos(), QObject::tr("%1\n%2: %3\nOrders: %4")
                                                   .arg(model->text(best, 0), series->name(), model->text(best, column),
                                                        model->text(best, DashboardModels::SeriesOrders)));
        });
    }
    // Buckets are evenly spaced whatever their length (months differ in days), so x is the bucket number
    // and the axis labels are the periods themselves, thinned out to about eight.
    auto *time = new QCategoryAxis;
    time->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    auto *money = new QValueAxis;
    money->setTitleText(QObject::tr("Revenue"));
    money->setLabelFormat(QStringLiteral("%.0f"));
    auto *aovAxis = new QValueAxis;
    aovAxis->setTitleText(QObject::tr("AOV"));
    aovAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(money, Qt::AlignLeft);
    chart->addAxis(aovAxis, Qt::AlignRight);
    revenue->attachAxis(time);
    revenue->attachAxis(money);
    aov->attachAxis(time);
    aov->attachAxis(aovAxis);
    auto update = [model, time, money, aovAxis] {
        double maxRevenue = 0, maxAov = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const auto &row = model->row(r);
            maxRevenue = std::max(maxRevenue, row.value(DashboardModels::SeriesRevenue).toDouble());
            if (row.value(DashboardModels::SeriesAov).isValid()) maxAov = std::max(maxAov, row.value(DashboardModels::SeriesAov).toDouble());
        }
        for (const QString &l : time->categoriesLabels()) time->remove(l);
        const int n = model->rowCount();
        const int step = std::max(1, (n + 7) / 8);
        for (int r = 0; r < n; r += step) time->append(model->text(r, 0), r);
        time->setRange(-0.3, std::max(1.0, n - 0.7));
        money->setRange(0, niceMax(maxRevenue));
        aovAxis->setRange(0, niceMax(maxAov));
    };
    QObject::connect(model, &QAbstractItemModel::modelReset, chart, update);
    update();
    return viewOf(chart);
}

QChartView *makeBarChart(KpiTableModel *model, int labelColumn, int valueColumn, const QString &valueTitle, bool horizontal,
                         bool percent)
{
    QChart *chart = plainChart();
    chart->legend()->hide();
    QAbstractBarSeries *series = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                            : static_cast<QAbstractBarSeries *>(new QBarSeries);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto *mapper = new QVBarModelMapper(chart);
    mapper->setFirstBarSetColumn(valueColumn);
    mapper->setLastBarSetColumn(valueColumn);
    mapper->setSeries(series);
    mapper->setModel(model);
    auto *labels = new QBarCategoryAxis;
    auto *values = new QValueAxis;
    values->setTitleText(valueTitle);
    values->setLabelFormat(percent ? QStringLiteral("%.0f %%") : QStringLiteral("%.0f"));
    chart->addAxis(labels, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(labels);
    series->attachAxis(values);
    auto update = [model, series, labels, values, labelColumn, valueColumn, percent, horizontal] {
        QStringList names;
        double top = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            QString name = model->text(r, labelColumn);
            // Long category paths keep their last part, so the axis stays readable.
            if (name.size() > 28 && name.contains(QStringLiteral(" > "))) name = QStringLiteral("…") + name.mid(name.lastIndexOf(QStringLiteral(" > ")));
            names << name;
            top = std::max(top, model->row(r).value(valueColumn).toDouble());
        }
        labels->clear();
        labels->append(names);
        values->setRange(0, percent ? std::min(100.0, niceMax(std::max(top, 1.0))) : niceMax(top));
        values->setTickCount(percent ? 6 : 5);
        labels->setLabelsAngle(!horizontal && names.size() > 14 ? -60 : 0);
        for (QBarSet *set : series->barSets()) {
            set->setColor(QColor(0x2f, 0x6f, 0xb5));
            set->setBorderColor(QColor(0x2f, 0x6f, 0xb5));
            QObject::disconnect(set, &QBarSet::hovered, nullptr, nullptr);
            QObject::connect(set, &QBarSet::hovered, set, [model, labelColumn](bool state, int index) {
                if (!state || index < 0 || index >= model->rowCount()) { QToolTip::hideText(); return; }
                QString text = model->text(index, labelColumn) + QStringLiteral("\n");
                for (int c = 0; c < model->columnCount(); ++c)
                    if (c != labelColumn && !model->text(index, c).isEmpty())
                        text += QStringLiteral("\n%1: %2").arg(model->headerData(c, Qt::Horizontal).toString(), model->text(index, c));
                QToolTip::showText(QCursor::pos(), text);
            });
        }
    };
    QObject::connect(model, &QAbstractItemModel::modelReset, chart, update);
    // The mapper rebuilds its bar sets on reset; re-style them once it has.
    QObject::connect(series, &QAbstractBarSeries::barsetsAdded, chart, update);
    update();
    return viewOf(chart);
}

}  // namespace mb

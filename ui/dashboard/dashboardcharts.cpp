#include "ui/dashboard/dashboardcharts.h"

#include "ui/dashboard/dashboardmodels.h"
#include "ui/dashboard/kpitablemodel.h"

#include <QCoreApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QFontMetricsF>
#include <QCategoryAxis>
#include <QGraphicsLayout>
#include <QResizeEvent>
#include <QHBarModelMapper>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QToolTip>
#include <QTransform>
#include <QVBarModelMapper>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <algorithm>
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

constexpr int minimumChartHeight = 220;
// What a chart's height holds besides its category axis: margins, the value axis's labels and title.
constexpr int chartFrame = 70;

QChartView *viewOf(QChart *chart)
{
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(minimumChartHeight);
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

// Ticks that land on round numbers from 0 to a niceMax() top: 0-20-40…100, 0-5-10…25, 0-50…200,
// never "625, 1250, 1875" under a top of 2500.
int niceTicks(double top)
{
    const double f = top / std::pow(10.0, std::floor(std::log10(top)));
    return std::fabs(f - 2) < 1e-9 ? 5 : 6;
}

// Qt Charts gives each label of a horizontal axis the axis width ÷ (labels + 1), less a 4 px padding
// on each side, and cuts a longer label to "..." (ChartPresenter::truncatedText). A label's box is its
// text plus the text item's 2 px margin all round, turned with the label. The plot area stands for the
// axis width: it is a little narrower, so a label judged to fit does.
constexpr double labelPadding = 4, textMargin = 2;

double labelWidth(const QFont &font, const QString &text, int angle)
{
    const QFontMetricsF fm(font);
    const QRectF box(0, 0, fm.horizontalAdvance(text) + 2 * textMargin + 1, fm.height() + 2 * textMargin);
    return angle == 0 ? box.width() : QTransform().rotate(angle).mapRect(box).width();
}

double widestLabel(const QFont &font, const QStringList &labels, int angle)
{
    double widest = 0;
    for (const QString &l : labels) widest = std::max(widest, labelWidth(font, l, angle));
    return widest;
}

double labelSlot(const QChart *chart, qsizetype labels) { return chart->plotArea().width() / double(labels + 1) - 2 * labelPadding; }

// Every period when their labels fit side by side, else every second, third…: the fewest steps that fit.
int periodStep(const QChart *chart, const QFont &font, const QStringList &periods)
{
    const int n = int(periods.size());
    const double widest = widestLabel(font, periods, 0);
    int step = 1;
    while (step < n && labelSlot(chart, (n + step - 1) / step) < widest) ++step;
    return step;
}

// Level labels when they fit, else at 45°, else upright (always fits: a line's height).
int barLabelAngle(const QChart *chart, const QFont &font, const QStringList &labels)
{
    const double slot = labelSlot(chart, labels.size());
    for (int angle : {0, -45})
        if (widestLabel(font, labels, angle) <= slot) return angle;
    return -90;
}

// Beside horizontal bars a label gets at most 40 % of the chart's width (Qt Charts' cap on a vertical
// axis, less its padding): a category path too long for it keeps its last part, then gives way in the
// middle, so the end that tells categories apart stays.
QString fitBesideBars(const QString &name, const QFont &font, double room)
{
    if (room <= 0 || labelWidth(font, name, 0) <= room) return name;
    const qsizetype cut = name.lastIndexOf(QStringLiteral(" > "));
    const QString last = cut < 0 ? name : QStringLiteral("…") + name.mid(cut + 3);
    if (labelWidth(font, last, 0) <= room) return last;
    return QFontMetricsF(font).elidedText(last, Qt::ElideMiddle, room - 2 * textMargin - 1);
}

double roomBesideBars(const QChart *chart) { return (chart->size().width() - 8) * 0.4 - 2 * labelPadding - 4; }

}  // namespace

void settleChart(QChartView *view)
{
    // A hidden view gets its resize event only when shown or drawn; the chart must have its size first.
    if (view->testAttribute(Qt::WA_PendingResizeEvent)) {
        QResizeEvent resize(view->size(), QSize());
        QCoreApplication::sendEvent(view, &resize);
        view->setAttribute(Qt::WA_PendingResizeEvent, false);
    }
    // Fitting the labels changes the axis, which asks for another layout pass: a few at most.
    QGraphicsLayout *layout = view->chart()->layout();
    for (int pass = 0; layout && pass < 4 && !layout->isActivated(); ++pass) layout->activate();
}

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
    // and the axis labels are the periods themselves, thinned out to as many as fit the width whole.
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
    auto labelPeriods = [chart, model, time](bool always) {
        QStringList periods;
        for (int r = 0; r < model->rowCount(); ++r) periods << model->text(r, 0);
        const int step = chart->plotArea().width() > 0 ? periodStep(chart, time->labelsFont(), periods) : std::max(1, int(periods.size() + 7) / 8);
        // Called on every plot area change: rebuilding equal labels would ask for a layout pass without end.
        if (!always && time->property("step").toInt() == step) return;
        time->setProperty("step", step);
        for (const QString &l : time->categoriesLabels()) time->remove(l);
        for (int r = 0; r < periods.size(); r += step) time->append(periods[r], r);
    };
    auto update = [model, time, money, aovAxis, labelPeriods] {
        double maxRevenue = 0, maxAov = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const auto &row = model->row(r);
            maxRevenue = std::max(maxRevenue, row.value(DashboardModels::SeriesRevenue).toDouble());
            if (row.value(DashboardModels::SeriesAov).isValid()) maxAov = std::max(maxAov, row.value(DashboardModels::SeriesAov).toDouble());
        }
        const int n = model->rowCount();
        labelPeriods(true);
        time->setRange(-0.3, std::max(1.0, n - 0.7));
        money->setRange(0, niceMax(maxRevenue));
        aovAxis->setRange(0, niceMax(maxAov));
    };
    QObject::connect(model, &QAbstractItemModel::modelReset, chart, update);
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [labelPeriods] { labelPeriods(false); });
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
    QChartView *view = viewOf(chart);
    // Beside horizontal bars each label gets the axis height ÷ (labels + 1) and is cut to "..." below a
    // line's height: a long list of categories makes the chart taller rather than cutting them.
    auto room = [view, labels, horizontal] {
        if (!horizontal) return;
        const QFontMetricsF fm(labels->labelsFont());
        const double perLabel = fm.height() + 2 * textMargin + 2 * labelPadding + 2;
        view->setMinimumHeight(std::max(minimumChartHeight, chartFrame + int(std::ceil(double(labels->count() + 1) * perLabel))));
    };
    auto names = [chart, model, labels, labelColumn, horizontal] {
        QStringList out;
        for (int r = 0; r < model->rowCount(); ++r)
            out << (horizontal ? fitBesideBars(model->text(r, labelColumn), labels->labelsFont(), roomBesideBars(chart))
                               : model->text(r, labelColumn));
        return out;
    };
    auto update = [model, series, labels, values, labelColumn, valueColumn, percent, room, names] {
        double top = 0;
        for (int r = 0; r < model->rowCount(); ++r) top = std::max(top, model->row(r).value(valueColumn).toDouble());
        labels->clear();
        labels->append(names());
        room();
        // A handful of customers (a narrow filter) gets a tick per whole count: five ticks up to 1 would
        // read "0 0 0 1 1" under the "%.0f" format.
        const double small = std::max(1.0, std::ceil(top));
        const bool fewCounts = !percent && small <= 4;
        const double range = percent ? std::min(100.0, niceMax(std::max(top, 5.0))) : fewCounts ? small : niceMax(top);
        values->setRange(0, range);
        values->setTickCount(fewCounts ? int(small) + 1 : niceTicks(range));
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
    // Under the bars, the labels turn only as far as they must to fit whole; beside them (horizontal bars)
    // they have the room of a line each (room()) and shorten to the width they may take.
    auto angle = [chart, labels, horizontal, names] {
        if (chart->plotArea().width() <= 0) return;
        if (horizontal) {
            // The names follow the width; relabelling only on a change ends the layout passes.
            const QStringList fitted = names();
            if (fitted != labels->categories()) {
                labels->clear();
                labels->append(fitted);
            }
            return;
        }
        const int a = barLabelAngle(chart, labels->labelsFont(), labels->categories());
        if (labels->labelsAngle() != a) labels->setLabelsAngle(a);
    };
    QObject::connect(model, &QAbstractItemModel::modelReset, chart, update);
    QObject::connect(model, &QAbstractItemModel::modelReset, chart, angle);
    // The mapper rebuilds its bar sets on reset; re-style them once it has.
    QObject::connect(series, &QAbstractBarSeries::barsetsAdded, chart, update);
    QObject::connect(chart, &QChart::plotAreaChanged, chart, angle);
    update();
    return view;
}

QSize chartExportSize(const QChartView *view)
{
    return {900, std::max(495, view->minimumHeight())};
}

}  // namespace mb

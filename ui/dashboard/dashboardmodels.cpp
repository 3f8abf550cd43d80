#include "ui/dashboard/dashboardmodels.h"

#include "core/kpi/kpicontext.h"
#include "core/kpi/kpijson.h"
#include "core/kpi/kpireport.h"
#include "ui/dashboard/kpitablemodel.h"

#include <QDateTime>

#include <cmath>

namespace mb {
namespace {

using Col = KpiTableModel::Column;

QVariant pct(double fraction) { return std::isfinite(fraction) ? QVariant(fraction * 100) : QVariant(); }
QVariant num(double v) { return std::isfinite(v) ? QVariant(v) : QVariant(); }
QString qs(const std::string &s) { return QString::fromStdString(s); }

// Light to strong blue by share, so the cohort table reads as a heat-map at a glance.
// "1.5k" rather than "1500": histogram labels must fit under their bars.
QString compact(double v)
{
    if (std::fabs(v) < 1000) return QString::number(v, 'f', 0);
    if (std::fabs(v) < 1e6) return QString::number(v / 1000, 'g', 3) + QLatin1Char('k');
    return QString::number(v / 1e6, 'g', 3) + QLatin1Char('M');
}

QColor heat(double fraction)
{
    if (!std::isfinite(fraction)) return {};
    const double t = std::clamp(fraction, 0.0, 1.0);
    return QColor::fromRgbF(float(1 - 0.75 * t), float(1 - 0.45 * t), 1.0f);
}

}  // namespace

DashboardModels::DashboardModels(QObject *parent)
    : series(new KpiTableModel(parent)), kinds(new KpiTableModel(parent)), categories(new KpiTableModel(parent)),
      pairs(new KpiTableModel(parent)), cohorts(new KpiTableModel(parent)), histogram(new KpiTableModel(parent)),
      bundles(new KpiTableModel(parent)), placements(new KpiTableModel(parent))
{
    series->setColumns({Col{QObject::tr("Period"), KpiFormat::Text}, Col{QObject::tr("Bucket"), KpiFormat::Count},
                        Col{QObject::tr("Revenue"), KpiFormat::Money}, Col{QObject::tr("Orders"), KpiFormat::Count},
                        Col{QObject::tr("AOV"), KpiFormat::Money}});
    const QVector<Col> group{Col{QString(), KpiFormat::Text}, Col{QObject::tr("Anchor occurrences"), KpiFormat::Count},
                             Col{QObject::tr("With a complement"), KpiFormat::Count}, Col{QObject::tr("Attach rate"), KpiFormat::Percent}};
    QVector<Col> k = group, c = group;
    k[0].title = QObject::tr("Kind");
    c[0].title = QObject::tr("Category");
    kinds->setColumns(k);
    categories->setColumns(c);
    pairs->setColumns({Col{QObject::tr("Anchor"), KpiFormat::Text}, Col{QObject::tr("Target"), KpiFormat::Text},
                       Col{QObject::tr("Kind"), KpiFormat::Text}, Col{QObject::tr("Orders with anchor"), KpiFormat::Count},
                       Col{QObject::tr("With both"), KpiFormat::Count}, Col{QObject::tr("Attach rate"), KpiFormat::Percent}});
    histogram->setColumns({Col{QObject::tr("Value per customer"), KpiFormat::Text}, Col{QObject::tr("From"), KpiFormat::Money},
                           Col{QObject::tr("To"), KpiFormat::Money}, Col{QObject::tr("Customers"), KpiFormat::Count}});
    bundles->setColumns({Col{QObject::tr("Bundle"), KpiFormat::Text}, Col{QObject::tr("Tier"), KpiFormat::Text},
                         Col{QObject::tr("Orders with anchor"), KpiFormat::Count}, Col{QObject::tr("Took the tier"), KpiFormat::Count},
                         Col{QObject::tr("Take rate"), KpiFormat::Percent}});
    placements->setColumns({Col{QObject::tr("Placement"), KpiFormat::Text}, Col{QObject::tr("Impressions"), KpiFormat::Count},
                            Col{QObject::tr("Clicks"), KpiFormat::Count}, Col{QObject::tr("Conversions"), KpiFormat::Count},
                            Col{QObject::tr("Click-through"), KpiFormat::Percent}, Col{QObject::tr("Conversion"), KpiFormat::Percent}});
}

DashboardModels::Rows DashboardModels::rowsOf(const KpiContext &ctx, const KpiReport &r)
{
    const Snapshot &s = ctx.snapshot();
    Rows out;
    QVector<QVector<QVariant>> rows;
    for (const TimePoint &p : r.series)
        rows.push_back({qs(p.label), double(rows.size()), p.revenue, qint64(p.orders), num(p.aov)});
    out.series = std::move(rows);
    rows = {};

    auto groups = [&](const std::vector<GroupAttach> &list) {
        QVector<QVector<QVariant>> g;
        for (const GroupAttach &x : list) g.push_back({qs(x.name), qint64(x.eligible), qint64(x.attached), pct(x.rate)});
        return g;
    };
    out.kinds = groups(r.attach.hasMaps ? r.attach.byKind : std::vector<GroupAttach>{});
    out.categories = groups(r.attach.byCategory);

    for (const PairAttach &p : r.attach.pairs) {
        const SnapshotProduct &a = s.products[p.anchor];
        QString target = qs(pairTargetName(ctx, p.targetProduct, p.targetCategory));
        if (p.targetProduct >= 0) target += QStringLiteral(" — ") + qs(s.products[size_t(p.targetProduct)].title);
        rows.push_back({qs(a.sku) + QStringLiteral(" — ") + qs(a.title), target, QString::fromLatin1(kindName(p.kind)),
                        qint64(p.anchorOrders), qint64(p.bothOrders), pct(p.rate)});
    }
    out.pairs = std::move(rows);
    rows = {};

    size_t months = 0;
    for (const CohortRow &c : r.retention.cohorts) months = std::max(months, c.retention.size());
    QVector<Col> cols{Col{QObject::tr("Cohort"), KpiFormat::Text}, Col{QObject::tr("Customers"), KpiFormat::Count}};
    for (size_t k = 0; k < months; ++k) cols.push_back(Col{QObject::tr("M%1").arg(k), KpiFormat::Percent});
    out.cohortColumns = cols;
    QVector<QVector<QColor>> colors;
    for (const CohortRow &c : r.retention.cohorts) {
        QVector<QVariant> row{qs(c.label), qint64(c.size)};
        QVector<QColor> color{QColor(), QColor()};
        for (size_t k = 0; k < months; ++k) {
            row.push_back(k < c.retention.size() ? pct(c.retention[k]) : QVariant());
            color.push_back(k < c.retention.size() ? heat(c.retention[k]) : QColor());
        }
        rows.push_back(row);
        colors.push_back(color);
    }
    out.cohorts = std::move(rows);
    rows = {};
    out.cohortColors = std::move(colors);

    for (size_t i = 0; i < r.clv.histogram.size(); ++i) {
        const HistogramBin &b = r.clv.histogram[i];
        // Short labels (no separators), so ten of them fit under the bars unrotated.
        const QString label = i + 1 == r.clv.histogram.size() ? QStringLiteral("≥ %1").arg(compact(b.from))
                                                               : QStringLiteral("%1–%2").arg(compact(b.from), compact(b.to));
        rows.push_back({label, b.from, b.to, qint64(b.customers)});
    }
    out.histogram = std::move(rows);
    rows = {};

    for (const TierTake &t : r.bundles.tiers)
        rows.push_back({qs(t.bundle), qs(t.tier), qint64(t.anchorOrders), qint64(t.takenOrders), pct(t.rate)});
    out.bundles = std::move(rows);
    rows = {};

    for (const PlacementEvents &p : r.events.placements)
        rows.push_back({qs(p.placement), qint64(p.impressions), qint64(p.clicks), qint64(p.conversions), pct(p.clickThrough),
                        pct(p.conversion)});
    out.placements = std::move(rows);
    rows = {};
    return out;
}

void DashboardModels::fill(Rows rows)
{
    series->setRows(std::move(rows.series));
    kinds->setRows(std::move(rows.kinds));
    categories->setRows(std::move(rows.categories));
    pairs->setRows(std::move(rows.pairs));
    cohorts->setColumns(std::move(rows.cohortColumns));
    cohorts->setRows(std::move(rows.cohorts));
    cohorts->setBackgrounds(std::move(rows.cohortColors));
    histogram->setRows(std::move(rows.histogram));
    bundles->setRows(std::move(rows.bundles));
    placements->setRows(std::move(rows.placements));
}

}  // namespace mb

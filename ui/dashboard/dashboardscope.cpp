#include "ui/dashboard/dashboardscope.h"

#include "core/kpi/kpicalendar.h"
#include "core/kpi/kpicontext.h"
#include "core/kpi/kpireport.h"

#include <QObject>

namespace mb {

QString DashboardScope::filterText() const
{
    if (wholeStore()) return QObject::tr("No filters: the whole store (all products, all customers, all countries)");
    return QObject::tr("Filters: %1").arg(filters.join(QStringLiteral(" · ")));
}

QString DashboardScope::line() const { return period + QStringLiteral(" · ") + filterText(); }

DashboardScope dashboardScope(const KpiReport &report, const KpiContext &context)
{
    DashboardScope s;
    const KpiFilter &f = report.filter;
    const QString by = f.granularity == Granularity::Day    ? QObject::tr("by day")
                       : f.granularity == Granularity::Week ? QObject::tr("by week")
                                                            : QObject::tr("by month");
    s.period = QObject::tr("%1 to %2, %3")
                   .arg(QString::fromStdString(kpicalendar::isoDate(report.fromDay)),
                        QString::fromStdString(kpicalendar::isoDate(report.toDay)), by);
    const auto &categories = context.snapshot().categories;
    if (f.category >= 0 && size_t(f.category) < categories.size())
        s.filters << QObject::tr("Category: %1 (and below)").arg(QString::fromStdString(categories[size_t(f.category)].path));
    if (f.customers == CustomerScope::New) s.filters << QObject::tr("New customers only");
    else if (f.customers == CustomerScope::Returning) s.filters << QObject::tr("Returning customers only");
    if (!f.country.empty()) s.filters << QObject::tr("Country: %1").arg(QString::fromStdString(f.country));
    return s;
}

}  // namespace mb

// The full KPI computation on Online Retail: import into a temporary workspace, load the snapshot, then
// time only the KPI work (building the per-snapshot context, and the report), median of 5.
#include "core/kpi/kpicontext.h"
#include "core/kpi/kpireport.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace mb;

static double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString csv = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(MB_DATASETS_DIR "/online_retail/online_retail.csv");
    if (!QFileInfo::exists(csv)) {
        std::fprintf(stderr, "data set not found: %s\n", qPrintable(csv));
        return 1;
    }
    QTemporaryDir dir;
    std::string error;
    auto ws = Workspace::create(dir.filePath("bench.merchbench").toStdString(), error);
    if (!ws) { std::fprintf(stderr, "%s\n", error.c_str()); return 1; }
    ImportRequest req;
    req.path = csv.toStdString();
    const ImportReport r = runImport(*ws, req);
    if (r.status != ImportStatus::Ok) { std::fprintf(stderr, "%s\n", r.error.c_str()); return 1; }
    auto snapshot = Snapshot::load(*ws, error);
    if (!snapshot) { std::fprintf(stderr, "%s\n", error.c_str()); return 1; }
    KpiData data;
    if (!KpiData::load(*ws, *snapshot, data, error)) { std::fprintf(stderr, "%s\n", error.c_str()); return 1; }

    std::vector<double> contextMs, reportMs, totalMs, weekMs;
    KpiReport last;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer t;
        t.start();
        const KpiContext ctx(snapshot, data);
        const double c = double(t.nsecsElapsed()) / 1e6;
        last = *computeKpiReport(ctx, {});
        const double total = double(t.nsecsElapsed()) / 1e6;
        KpiFilter weekly;
        weekly.granularity = Granularity::Week;
        weekly.fromDay = ctx.lastDay() - 179;   // the last half year vs the one before
        QElapsedTimer w;
        w.start();
        computeKpiReport(ctx, weekly);
        weekMs.push_back(double(w.nsecsElapsed()) / 1e6);
        contextMs.push_back(c);
        reportMs.push_back(total - c);
        totalMs.push_back(total);
    }
    std::printf("Online Retail: %zu orders, %zu lines, %zu baskets\n", snapshot->orders.size(), snapshot->lines.size(),
                snapshot->basketCount());
    std::printf("  orders %lld, revenue %.2f, AOV %.2f, repeat rate %.4f, customers %lld, cohorts %zu\n",
                static_cast<long long>(last.current.sales.orders), last.current.sales.revenue, last.current.sales.aov,
                last.current.repeatRate, static_cast<long long>(last.current.sales.customers), last.retention.cohorts.size());
    std::printf("  KPI context (per snapshot)      median %.1f ms\n", median(contextMs));
    std::printf("  KPI report, whole history       median %.1f ms\n", median(reportMs));
    std::printf("  full KPI computation            median %.1f ms (budget 200 ms)\n", median(totalMs));
    std::printf("  report, last 180 days by week   median %.1f ms (with the previous period)\n", median(weekMs));
    return median(totalMs) <= 200 ? 0 : 2;
}

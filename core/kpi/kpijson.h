#pragma once
// The report as JSON (the CLI's --json, and what a script or a test reads) and as one tidy CSV table
// (section, key, metric, value), so a spreadsheet can pivot any part of it. Unknown figures (NAN) are
// null in JSON and empty in CSV, never 0.
#include <QJsonObject>

#include <string>

namespace mb {

struct KpiReport;
class KpiContext;

QJsonObject kpiReportJson(const KpiContext &ctx, const KpiReport &report);
std::string kpiReportCsv(const KpiContext &ctx, const KpiReport &report);
// "Camera A → Memory card" / "Camera A → any of Cameras > Batteries": how a pair reads in tables.
std::string pairTargetName(const KpiContext &ctx, int32_t targetProduct, int32_t targetCategory);

}  // namespace mb

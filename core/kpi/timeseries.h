#pragma once
// Revenue, orders and AOV per day, week (Monday first) or calendar month over the period. Every bucket
// of the period is present, empty ones with zero orders and no AOV, so a chart's time axis has no gaps.
#include "core/kpi/kpifilter.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace mb {

class KpiContext;
struct OrderSelection;

struct TimePoint {
    int64_t startDay = 0;     // first day of the bucket (may lie before the period for a partial bucket)
    std::string label;        // "2011-12-05" (day, week) or "2011-12" (month)
    double revenue = 0;
    int64_t orders = 0;
    double aov = NAN;
};

std::vector<TimePoint> computeSeries(const KpiContext &ctx, const OrderSelection &sel, Granularity g);

}  // namespace mb

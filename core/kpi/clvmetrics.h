#pragma once
// Customer lifetime value: historic (what known customers spent in the period) and a simple predictive
// estimate, AOV × purchase frequency × expected lifespan, with every input kept so the dashboard and
// the CLI can show how it was reached. Not a BG/NBD fit: see README "KPI definitions".
#include <cmath>
#include <cstdint>
#include <vector>

namespace mb {

class KpiContext;
struct OrderSelection;

struct HistogramBin {
    double from = 0, to = 0;      // [from, to); the last bin also holds everything above
    int64_t customers = 0;
};

struct ClvMetrics {
    int64_t customers = 0;        // known customers with a counted order in the period
    double revenue = 0;           // their revenue in the period (returns net)
    double historic = NAN;        // revenue / customers
    double medianHistoric = NAN;
    // Predictive estimate and its inputs.
    double aov = NAN;             // their revenue / their counted orders
    double periodYears = NAN;     // period length in years (days / 365.25)
    double frequencyPerYear = NAN;// counted orders per customer per year
    double repeatRate = NAN;      // share of them with two or more orders in the period
    double churnPerPeriod = NAN;  // 1 - repeatRate: the share not seen again
    double lifespanYears = NAN;   // periodYears / churnPerPeriod, capped at maxLifespanYears
    double predictive = NAN;      // aov × frequencyPerYear × lifespanYears
    std::vector<HistogramBin> histogram;  // historic value per customer

    static constexpr double maxLifespanYears = 10;
};

ClvMetrics computeClv(const KpiContext &ctx, const OrderSelection &sel, int bins = 20);

}  // namespace mb

#pragma once
// Do customers come back? Repeat purchase rate and days to the second order within the period, and the
// retention of monthly first-order cohorts. Guests (orders without a customer) cannot be followed and are
// left out of all three.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace mb {

class KpiContext;
struct OrderSelection;

struct CohortRow {
    int64_t monthStart = 0;          // first day of the cohort's month
    std::string label;               // "2011-01"
    int64_t size = 0;                // customers whose first order ever fell in that month (and in the period)
    std::vector<int64_t> active;     // [k] = of them, customers with an order in month k after (k = 0: all)
    std::vector<double> retention;   // active[k] / size; months after the period's end are not there
};

struct RetentionMetrics {
    int64_t customers = 0;           // known customers with a counted order in the period
    int64_t repeatCustomers = 0;     // ... with two or more
    double repeatRate = NAN;         // repeatCustomers / customers
    double medianDaysToSecond = NAN; // days from a customer's first to second order in the period
    double meanDaysToSecond = NAN;
    std::vector<CohortRow> cohorts;  // ascending months
};

RetentionMetrics computeRetention(const KpiContext &ctx, const OrderSelection &sel);

}  // namespace mb

#pragma once
// Revenue, orders, AOV, units per order and distinct items per basket over a selection.
// Revenue is what customers paid for merchandise: each line's net (after its discount and refund; a store's
// order-level discount and refund are spread over the lines on import), not shipping or tax (see
// core/kpi/README.md "KPI definitions").
#include <cmath>
#include <cstdint>

namespace mb {

class KpiContext;
struct OrderSelection;

struct SalesMetrics {
    double revenue = 0;           // Σ SnapshotLine::net() (what was paid) over lines of orders not cancelled (returns negative)
    double returnsValue = 0;      // the negative part of revenue (net of lines with quantity < 0), as a positive amount
    int64_t orders = 0;           // counted orders
    double aov = NAN;             // revenue / orders
    double unitsPerOrder = NAN;   // Σ positive quantities / orders
    double itemsPerBasket = NAN;  // mean distinct products bought per counted order
    int64_t customers = 0;        // distinct known customers with a counted order
    int64_t guestOrders = 0;      // counted orders without a customer
};

SalesMetrics computeSales(const KpiContext &ctx, const OrderSelection &sel);

}  // namespace mb

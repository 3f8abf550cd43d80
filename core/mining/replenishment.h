#pragma once
// Replenishment: products the same customer comes back for (coffee, filters, ink), and after how long.
// For each product, the days between one customer's consecutive purchase days of it, pooled over all its
// customers, summarised by the median; plus how many of its buyers came back at all. Drives "time to
// reorder" reminders in post-purchase e-mails.
#include "core/io/importrecords.h"
#include "core/mining/orderexclusion.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mb {

struct Snapshot;

struct ReplenishmentOptions {
    uint32_t minIntervals = 5;  // products with fewer repeat intervals say too little and are left out
    OrderExclusion exclude;     // orders that are not purchases the customer chose (subscription reorders)
};

struct ReplenishmentStat {
    uint32_t product = 0;       // index into Snapshot::products
    uint32_t buyers = 0;        // known customers who bought it
    uint32_t repeatBuyers = 0;  // of those, the ones who bought it on at least two different days
    double repeatShare = 0;     // repeatBuyers / buyers
    uint32_t intervals = 0;     // gaps between consecutive purchase days, over all customers
    double medianDays = 0;      // median gap (the mean of the two middle gaps when their number is even)
};

struct Replenishment {
    std::vector<ReplenishmentStat> products;  // by product index
    size_t purchases = 0;  // distinct (product, customer, day) purchases the figures rest on
    size_t excludedOrders = 0;  // orders ReplenishmentOptions::exclude left out
    bool cancelled = false;
};

// Counts a purchase when the order is not cancelled, its customer is known, it has a time (orderedAt != 0:
// the snapshot loads a missing time as 0) and the line's quantity is above 0. Days are the order's local
// calendar days (its UTC offset applied); buying a product again the same day is not a new purchase.
Replenishment replenishment(const Snapshot &snapshot, const ReplenishmentOptions &options,
                            const ProgressFn &progress = {});

}  // namespace mb

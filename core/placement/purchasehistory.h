#pragma once
// Who bought what, when: per customer the (product, day) purchases sorted by product then day, so that
// "has this customer bought it before day D, and when last" is a binary search. Built once per snapshot.
#include <cstdint>
#include <vector>

namespace mb {

struct Snapshot;

// The order's local calendar day (its UTC offset applied), as days since 1970-01-01.
int32_t orderDay(int64_t orderedAt, int32_t utcOffsetMinutes);

class PurchaseHistory {
public:
    explicit PurchaseHistory(const Snapshot &snapshot);

    // The last day before `beforeDay` the customer bought the product, or INT32_MIN when never.
    int32_t lastPurchase(int32_t customer, uint32_t product, int32_t beforeDay) const;
    int32_t lastDay() const { return lastDay_; }  // the latest order day in the history (0 when none)

private:
    struct Entry {
        uint32_t product;
        int32_t day;
    };
    std::vector<uint32_t> start_;  // CSR by customer
    std::vector<Entry> entries_;
    int32_t lastDay_ = 0;
};

}  // namespace mb

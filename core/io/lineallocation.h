#pragma once
// Money a platform gives for a whole order (an order-level discount, a refund), spread over the order's
// lines so that every line's net (quantity * unitPrice - discount - refund) says what the customer paid for
// it and the lines of an order add up to the order's own figure.
#include "core/io/importrecords.h"

#include <cstdint>
#include <vector>

namespace mb {

enum class LineAmount { Discount, Refund };

// Adds `amount` to the discount or refund of lines[i] for each i in `among`, in proportion to each line's
// net so far. A line's share is rounded to cents (the largest line takes the rounding remainder) and never
// takes its net below 0; lines whose net is not above 0 get nothing. Returns what could not be placed
// (more than the lines are worth, e.g. refunded shipping or taxes), 0 when all of it was.
double spreadOverLines(std::vector<OrderLineRecord> &lines, const std::vector<uint32_t> &among, double amount,
                       LineAmount into);

}  // namespace mb

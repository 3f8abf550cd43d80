#include "core/io/lineallocation.h"

#include <algorithm>
#include <cmath>

namespace mb {

namespace {

double netOf(const OrderLineRecord &l) { return l.quantity * l.unitPrice - l.discount - l.refund; }

double cents(double x) { return std::round(x * 100.0) / 100.0; }

}  // namespace

double spreadOverLines(std::vector<OrderLineRecord> &lines, const std::vector<uint32_t> &among, double amount,
                       LineAmount into)
{
    if (!(amount > 0)) return 0;
    double base = 0;
    uint32_t largest = 0;
    double largestNet = 0;
    for (uint32_t i : among) {
        const double net = netOf(lines[i]);
        if (net <= 0) continue;
        base += net;
        if (net > largestNet) { largestNet = net; largest = i; }
    }
    if (base <= 0) return amount;
    const double placeable = std::min(amount, base);
    double placed = 0;
    auto add = [&](uint32_t i, double share) {
        (into == LineAmount::Discount ? lines[i].discount : lines[i].refund) += share;
        placed += share;
    };
    for (uint32_t i : among) {
        const double net = netOf(lines[i]);
        if (net <= 0 || i == largest) continue;
        add(i, std::min(net, cents(placeable * net / base)));
    }
    // The largest line takes what rounding left, so the shares add up to the amount to the cent.
    add(largest, std::clamp(placeable - placed, 0.0, netOf(lines[largest])));
    const double left = amount - placed;
    return left > 0.005 ? left : 0;
}

}  // namespace mb

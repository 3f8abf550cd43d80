#pragma once
// What the merchandiser asked for: a period, how to bucket it, and which orders to look at. Days are the
// store's local calendar days (UTC time + the offset the order recorded), counted from 1970-01-01.
#include <cstdint>
#include <optional>
#include <string>

namespace mb {

enum class Granularity { Day, Week, Month };
enum class CustomerScope { All, New, Returning };

struct KpiFilter {
    std::optional<int64_t> fromDay;   // inclusive; none = from the first order
    std::optional<int64_t> toDay;     // inclusive; none = to the last order
    Granularity granularity = Granularity::Month;
    int32_t category = -1;            // index into Snapshot::categories; orders holding a product in or below it
    CustomerScope customers = CustomerScope::All;
    std::string country;              // exact country as imported; "" = all
};

const char *granularityName(Granularity g);
std::optional<Granularity> granularityFromName(const std::string &s);
const char *customerScopeName(CustomerScope c);
std::optional<CustomerScope> customerScopeFromName(const std::string &s);

}  // namespace mb

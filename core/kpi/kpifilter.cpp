#include "core/kpi/kpifilter.h"

namespace mb {

const char *granularityName(Granularity g)
{
    switch (g) {
    case Granularity::Day: return "day";
    case Granularity::Week: return "week";
    case Granularity::Month: return "month";
    }
    return "month";
}

std::optional<Granularity> granularityFromName(const std::string &s)
{
    if (s == "day") return Granularity::Day;
    if (s == "week") return Granularity::Week;
    if (s == "month") return Granularity::Month;
    return std::nullopt;
}

const char *customerScopeName(CustomerScope c)
{
    switch (c) {
    case CustomerScope::All: return "all";
    case CustomerScope::New: return "new";
    case CustomerScope::Returning: return "returning";
    }
    return "all";
}

std::optional<CustomerScope> customerScopeFromName(const std::string &s)
{
    if (s == "all") return CustomerScope::All;
    if (s == "new") return CustomerScope::New;
    if (s == "returning") return CustomerScope::Returning;
    return std::nullopt;
}

}  // namespace mb

#pragma once
// The KPI definitions in words, one place for the dashboard's help, the PDF report's appendix and the
// README, so the figures are always explained the way they are computed.
#include <vector>

namespace mb {

struct KpiDefinition {
    const char *name;
    const char *definition;
};

const std::vector<KpiDefinition> &kpiDefinitions();

}  // namespace mb

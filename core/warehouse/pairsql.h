#pragma once
// The SQL that computes, inside the store's own warehouse, exactly the pair rules `mine pairs` computes in
// the app: the same baskets (distinct SKUs with quantity > 0 per order that is not cancelled nor left out),
// the same integer counts, the same ratios formed the same way in IEEE doubles, the same thresholds and the
// same per-anchor top-N rule. Only text is produced here; the warehouse runs it (core/warehouse/README.md).
#include "core/warehouse/warehousemapping.h"

#include <string>

namespace mb {

// The result columns, in order: what `import mined` reads back.
inline constexpr const char *MinedPairColumns[] = {"antecedent", "consequent",       "count",            "support",
                                                   "confidence", "lift",             "cosine",           "antecedent_count",
                                                   "consequent_count", "baskets"};

// One SELECT statement (with a leading comment holding the parameters as JSON on a line starting
// "-- merchbench:"), or "" with `error` naming the option that is missing or unusable.
std::string pairStatisticsSql(SqlDialect dialect, const WarehouseMapping &mapping, const PairThresholds &thresholds,
                              std::string &error);

}  // namespace mb

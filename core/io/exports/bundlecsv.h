#pragma once
// Bundles as CSV, one row per tier item, for a spreadsheet or a store's bulk editor:
// bundle, anchor, tier, tier_position, pricing, sku, quantity, optional, unit_price, discount_percent,
// tier_price. A fixed tier's price is read back from tier_price; unit_price and the other tiers' prices are
// for the reader only. A tier without items has no row, so it does not survive the trip.
#include "core/io/exports/exportdata.h"

#include <string>

namespace mb {

std::string writeBundleCsv(const ExportData &data);

// false with error naming the file, line and column and what was expected.
bool readBundleCsv(const std::string &text, const std::string &path, std::vector<ExportBundle> &out, std::string &error);

}  // namespace mb

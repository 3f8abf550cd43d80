#pragma once
// The Merchbench export file (JSON): maps and bundles, schema core/bundles/merchbench-export.schema.json.
// The writer is deterministic (sorted keys, fixed order of records, no timestamps), so export → import →
// export gives the same bytes.
#include "core/io/exports/exportdata.h"

#include <string>

namespace mb {

constexpr const char *ExportFormatName = "merchbench-export";
constexpr int ExportFormatVersion = 1;

std::string writeExportJson(const ExportData &data);

// Reads a file written by writeExportJson (or by hand against the schema). false with error naming the
// file and the JSON path ("bundles[2].tiers[0].items[1].quantity") and what was expected.
bool readExportJson(const std::string &text, const std::string &path, ExportData &out, std::string &error);

}  // namespace mb

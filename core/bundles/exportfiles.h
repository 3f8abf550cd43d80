#pragma once
// The files one export writes, shared by the CLI and the export dialog so both name, count and describe
// them the same way: a platform export is a links update (update-only import) plus, when there are new
// products, a create-only file beside it (core/io/exports/platformexport.h says why they are two).
#include "core/bundles/bundleexchange.h"

#include <cstdint>
#include <string>

namespace mb {

// "woo.csv" -> "woo-new-products.csv", "out/links" -> "out/links-new-products": the create-only file's
// default name, next to the links file, so the two sort together and the second says what it holds.
std::string createdFileName(const std::string &linksPath);

// Data records of a CSV export (the header not counted, a quoted line break inside a cell not a new row);
// for JSON, the bundles and map entries it holds. What the summary line after an export shows.
int64_t exportRowCount(ExportFormat format, const std::string &text);

bool isPlatformFormat(ExportFormat format);

}  // namespace mb

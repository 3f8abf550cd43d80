#pragma once
// The header names each field of the generic formats is known by. The parsers, format detection and the
// import dialog's column guess all read this one table, so a name added here is understood everywhere.
#include "core/io/importrecords.h"

#include <string>
#include <string_view>
#include <vector>

namespace mb {

// Aliases of a canonical field (catalogFields() / orderFields() names); empty for an unknown field.
const std::vector<std::string> &fieldAliases(ImportKind kind, std::string_view field);
// The canonical field a column name stands for in the generic format of that kind, or "".
std::string fieldForColumn(ImportKind kind, std::string_view columnName);

}  // namespace mb

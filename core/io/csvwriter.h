#pragma once
// Writing CSV the way every Merchbench export does: RFC 4180 quoting, and spreadsheet-formula defence
// (a text cell a spreadsheet would evaluate gets a leading ', which the importers strip again: formulaguard.h).
#include <string>
#include <string_view>
#include <vector>

namespace mb {

std::string csvField(std::string_view value, bool neutraliseFormulas = true);
// Appends one row and a newline; numbers should be passed already formatted (see csvNumber).
void appendCsvRow(std::string &out, const std::vector<std::string> &fields);
// The same for a row with numeric columns (numeric[i] true): those cells skip the defence, so a negative
// number stays a number in a spreadsheet; every other cell is text and is guarded.
void appendCsvRow(std::string &out, const std::vector<std::string> &fields, const std::vector<bool> &numeric);
// Shortest text that reads back as the same double ("0.1", "80.5", "1e-05").
std::string csvNumber(double v);

}  // namespace mb

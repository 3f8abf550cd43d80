#pragma once
// Spreadsheet-formula defence, both ways. A CSV cell that a spreadsheet would evaluate is written with a
// leading ' (which the spreadsheet shows as text and our importers drop again). Spreadsheets skip leading
// whitespace and control characters before deciding, so "\t=1+1" or "\r@SUM(A1)" are formulas too, not
// only cells that start with = + - @.
#include <string_view>

namespace mb {

// True when the first character after any leading whitespace or control characters is = + - or @.
bool looksLikeFormula(std::string_view cell);
// The text of a guarded cell: drops the leading ' of a cell the exporters guarded; anything else unchanged.
std::string_view stripFormulaGuard(std::string_view text);

}  // namespace mb

#pragma once
// Numbers in the text the engine writes for people (import notes, reports, the CLI's tables): one way to
// group thousands and one way to print decimals, so a count or a rate reads the same everywhere.
#include <cstdint>
#include <string>

namespace mb {

// "1,234,567", "-1,234".
std::string withThousands(int64_t n);
// v with this many decimals ("12.50"), with a leading sign when asked ("+0.20", "-1.00"); "n/a" when v is
// not a finite number.
std::string fixedDecimals(double v, int decimals, bool sign = false);
// Money and other amounts as people read them: thousands grouped, this many decimals ("1,234,567.50",
// "-12.00"); "n/a" when v is not a finite number. Exact at any magnitude (no trip through an integer).
std::string groupedDecimals(double v, int decimals);

}  // namespace mb

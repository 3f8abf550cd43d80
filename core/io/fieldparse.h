#pragma once
// Field-level conversions shared by every format parser, so "12,50", ".5" or "TRUE" mean the same
// whichever platform wrote them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mb {

// A decimal: optional sign, digits with "." (or a lone "," as decimal comma), ".5", thousands
// separators "1,234.50", a leading currency symbol ($ £ €) or trailing one. Empty gives nullopt with ok.
bool parseDecimal(std::string_view text, double &out);
bool parseInteger(std::string_view text, int64_t &out);  // also accepts "12.0"
// true/false, yes/no, 1/0, in stock / out of stock ... as a platform writes them.
std::optional<bool> parseBool(std::string_view text);

// Timestamps as the platforms write them: "2011-12-09 12:50:00", "2023-05-31 23:06:05 -0700",
// ISO 8601 with T and Z or an offset, "2011-12-09", "12/1/2010 8:26" (US month first).
// Returns false when the text is none of these; seconds are UTC, offset is what the text said.
bool parseTimestamp(std::string_view text, int64_t &secondsUtc, int32_t &offsetMinutes);

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d);

}  // namespace mb

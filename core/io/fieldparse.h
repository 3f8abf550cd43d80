#pragma once
// Field-level conversions shared by every format parser, so "12,50", ".5" or "TRUE" mean the same
// whichever platform wrote them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mb {

// A decimal: optional sign, digits with "." (or a lone "," as decimal comma), ".5", thousands
// separators in groups of three "1,234.50" / "1.234,50" / "1 234,5" (never "1,2,3"), a leading currency
// symbol ($ £ €) or trailing one. With decimalComma (a `;` file's locale) a lone comma is always the
// decimal mark: "2,550" is 2.55 there, 2550 elsewhere. Empty gives false.
// ASCII case folding for the platforms' keywords (statuses, tags, types): never locale-dependent.
std::string asciiLower(std::string_view text);
bool equalsIgnoringCase(std::string_view a, std::string_view b);

bool parseDecimal(std::string_view text, double &out, bool decimalComma = false);
// Whole numbers, also written "12.0"; written so, false from ±2^53 on (plain digits: within int64).
bool parseInteger(std::string_view text, int64_t &out);
// 2^53: below it every whole number is a double and no other text rounds to it; from it on, "2^53 + 1" reads
// as 2^53 and the text's value would change unseen.
constexpr double kMaxExactInteger = 9007199254740992.0;
// true/false, yes/no, 1/0, in stock / out of stock ... as a platform writes them.
std::optional<bool> parseBool(std::string_view text);

// Timestamps as the platforms write them: "2011-12-09 12:50:00", "2023-05-31 23:06:05 -0700",
// ISO 8601 with T and Z or an offset, "2011-12-09", "12/1/2010 8:26" (US month first).
// Returns false when the text is none of these, or its UTC offset is past ±14:00 (or has minutes past 59);
// seconds are UTC, offset is what the text said.
bool parseTimestamp(std::string_view text, int64_t &secondsUtc, int32_t &offsetMinutes);
constexpr int kMaxUtcOffsetMinutes = 14 * 60;  // Kiribati, UTC+14:00, is the furthest any zone goes

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d);

// Exactly YYYY-MM-DD, a real calendar day -> days since 1970-01-01; nullopt otherwise. For a day a user types
// (an option, a request field): "2011-9-1" or a trailing time is an error to report, not a guess to make.
std::optional<int32_t> parseIsoDate(std::string_view text);

}  // namespace mb

#pragma once
// Calendar arithmetic on day numbers (days since 1970-01-01), so bucketing half a million orders needs
// no QDate and no time-zone database: each order already carries the offset its store recorded.
#include <cstdint>
#include <string>

namespace mb::kpicalendar {

struct Civil { int64_t year; unsigned month; unsigned day; };

int64_t floorDiv(int64_t a, int64_t b);
Civil civilFromDays(int64_t day);
int64_t localDay(int64_t utcSeconds, int32_t offsetMinutes);
int64_t weekStart(int64_t day);      // the Monday on or before `day`
int64_t monthStart(int64_t day);
int64_t nextMonthStart(int64_t day);
int64_t monthIndex(int64_t day);     // year * 12 + month - 1
std::string isoDate(int64_t day);    // "2011-12-09"
std::string monthLabel(int64_t day); // "2011-12"
// "2011-12-09" (also with a time after it) -> day; false when it is not a date.
bool parseIsoDay(const std::string &text, int64_t &day);

}  // namespace mb::kpicalendar

#pragma once
// Calendar arithmetic for the demo history: which days it covers, month and weekday of a day (for the
// seasonal and weekly patterns) and the Central European offset the shop's customers order in.
#include <cstdint>

namespace mb::demo {

struct CivilDate {
    int64_t year;
    unsigned month, day;
};

CivilDate civilFromDays(int64_t days);  // days since 1970-01-01, proleptic Gregorian
int weekdayOf(int64_t days);            // 0 = Sunday ... 6 = Saturday

// Days since the epoch of the first and the last day of a history of `months` months ending on the day
// of `endDate` (UTC seconds): 12 months to 2026-10-31 run from 2025-11-01.
struct DemoDays {
    int64_t first = 0, last = 0;
};
DemoDays demoDays(int months, int64_t endDate);

// UTC offset in minutes of Central European (Summer) Time at a local day and hour: +120 from the last
// Sunday of March 02:00 to the last Sunday of October 03:00, else +60.
int32_t centralEuropeanOffset(int64_t localDay, int localHour);

}  // namespace mb::demo

#include "core/demo/democalendar.h"

#include "core/io/fieldparse.h"

#include <algorithm>

namespace mb::demo {

CivilDate civilFromDays(int64_t days)
{
    // Howard Hinnant's civil_from_days, the inverse of daysFromCivil.
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const unsigned d = unsigned(doy - (153 * mp + 2) / 5 + 1);
    const unsigned m = unsigned(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

int weekdayOf(int64_t days)
{
    // 1970-01-01 was a Thursday.
    return int(((days % 7) + 11) % 7);
}

namespace {

int64_t floorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

unsigned daysInMonth(int64_t y, unsigned m)
{
    const int64_t next = m == 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
    return unsigned(next - daysFromCivil(y, m, 1));
}

int64_t lastSunday(int64_t year, unsigned month)
{
    const int64_t last = daysFromCivil(year, month, daysInMonth(year, month));
    return last - weekdayOf(last);
}

}  // namespace

DemoDays demoDays(int months, int64_t endDate)
{
    const int64_t last = floorDiv(endDate, 86400);
    const CivilDate end = civilFromDays(last);
    // Same day `months` months back (clamped to that month's length), then the day after it.
    const int64_t monthIndex = end.year * 12 + (end.month - 1) - months;
    const int64_t y = floorDiv(monthIndex, 12);
    const unsigned m = unsigned(monthIndex - y * 12) + 1;
    const unsigned d = std::min(end.day, daysInMonth(y, m));
    return {daysFromCivil(y, m, d) + 1, last};
}

int32_t centralEuropeanOffset(int64_t localDay, int localHour)
{
    const int64_t year = civilFromDays(localDay).year;
    const int64_t start = lastSunday(year, 3), end = lastSunday(year, 10);
    if (localDay == start)
        return localHour >= 2 ? 120 : 60;
    if (localDay == end)
        return localHour < 3 ? 120 : 60;
    return localDay > start && localDay < end ? 120 : 60;
}

}  // namespace mb::demo

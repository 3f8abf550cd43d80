#include "core/kpi/kpicalendar.h"

#include "core/io/fieldparse.h"

#include <cstdio>

namespace mb::kpicalendar {

int64_t floorDiv(int64_t a, int64_t b)
{
    const int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Howard Hinnant's civil_from_days.
Civil civilFromDays(int64_t z)
{
    z += 719468;
    const int64_t era = floorDiv(z, 146097);
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {m <= 2 ? y + 1 : y, m, d};
}

int64_t localDay(int64_t utcSeconds, int32_t offsetMinutes)
{
    return floorDiv(utcSeconds + int64_t(offsetMinutes) * 60, 86400);
}

int64_t weekStart(int64_t day)
{
    // 1970-01-01 was a Thursday: day + 3 is 0 on Mondays (mod 7).
    return day - (((day + 3) % 7) + 7) % 7;
}

int64_t monthStart(int64_t day)
{
    const Civil c = civilFromDays(day);
    return daysFromCivil(c.year, c.month, 1);
}

int64_t nextMonthStart(int64_t day)
{
    const Civil c = civilFromDays(day);
    return c.month == 12 ? daysFromCivil(c.year + 1, 1, 1) : daysFromCivil(c.year, c.month + 1, 1);
}

int64_t monthIndex(int64_t day)
{
    const Civil c = civilFromDays(day);
    return c.year * 12 + int64_t(c.month) - 1;
}

std::string isoDate(int64_t day)
{
    const Civil c = civilFromDays(day);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month, c.day);
    return buf;
}

std::string monthLabel(int64_t day) { return isoDate(day).substr(0, 7); }

bool parseIsoDay(const std::string &text, int64_t &day)
{
    int64_t seconds = 0;
    int32_t offset = 0;
    if (!parseTimestamp(text, seconds, offset)) return false;
    day = localDay(seconds, offset);
    return true;
}

}  // namespace mb::kpicalendar

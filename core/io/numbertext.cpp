#include "core/io/numbertext.h"

#include <cmath>
#include <cstdio>

namespace mb {

std::string withThousands(int64_t n)
{
    // The magnitude as unsigned: -INT64_MIN does not fit an int64_t.
    const uint64_t magnitude = n < 0 ? uint64_t(0) - uint64_t(n) : uint64_t(n);
    const std::string digits = std::to_string(magnitude);
    std::string s;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) s += ',';
        s += digits[i];
    }
    return n < 0 ? "-" + s : s;
}

std::string fixedDecimals(double v, int decimals, bool sign)
{
    if (!std::isfinite(v)) return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, sign ? "%+.*f" : "%.*f", decimals, v);
    return buf;
}

}  // namespace mb

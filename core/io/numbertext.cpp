#include "core/io/numbertext.h"

#include <algorithm>
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
    // Sized by a first pass: a fixed buffer cut large values short (1e80 has 81 digits before the point).
    const char *format = sign ? "%+.*f" : "%.*f";
    const int n = std::snprintf(nullptr, 0, format, decimals, v);
    std::string s(size_t(std::max(n, 0)), '\0');
    std::snprintf(s.data(), s.size() + 1, format, decimals, v);
    return s;
}

std::string groupedDecimals(double v, int decimals)
{
    std::string s = fixedDecimals(v, decimals);
    if (!std::isfinite(v)) return s;
    const size_t first = s[0] == '-' ? 1 : 0;
    const size_t point = std::min(s.find('.'), s.size());
    for (size_t i = point; i > first + 3; i -= 3) s.insert(i - 3, 1, ',');
    return s;
}

}  // namespace mb

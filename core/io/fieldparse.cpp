#include "core/io/fieldparse.h"

#include "core/io/csvreader.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

namespace mb {

static std::string_view stripCurrency(std::string_view s)
{
    auto dropPrefix = [&](std::string_view sym) {
        if (s.substr(0, sym.size()) == sym) { s.remove_prefix(sym.size()); s = trimmed(s); return true; }
        return false;
    };
    auto dropSuffix = [&](std::string_view sym) {
        if (s.size() >= sym.size() && s.substr(s.size() - sym.size()) == sym) {
            s.remove_suffix(sym.size());
            s = trimmed(s);
            return true;
        }
        return false;
    };
    for (auto sym : {"$", "\xC2\xA3", "\xE2\x82\xAC"}) dropPrefix(sym) || dropSuffix(sym);
    return s;
}

bool parseDecimal(std::string_view text, double &out)
{
    std::string_view s = stripCurrency(trimmed(stripFormulaGuard(trimmed(text))));
    if (s.empty()) return false;
    bool negative = false;
    if (s.front() == '-' || s.front() == '+') {
        negative = s.front() == '-';
        s.remove_prefix(1);
        s = stripCurrency(s);  // "-$5.00"
    }
    if (s.empty()) return false;
    // The fast path covers almost every cell: plain digits with an optional '.'.
    bool plain = true;
    for (char c : s)
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.')) { plain = false; break; }
    std::string buf;
    std::string_view num = s;
    if (!plain) {
        const auto comma = s.find(',');
        const auto dot = s.find('.');
        buf.reserve(s.size());
        if (comma != std::string_view::npos && dot == std::string_view::npos && s.find(',', comma + 1) == std::string_view::npos
            && s.size() - comma - 1 != 3) {
            // One comma not followed by exactly three digits: a decimal comma ("12,5").
            for (char c : s) buf.push_back(c == ',' ? '.' : c);
        } else {
            // Thousands separators: "1,234.50" or "1 234.50".
            for (char c : s)
                if (c != ',' && c != ' ' && c != '\'') buf.push_back(c);
        }
        num = buf;
        for (char c : num)
            if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.')) return false;
    }
    if (num == ".") return false;
    double v = 0;
    auto [ptr, ec] = std::from_chars(num.data(), num.data() + num.size(), v);
    if (ec != std::errc() || ptr != num.data() + num.size()) return false;
    out = negative ? -v : v;
    return true;
}

bool parseInteger(std::string_view text, int64_t &out)
{
    std::string_view s = trimmed(stripFormulaGuard(trimmed(text)));
    if (s.empty()) return false;
    int64_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data() + (s.front() == '+' ? 1 : 0), s.data() + s.size(), v);
    if (ec == std::errc() && ptr == s.data() + s.size()) { out = v; return true; }
    double d = 0;
    // "12.0" is a whole number; one beyond int64_t's range is not (casting it would be undefined: UBSan,
    // found by bundlecsv_fuzz with a 109-digit quantity).
    if (parseDecimal(s, d) && d >= -0x1p63 && d < 0x1p63 && d == std::trunc(d)) { out = int64_t(d); return true; }
    return false;
}

std::optional<bool> parseBool(std::string_view text)
{
    std::string s(trimmed(text));
    for (char &c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (s == "1" || s == "true" || s == "yes" || s == "y" || s == "instock" || s == "in stock") return true;
    if (s == "0" || s == "false" || s == "no" || s == "n" || s == "outofstock" || s == "out of stock" || s == "-1")
        return false;
    return std::nullopt;
}

std::string_view stripFormulaGuard(std::string_view text)
{
    if (text.size() >= 2 && text[0] == '\'' && (text[1] == '=' || text[1] == '+' || text[1] == '-' || text[1] == '@'))
        text.remove_prefix(1);
    return text;
}

int64_t daysFromCivil(int64_t y, unsigned m, unsigned d)
{
    // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar, no tables, no locale.
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int64_t(doe) - 719468;
}

namespace {
struct Cursor {
    std::string_view s;
    size_t i = 0;
    bool digits(int minN, int maxN, int &out)
    {
        int v = 0, k = 0;
        while (i < s.size() && k < maxN && std::isdigit(static_cast<unsigned char>(s[i]))) { v = v * 10 + (s[i] - '0'); ++i; ++k; }
        out = v;
        return k >= minN;
    }
    bool accept(char c) { if (i < s.size() && s[i] == c) { ++i; return true; } return false; }
    bool done() const { return i >= s.size(); }
};
}  // namespace

bool parseTimestamp(std::string_view text, int64_t &secondsUtc, int32_t &offsetMinutes)
{
    Cursor c{trimmed(text)};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    offsetMinutes = 0;
    if (c.s.size() >= 8 && c.s[4] == '-') {
        if (!c.digits(4, 4, y) || !c.accept('-') || !c.digits(1, 2, mo) || !c.accept('-') || !c.digits(1, 2, d)) return false;
    } else {
        // US style as spreadsheets write it: month/day/year.
        if (!c.digits(1, 2, mo) || !c.accept('/') || !c.digits(1, 2, d) || !c.accept('/') || !c.digits(2, 4, y)) return false;
        if (y < 100) y += 2000;
    }
    if (!c.done()) {
        if (!c.accept('T') && !c.accept(' ')) return false;
        if (!c.digits(1, 2, h) || !c.accept(':') || !c.digits(2, 2, mi)) return false;
        if (c.accept(':')) {
            if (!c.digits(2, 2, se)) return false;
            if (c.accept('.')) { int frac; c.digits(1, 9, frac); }
        }
        c.accept(' ');
        if (c.accept('Z')) {
        } else if (!c.done() && (c.s[c.i] == '+' || c.s[c.i] == '-')) {
            const bool neg = c.s[c.i] == '-';
            ++c.i;
            int oh = 0, om = 0;
            if (!c.digits(2, 2, oh)) return false;
            c.accept(':');
            if (!c.done() && !c.digits(2, 2, om)) return false;
            offsetMinutes = (neg ? -1 : 1) * (oh * 60 + om);
        } else if (c.s.substr(c.i) == "UTC" || c.s.substr(c.i) == "GMT") {
            c.i = c.s.size();
        }
        if (!c.done()) return false;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return false;
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d > mdays[mo - 1]) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo == 2 && d == 29 && !leap) return false;
    const int64_t days = daysFromCivil(y, unsigned(mo), unsigned(d));
    secondsUtc = days * 86400 + h * 3600 + mi * 60 + se - int64_t(offsetMinutes) * 60;
    return true;
}

}  // namespace mb

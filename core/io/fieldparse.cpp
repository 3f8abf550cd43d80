#include "core/io/fieldparse.h"

#include <algorithm>

#include "core/io/csvreader.h"
#include "core/io/formulaguard.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

namespace mb {

std::string asciiLower(std::string_view text)
{
    std::string out(text);
    for (char &c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

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

// The digits of a number written with a decimal mark and thousands separators, as "1234.5" for from_chars.
// The mark is whichever of ',' and '.' comes last when both are there ("1,234.50", "1.234,50"); a lone comma
// is the mark in a decimal-comma file ("2,550" is 2.55 there) and elsewhere unless exactly three digits
// follow it ("12,5" but "1,234"). Separators (',' '.' blank ') must split the whole part into groups of
// three after a first group of one to three digits, all with the same separator: "1,2,3" is not 123.
static bool ungroup(std::string_view s, bool decimalComma, std::string &out)
{
    const size_t comma = s.rfind(','), dot = s.rfind('.');
    size_t mark = std::string_view::npos;
    if (comma != std::string_view::npos && dot != std::string_view::npos) mark = std::max(comma, dot);
    else if (dot != std::string_view::npos) mark = s.find('.') == dot ? dot : std::string_view::npos;
    else if (comma != std::string_view::npos && s.find(',') == comma && (decimalComma || s.size() - comma - 1 != 3))
        mark = comma;
    const std::string_view whole = s.substr(0, mark);
    const std::string_view fraction = mark == std::string_view::npos ? std::string_view() : s.substr(mark + 1);
    out.clear();
    char separator = 0;
    size_t group = 0;  // digits since the last separator
    bool grouped = false;
    for (char c : whole) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            out.push_back(c);
            ++group;
            continue;
        }
        if (c != ',' && c != '.' && c != ' ' && c != '\'') return false;
        if ((separator && c != separator) || group == 0 || group > 3 || (grouped && group != 3)) return false;
        separator = c;
        grouped = true;
        group = 0;
    }
    if (grouped && group != 3) return false;
    if (mark == std::string_view::npos) return !out.empty();
    out.push_back('.');
    for (char c : fraction) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        out.push_back(c);
    }
    return out.size() > 1;
}

bool parseDecimal(std::string_view text, double &out, bool decimalComma)
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
        if (!ungroup(s, decimalComma, buf)) return false;
        num = buf;
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
    // "12.0" as spreadsheets write whole numbers. From 2^53 on a double no longer tells "...993.0" from
    // "...992.0", so the value would change unseen (and past 2^63 the conversion is undefined): refused.
    double d = 0;
    if (parseDecimal(s, d) && std::fabs(d) < kMaxExactInteger && d == std::floor(d)) { out = int64_t(d); return true; }
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
            // Real zones run from -12:00 to +14:00; anything past ±14:00 or a minute past 59 is a typo, and
            // would move the order by up to four days.
            if (om > 59 || oh * 60 + om > kMaxUtcOffsetMinutes) return false;
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

std::optional<int32_t> parseIsoDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    auto num = [&](size_t from, size_t n) {
        int v = 0;
        for (size_t i = from; i < from + n; ++i) v = v * 10 + (text[i] - '0');
        return v;
    };
    const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (m < 1 || m > 12 || d < 1) return std::nullopt;
    static const int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > monthDays[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
    return int32_t(daysFromCivil(y, unsigned(m), unsigned(d)));
}

}  // namespace mb

#include "core/io/woocommercerules.h"

#include "core/io/categorypath.h"
#include "core/io/csvreader.h"
#include "core/io/fieldparse.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace mb::woo {

namespace {

std::string lower(std::string_view s) { return asciiLower(trimmed(s)); }

bool digits(std::string_view s, size_t from, size_t n)
{
    for (size_t i = from; i < from + n; ++i)
        if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

}  // namespace

std::string productType(std::string_view typeCell)
{
    for (const std::string &t : splitEscapedList(lower(typeCell), ','))
        if (t != "virtual" && t != "downloadable" && !t.empty()) return t;
    return "simple";
}

std::string unavailableReason(std::string_view published, std::string_view visibility, bool variation)
{
    // parse_published_field(): "true"/"false" are accepted too (false is a draft); anything else is a number.
    const std::string p = lower(published);
    if (p == "0") return "private in WooCommerce (Published 0)";
    if ((p == "-1" || p == "false") && !variation) return "draft or pending in WooCommerce (Published " + std::string(trimmed(published)) + ")";
    const std::string v = lower(visibility);
    if (v == "hidden") return "hidden in WooCommerce (Visibility in catalog: hidden)";
    if (v == "search") return "shown only in search results in WooCommerce (Visibility in catalog: search)";
    return {};
}

std::string stockStatus(std::string_view inStockCell)
{
    const std::string s = lower(inStockCell);
    if (s == "backorder" || s == "onbackorder") return "onbackorder";
    if (s.empty()) return {};
    const std::optional<bool> b = parseBool(s);
    if (!b) return {};
    return *b ? "instock" : "outofstock";
}

std::string saleDate(std::string_view cell)
{
    const std::string_view s = trimmed(cell);
    // parse_date_field(): ^YYYY-(01..12)-(01..31) followed only by digits, spaces and colons.
    if (s.size() < 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2)) return {};
    const int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) return {};
    for (size_t i = 10; i < s.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i])) && s[i] != ' ' && s[i] != ':') return {};
    return std::string(s.substr(0, 10));
}

bool saleApplies(const std::string &from, const std::string &to, const std::string &today)
{
    // ISO dates compare as text.
    if (!from.empty() && today < from) return false;
    if (!to.empty() && today > to) return false;
    return true;
}

std::string todayUtc()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[40];  // room for any int, so the compiler sees no truncation
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return buf;
}

}  // namespace mb::woo

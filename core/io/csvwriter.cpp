#include "core/io/csvwriter.h"

#include "core/io/formulaguard.h"

#include <charconv>

namespace mb {

std::string csvField(std::string_view value, bool neutraliseFormulas)
{
    std::string s(value);
    if (neutraliseFormulas && looksLikeFormula(s)) s.insert(s.begin(), '\'');
    if (s.find_first_of(",\"\r\n;\t") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    q += '"';
    return q;
}

void appendCsvRow(std::string &out, const std::vector<std::string> &fields) { appendCsvRow(out, fields, {}); }

void appendCsvRow(std::string &out, const std::vector<std::string> &fields, const std::vector<bool> &numeric)
{
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csvField(fields[i], !(i < numeric.size() && numeric[i]));
    }
    out += '\n';
}

std::string csvNumber(double v)
{
    // Always fixed notation, the shortest that reads back to the same double: spreadsheets and the platforms'
    // importers (and our own parseDecimal) take "1200000", not "1.2e+06". The buffer fits any double
    // written out in full (309 integer digits, or 324 decimals of the smallest subnormal).
    char buf[400];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    return ec == std::errc() ? std::string(buf, p) : std::string();
}

}  // namespace mb

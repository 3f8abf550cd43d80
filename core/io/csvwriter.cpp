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
    char buf[32];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, p) : std::string();
}

}  // namespace mb

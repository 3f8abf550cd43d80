#include "core/io/csvwriter.h"

#include <charconv>

namespace mb {

std::string csvField(std::string_view value, bool neutraliseFormulas)
{
    std::string s(value);
    if (neutraliseFormulas && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@'))
        s.insert(s.begin(), '\'');
    if (s.find_first_of(",\"\r\n;\t") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    q += '"';
    return q;
}

void appendCsvRow(std::string &out, const std::vector<std::string> &fields, bool neutraliseFormulas)
{
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csvField(fields[i], neutraliseFormulas);
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

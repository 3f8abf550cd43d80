#include "core/io/recordscreen.h"
#include "core/io/orderformatparsers.h"

#include <cstdio>

namespace mb {

namespace {

std::string columnName(const CsvHeader &header, size_t field)
{
    if (field < header.size() && !header.name(int(field)).empty()) return header.name(int(field));
    return "field " + std::to_string(field + 1);  // a header-less basket file, or a row longer than the header
}

std::string grouped(size_t n) { return orderparse::withThousands(int64_t(n)); }

// The value as a reject report can show it: bad bytes as U+FFFD, at most about 60 bytes, never cut inside
// a character.
std::string shown(std::string_view field)
{
    std::string out;
    size_t i = 0;
    while (i < field.size() && out.size() < 60) {
        const int len = utf8Length(field.data() + i, field.size() - i);
        if (len == 0) out += "\xEF\xBF\xBD";
        else out.append(field.substr(i, size_t(len)));
        i += len == 0 ? 1 : size_t(len);
    }
    if (i < field.size()) out += "…";
    return out;
}

}  // namespace

std::optional<Reject> RecordScreen::check(const CsvRecord &r, const CsvHeader &header)
{
    // A record no longer than the limit cannot hold a field over it: only long records are looked into.
    if (r.end - r.begin > kMaxFieldBytes) {
        for (size_t i = 0; i < r.fields.size(); ++i)
            if (r.fields[i].size() > kMaxFieldBytes)
                return Reject{r.line, columnName(header, i), shown(r.fields[i]),
                              "expected at most 64 KiB (" + grouped(kMaxFieldBytes) + " bytes) in a field, found "
                                  + grouped(r.fields[i].size()) + " bytes (a quote left open, or not an export?)"};
    }
    while (next_ < invalid_.size() && invalid_[next_] < r.begin) ++next_;
    if (next_ == invalid_.size() || invalid_[next_] >= r.end) return std::nullopt;
    for (size_t i = 0; i < r.fields.size(); ++i) {
        const std::string_view f = r.fields[i];
        const Utf8Scan scan = scanUtf8(f.data(), f.size());
        if (scan.invalid.empty()) continue;
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", unsigned(static_cast<unsigned char>(f[scan.invalid.front()])));
        return Reject{r.line, columnName(header, i), shown(f),
                      std::string("byte ") + byte + " is not valid UTF-8, in a file that otherwise is: expected UTF-8 "
                      "text (save the file as UTF-8 and import it again)"};
    }
    return std::nullopt;  // the bad byte sits outside every field (in a quote or a line break): nothing read holds it
}

}  // namespace mb

#include "core/io/exports/exportdata.h"

#include <cctype>

namespace mb {

namespace {

std::string slug(const std::string &s)
{
    std::string out;
    bool dash = false;
    for (unsigned char c : s) {
        if (std::isalnum(c)) {
            if (dash && !out.empty()) out += '-';
            out += char(std::toupper(c));
            dash = false;
        } else {
            dash = true;
        }
    }
    return out;
}

}  // namespace

std::string counted(size_t n, const char *one, const char *many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string bundleTierSku(const std::string &bundle, const std::string &tier) { return "BUNDLE-" + slug(bundle) + "-" + slug(tier); }

}  // namespace mb

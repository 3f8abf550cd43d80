#include "core/warehouse/skulist.h"

namespace mb {

bool readSkuList(std::string_view data, const std::string &path, std::vector<std::string> &out, std::string &error)
{
    std::vector<std::string> skus;
    size_t line = 0;
    for (size_t start = 0; start < data.size();) {
        // LF, CR LF or a lone CR (old Mac files) ends a line, so no SKU holds a line break.
        size_t end = data.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = data.size();
        ++line;
        std::string_view sku = data.substr(start, end - start);
        start = end + (end + 1 < data.size() && data[end] == '\r' && data[end + 1] == '\n' ? 2 : 1);
        const size_t b = sku.find_first_not_of(" \t"), e = sku.find_last_not_of(" \t");
        if (b == std::string_view::npos) continue;
        sku = sku.substr(b, e - b + 1);
        if (sku.find('\0') != std::string_view::npos) {
            error = path + ":" + std::to_string(line) + ": the line holds a NUL byte; expected one SKU a line as text";
            return false;
        }
        skus.emplace_back(sku);
    }
    out.insert(out.end(), skus.begin(), skus.end());
    return true;
}

}  // namespace mb

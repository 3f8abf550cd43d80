#include "core/io/categorypath.h"

#include "core/io/csvreader.h"

#include <cctype>

namespace mb {

static bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

std::string normaliseCategoryPath(std::string_view path)
{
    const char sep = path.find('>') != std::string_view::npos ? '>' : '/';
    std::string out;
    bool first = true;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find(sep, start);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view segment = trimmed(path.substr(start, end - start));
        start = end + 1;
        if (segment.empty()) continue;
        // Magento's root category is the tree itself, not a category anyone merchandises.
        if (first && equalsIgnoreCase(segment, "Default Category")) continue;
        if (!first) out += " > ";
        out.append(segment);
        first = false;
    }
    return out;
}

int categoryDepth(std::string_view normalisedPath)
{
    if (normalisedPath.empty()) return 0;
    int depth = 1;
    for (size_t p = normalisedPath.find(" > "); p != std::string_view::npos; p = normalisedPath.find(" > ", p + 3)) ++depth;
    return depth;
}

std::vector<std::string> splitEscapedList(std::string_view cell, char separator)
{
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        const std::string_view t = trimmed(current);
        if (!t.empty()) out.emplace_back(t);
        current.clear();
    };
    for (size_t i = 0; i < cell.size(); ++i) {
        const char c = cell[i];
        if (c == '\\' && i + 1 < cell.size() && cell[i + 1] == separator) {
            current.push_back(separator);
            ++i;
        } else if (c == separator) {
            flush();
        } else {
            current.push_back(c);
        }
    }
    flush();
    return out;
}

std::string deepestCategoryPath(std::string_view cell, char separator)
{
    std::string best;
    int bestDepth = 0;
    for (const std::string &token : splitEscapedList(cell, separator)) {
        std::string path = normaliseCategoryPath(token);
        const int depth = categoryDepth(path);
        if (depth > bestDepth) {
            bestDepth = depth;
            best = std::move(path);
        }
    }
    return best;
}

}  // namespace mb

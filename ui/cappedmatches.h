#pragma once
// What a picker lists for typed text (the preview's product picker, the Orders customer chooser): the items
// whose key starts with the text first, in their order, then those holding it elsewhere; at most `cap` of
// them, `truncated` when there were more. Plain loops over the snapshot (a few milliseconds for 300,000
// items), so the picker filters as the user types.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mb {

template <class StartsWith, class Contains>
std::vector<uint32_t> cappedMatches(size_t count, size_t cap, StartsWith startsWith, Contains contains, bool &truncated)
{
    std::vector<uint32_t> rows, inside;
    truncated = false;
    for (size_t i = 0; i < count; ++i) {
        if (startsWith(i)) {
            if (rows.size() == cap) {
                truncated = true;
                return rows;
            }
            rows.push_back(uint32_t(i));
        } else if (inside.size() <= cap && contains(i)) {
            inside.push_back(uint32_t(i));
        }
    }
    for (uint32_t i : inside) {
        if (rows.size() == cap) {
            truncated = true;
            break;
        }
        rows.push_back(i);
    }
    return rows;
}

}  // namespace mb

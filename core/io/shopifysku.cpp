#include "core/io/shopifysku.h"

namespace mb {

std::string_view shopifySku(std::string_view cell)
{
    // Only one: a second apostrophe would be the merchant's own text, not the exporter's guard.
    if (cell.size() >= 2 && cell.front() == '\'' && cell[1] != '\'') cell.remove_prefix(1);
    return cell;
}

}  // namespace mb

#include "core/io/formulaguard.h"

namespace mb {

bool looksLikeFormula(std::string_view cell)
{
    size_t i = 0;
    // Bytes up to space and DEL: TAB, CR, LF, space and the other controls a spreadsheet skips or keeps invisible.
    while (i < cell.size() && (static_cast<unsigned char>(cell[i]) <= 0x20 || cell[i] == 0x7F)) ++i;
    return i < cell.size() && (cell[i] == '=' || cell[i] == '+' || cell[i] == '-' || cell[i] == '@');
}

std::string_view stripFormulaGuard(std::string_view text)
{
    if (!text.empty() && text[0] == '\'' && looksLikeFormula(text.substr(1))) text.remove_prefix(1);
    return text;
}

}  // namespace mb

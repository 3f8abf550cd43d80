#pragma once
// The SKU a reject names, so that whoever reads the reject report can find the product a refused row was
// about. Every parser records its rejects through one of the few recorders (the catalog Context, the
// order parsers' RowRejects, the event reader), and each of them asks RejectSku; the 40-odd places that
// refuse a cell only say which cell and why.
#include "core/io/csvreader.h"

#include <string>
#include <string_view>

namespace mb {

struct RejectSku {
    // The format's SKU column in the header; -1 when a row has no one SKU (basket files hold many).
    int column = -1;
    // The format's SKU rule over the raw cell (Shopify's apostrophe, the formula guard, trimming), so the
    // report names the product as the workspace knows it; plain trimming when null.
    std::string_view (*rule)(std::string_view cell) = nullptr;

    // The SKU of `record` for a reject of its column `rejectColumn` (-1: the whole row). Empty when the row
    // has none (no SKU column, an empty cell), when the SKU itself is the problem (the reject is about its
    // cell), when the row's cells cannot be trusted to sit where the header says (a quote left open, a
    // field count other than `columns`), or when the cell is not text the report can show (not UTF-8, or
    // larger than any field an import accepts).
    std::string of(const CsvRecord &record, size_t columns, int rejectColumn) const;
};

}  // namespace mb

#include "ui/import/fieldguess.h"

#include "core/io/csvreader.h"
#include "core/io/fieldaliases.h"

#include <utility>
#include <vector>

namespace mb {

namespace {
// The Shopify orders export's own column names (fixed by Shopify, read by core/io/shopifyorders.cpp): the
// generic aliases do not include them, because "Name" in any other file is no order number.
const std::vector<std::pair<const char *, const char *>> &shopifyOrderColumns()
{
    static const std::vector<std::pair<const char *, const char *>> c{
        {"name", "order_id"},         {"lineitem sku", "sku"},          {"lineitem quantity", "quantity"},
        {"lineitem price", "unit_price"}, {"created at", "ordered_at"}, {"lineitem name", "description"},
        {"billing country", "country"}, {"shipping country", "country"},
    };
    return c;
}
}  // namespace

std::string guessField(ImportKind kind, const std::string &columnName)
{
    if (std::string field = fieldForColumn(kind, columnName); !field.empty()) return field;
    if (kind == ImportKind::Orders) {
        const std::string n = CsvHeader::normalise(columnName);
        for (const auto &[column, field] : shopifyOrderColumns())
            if (n == column) return field;
    }
    return {};
}

}  // namespace mb

#include "core/io/rejectsku.h"

#include "core/io/recordscreen.h"
#include "core/io/textfile.h"

namespace mb {

std::string RejectSku::of(const CsvRecord &record, size_t columns, int rejectColumn) const
{
    if (column < 0 || rejectColumn == column || record.unterminatedQuote || record.fields.size() != columns
        || size_t(column) >= record.fields.size())
        return {};
    const std::string_view cell = record.fields[size_t(column)];
    if (cell.size() > kMaxFieldBytes || !isValidUtf8(cell.data(), cell.size())) return {};
    return std::string(rule ? rule(cell) : trimmed(cell));
}

}  // namespace mb

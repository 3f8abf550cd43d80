#include "ui/import/fieldguess.h"

#include "core/io/csvreader.h"

#include <utility>
#include <vector>

namespace mb {

namespace {
using Aliases = std::vector<std::pair<const char *, std::vector<const char *>>>;

// Kept in step with the parsers' alias lists (core/io/catalogparser.cpp, linesorders.cpp, shopifyorders.cpp).
const Aliases &catalogAliases()
{
    static const Aliases a{
        {"sku", {"sku", "variant sku", "stockcode", "item"}},
        {"title", {"title", "name", "description"}},
        {"category", {"category", "categories", "type", "product category"}},
        {"brand", {"brand", "vendor", "brands"}},
        {"price", {"price", "regular price", "variant price", "unitprice"}},
        {"cost", {"cost", "cost per item"}},
        {"stock", {"stock", "qty", "variant inventory qty"}},
        {"family", {"family"}},
    };
    return a;
}

const Aliases &orderAliases()
{
    static const Aliases a{
        {"order_id", {"order_id", "order", "invoiceno", "order id", "order_number", "name"}},
        {"sku", {"sku", "stockcode", "product_sku", "lineitem sku"}},
        {"quantity", {"quantity", "qty", "lineitem quantity"}},
        {"unit_price", {"unit_price", "price", "unitprice", "lineitem price"}},
        {"ordered_at", {"ordered_at", "date", "invoicedate", "created_at", "order_date", "created at"}},
        {"customer_id", {"customer_id", "customer", "customerid", "email"}},
        {"description", {"description", "product_name", "lineitem name"}},
        {"country", {"country", "billing country", "shipping country"}},
    };
    return a;
}
}  // namespace

std::string guessField(ImportKind kind, const std::string &columnName)
{
    const std::string n = CsvHeader::normalise(columnName);
    for (const auto &[field, aliases] : kind == ImportKind::Catalog ? catalogAliases() : orderAliases())
        for (const char *alias : aliases)
            if (n == alias) return field;
    return {};
}

}  // namespace mb

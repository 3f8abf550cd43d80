#include "core/io/fieldaliases.h"

#include "core/io/csvreader.h"

#include <utility>

namespace mb {

namespace {

using Table = std::vector<std::pair<std::string, std::vector<std::string>>>;

const Table &catalogTable()
{
    static const Table t{
        {"sku", {"sku", "Variant SKU", "StockCode", "Item"}},
        {"title", {"title", "Name", "Description"}},
        {"category", {"category", "Categories", "Type", "Product Category"}},
        {"brand", {"brand", "Vendor", "Brands"}},
        {"price", {"price", "Regular price", "Variant Price", "UnitPrice"}},
        {"cost", {"cost", "Cost per item"}},
        {"stock", {"stock", "qty", "Variant Inventory Qty", "Inventory quantity"}},
        {"family", {"family", "Handle", "URL handle"}},
    };
    return t;
}

const Table &orderTable()
{
    static const Table t{
        {"order_id", {"order_id", "order", "InvoiceNo", "Order ID", "order_number"}},
        {"sku", {"sku", "StockCode", "SKU", "product_sku"}},
        {"quantity", {"quantity", "qty", "Quantity"}},
        {"unit_price", {"unit_price", "price", "UnitPrice"}},
        {"ordered_at", {"ordered_at", "date", "InvoiceDate", "created_at", "order_date"}},
        {"customer_id", {"customer_id", "customer", "CustomerID", "email"}},
        {"description", {"description", "Description", "product_name"}},
        {"country", {"country", "Country"}},
        {"currency", {"currency"}},
    };
    return t;
}

const Table &table(ImportKind kind) { return kind == ImportKind::Catalog ? catalogTable() : orderTable(); }

}  // namespace

const std::vector<std::string> &fieldAliases(ImportKind kind, std::string_view field)
{
    static const std::vector<std::string> none;
    for (const auto &[name, aliases] : table(kind))
        if (name == field) return aliases;
    return none;
}

std::string fieldForColumn(ImportKind kind, std::string_view columnName)
{
    const std::string n = CsvHeader::normalise(columnName);
    for (const auto &[name, aliases] : table(kind))
        for (const std::string &a : aliases)
            if (CsvHeader::normalise(a) == n) return name;
    return {};
}

}  // namespace mb

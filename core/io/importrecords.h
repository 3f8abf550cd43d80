#pragma once
// The contract between the format parsers (core/io) and the workspace writer (core/storage).
// Plain std types: 541,909 order lines go through here, so no QString per field on the hot path.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mb {

enum class ImportKind { Catalog, Orders };

// One rejected cell or row: where it is, what was there, and what was expected.
struct Reject {
    Reject() = default;
    // The SKU last and optional: most readers' rejects (relations, bundles) have no one row SKU.
    Reject(int64_t atLine, std::string inColumn, std::string valueRead, std::string expected, std::string rowSku = {})
        : line(atLine), column(std::move(inColumn)), value(std::move(valueRead)), reason(std::move(expected)), sku(std::move(rowSku))
    {
    }
    int64_t line = 0;      // physical line in the file (1-based, the header is line 1)
    std::string column;    // header name of the offending field ("" for the whole row)
    std::string value;     // the offending value, as read
    std::string reason;    // what was expected
    std::string sku;       // the row's SKU as read ("" when it has none or the SKU is the problem; rejectsku.h)
};

struct ProductRecord {
    int64_t line = 0;
    std::string sku;       // unique key; case-sensitive (Online Retail has 85123A and 85123a)
    std::string title;
    std::string category;  // full path, "A > B" (parsers normalise "A/B" too)
    std::string brand;
    std::string family;    // variants / good-better-best ladder share it (Shopify handle, Woo parent)
    std::optional<double> price;
    std::optional<double> cost;
    std::optional<int64_t> stock;
    // What the store platform says about the product (docs/formats.md has the rules per platform). `price`
    // above is the selling price (the sale price while one applies); the two platform prices are kept too.
    std::string platform;       // format of the store file it came from: shopify, woocommerce, magento; "" otherwise
    std::string handle;         // the platform's key for the product a variant belongs to (Shopify handle, Woo parent)
    std::string platformId;     // the platform's own id for this row (WooCommerce ID, Shopify variant id), "" if none
    std::string productType;    // the platform's type (simple, variable, variation, grouped, bundle, configurable, ...)
    std::string productTitle;   // the parent product's title where the platform has one (Shopify: one per handle)
    std::string platformStatus; // as the platform wrote it (active, draft, archived, publish, private, 1, 2, ...)
    std::string unavailable;    // why the store does not sell it ("draft in Shopify", "hidden in WooCommerce"); "" if it does
    std::optional<double> regularPrice, salePrice;
    std::string stockStatus;    // instock, outofstock, onbackorder ("" when the file does not say)
};

// A product-to-product link carried by a platform file (Woo Upsells, Magento crosssell_skus, ...).
struct RelationRecord {
    int64_t line = 0;
    std::string anchorSku;
    std::string targetSku;
    std::string platformType;  // upsell, cross-sell, grouped, related, complementary
    int position = 0;          // 1-based order within anchor and platform type
};

struct CatalogBatch {
    std::string format;        // generic, shopify, woocommerce, magento
    std::vector<ProductRecord> products;
    std::vector<RelationRecord> relations;
    // The platform link types the file has a column for: for the products it holds, its links of those types
    // replace what earlier imports stored (a link the store removed is forgotten); other types are kept.
    std::vector<std::string> linkTypes;
    std::vector<Reject> rejects;
    std::vector<std::string> notes;  // things the user should know that are not errors (shared SKUs, ...)
    int64_t rowsRead = 0;            // data records read (not physical lines)
    int64_t duplicateRows = 0;       // records identical to an earlier record
};

enum class OrderStatus { Completed, Cancelled, Returned };

struct OrderRecord {
    int64_t line = 0;          // first line of the order
    std::string externalId;    // the platform's order id / invoice number
    std::string customer;      // external customer key (id or e-mail); "" when unknown
    std::string country;
    std::string currency;
    int64_t orderedAt = 0;     // seconds since the epoch, UTC
    int32_t utcOffsetMinutes = 0;  // the offset the file gave (0 when it gave none)
    bool hasTime = false;
    OrderStatus status = OrderStatus::Completed;
    std::string tags;          // the platform's order tags, comma-separated as written ("Subscription Recurring Order")
    std::string source;        // the channel the platform names (web, pos, subscription_contract, ...)
};

struct OrderLineRecord {
    int64_t line = 0;
    uint32_t order = 0;        // index into OrderBatch::orders
    std::string sku;
    double quantity = 0;       // negative for returns and cancellations; kept, never dropped
    double unitPrice = 0;      // before discounts: quantity * unitPrice is the line's gross
    double discount = 0;       // line-item discount in money, for the whole line (>= 0)
    double refund = 0;         // money refunded against the line (>= 0); net = gross - discount - refund
    uint32_t description = 0;  // 1 + index into OrderBatch::descriptions; 0 when the row had none (last, so
                               // the positional initialisers of the demo and tests stay valid)
    uint32_t product = 0;      // 1 + index into OrderBatch::products when the parser knows it (the writer then
                               // skips a look-up by SKU per line); 0: found by `sku`
};

struct OrderBatch {
    std::string format;        // lines, shopify, baskets
    std::vector<OrderRecord> orders;
    std::vector<OrderLineRecord> lines;
    // One per distinct SKU seen in the orders: title from the description, price from the last unit
    // price seen. The writer creates those not yet in the catalog with origin "orders", and then gives
    // them the most frequent real description and the median positive price of all their stored lines.
    std::vector<ProductRecord> products;
    // The distinct descriptions the rows carried, each once; a line names its own (OrderLineRecord), so
    // the workspace can count them per SKU over every import.
    std::vector<std::string> descriptions;
    std::vector<Reject> rejects;
    std::vector<std::string> notes;
    int64_t rowsRead = 0;
    int64_t duplicateRows = 0;
    // Offset in the file's text just past this batch's last row (a chunk's end; the whole text's size for a
    // batch of the whole file): with the text's size it tells how much of the file the batch covers.
    size_t textEnd = 0;
};

// Called now and then with the share of the work done (0..1); returning false cancels the work.
using ProgressFn = std::function<bool(double fraction)>;

}  // namespace mb

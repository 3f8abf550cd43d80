// Shopify's orders export: one row per line item, grouped by `Name`; the order-level columns are filled only
// on an order's first row, so they are carried forward (and, defensively, taken from a later row of the
// same order when the first row left them empty).
#include "core/io/orderbatchbuilder.h"
#include "core/io/orderformatparsers.h"

#include <algorithm>
#include <cctype>

namespace mb {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

struct OrderFlags {
    bool cancelled = false;
    bool refunded = false;
    bool partiallyRefunded = false;
};

}  // namespace

ParseResult parseShopifyOrders(const OrderParseContext &ctx)
{
    using namespace orderparse;
    const CsvHeader &h = ctx.header;
    OrderBatch &out = ctx.out;
    const int cName = h.find({"Name"});
    const int cQty = h.find({"Lineitem quantity"});
    const int cSku = h.find({"Lineitem sku"});
    const int cItem = h.find({"Lineitem name"});
    if (cName < 0 || cQty < 0 || (cSku < 0 && cItem < 0))
        return failed(ctx.file, "missing a column of the Shopify orders export (found: " + columnList(h)
                                    + "): expected Name, Lineitem quantity and Lineitem sku or Lineitem name");
    const int cPrice = h.find({"Lineitem price"});
    const int cEmail = h.find({"Email"});
    const int cCustomer = cEmail >= 0 ? cEmail : h.find({"Id"});
    const int cCreated = h.find({"Created at"});
    const int cCancelled = h.find({"Cancelled at"});
    const int cFinancial = h.find({"Financial Status"});
    const int cCurrency = h.find({"Currency"});
    const int cBillingCountry = h.find({"Billing Country"});
    const int cShippingCountry = h.find({"Shipping Country"});

    const std::string_view data = ctx.file.data;
    const size_t expected = size_t(std::count(data.begin() + ptrdiff_t(ctx.bodyOffset), data.end(), '\n')) + 1;
    OrderBatchBuilder builder(out, data, expected);
    std::vector<OrderFlags> flags;
    TimestampCache timestamps;
    RecordScreen screen(ctx.file);
    CsvReader reader(data, ctx.delimiter);
    CsvRecord rec;
    reader.next(rec);  // the header, re-read so that line numbers stay physical
    const size_t columns = h.size();
    int64_t withoutSku = 0;
    std::string firstWithoutSku;
    auto cell = [&](int column) { return column >= 0 ? trimmed(rec.fields[size_t(column)]) : std::string_view(); };

    size_t begin = reader.offset();
    while (reader.next(rec)) {
        const size_t end = reader.offset();
        const std::string_view raw = rawRecord(data, begin, end);
        begin = end;
        ++out.rowsRead;
        if (!keepGoing(ctx.options, out.rowsRead, reader)) return cancelled();
        if (!checkShape(rec, columns, h, screen, out)) continue;

        const std::string_view name = cell(cName);
        if (name.empty()) { reject(out, rec.line, h, cName, name, "expected the order name, such as #1001"); continue; }
        double quantity = 0;
        if (!parseNumber(cell(cQty), ctx.delimiter, quantity)) {
            reject(out, rec.line, h, cQty, cell(cQty), "expected a line-item quantity, a number such as 2");
            continue;
        }
        std::optional<double> price;
        if (!cell(cPrice).empty()) {
            double p = 0;
            if (!parseNumber(cell(cPrice), ctx.delimiter, p)) {
                reject(out, rec.line, h, cPrice, cell(cPrice), "expected a line-item price, a number such as 24.75");
                continue;
            }
            price = p;
        }
        // Tips, gift cards and custom items have no SKU; their name is the only key they have.
        std::string_view sku = cell(cSku);
        const std::string_view item = cell(cItem);
        const bool keyedByName = sku.empty();
        if (keyedByName) sku = item;
        if (sku.empty()) {
            reject(out, rec.line, h, cSku >= 0 ? cSku : cItem, "", "expected a Lineitem sku or a Lineitem name");
            continue;
        }
        int64_t at = 0;
        int32_t offset = 0;
        const std::string_view created = cell(cCreated);
        if (!created.empty() && !timestamps.parse(created, at, offset)) {
            reject(out, rec.line, h, cCreated, created,
                   "expected a time such as 2023-05-31 23:06:05 -0700, with a UTC offset from -14:00 to +14:00");
            continue;
        }

        bool isNew = false;
        const uint32_t order = builder.order(name, rec.line, isNew);
        if (isNew) flags.emplace_back();
        OrderRecord &o = builder.orderAt(order);
        if (o.customer.empty()) o.customer.assign(cell(cCustomer));
        if (o.currency.empty()) o.currency.assign(cell(cCurrency));
        if (o.country.empty()) {
            o.country.assign(cell(cBillingCountry));
            if (o.country.empty()) o.country.assign(cell(cShippingCountry));
        }
        if (!o.hasTime && !created.empty()) {
            o.orderedAt = at;
            o.utcOffsetMinutes = offset;
            o.hasTime = true;
        }
        OrderFlags &fl = flags[order];
        if (!cell(cCancelled).empty()) fl.cancelled = true;
        const std::string_view financial = cell(cFinancial);
        if (equalsIgnoringCase(financial, "refunded")) fl.refunded = true;
        else if (equalsIgnoringCase(financial, "partially_refunded")) fl.partiallyRefunded = true;

        if (keyedByName && withoutSku++ == 0) firstWithoutSku.assign(item);
        builder.addLine(order, rec.line, sku, quantity, price, item);
        builder.isDuplicateRow(raw, order);
    }
    builder.finish();

    int64_t cancelledOrders = 0, refundedOrders = 0, partialOrders = 0;
    for (size_t i = 0; i < out.orders.size(); ++i) {
        if (flags[i].cancelled) { out.orders[i].status = OrderStatus::Cancelled; ++cancelledOrders; }
        else if (flags[i].refunded) { out.orders[i].status = OrderStatus::Returned; ++refundedOrders; }
        else if (flags[i].partiallyRefunded) ++partialOrders;
    }

    if (withoutSku)
        out.notes.push_back(withThousands(withoutSku) + " line items have no Lineitem sku (such as \"" + firstWithoutSku
                            + "\"); they are kept, keyed by their line-item name");
    if (cancelledOrders)
        out.notes.push_back(withThousands(cancelledOrders) + " orders have a Cancelled at time and are marked "
                            "cancelled");
    if (refundedOrders)
        out.notes.push_back(withThousands(refundedOrders) + " orders are refunded and are marked returned");
    if (partialOrders)
        out.notes.push_back(withThousands(partialOrders) + " orders are partially refunded; they stay completed with "
                            "all their line items, because the export does not say which items were refunded");
    if (out.orders.size() > 1 && !out.orders.front().customer.empty()
        && std::all_of(out.orders.begin(), out.orders.end(),
                       [&](const OrderRecord &r) { return r.customer == out.orders.front().customer; }))
        out.notes.push_back("all " + withThousands(int64_t(out.orders.size())) + " orders have the same customer ("
                            + h.name(cCustomer) + " \"" + out.orders.front().customer
                            + "\", a redacted export?), so customer-level figures will be meaningless");
    if (out.duplicateRows)
        out.notes.push_back(withThousands(out.duplicateRows) + " rows repeat an earlier row byte for byte; they are "
                            "kept as line items");
    return {};
}

}  // namespace mb

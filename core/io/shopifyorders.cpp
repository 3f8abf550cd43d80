// Shopify's orders export: one row per line item, grouped by `Name`; the order-level columns are filled only
// on an order's first row, so they are carried forward (and, defensively, taken from a later row of the
// same order when the first row left them empty). The columns and what each means are in
// docs/formats-shopify-orders.md (Shopify Help Center, "Exporting orders" > "Order CSV file format"),
// checked against the real export in ../shared/datasets/shopify_store_export.
//
// Money: `Lineitem price` is the unit price before discounts and `Lineitem discount` the discount of the
// whole line. `Subtotal` (order level) is the merchandise after every discount, before shipping and taxes,
// without tips; what it is lower than the lines after their own discounts is an order-level discount (a
// code for the whole order) and is spread over the line items. `Refunded Amount` (order level) is spread the
// same way into the lines' refunds. So each line's net is what the customer paid for it and the lines of an
// order add up to Subtotal - Refunded Amount.
#include "core/io/fieldparse.h"
#include "core/io/lineallocation.h"
#include "core/io/numbertext.h"
#include "core/io/orderbatchbuilder.h"
#include "core/io/orderformatparsers.h"
#include "core/io/shopifysku.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace mb {

namespace {

// From this many orders, one customer on every order is a placeholder (see the end of parseShopifyOrders).
constexpr size_t kPlaceholderCustomerOrders = 20;

struct OrderFlags {
    bool cancelled = false;
    bool refunded = false;
    bool partiallyRefunded = false;
    bool hasSubtotal = false;
    double subtotal = 0;   // Subtotal: merchandise after all discounts, before shipping and taxes, tips left out
    double refundedAmount = 0;  // Refunded Amount: everything refunded, shipping and taxes included
};

// "62,857.37" for the notes.
std::string money(double x) { return groupedDecimals(x, 2); }

// Shopify's Tags cell: "Subscription, Subscription Recurring Order".
std::vector<std::string> tagList(std::string_view tags)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= tags.size()) {
        size_t end = tags.find(',', start);
        if (end == std::string_view::npos) end = tags.size();
        const std::string_view t = trimmed(tags.substr(start, end - start));
        if (!t.empty()) out.emplace_back(t);
        start = end + 1;
    }
    return out;
}

// "GrowLTV (1,903 orders), Subscription (804), ..." : the most common first, at most `shown`.
std::string mostCommon(const std::map<std::string, int64_t> &counts, size_t shown)
{
    std::vector<std::pair<std::string, int64_t>> v(counts.begin(), counts.end());
    std::stable_sort(v.begin(), v.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    std::string s;
    for (size_t i = 0; i < v.size() && i < shown; ++i)
        s += (i ? ", \"" : "\"") + v[i].first + "\" (" + orderparse::withThousands(v[i].second) + (i ? ")" : " orders)");
    if (v.size() > shown) s += ", ...";
    return s;
}

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
    const int cLineDiscount = h.find({"Lineitem discount"});
    const int cSubtotal = h.find({"Subtotal"});
    const int cRefunded = h.find({"Refunded Amount"});
    const int cTags = h.find({"Tags"});
    const int cSource = h.find({"Source"});
    // The customer: a customer id where an export has one (Matrixify's "Customer: ID"), else the e-mail.
    // Never `Id`: in Shopify's export that is the ORDER's id, and keying customers by it would make every
    // order a new customer.
    const int cCustomerId = h.find({"Customer: ID", "Customer ID"});
    const int cEmail = h.find({"Email"});
    const int cCustomer = cCustomerId >= 0 ? cCustomerId : cEmail >= 0 ? cEmail : h.find({"Customer: Email", "Customer Email"});
    const int cCreated = h.find({"Created at"});
    const int cCancelled = h.find({"Cancelled at"});
    const int cFinancial = h.find({"Financial Status"});
    const int cCurrency = h.find({"Currency"});
    const int cBillingCountry = h.find({"Billing Country"});
    const int cShippingCountry = h.find({"Shipping Country"});

    const std::string_view data = ctx.file.text();
    const size_t expected = size_t(std::count(data.begin() + ptrdiff_t(ctx.bodyOffset), data.end(), '\n')) + 1;
    OrderBatchBuilder builder(out, data, expected);
    std::vector<OrderFlags> flags;
    TimestampCache timestamps;
    RecordScreen screen(ctx.file);
    // The row's SKU as the orders reader keys the variant (Shopify's apostrophe dropped).
    RowRejects rejects(out, h, RejectSku{cSku, [](std::string_view cell) { return shopifySku(trimmed(cell)); }});
    CsvReader reader(data, ctx.delimiter);
    CsvRecord rec;
    reader.next(rec);  // the header, re-read so that line numbers stay physical
    const size_t columns = h.size();
    int64_t withoutSku = 0;
    std::string firstWithoutSku;
    std::vector<char> tip;  // per line: a Shopify tip (not merchandise; Subtotal leaves it out)
    tip.reserve(expected);
    int64_t discountedLines = 0;
    auto cell = [&](int column) { return column >= 0 ? trimmed(rec.fields[size_t(column)]) : std::string_view(); };

    size_t begin = reader.offset();
    while (reader.next(rec)) {
        const size_t end = reader.offset();
        const std::string_view raw = rawRecord(data, begin, end);
        begin = end;
        ++out.rowsRead;
        if (!keepGoing(ctx.options, out.rowsRead, reader)) return cancelled();
        if (!rejects.checkShape(rec, columns, screen)) continue;

        const std::string_view name = cell(cName);
        if (name.empty()) { rejects.reject(rec, cName, name, "expected the order name, such as #1001"); continue; }
        double quantity = 0;
        if (!parseNumber(cell(cQty), ctx.delimiter, quantity)) {
            rejects.reject(rec, cQty, cell(cQty), "expected a line-item quantity, a number such as 2");
            continue;
        }
        std::optional<double> price;
        if (!cell(cPrice).empty()) {
            double p = 0;
            if (!parseNumber(cell(cPrice), ctx.delimiter, p)) {
                rejects.reject(rec, cPrice, cell(cPrice), "expected a line-item price, a number such as 24.75");
                continue;
            }
            price = p;
        }
        double discount = 0;
        if (!cell(cLineDiscount).empty()
            && (!parseNumber(cell(cLineDiscount), ctx.delimiter, discount) || discount < 0)) {
            rejects.reject(rec, cLineDiscount, cell(cLineDiscount),
                   "expected the line item's discount, an amount of 0 or more such as 4.95");
            continue;
        }
        double subtotal = 0, refunded = 0;
        const bool hasSubtotal = !cell(cSubtotal).empty();
        if (hasSubtotal && !parseNumber(cell(cSubtotal), ctx.delimiter, subtotal)) {
            rejects.reject(rec, cSubtotal, cell(cSubtotal), "expected the order's subtotal, an amount such as 74.22");
            continue;
        }
        if (!cell(cRefunded).empty() && (!parseNumber(cell(cRefunded), ctx.delimiter, refunded) || refunded < 0)) {
            rejects.reject(rec, cRefunded, cell(cRefunded),
                   "expected the order's refunded amount, an amount of 0 or more such as 12.50");
            continue;
        }
        // Tips, gift cards and custom items have no SKU; their name is the only key they have.
        std::string_view sku = shopifySku(cell(cSku));
        const std::string_view item = cell(cItem);
        const bool keyedByName = sku.empty();
        if (keyedByName) sku = item;
        if (sku.empty()) {
            rejects.reject(rec, cSku >= 0 ? cSku : cItem, "", "expected a Lineitem sku or a Lineitem name");
            continue;
        }
        int64_t at = 0;
        int32_t offset = 0;
        const std::string_view created = cell(cCreated);
        if (!created.empty() && !timestamps.parse(created, at, offset)) {
            rejects.reject(rec, cCreated, created,
                   "expected a time such as 2023-05-31 23:06:05 -0700, with a UTC offset from -14:00 to +14:00");
            continue;
        }

        bool isNew = false;
        const uint32_t order = builder.order(name, rec.line, isNew);
        if (isNew) flags.emplace_back();
        OrderRecord &o = builder.orderAt(order);
        if (o.customer.empty()) o.customer.assign(cell(cCustomer));
        if (o.currency.empty()) o.currency.assign(cell(cCurrency));
        if (o.tags.empty()) o.tags.assign(cell(cTags));
        if (o.source.empty()) o.source.assign(cell(cSource));
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
        if (hasSubtotal && !fl.hasSubtotal) { fl.subtotal = subtotal; fl.hasSubtotal = true; }
        if (fl.refundedAmount == 0) fl.refundedAmount = refunded;

        if (keyedByName && withoutSku++ == 0) firstWithoutSku.assign(item);
        builder.addLine(order, rec.line, sku, quantity, price, item);
        out.lines.back().discount = discount;
        discountedLines += discount > 0;
        // Shopify exports a tip as a line item named "Tip" without a SKU.
        tip.push_back(keyedByName && equalsIgnoringCase(item, "Tip"));
        builder.isDuplicateRow(raw, order);
    }
    builder.finish();

    // The lines of each order (an order's rows may come back after another order's).
    std::vector<uint32_t> start(out.orders.size() + 1, 0), of(out.lines.size());
    for (const OrderLineRecord &l : out.lines) ++start[l.order + 1];
    for (size_t i = 0; i < out.orders.size(); ++i) start[i + 1] += start[i];
    {
        std::vector<uint32_t> fill(start.begin(), start.end() - 1);
        for (uint32_t k = 0; k < out.lines.size(); ++k) of[fill[out.lines[k].order]++] = k;
    }
    double lineDiscount = 0, lineDiscountKept = 0, orderDiscount = 0, refundTotal = 0, refundUnplaced = 0, tips = 0;
    int64_t orderDiscountOrders = 0, refundOrders = 0, tipLines = 0, subtotalAbove = 0;
    std::vector<uint32_t> merchandise, all;
    for (size_t i = 0; i < out.orders.size(); ++i) {
        merchandise.clear();
        all.assign(of.begin() + start[i], of.begin() + start[i + 1]);
        double afterLineDiscounts = 0;
        for (uint32_t k : all) {
            const OrderLineRecord &l = out.lines[k];
            lineDiscount += l.discount;
            if (!flags[i].cancelled) lineDiscountKept += l.discount;
            if (tip[k]) { ++tipLines; tips += l.quantity * l.unitPrice; continue; }
            merchandise.push_back(k);
            afterLineDiscounts += l.quantity * l.unitPrice - l.discount;
        }
        if (flags[i].hasSubtotal) {
            // Subtotal below the lines after their own discounts: a discount on the whole order.
            const double gap = afterLineDiscounts - flags[i].subtotal;
            if (gap > 0.005) {
                orderDiscount += gap - spreadOverLines(out.lines, merchandise, gap, LineAmount::Discount);
                ++orderDiscountOrders;
            } else if (gap < -0.005) {
                ++subtotalAbove;
            }
        }
        if (flags[i].refundedAmount > 0) {
            ++refundOrders;
            refundTotal += flags[i].refundedAmount;
            refundUnplaced += spreadOverLines(out.lines, merchandise.empty() ? all : merchandise, flags[i].refundedAmount,
                                              LineAmount::Refund);
        }
    }

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
                            "all their line items (the export does not say which items were refunded), and their "
                            "Refunded Amount is spread over the line items");
    if (discountedLines)
        out.notes.push_back(withThousands(discountedLines) + " line items carry a Lineitem discount, " + money(lineDiscount)
                            + " in all (" + money(lineDiscountKept) + " outside cancelled orders); revenue is net of it");
    if (orderDiscountOrders)
        out.notes.push_back(withThousands(orderDiscountOrders) + " orders have a Subtotal below their line items after "
                            "the line discounts (a discount on the whole order, " + money(orderDiscount) + " in all); it is "
                            "spread over each order's line items in proportion to what they cost after their own discount");
    if (subtotalAbove)
        out.notes.push_back(withThousands(subtotalAbove) + " orders have a Subtotal above their line items; the line items "
                            "are kept at their own prices");
    if (refundOrders)
        out.notes.push_back(withThousands(refundOrders) + " orders have a Refunded Amount (" + money(refundTotal)
                            + " in all); it is spread over each order's line items in proportion to what they cost after "
                            "discounts"
                            + (refundUnplaced > 0 ? "; " + money(refundUnplaced) + " of it is more than the line items "
                                                    "were worth (refunded shipping or taxes) and is on no line item"
                                                  : std::string()));
    if (tipLines)
        out.notes.push_back(withThousands(tipLines) + " line items are tips (" + money(tips) + "); they count in revenue "
                            "although Shopify's Subtotal leaves them out");
    if (cCustomer < 0)
        out.notes.push_back("the file has no Email column (nor a customer id): the orders are imported without a "
                            "customer, so repeat purchases, customer lifetime value and replenishment cannot be "
                            "computed (the Id column is the order's id, not the customer's)");
    else if (const auto guests = std::count_if(out.orders.begin(), out.orders.end(),
                                               [](const OrderRecord &r) { return r.customer.empty(); }))
        out.notes.push_back(withThousands(int64_t(guests)) + " orders have no " + h.name(cCustomer)
                            + "; they are imported as guest orders, without a customer");
    std::map<std::string, int64_t> tagCounts, sourceCounts;
    for (const OrderRecord &r : out.orders) {
        for (const std::string &t : tagList(r.tags)) ++tagCounts[t];
        if (!r.source.empty()) ++sourceCounts[r.source];
    }
    if (!tagCounts.empty())
        out.notes.push_back("order tags are kept: " + mostCommon(tagCounts, 4) + "; `mine run --exclude-tag TAG` leaves "
                            "tagged orders (subscription reorders, say) out of mining");
    if (!sourceCounts.empty())
        out.notes.push_back("order sources are kept: " + mostCommon(sourceCounts, 4) + "; `mine run --exclude-source "
                            "SOURCE` leaves them out of mining");
    if (out.orders.size() > 1 && !out.orders.front().customer.empty()
        && std::all_of(out.orders.begin(), out.orders.end(),
                       [&](const OrderRecord &r) { return r.customer == out.orders.front().customer; })) {
        const std::string same = "all " + withThousands(int64_t(out.orders.size())) + " orders have the same customer ("
                                 + h.name(cCustomer) + " \"" + out.orders.front().customer + "\", a redacted export?)";
        // A store's whole export from one customer is a redacted or placeholder column, not a customer: kept, it
        // made every order a repeat purchase, a lifetime value of the store's revenue and a re-buy interval
        // between strangers' orders. A handful of orders from one customer is a plausible small export.
        if (out.orders.size() >= kPlaceholderCustomerOrders) {
            for (OrderRecord &r : out.orders) r.customer.clear();
            out.notes.push_back(same + ": they are imported as guest orders, so repeat purchases, customer lifetime "
                                "value and re-buy intervals say n/a rather than treat the store as one customer");
        } else {
            out.notes.push_back(same + ", so customer-level figures will be meaningless");
        }
    }
    if (out.duplicateRows)
        out.notes.push_back(withThousands(out.duplicateRows) + " rows repeat an earlier row byte for byte; they are "
                            "kept as line items");
    return {};
}

}  // namespace mb

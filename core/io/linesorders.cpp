// The generic `lines` order format: one row per order line (the UCI Online Retail file imports as is).
// This is the hot path of the import benchmark: fields stay string_views into the file, the order look-up is
// skipped while rows keep the same order id, and repeated timestamp texts are parsed once.
#include "core/io/fieldaliases.h"
#include "core/io/orderbatchbuilder.h"
#include "core/io/orderformatparsers.h"

#include <algorithm>
#include <optional>

namespace mb {

const std::vector<std::string> &orderIdAliases() { return fieldAliases(ImportKind::Orders, "order_id"); }

const std::vector<std::string> &orderSkuAliases() { return fieldAliases(ImportKind::Orders, "sku"); }

namespace {

// pandas round-trips an integer id column with gaps as floats ("17850.0"); the customer is still 17850.
std::string_view customerKey(std::string_view s)
{
    if (s.size() > 2 && s.substr(s.size() - 2) == ".0"
        && std::all_of(s.begin(), s.end() - 2, [](char c) { return c >= '0' && c <= '9'; }))
        s.remove_suffix(2);
    return s;
}

}  // namespace

ParseResult parseLinesOrders(const OrderParseContext &ctx)
{
    using namespace orderparse;
    const CsvHeader &h = ctx.header;
    OrderBatch &out = ctx.out;
    const int cId = h.find(orderIdAliases());
    const int cSku = h.find(orderSkuAliases());
    if (cId < 0 || cSku < 0)
        return failed(ctx.file, std::string("missing the ") + (cId < 0 ? "order id" : "SKU")
                                    + " column (found: " + columnList(h) + "): expected "
                                    + (cId < 0 ? "order_id, order, InvoiceNo, Order ID or order_number"
                                               : "sku, StockCode, SKU or product_sku"));
    const int cQty = h.find(fieldAliases(ImportKind::Orders, "quantity"));
    const int cPrice = h.find(fieldAliases(ImportKind::Orders, "unit_price"));
    const int cDate = h.find(fieldAliases(ImportKind::Orders, "ordered_at"));
    const int cCustomer = h.find(fieldAliases(ImportKind::Orders, "customer_id"));
    const int cDesc = h.find(fieldAliases(ImportKind::Orders, "description"));
    const int cCountry = h.find(fieldAliases(ImportKind::Orders, "country"));
    const int cCurrency = h.find(fieldAliases(ImportKind::Orders, "currency"));

    const std::string_view data = ctx.file.text();
    // Streamed (ParseOptions::onChunk): the batch holds one chunk at a time, so memory is bounded by the
    // chunk, not by the file; every per-order fact below (statuses, duplicate rows) is settled per chunk,
    // which is exact because a chunk is cut only where the order id changes (an order whose rows come back
    // after other orders' is the writer's to detect: core/storage/importwriter).
    const size_t chunkLines = ctx.options.onChunk ? std::max<size_t>(ctx.options.chunkLines, 1) : 0;
    // Where the chunk being filled is cut: at firstChunkLines first, then twice the chunk before, up to chunkLines.
    size_t cutAt = chunkLines ? std::clamp<size_t>(ctx.options.firstChunkLines ? ctx.options.firstChunkLines : chunkLines, 1, chunkLines) : 0;
    auto expectedLines = [&] {
        return cutAt ? cutAt + cutAt / 8 : size_t(std::count(data.begin() + ptrdiff_t(ctx.bodyOffset), data.end(), '\n')) + 1;
    };
    std::optional<OrderBatchBuilder> builder;
    builder.emplace(out, data, expectedLines());
    TimestampCache timestamps;
    RecordScreen screen(ctx.file);
    RowRejects rejects(out, h, RejectSku{cSku, nullptr});
    CsvReader reader(data, ctx.delimiter);
    // A reader started at bodyOffset would count lines from 1 again: re-read the header instead.
    CsvRecord rec;
    reader.next(rec);
    rec.fields.reserve(h.size() + 8);
    const size_t columns = h.size();
    int64_t noCustomer = 0;
    int64_t records = 0;  // of the whole file (out.rowsRead counts the chunk's)
    // Whole-file counts for the notes (a streamed parse hands each chunk's own counts on with the chunk).
    int64_t cancelledOrders = 0, returnedOrders = 0, cancelledLines = 0, duplicateRows = 0;
    // UCI convention: an invoice starting with C is a cancellation, but only if it really takes goods back.
    // Per chunk: all of an order's adjacent rows are in the chunk that holds its first.
    auto settleStatuses = [&]() {
        builder->finish();
        int64_t cancelledHere = 0;
        for (uint32_t i = 0; i < out.orders.size(); ++i) {
            if (builder->hasNonNegativeLine(i)) continue;
            OrderRecord &o = out.orders[i];
            if (o.externalId[0] == 'C') { o.status = OrderStatus::Cancelled; ++cancelledOrders; ++cancelledHere; }
            else { o.status = OrderStatus::Returned; ++returnedOrders; }
        }
        if (cancelledHere)
            for (const auto &l : out.lines) cancelledLines += out.orders[l.order].status == OrderStatus::Cancelled;
        duplicateRows += out.duplicateRows;
    };

    size_t begin = reader.offset();
    while (reader.next(rec)) {
        const size_t end = reader.offset();
        const std::string_view raw = rawRecord(data, begin, end);
        begin = end;
        ++out.rowsRead;
        if (!keepGoing(ctx.options, ++records, reader)) return cancelled();
        if (!rejects.checkShape(rec, columns, screen)) continue;
        const auto &f = rec.fields;

        const std::string_view id = trimmed(f[size_t(cId)]);
        if (id.empty()) { rejects.reject(rec, cId, id, "expected an order id"); continue; }
        const std::string_view sku = trimmed(f[size_t(cSku)]);
        if (sku.empty()) { rejects.reject(rec, cSku, sku, "expected a SKU"); continue; }
        double quantity = 1;
        if (cQty >= 0 && !parseNumber(f[size_t(cQty)], ctx.delimiter, quantity)) {
            rejects.reject(rec, cQty, f[size_t(cQty)], "expected a quantity, a number such as 6 or -2");
            continue;
        }
        std::optional<double> price;
        if (cPrice >= 0 && !trimmed(f[size_t(cPrice)]).empty()) {
            double p = 0;
            if (!parseNumber(f[size_t(cPrice)], ctx.delimiter, p)) {
                rejects.reject(rec, cPrice, f[size_t(cPrice)], "expected a unit price, a number such as 2.55");
                continue;
            }
            price = p;
        }
        int64_t at = 0;
        int32_t offset = 0;
        const std::string_view when = cDate >= 0 ? trimmed(f[size_t(cDate)]) : std::string_view();
        if (!when.empty() && !timestamps.parse(when, at, offset)) {
            rejects.reject(rec, cDate, when,
                   "expected a date and time such as 2011-12-09 12:50:00, 2011-12-09T12:50:00Z or 12/9/2011 12:50, "
                   "with a UTC offset (if any) from -14:00 to +14:00");
            continue;
        }

        if (cutAt && out.lines.size() >= cutAt && !builder->isLastOrder(id)) {
            settleStatuses();
            out.textEnd = size_t(raw.data() - data.data());
            if (!ctx.options.onChunk(out)) return cancelled();
            // The chunk owns copies of what it took from the file: a mapped file's pages before this row
            // can leave memory.
            ctx.file.releaseBefore(size_t(raw.data() - data.data()));
            OrderBatch next;
            next.format = out.format;
            out = std::move(next);
            builder.reset();
            cutAt = std::min(chunkLines, cutAt * 2);
            builder.emplace(out, data, expectedLines());
        }
        bool created = false;
        const uint32_t order = builder->order(id, rec.line, created);
        if (created) {
            // Order-level values come from the order's first line; later lines repeat them.
            OrderRecord &o = builder->orderAt(order);
            if (cCustomer >= 0) o.customer.assign(customerKey(trimmed(f[size_t(cCustomer)])));
            if (o.customer.empty()) ++noCustomer;
            if (cCountry >= 0) o.country.assign(trimmed(f[size_t(cCountry)]));
            if (cCurrency >= 0) o.currency.assign(trimmed(f[size_t(cCurrency)]));
            if (!when.empty()) {
                o.orderedAt = at;
                o.utcOffsetMinutes = offset;
                o.hasTime = true;
            }
        }
        builder->addLine(order, rec.line, sku, quantity, price, cDesc >= 0 ? f[size_t(cDesc)] : std::string_view());
        builder->isDuplicateRow(raw, order);
    }
    settleStatuses();

    if (cQty < 0) out.notes.push_back("there is no quantity column: every order line counts as quantity 1");
    if (cPrice < 0) out.notes.push_back("there is no unit price column: order lines have price 0, so revenue figures "
                                        "will be 0");
    if (cDate < 0) out.notes.push_back("there is no date column: orders have no time, so period filters and trends "
                                       "cannot use them");
    if (cancelledOrders)
        out.notes.push_back(withThousands(cancelledOrders) + " orders are cancellations (id starting with C, all "
                            "quantities negative; " + withThousands(cancelledLines) + " lines): kept, and left out of "
                            "baskets");
    if (returnedOrders)
        out.notes.push_back(withThousands(returnedOrders) + " orders have only negative quantities and are treated "
                            "as returns (kept, and left out of baskets)");
    if (duplicateRows)
        out.notes.push_back(withThousands(duplicateRows) + " rows repeat an earlier row byte for byte; they are "
                            "kept as order lines");
    if (cCustomer >= 0 && noCustomer)
        out.notes.push_back(withThousands(noCustomer) + " orders have no customer id");
    return {};
}

}  // namespace mb

// parseOrders: picks the order format (given, or detected from the header after the column mapping) and
// hands the file to that format's parser; plus the helpers every order parser shares.
#include "core/io/fieldparse.h"
#include "core/io/importparser.h"
#include "core/io/orderformatparsers.h"

#include <algorithm>

namespace mb {

namespace orderparse {

ParseResult failed(const TextFile &file, const std::string &what)
{
    return ParseResult{ParseStatus::Failed, file.path + ": line 1: " + what};
}

ParseResult cancelled() { return ParseResult{ParseStatus::Cancelled, {}}; }

bool keepGoing(const ParseOptions &options, int64_t records, const CsvReader &reader)
{
    if ((records & 8191) != 0 || !options.progress) return true;
    return options.progress(reader.size() ? double(reader.offset()) / double(reader.size()) : 1.0);
}

std::string_view rawRecord(std::string_view data, size_t begin, size_t end)
{
    while (begin < end && (data[begin] == '\n' || data[begin] == '\r')) ++begin;
    while (end > begin && (data[end - 1] == '\n' || data[end - 1] == '\r')) --end;
    return data.substr(begin, end - begin);
}

bool RowRejects::checkShape(const CsvRecord &rec, size_t columns, RecordScreen &screen)
{
    if (rec.unterminatedQuote) {
        reject(rec, -1, "",
               "a quoted field opens on line " + std::to_string(rec.line) + " and is never closed: expected a closing \" (lines "
                   + std::to_string(rec.line) + "-" + std::to_string(rec.lastLine) + " were skipped)");
        return false;
    }
    if (rec.fields.size() != columns) {
        reject(rec, -1, "",
               "expected " + std::to_string(columns) + " fields like the header, found " + std::to_string(rec.fields.size())
                   + " (an unquoted delimiter inside a value, or a cut row?)");
        return false;
    }
    if (auto damaged = screen.check(rec, header_)) {
        // A damaged SKU cell is too large or not UTF-8, which RejectSku refuses by itself.
        damaged->sku = sku_.of(rec, header_.size(), -1);
        out_.rejects.push_back(std::move(*damaged));
        return false;
    }
    return true;
}

void RowRejects::reject(const CsvRecord &rec, int column, std::string_view value, std::string reason)
{
    out_.rejects.push_back({rec.line, column >= 0 ? header_.name(column) : std::string(), std::string(value), std::move(reason),
                            sku_.of(rec, header_.size(), column)});
}

// The form nearly every cell has, -?\d+(\.\d+)? with at most 15 digits, without parseDecimal's currency and
// separator handling. Exact: the digits fit a double's mantissa and the one division by a power of ten is
// correctly rounded, which gives the same double as from_chars.
static bool plainDecimal(std::string_view s, double &out)
{
    static constexpr double kPow10[16] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    size_t i = 0;
    const bool negative = !s.empty() && s[0] == '-';
    i += negative;
    uint64_t mantissa = 0;
    int digits = 0, fraction = -1;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            if (++digits > 15) return false;
            mantissa = mantissa * 10 + uint64_t(c - '0');
            if (fraction >= 0) ++fraction;
        } else if (c == '.' && fraction < 0 && digits > 0) {
            fraction = 0;
        } else {
            return false;
        }
    }
    if (digits == 0 || fraction == 0) return false;
    const double v = fraction > 0 ? double(mantissa) / kPow10[fraction] : double(mantissa);
    out = negative ? -v : v;
    return true;
}

bool parseNumber(std::string_view text, char delimiter, double &out)
{
    return plainDecimal(text, out) || parseDecimal(text, out, delimiter == ';');
}

bool TimestampCache::parse(std::string_view text, int64_t &secondsUtc, int32_t &offsetMinutes)
{
    if (!valid_ || text != text_) {
        text_.assign(text);
        ok_ = parseTimestamp(text, seconds_, offset_);
        valid_ = true;
    }
    secondsUtc = seconds_;
    offsetMinutes = offset_;
    return ok_;
}

std::string columnList(const CsvHeader &header)
{
    std::string s;
    const size_t shown = std::min<size_t>(header.size(), 30);
    for (size_t i = 0; i < shown; ++i) {
        if (i) s += ", ";
        s += header.name(int(i));
    }
    if (header.size() > shown) s += ", ... (" + std::to_string(header.size()) + " columns)";
    return s.empty() ? std::string("(none)") : s;
}

}  // namespace orderparse

namespace {

// A header-less basket file: the first lines do not all split into the same number of fields.
bool looksRagged(std::string_view data, char delimiter)
{
    CsvReader reader(data, delimiter);
    CsvRecord rec;
    size_t first = 0;
    for (int i = 0; i < 200 && reader.next(rec); ++i) {
        if (i == 0) first = rec.fields.size();
        else if (rec.fields.size() != first) return true;
    }
    return false;
}

}  // namespace

const std::vector<std::string> &orderFormats()
{
    static const std::vector<std::string> formats{"lines", "shopify", "baskets"};
    return formats;
}

std::string detectOrderFormat(const CsvHeader &header)
{
    if (header.find({"Name"}) >= 0 && header.find({"Lineitem quantity"}) >= 0) return "shopify";
    if (header.find(orderIdAliases()) >= 0 && header.find(orderSkuAliases()) >= 0) return "lines";
    return {};
}

ImportKind detectKind(const TextFile &file)
{
    if (file.text().empty()) return ImportKind::Catalog;
    const char delimiter = CsvReader::detectDelimiter(file.text());
    CsvReader reader(file.text(), delimiter);
    CsvRecord rec;
    if (!reader.next(rec)) return ImportKind::Catalog;
    const CsvHeader header(rec.fields);
    if (!detectOrderFormat(header).empty()) return ImportKind::Orders;
    if (!detectCatalogFormat(header).empty()) return ImportKind::Catalog;
    if (looksRagged(file.text(), delimiter)) return ImportKind::Orders;
    return ImportKind::Catalog;
}

ParseResult parseOrders(const TextFile &file, const ParseOptions &options, OrderBatch &out)
{
    out = OrderBatch{};
    const auto &formats = orderFormats();
    if (!options.format.empty() && std::find(formats.begin(), formats.end(), options.format) == formats.end()) {
        std::string list;
        for (const auto &f : formats) list += (list.empty() ? "" : ", ") + f;
        return orderparse::failed(file, "unknown order format \"" + options.format + "\": expected one of " + list);
    }
    if (file.text().empty()) return orderparse::failed(file, "the file is empty: expected a header line and records");

    const char delimiter = CsvReader::detectDelimiter(file.text());
    CsvReader reader(file.text(), delimiter);
    CsvRecord rec;
    if (!reader.next(rec)) return orderparse::failed(file, "the file is empty: expected a header line and records");
    CsvHeader header(rec.fields);
    if (options.mapping) options.mapping->apply(header);

    std::string format = options.format;
    if (format.empty()) format = detectOrderFormat(header);
    if (format.empty() && looksRagged(file.text(), delimiter)) format = "baskets";
    if (format.empty()) {
        if (rec.unterminatedQuote)
            return orderparse::failed(file, "the header opens a quoted field that is never closed: expected a "
                                            "header line of column names");
        return orderparse::failed(
            file, "no order columns recognised in the header (found: " + orderparse::columnList(header)
                      + "): expected an order id column (order_id, order, InvoiceNo, Order ID, order_number) and a "
                        "SKU column (sku, StockCode, SKU, product_sku), or a Shopify orders export (Name, Lineitem "
                        "quantity), or a basket file without header (one basket per line, items separated by commas)");
    }
    if (format != "baskets" && rec.unterminatedQuote)
        return orderparse::failed(file, "the header opens a quoted field that is never closed: expected a header "
                                        "line of column names");
    if (format != "baskets") {
        RecordScreen screen(file);
        if (auto damaged = screen.check(rec, CsvHeader()))
            return orderparse::failed(file, damaged->column + " of the header: " + damaged->reason);
    }

    out.format = format;
    const OrderParseContext ctx{file, options, delimiter, header, reader.offset(), out};
    ParseResult result;
    if (format == "lines") result = parseLinesOrders(ctx);
    else if (format == "shopify") result = parseShopifyOrders(ctx);
    else result = parseBasketOrders(ctx);

    if (result.status == ParseStatus::Ok && options.progress && !options.progress(1.0)) result = orderparse::cancelled();
    if (result.status == ParseStatus::Ok) out.textEnd = file.text().size();  // the last chunk, or the whole file
    if (result.status != ParseStatus::Ok) {
        // Nothing half-read goes on; a cancel still says how far it read, so the report can show it stopped early.
        const int64_t read = result.status == ParseStatus::Cancelled ? out.rowsRead : 0;
        out = OrderBatch{};
        out.format = format;
        out.rowsRead = read;
    }
    return result;
}

}  // namespace mb

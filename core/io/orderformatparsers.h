#pragma once
// Internal to core/io: the per-format order parsers behind parseOrders() (orderparser.cpp dispatches), and
// the row-level helpers they share so that every format rejects, counts and reports progress alike.
#include "core/io/csvreader.h"
#include "core/io/importparser.h"
#include "core/io/numbertext.h"
#include "core/io/recordscreen.h"
#include "core/io/rejectsku.h"

#include <string>
#include <string_view>
#include <vector>

namespace mb {

struct OrderParseContext {
    const TextFile &file;
    const ParseOptions &options;
    char delimiter = ',';
    const CsvHeader &header;  // after options.mapping; unused by the header-less basket format
    size_t bodyOffset = 0;    // where the first record after the header starts
    OrderBatch &out;
};

ParseResult parseLinesOrders(const OrderParseContext &ctx);
ParseResult parseShopifyOrders(const OrderParseContext &ctx);
ParseResult parseBasketOrders(const OrderParseContext &ctx);

// Header aliases of the generic `lines` format (also used by detectOrderFormat).
const std::vector<std::string> &orderIdAliases();
const std::vector<std::string> &orderSkuAliases();

namespace orderparse {

// "<file>: line 1: <what>" for hopeless input.
ParseResult failed(const TextFile &file, const std::string &what);
ParseResult cancelled();

// Calls options.progress every 8192 records; false when the user cancelled.
bool keepGoing(const ParseOptions &options, int64_t records, const CsvReader &reader);

// The bytes of the record just read, without the blank lines skipped before it or its line break.
std::string_view rawRecord(std::string_view data, size_t begin, size_t end);

// Records one parse's rejects, each naming its line, column and value, and the row's SKU (rejectsku.h).
class RowRejects {
public:
    RowRejects(OrderBatch &out, const CsvHeader &header, RejectSku sku) : out_(out), header_(header), sku_(sku) {}

    // Rejects an unterminated quote, a record whose field count differs from `columns` (the header's), or
    // one the screen refuses (a field too large, bytes that are not UTF-8); false then.
    bool checkShape(const CsvRecord &rec, size_t columns, RecordScreen &screen);
    // Rejects `rec` for the cell in `column` (-1: the whole row).
    void reject(const CsvRecord &rec, int column, std::string_view value, std::string reason);

private:
    OrderBatch &out_;
    const CsvHeader &header_;
    RejectSku sku_;
};

// parseDecimal with a fast path for plain numbers; a `;` file's locale writes a decimal comma ("2,550" is 2.55).
bool parseNumber(std::string_view text, char delimiter, double &out);

// Cached parseTimestamp: consecutive rows of an order file repeat the same timestamp text.
class TimestampCache {
public:
    bool parse(std::string_view text, int64_t &secondsUtc, int32_t &offsetMinutes);

private:
    std::string text_;
    int64_t seconds_ = 0;
    int32_t offset_ = 0;
    bool ok_ = false;
    bool valid_ = false;
};

// "The columns found: a, b, c" for the messages that say a required column is missing.
std::string columnList(const CsvHeader &header);

using mb::withThousands;  // core/io/numbertext.h

}  // namespace orderparse
}  // namespace mb

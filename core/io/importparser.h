#pragma once
// Entry points from a loaded file to a batch. Format detection reads the header only; every parser matches
// columns by name, never by position.
#include "core/io/columnmapping.h"
#include "core/io/importrecords.h"
#include "core/io/textfile.h"

#include <functional>
#include <string>

namespace mb {

enum class ParseStatus { Ok, Failed, Cancelled };

struct ParseOptions {
    std::string format;                  // "" = detect from the header
    const ColumnMapping *mapping = nullptr;
    ProgressFn progress;                 // may be empty
    // Streaming an order file (issue #15): a parser that can (the `lines` format) hands its batch to onChunk
    // whenever it holds at least chunkLines lines and the next row starts another order, so an order's
    // rows that follow each other stay in one chunk. onChunk may move the batch's contents away; the parser
    // then starts the next chunk on an empty batch. Each chunk carries its own rows, rejects and counts
    // (rowsRead, duplicateRows); the batch left in `out` at the end is the last chunk and holds the notes,
    // which count the whole file. A false return stops the parse (Cancelled). Other formats ignore it and
    // leave the whole file in `out`, as without it.
    size_t chunkLines = 0;
    // The first chunk is cut at firstChunkLines instead (0: chunkLines) and each next at twice the one before,
    // up to chunkLines: the writer gets its first rows after a few milliseconds, not a full chunk's parse.
    size_t firstChunkLines = 0;
    std::function<bool(OrderBatch &chunk)> onChunk;
};

struct ParseResult {
    ParseStatus status = ParseStatus::Ok;
    std::string error;  // hopeless input: one message naming the file, line and what was expected
};

// Catalog formats: generic, shopify, woocommerce, magento.
ParseResult parseCatalog(const TextFile &file, const ParseOptions &options, CatalogBatch &out);
// Order formats: lines, shopify, baskets.
ParseResult parseOrders(const TextFile &file, const ParseOptions &options, OrderBatch &out);

// "" when the header matches no known format of that kind.
std::string detectCatalogFormat(const CsvHeader &header);
std::string detectOrderFormat(const CsvHeader &header);
// Guesses whether a file holds a catalog or orders (for the import dialog); orders win ties because an
// order file always has an order id.
ImportKind detectKind(const TextFile &file);

const std::vector<std::string> &catalogFormats();
const std::vector<std::string> &orderFormats();

}  // namespace mb

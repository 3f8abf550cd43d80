// Any bytes through TextFile::fromBytes and parseOrders, with each order format and with detection: the
// parsers must fail or reject, never crash, and what they return must hang together. Streamed in chunks of
// a few lines (ParseOptions::onChunk), the chunks together must hold what the whole parse holds: the same
// lines in the same order, the same rows, rejects and duplicate rows.
#include "core/io/importparser.h"

#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const mb::TextFile file = mb::TextFile::fromBytes(std::string(reinterpret_cast<const char *>(data), size), "fuzz.csv");
    if (!file.ok()) return 0;
    mb::detectKind(file);
    static const char *const formats[] = {"", "lines", "shopify", "baskets"};
    for (const char *format : formats) {
        mb::ParseOptions options;
        options.format = format;
        mb::OrderBatch batch;
        const mb::ParseResult r = mb::parseOrders(file, options, batch);
        if (r.status == mb::ParseStatus::Failed && r.error.rfind("fuzz.csv: line 1: ", 0) != 0) std::abort();
        if (r.status != mb::ParseStatus::Ok) continue;
        // Every line points at an order, and every SKU has its product.
        for (const auto &line : batch.lines)
            if (line.order >= batch.orders.size() || line.sku.empty()) std::abort();
        if (batch.lines.size() < batch.orders.size() || batch.products.size() > batch.lines.size()) std::abort();
        if (batch.rowsRead < int64_t(batch.rejects.size())) std::abort();
        // A reject's SKU goes into the reject report as text: never bytes that are not UTF-8.
        for (const mb::Reject &x : batch.rejects)
            if (!mb::isValidUtf8(x.sku.data(), x.sku.size())) std::abort();

        std::vector<mb::OrderBatch> chunks;
        mb::ParseOptions streamed = options;
        streamed.chunkLines = 1 + size % 4;
        streamed.firstChunkLines = size % 3;  // 0: chunkLines; else growing from 1 or 2
        streamed.onChunk = [&](mb::OrderBatch &chunk) {
            chunks.push_back(std::move(chunk));
            return true;
        };
        mb::OrderBatch last;
        if (mb::parseOrders(file, streamed, last).status != mb::ParseStatus::Ok) std::abort();
        chunks.push_back(std::move(last));
        // Each chunk ends further into the file (the importer estimates the file's lines from the first), the
        // last at its end.
        for (size_t i = 1; i < chunks.size(); ++i)
            if (chunks[i].textEnd < chunks[i - 1].textEnd) std::abort();
        if (chunks.back().textEnd != file.text().size()) std::abort();
        // An order whose rows come back in a later chunk is counted per chunk (its status, its duplicate
        // rows); the writer refuses to write such chunks and imports the file whole instead.
        std::set<std::string> seenBefore;
        bool scattered = false;
        for (const mb::OrderBatch &c : chunks) {
            for (const auto &o : c.orders) scattered = scattered || seenBefore.count(o.externalId);
            for (const auto &o : c.orders) seenBefore.insert(o.externalId);
        }
        if (!scattered && chunks.back().notes != batch.notes) std::abort();
        size_t at = 0;
        int64_t rows = 0, duplicates = 0;
        size_t rejects = 0;
        for (const mb::OrderBatch &c : chunks) {
            rows += c.rowsRead;
            duplicates += c.duplicateRows;
            rejects += c.rejects.size();
            for (const auto &line : c.lines) {
                if (at >= batch.lines.size() || line.order >= c.orders.size()) std::abort();
                const auto &whole = batch.lines[at++];
                if (line.sku != whole.sku || line.line != whole.line || !(line.quantity == whole.quantity || line.quantity != line.quantity))
                    std::abort();
                if (c.orders[line.order].externalId != batch.orders[whole.order].externalId) std::abort();
            }
        }
        if (at != batch.lines.size() || rows != batch.rowsRead || (!scattered && duplicates != batch.duplicateRows)
            || rejects != batch.rejects.size())
            std::abort();
    }
    return 0;
}

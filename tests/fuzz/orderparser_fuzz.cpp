// Any bytes through TextFile::fromBytes and parseOrders, with each order format and with detection: the
// parsers must fail or reject, never crash, and what they return must hang together.
#include "core/io/importparser.h"

#include <cstdint>
#include <cstdlib>
#include <string>

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
    }
    return 0;
}

// Any bytes, read as a catalog in every format and with detection: the parsers may reject, fail or note,
// but must never crash, hang or read out of bounds.
#include "core/io/importparser.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const mb::TextFile file = mb::TextFile::fromBytes(std::string(reinterpret_cast<const char *>(data), size), "fuzz.csv");
    if (!file.ok()) return 0;
    static const char *const formats[] = {"", "generic", "shopify", "woocommerce", "magento"};
    for (const char *format : formats) {
        mb::ParseOptions options;
        options.format = format;
        mb::CatalogBatch batch;
        const mb::ParseResult r = mb::parseCatalog(file, options, batch);
        // Cheap invariants a crash-only fuzzer would miss.
        if (r.status == mb::ParseStatus::Ok && int64_t(batch.products.size()) > batch.rowsRead) __builtin_trap();
        if (r.status == mb::ParseStatus::Failed && r.error.empty()) __builtin_trap();
        // A reject's SKU goes into the reject report as text: never bytes that are not UTF-8.
        for (const mb::Reject &x : batch.rejects)
            if (!mb::isValidUtf8(x.sku.data(), x.sku.size())) __builtin_trap();
    }
    return 0;
}

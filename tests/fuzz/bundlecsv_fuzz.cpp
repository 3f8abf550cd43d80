// Any bytes as a bundle CSV (one row per tier item): the reader must accept or refuse with a message naming
// the file, never crash; what it accepts must read back the same after being written out again, and import
// into a workspace (inside a rolled-back transaction) must either apply it or change nothing.
#include "core/bundles/bundleexchange.h"
#include "core/io/exports/bundlecsv.h"
#include "fuzz/fuzzsupport.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static mbfuzz::InputFile input("bundles.csv");
    const std::string text(reinterpret_cast<const char *>(data), size);
    mb::ExportData read;
    std::string error;
    if (!mb::readBundleCsv(text, "fuzz.csv", read.bundles, error)) {
        if (error.rfind("fuzz.csv: ", 0) != 0) std::abort();
    } else {
        for (const mb::ExportBundle &b : read.bundles) {
            if (b.name.empty() || b.anchor.empty() || b.tiers.empty() || b.tiers.size() > 5) std::abort();
            for (const mb::ExportTier &t : b.tiers)
                if (t.items.empty()) std::abort();
        }
        const std::string written = mb::writeBundleCsv(read);
        mb::ExportData again;
        if (!mb::readBundleCsv(written, "again.csv", again.bundles, error)) std::abort();
        if (mb::writeBundleCsv(again) != written) std::abort();
    }
    mbfuzz::RolledBack rollback;
    const int64_t before = mbfuzz::count("SELECT count(*) FROM bundles");
    const mb::ExchangeImportReport r = mb::importExchangeFile(mbfuzz::workspace(), input.write(data, size));
    if (r.ok != r.error.empty()) std::abort();
    const int64_t after = mbfuzz::count("SELECT count(*) FROM bundles");
    if (!r.ok && after != before) std::abort();
    if (r.ok && after != before + r.bundlesAdded) std::abort();
    return 0;
}

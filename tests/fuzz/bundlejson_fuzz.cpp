// Any bytes as a Merchbench JSON export (maps and bundles): the reader must accept or refuse with a
// message, never crash; what it accepts must survive write -> read -> write unchanged (the export promise)
// and import into a workspace (inside a rolled-back transaction) with a report, never a crash.
#include "core/bundles/bundleexchange.h"
#include "core/io/exports/bundlejson.h"
#include "fuzz/fuzzsupport.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static mbfuzz::InputFile input("bundle.json");
    const std::string text(reinterpret_cast<const char *>(data), size);
    mb::ExportData read;
    std::string error;
    if (!mb::readExportJson(text, "fuzz.json", read, error)) {
        if (error.rfind("fuzz.json: ", 0) != 0) std::abort();
    } else {
        const std::string written = mb::writeExportJson(read);
        mb::ExportData again;
        if (!mb::readExportJson(written, "again.json", again, error)) std::abort();
        if (mb::writeExportJson(again) != written) std::abort();
    }
    // The importer chooses JSON or bundle CSV by content, so it also sees what the reader refused.
    mbfuzz::RolledBack rollback;
    const int64_t before = mbfuzz::count("SELECT count(*) FROM relations") + mbfuzz::count("SELECT count(*) FROM bundles");
    const mb::ExchangeImportReport r = mb::importExchangeFile(mbfuzz::workspace(), input.write(data, size));
    if (r.ok != r.error.empty()) std::abort();
    const int64_t after = mbfuzz::count("SELECT count(*) FROM relations") + mbfuzz::count("SELECT count(*) FROM bundles");
    if (!r.ok && after != before) std::abort();  // a refused file changes nothing
    if (r.ok && after != before + r.relationsAdded + r.bundlesAdded) std::abort();
    return 0;
}

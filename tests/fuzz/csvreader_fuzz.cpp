// Fuzz target: any bytes through the text loader, delimiter detection and the reader must neither crash
// nor lose track of lines (line numbers never go backwards and fields stay inside the data).
#include "core/io/csvreader.h"
#include "core/io/textfile.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mb::TextFile f = mb::TextFile::fromBytes(std::string(reinterpret_cast<const char *>(data), size), "fuzz.csv");
    if (!f.ok()) return 0;
    const char delim = mb::CsvReader::detectDelimiter(f.data);
    mb::CsvReader r(f.data, delim);
    mb::CsvRecord rec;
    int64_t lastLine = 0;
    while (r.next(rec)) {
        if (rec.line < lastLine || rec.lastLine < rec.line) std::abort();
        lastLine = rec.line;
        for (auto field : rec.fields)
            if (field.size() > f.data.size()) std::abort();
        if (rec.fields.empty()) std::abort();
        mb::CsvHeader h(rec.fields);
        (void)h.find({"sku"});
    }
    return 0;
}

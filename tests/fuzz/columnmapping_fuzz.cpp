// Any bytes as a saved column mapping (`--mapping FILE`): accepted or refused with a message naming the
// file, never a crash; an accepted mapping applied to a header made of its own columns renames each one,
// and an order file read through it parses (or is refused) without a crash.
#include "core/io/columnmapping.h"
#include "core/io/importparser.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    mb::ColumnMapping mapping;
    std::string error;
    if (!mb::ColumnMapping::parse(text, "fuzz.json", mapping, error)) {
        if (error.rfind("fuzz.json: ", 0) != 0) std::abort();
        return 0;
    }
    std::vector<std::string> names;
    std::string csv;
    for (const auto &[from, to] : mapping.columns) {
        names.push_back(from);
        csv += (csv.empty() ? "\"" : ",\"");
        for (char c : from) csv += c == '"' ? std::string("\"\"") : std::string(1, c);
        csv += '"';
    }
    std::vector<std::string_view> fields(names.begin(), names.end());
    mb::CsvHeader header(fields);
    mapping.apply(header);
    if (header.size() != names.size()) std::abort();
    csv += "\n";
    for (size_t i = 0; i < names.size(); ++i) csv += i ? ",1" : "1";
    csv += "\n";
    const mb::TextFile file = mb::TextFile::fromBytes(csv, "mapped.csv");
    if (!file.ok()) return 0;
    mb::ParseOptions options;
    options.mapping = &mapping;
    if (mapping.kind == "catalog") {
        mb::CatalogBatch batch;
        mb::parseCatalog(file, options, batch);
    } else {
        mb::OrderBatch batch;
        mb::parseOrders(file, options, batch);
    }
    return 0;
}

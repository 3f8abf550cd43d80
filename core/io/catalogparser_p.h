#pragma once
// Internal to the catalog parsers (catalogparser.cpp and the four format files): the state of one parse and
// the checks every format applies the same way (ragged rows, open quotes, exact duplicates, numbers,
// duplicate SKUs, progress), so a reject reads the same whichever platform wrote the file.
#include "core/io/csvreader.h"
#include "core/io/fieldparse.h"
#include "core/io/formulaguard.h"
#include "core/io/importparser.h"
#include "core/io/recordscreen.h"
#include "core/io/rejectsku.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace mb::catalog {

struct Context {
    Context(const TextFile &f, const ParseOptions &o, CatalogBatch &b, char delimiter)
        : file(f), options(o), out(b), reader(f.data, delimiter), screen(f), decimalComma(delimiter == ';')
    {
    }
    const TextFile &file;
    const ParseOptions &options;
    CatalogBatch &out;
    CsvReader reader;
    RecordScreen screen;
    CsvHeader header;
    int64_t headerLine = 1;
    // A semicolon-separated file comes from a locale that writes "12,50"; there "1,500" is 1.5, not 1500.
    bool decimalComma;

    // A cell as the product means it: trimmed, and without the leading ' that spreadsheet-safe exporters
    // (ours, WooCommerce's) put before = + - @.
    std::string_view cell(const CsvRecord &r, int column) const
    {
        return column >= 0 && size_t(column) < r.fields.size() ? trimmed(stripFormulaGuard(trimmed(r.fields[size_t(column)])))
                                                               : std::string_view();
    }
    // Where the format keeps a row's SKU and its rule for reading it: every reject names the row's SKU.
    // Each format sets it once, after finding its columns.
    RejectSku rejectSku;
    void reject(const CsvRecord &r, int column, std::string_view value, std::string reason)
    {
        out.rejects.push_back({r.line, column >= 0 ? header.name(column) : std::string(), std::string(value), std::move(reason),
                               rejectSku.of(r, header.size(), column)});
    }

    // Price and cost (decimals, 0 or more) and stock (a whole number); false, with a reject naming the cell,
    // when a non-empty cell is not such a number. The caller then drops the row: a product half-read is worse
    // than one listed in the reject report.
    bool amount(const CsvRecord &r, int column, std::optional<double> &value);
    enum class NegativeStock { Refused, Backorders };
    bool stock(const CsvRecord &r, int column, std::optional<int64_t> &value, NegativeStock negative);

    // First claim of a SKU wins; a later row with the same SKU is rejected naming the first line.
    bool claimSku(const CsvRecord &r, int column, const std::string &sku);
    bool skuTaken(const std::string &sku) const { return skus_.count(sku) != 0; }
    int64_t skuLine(const std::string &sku) const
    {
        auto it = skus_.find(sku);
        return it == skus_.end() ? 0 : it->second;
    }
    void takeSku(const std::string &sku, int64_t line) { skus_.emplace(sku, line); }

    // Runs `onRecord` for every data record that is whole (right field count, quotes closed) and not an
    // exact repeat of an earlier one. Counts rowsRead; false when the progress callback cancelled.
    template <class F> bool forEachRecord(F &&onRecord);

private:
    bool admit(const CsvRecord &r);
    bool progress();
    std::unordered_map<std::string, int64_t> skus_;
    std::unordered_set<std::string> seenRecords_;
    int64_t sinceProgress_ = 0;
};

template <class F> bool Context::forEachRecord(F &&onRecord)
{
    CsvRecord record;
    while (reader.next(record)) {
        if (!progress()) return false;
        if (admit(record)) onRecord(record);
    }
    if (out.duplicateRows > 0)
        out.notes.push_back(std::to_string(out.duplicateRows) + (out.duplicateRows == 1 ? " record repeats" : " records repeat")
                            + " an earlier record exactly and " + (out.duplicateRows == 1 ? "was" : "were") + " read once");
    return true;
}

// The SKU rule of the generic, WooCommerce and Magento files, as Context::cell reads every cell.
std::string_view catalogSku(std::string_view cell);

// Header names for messages: "Handle, Title, Vendor, … (41 more)".
std::string describeColumns(const CsvHeader &header);

// One function per format; each reads the records after the header and fills ctx.out.
ParseResult parseGeneric(Context &ctx);
ParseResult parseShopify(Context &ctx);
ParseResult parseWooCommerce(Context &ctx);
ParseResult parseMagento(Context &ctx);

// The column aliases of the generic format (also used by detection and by the other formats' fallbacks).
struct Aliases {
    static const std::vector<std::string> &sku();
    static const std::vector<std::string> &title();
    static const std::vector<std::string> &price();
    static const std::vector<std::string> &cost();
    static const std::vector<std::string> &stock();
    static const std::vector<std::string> &category();
    static const std::vector<std::string> &brand();
    static const std::vector<std::string> &family();
};

ParseResult cancelled();
ParseResult failed(const Context &ctx, const std::string &what);

}  // namespace mb::catalog

// Catalog import entry points: reads the header, applies a saved column mapping, picks the format (given or
// detected) and hands the records to that format's parser. Shared checks live here too (catalogparser_p.h).
#include "core/io/catalogparser_p.h"
#include "core/io/fieldaliases.h"
#include "core/io/fieldparse.h"

#include <algorithm>
#include <cmath>

namespace mb {

namespace catalog {

const std::vector<std::string> &Aliases::sku() { return fieldAliases(ImportKind::Catalog, "sku"); }
const std::vector<std::string> &Aliases::title() { return fieldAliases(ImportKind::Catalog, "title"); }
const std::vector<std::string> &Aliases::price() { return fieldAliases(ImportKind::Catalog, "price"); }
const std::vector<std::string> &Aliases::cost() { return fieldAliases(ImportKind::Catalog, "cost"); }
const std::vector<std::string> &Aliases::stock() { return fieldAliases(ImportKind::Catalog, "stock"); }
const std::vector<std::string> &Aliases::category() { return fieldAliases(ImportKind::Catalog, "category"); }
const std::vector<std::string> &Aliases::brand() { return fieldAliases(ImportKind::Catalog, "brand"); }
const std::vector<std::string> &Aliases::family() { return fieldAliases(ImportKind::Catalog, "family"); }

bool Context::amount(const CsvRecord &r, int column, std::optional<double> &value)
{
    const std::string_view text = cell(r, column);
    if (text.empty()) return true;
    double v = 0;
    if (!parseDecimal(text, v, decimalComma) || !std::isfinite(v)) {
        reject(r, column, text, decimalComma ? "expected a number like 12,50" : "expected a number like 12.50");
        return false;
    }
    // A refund or a discount has a sign; what a product costs or sells for does not. A negative one would
    // turn margins, bundle prices and the price band of every placement upside down.
    if (v < 0) {
        reject(r, column, text, std::string("expected 0 or more, like ") + (decimalComma ? "12,50" : "12.50")
                                    + ": a price or cost cannot be negative");
        return false;
    }
    value = v;
    return true;
}

bool Context::stock(const CsvRecord &r, int column, std::optional<int64_t> &value, NegativeStock negative)
{
    const std::string_view text = cell(r, column);
    if (text.empty()) return true;
    int64_t n = 0;
    double d = 0;
    bool whole = parseInteger(text, n);
    // Magento writes stock as "100.0000"; a fraction of an item is still an error.
    if (!whole && parseDecimal(text, d, decimalComma) && std::isfinite(d) && d == std::floor(d)) {
        if (std::fabs(d) >= kMaxExactInteger) {
            reject(r, column, text, "expected a whole number like 12, at most 9007199254740991");
            return false;
        }
        n = int64_t(d);
        whole = true;
    }
    if (!whole) {
        reject(r, column, text, "expected a whole number like 12");
        return false;
    }
    if (n < 0 && negative == NegativeStock::Refused) {
        reject(r, column, text, "expected 0 or more: only a Shopify, WooCommerce or Magento export can say a negative "
                                "stock (units on backorder)");
        return false;
    }
    value = n;
    return true;
}

bool Context::claimSku(const CsvRecord &r, int column, const std::string &sku)
{
    auto [it, inserted] = skus_.emplace(sku, r.line);
    if (inserted) return true;
    reject(r, column, sku, "duplicate SKU, first seen on line " + std::to_string(it->second));
    return false;
}

bool Context::progress()
{
    if (++sinceProgress_ < 4096) return true;
    sinceProgress_ = 0;
    if (!options.progress) return true;
    const double fraction = reader.size() ? double(reader.offset()) / double(reader.size()) : 1.0;
    return options.progress(fraction);
}

bool Context::admit(const CsvRecord &r)
{
    ++out.rowsRead;
    if (r.unterminatedQuote) {
        const std::string_view last = r.fields.empty() ? std::string_view() : r.fields.back();
        out.rejects.push_back({r.line, std::string(), std::string(last.substr(0, 60)),
                               "a quoted field opens on line " + std::to_string(r.line)
                                   + " and is never closed: expected a closing \" before the end of the file"});
        return false;
    }
    if (r.fields.size() != header.size()) {
        std::string shown;
        for (size_t i = 0; i < r.fields.size() && shown.size() < 60; ++i) {
            if (i) shown.push_back(reader.delimiter());
            shown.append(r.fields[i]);
        }
        out.rejects.push_back({r.line, std::string(), shown.substr(0, 60),
                               "expected " + std::to_string(header.size()) + " fields, found " + std::to_string(r.fields.size())});
        return false;
    }
    if (auto damaged = screen.check(r, header)) {
        // A damaged SKU cell is too large or not UTF-8, which RejectSku refuses by itself.
        damaged->sku = rejectSku.of(r, header.size(), -1);
        out.rejects.push_back(std::move(*damaged));
        return false;
    }
    std::string key;
    for (auto f : r.fields) {
        key.append(f);
        key.push_back('\x1F');
    }
    if (!seenRecords_.insert(std::move(key)).second) {
        ++out.duplicateRows;
        return false;
    }
    return true;
}

std::string_view catalogSku(std::string_view cell) { return trimmed(stripFormulaGuard(trimmed(cell))); }

std::string describeColumns(const CsvHeader &header)
{
    std::string s;
    const size_t shown = std::min<size_t>(header.size(), 12);
    for (size_t i = 0; i < shown; ++i) {
        if (i) s += ", ";
        s += header.names()[i].empty() ? std::string("(blank)") : header.names()[i];
    }
    if (header.size() > shown) s += ", … (" + std::to_string(header.size() - shown) + " more)";
    return s;
}

ParseResult cancelled() { return {ParseStatus::Cancelled, {}}; }

ParseResult failed(const Context &ctx, const std::string &what)
{
    return {ParseStatus::Failed, ctx.file.path + ": line " + std::to_string(ctx.headerLine) + ": " + what};
}

static std::string joined(const std::vector<std::string> &names)
{
    std::string s;
    for (const auto &n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

}  // namespace catalog

const std::vector<std::string> &catalogFormats()
{
    static const std::vector<std::string> f{"generic", "shopify", "woocommerce", "magento"};
    return f;
}

std::string detectCatalogFormat(const CsvHeader &h)
{
    // Shopify's older export names the key Handle and the variant columns "Variant …"; the current one (help.shopify.com
    // using-csv) names it "URL handle", a name no other format uses, beside SKU / Price / Option1 value / Title.
    if (h.find({"Handle"}) >= 0 && (h.find({"Variant SKU"}) >= 0 || h.find({"Variant Price"}) >= 0)) return "shopify";
    if (h.find({"URL handle"}) >= 0 && (h.find({"SKU"}) >= 0 || h.find({"Price"}) >= 0 || h.find({"Option1 value"}) >= 0 || h.find({"Title"}) >= 0))
        return "shopify";
    if (h.find({"Regular price"}) >= 0 || (h.find({"Type"}) >= 0 && h.find({"SKU"}) >= 0 && h.find({"In stock?"}) >= 0))
        return "woocommerce";
    // Our own WooCommerce link update (core/io/exports/woocommerceexport.cpp): a key and the link columns only.
    if ((h.find({"SKU"}) >= 0 || h.find({"ID"}) >= 0) && (h.find({"Upsells"}) >= 0 || h.find({"Cross-sells"}) >= 0))
        return "woocommerce";
    // A Magento links update (ours, or a hand-made one) carries only sku and the link columns.
    if (h.find({"sku"}) >= 0 && (h.find({"product_type"}) >= 0 || h.find({"attribute_set_code"}) >= 0 || h.find({"related_skus"}) >= 0
                                 || h.find({"crosssell_skus"}) >= 0 || h.find({"upsell_skus"}) >= 0))
        return "magento";
    if (h.find(catalog::Aliases::sku()) >= 0) return "generic";
    return {};
}

ParseResult parseCatalog(const TextFile &file, const ParseOptions &options, CatalogBatch &out)
{
    using namespace catalog;
    out = CatalogBatch{};
    const auto &formats = catalogFormats();
    if (!options.format.empty() && std::find(formats.begin(), formats.end(), options.format) == formats.end())
        return {ParseStatus::Failed, file.path + ": unknown catalog format \"" + options.format
                                         + "\": expected one of " + joined(formats)};

    Context ctx(file, options, out, CsvReader::detectDelimiter(file.data));
    CsvRecord first;
    if (!ctx.reader.next(first)) return failed(ctx, "expected a header line naming the columns, found nothing");
    ctx.headerLine = first.line;
    if (first.unterminatedQuote) return failed(ctx, "the header opens a quote that is never closed");
    if (auto damaged = ctx.screen.check(first, CsvHeader())) return failed(ctx, damaged->column + " of the header: " + damaged->reason);
    ctx.header = CsvHeader(first.fields);
    if (options.mapping && options.mapping->kind != "orders") options.mapping->apply(ctx.header);

    std::string format = options.format.empty() ? detectCatalogFormat(ctx.header) : options.format;
    if (format.empty())
        return failed(ctx, "no product catalog header: expected a SKU column (one of " + joined(Aliases::sku())
                               + "); found columns " + describeColumns(ctx.header));
    out.format = format;

    ParseResult result;
    if (format == "shopify") result = parseShopify(ctx);
    else if (format == "woocommerce") result = parseWooCommerce(ctx);
    else if (format == "magento") result = parseMagento(ctx);
    else result = parseGeneric(ctx);
    if (result.status != ParseStatus::Ok) {
        // Nothing half-read goes on; a cancel still says how far it read, so the report can show it stopped early.
        const int64_t read = result.status == ParseStatus::Cancelled ? out.rowsRead : 0;
        out = CatalogBatch{};
        out.format = format;
        out.rowsRead = read;
    }
    return result;
}

}  // namespace mb

#include "core/io/exports/bundlecsv.h"

#include "core/io/csvreader.h"
#include "core/io/csvwriter.h"
#include "core/io/fieldparse.h"
#include "core/io/formulaguard.h"

namespace mb {

namespace {

const std::vector<std::string> columns = {"bundle", "anchor", "tier", "tier_position", "pricing", "sku", "quantity",
                                          "optional", "unit_price", "discount_percent", "tier_price"};

std::string num(double v) { return std::isnan(v) ? std::string() : csvNumber(v); }

}  // namespace

std::string writeBundleCsv(const ExportData &data)
{
    std::string out;
    appendCsvRow(out, columns);
    for (const ExportBundle &b : data.bundles)
        for (size_t t = 0; t < b.tiers.size(); ++t) {
            const ExportTier &tier = b.tiers[t];
            for (const ExportItem &i : tier.items)
                appendCsvRow(out, {b.name, b.anchor, tier.name, std::to_string(t + 1), tier.pricing, i.sku, std::to_string(i.quantity),
                                   // The discount only where it prices the tier: a fixed tier keeps no stale one.
                                   i.optional ? "1" : "0", num(i.unitPrice), tier.pricing == "discount" ? num(tier.discountPercent) : std::string(),
                                   num(tier.pricing == "fixed" ? tier.fixedPrice : tier.price)});
        }
    return out;
}

bool readBundleCsv(const std::string &text, const std::string &path, std::vector<ExportBundle> &out, std::string &error)
{
    CsvReader reader(text, CsvReader::detectDelimiter(text));
    CsvRecord rec;
    if (!reader.next(rec)) {
        error = path + ": line 1: expected a header line (" + columns.front() + ", anchor, tier, …)";
        return false;
    }
    CsvHeader header(rec.fields);
    std::vector<int> col;
    for (const auto &c : columns) col.push_back(header.find({std::string_view(c)}));
    for (size_t i : {0, 1, 2, 5})
        if (col[i] < 0) {
            error = path + ": line 1: required column \"" + columns[i] + "\" is missing (expected bundle, anchor, tier, sku, and optionally "
                    "tier_position, pricing, quantity, optional, discount_percent, tier_price)";
            return false;
        }
    out.clear();
    while (reader.next(rec)) {
        auto field = [&](size_t i) -> std::string {
            return col[i] >= 0 && size_t(col[i]) < rec.fields.size() ? std::string(stripFormulaGuard(trimmed(rec.fields[size_t(col[i])]))) : std::string();
        };
        auto fail = [&](size_t i, const std::string &expected) {
            error = path + ": line " + std::to_string(rec.line) + ", column " + columns[i] + ": expected " + expected + ", found \"" + field(i) + "\"";
            return false;
        };
        if (rec.unterminatedQuote) { error = path + ": line " + std::to_string(rec.line) + ": a quoted field is never closed"; return false; }
        if (rec.fields.size() == 1 && trimmed(rec.fields[0]).empty()) continue;
        for (size_t i : {0, 1, 2, 5})
            if (field(i).empty()) return fail(i, "a value");
        ExportItem item;
        item.sku = field(5);
        int64_t q = 1;
        if (!field(6).empty() && (!parseInteger(field(6), q) || q < 1 || q > 1000000)) return fail(6, "a whole number ≥ 1");
        item.quantity = int(q);
        if (!field(7).empty()) {
            const auto b = parseBool(field(7));
            if (!b) return fail(7, "1 or 0");
            item.optional = *b;
        }
        const std::string pricing = field(4).empty() ? "sum" : field(4);
        if (pricing != "sum" && pricing != "discount" && pricing != "fixed") return fail(4, "sum, discount or fixed");
        double discount = 0, tierPrice = NAN;
        if (!field(9).empty() && (!parseDecimal(field(9), discount) || discount < 0 || discount > 100)) return fail(9, "a discount from 0 to 100");
        if (!field(10).empty() && !parseDecimal(field(10), tierPrice)) return fail(10, "a price");
        if (pricing == "fixed" && (std::isnan(tierPrice) || tierPrice < 0)) return fail(10, "the fixed price of the tier");

        if (out.empty() || out.back().name != field(0)) {
            for (const ExportBundle &b : out)
                if (b.name == field(0)) return fail(0, "the rows of one bundle together (\"" + b.name + "\" appeared earlier)");
            out.push_back({field(0), field(1), {}});
        }
        ExportBundle &b = out.back();
        if (b.anchor != field(1)) return fail(1, "the anchor of the bundle's first row, " + b.anchor);
        if (b.tiers.empty() || b.tiers.back().name != field(2)) {
            for (const ExportTier &t : b.tiers)
                if (t.name == field(2)) return fail(2, "the rows of one tier together (\"" + t.name + "\" appeared earlier)");
            if (b.tiers.size() == 5) return fail(2, "at most 5 tiers per bundle");
            ExportTier t;
            t.name = field(2);
            t.pricing = pricing;
            t.discountPercent = discount;
            if (pricing == "fixed") t.fixedPrice = tierPrice;
            else t.price = tierPrice;
            b.tiers.push_back(std::move(t));
        }
        b.tiers.back().items.push_back(std::move(item));
    }
    return true;
}

}  // namespace mb

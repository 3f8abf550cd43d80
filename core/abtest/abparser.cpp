#include "core/abtest/abparser.h"

#include "core/io/csvreader.h"
#include "core/io/fieldparse.h"
#include "core/io/formulaguard.h"
#include "core/io/textfile.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace mb::abtest {
namespace {

// Column names compared without case, blanks, dashes, dots or underscores: "Order ID", "order_id" and
// "order-id" are one name.
std::string folded(std::string_view s)
{
    std::string out;
    for (char c : trimmed(s))
        if (c != ' ' && c != '_' && c != '-' && c != '.') out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
    return out;
}

// The aliases, already folded. README.md lists them; keep the two in step.
const std::vector<std::string> kVariant = {"variant", "variation", "group", "arm", "bucket", "testgroup", "experimentgroup",
                                           "abgroup", "version", "branch", "treatment", "cohort", "recipe"};
const std::vector<std::string> kConverted = {"converted", "conversion", "isconverted", "purchased", "ordered", "bought",
                                             "didconvert", "success", "outcome"};
const std::vector<std::string> kOrder = {"orderid", "order", "ordernumber", "orderno", "transactionid", "transaction"};
const std::vector<std::string> kRevenue = {"revenue", "ordervalue", "value", "amount", "total", "ordertotal", "sales",
                                           "totalrevenue", "revenuesum", "linerevenue", "linetotal", "lineamount"};
const std::vector<std::string> kVisitor = {"visitorid", "visitor", "sessionid", "session", "userid", "user", "customerid",
                                           "clientid", "unitid"};
const std::vector<std::string> kDate = {"date", "timestamp", "time", "datetime", "orderedat", "createdat", "visitdate",
                                        "sessionstart", "day", "occurredat"};
const std::vector<std::string> kVisitors = {"visitors", "sessions", "users", "visits", "participants", "exposures",
                                            "samplesize", "n", "visitorcount", "sessioncount"};
const std::vector<std::string> kConversions = {"conversions", "converters", "converted", "purchases", "transactions",
                                               "conversioncount", "buyers"};
const std::vector<std::string> kOrders = {"orders", "ordercount"};
const std::vector<std::string> kSumSquares = {"revenuesumsquares", "revenuesumofsquares", "revenuesumsq", "revenuesquaredsum",
                                              "sumsqrevenue", "sumofsquares", "revenuess"};
const std::vector<std::string> kSd = {"revenuesd", "revenuestd", "revenuestddev", "revenuestandarddeviation", "rpvsd",
                                      "rpvstd", "sdrevenuepervisitor", "revenuepervisitorsd", "stdrevenuepervisitor"};
const std::vector<std::string> kShare = {"expectedshare", "share", "allocation", "trafficshare", "weight", "split",
                                         "expectedsplit"};

class Columns {
public:
    explicit Columns(const std::vector<std::string_view> &header)
    {
        for (std::string_view h : header) {
            names_.emplace_back(trimmed(h));
            folded_.push_back(folded(h));
        }
        if (!names_.empty() && names_[0].rfind("\xEF\xBB\xBF", 0) == 0) names_[0].erase(0, 3);
    }
    int find(const std::vector<std::string> &aliases) const
    {
        // Alias order wins over column order, so "order_id" is preferred to a column named "order".
        for (const std::string &a : aliases)
            for (size_t i = 0; i < folded_.size(); ++i)
                if (folded_[i] == a) return int(i);
        return -1;
    }
    const std::string &name(int c) const { return names_[size_t(c)]; }

private:
    std::vector<std::string> names_, folded_;
};

class Parser {
public:
    Parser(const std::string &utf8, const std::string &path, const AbProgress &progress) : data_(utf8), path_(path), progress_(progress) {}

    AbParse run()
    {
        AbParse out;
        out.results.path = path_;
        delimiter_ = CsvReader::detectDelimiter(data_);
        decimalComma_ = delimiter_ == ';';
        CsvReader reader(data_, delimiter_);
        CsvRecord rec;
        if (!reader.next(rec)) {
            out.error = path_ + ": the file holds no header line (expected variant with converted or order_id and revenue, "
                                "or variant, visitors, conversions, revenue)";
            return out;
        }
        const Columns cols(rec.fields);
        const bool ok = cols.find(kVisitors) >= 0 ? summary(cols, reader, out.results) : rows(cols, reader, out.results);
        if (!ok) {
            out.cancelled = cancelled_;
            out.error = error_;
            out.results = AbResults{};
            out.results.path = path_;
            return out;
        }
        out.ok = true;
        return out;
    }

private:
    std::string_view data_;
    std::string path_;
    char delimiter_ = ',';
    bool decimalComma_ = false;
    const AbProgress &progress_;
    bool cancelled_ = false;
    int64_t seen_ = 0;
    std::string error_;
    const Columns *cols_ = nullptr;
    const CsvRecord *rec_ = nullptr;

    std::string_view cell(int c) const
    {
        return c >= 0 && size_t(c) < rec_->fields.size() ? stripFormulaGuard(trimmed(rec_->fields[size_t(c)])) : std::string_view();
    }
    bool fail(int c, std::string_view value, const std::string &expected)
    {
        error_ = path_ + ": line " + std::to_string(rec_->line);
        if (c >= 0) error_ += ", field \"" + cols_->name(c) + "\"";
        if (c >= 0) error_ += ": \"" + std::string(value.substr(0, 80)) + "\"";
        error_ += ": expected " + expected;
        return false;
    }
    bool headerFail(const std::string &missing, const std::string &expected)
    {
        error_ = path_ + ": line 1: the header has no column for " + missing + " (expected " + expected + ")";
        return false;
    }
    bool readRecord(CsvReader &reader, CsvRecord &rec)
    {
        if (!reader.next(rec)) return false;
        if (progress_ && (++seen_ & 4095) == 0 && !progress_(double(reader.offset()) / double(std::max<size_t>(1, reader.size())))) {
            cancelled_ = true;
            error_ = path_ + ": reading was cancelled at line " + std::to_string(rec.line);
            return false;
        }
        if (rec.unterminatedQuote) {
            error_ = path_ + ": line " + std::to_string(rec.line) + ": a quoted field opened here is never closed";
            return false;
        }
        return true;
    }
    bool number(int c, double &out, bool required, const char *what)
    {
        const std::string_view v = cell(c);
        if (v.empty() && !required) { out = 0; return true; }
        if (!parseDecimal(v, out, decimalComma_) || !std::isfinite(out))
            return fail(c, v, std::string(what));
        return true;
    }
    bool count(int c, int64_t &out, const char *what)
    {
        const std::string_view v = cell(c);
        if (!parseInteger(v, out) || out < 0) return fail(c, v, std::string(what));
        return true;
    }

    bool summary(const Columns &cols, CsvReader &reader, AbResults &r)
    {
        cols_ = &cols;
        r.kind = AbFileKind::Summary;
        const char *shape = "variant, visitors, conversions, revenue";
        const int cVariant = cols.find(kVariant), cVisitors = cols.find(kVisitors);
        int cConv = cols.find(kConversions);
        if (cConv < 0) cConv = cols.find(kOrders);
        const int cRevenue = cols.find(kRevenue), cSumSq = cols.find(kSumSquares), cSd = cols.find(kSd), cShare = cols.find(kShare);
        if (cVariant < 0) return headerFail("the variant", shape);
        if (cConv < 0) return headerFail("conversions", shape);
        r.hasRevenue = cRevenue >= 0;
        if (cSumSq >= 0 && cSd >= 0) {
            error_ = path_ + ": line 1: the header has both \"" + cols.name(cSumSq) + "\" and \"" + cols.name(cSd) +
                     "\" (expected one measure of the revenue spread: a sum of squares or a standard deviation)";
            return false;
        }
        if ((cSumSq >= 0 || cSd >= 0) && cRevenue < 0) return headerFail("revenue", std::string(shape) + ", since the file gives its spread");
        CsvRecord rec;
        rec_ = &rec;
        std::unordered_map<std::string, int64_t> seen;
        while (readRecord(reader, rec)) {
            ++r.rowsRead;
            AbVariant v;
            v.line = rec.line;
            v.name = std::string(cell(cVariant));
            if (v.name.empty()) return fail(cVariant, "", "the name of a variant");
            if (const auto it = seen.find(v.name); it != seen.end())
                return fail(cVariant, v.name, "each variant on one line only; it is on line " + std::to_string(it->second) + " too");
            seen.emplace(v.name, rec.line);
            if (!count(cVisitors, v.visitors, "a whole number of visitors, 0 or more")) return false;
            if (!count(cConv, v.conversions, "a whole number of conversions, 0 or more")) return false;
            if (v.conversions > v.visitors)
                return fail(cConv, cell(cConv), "at most the variant's " + std::to_string(v.visitors) + " visitors");
            v.orders = v.conversions;
            if (cRevenue >= 0) {
                if (!number(cRevenue, v.revenue, true, "the variant's total revenue, a number")) return false;
                if (v.revenue < 0) return fail(cRevenue, cell(cRevenue), "a revenue of 0 or more");
            }
            if (cSumSq >= 0) {
                double ss = 0;
                if (!number(cSumSq, ss, true, "the sum of squared revenue per visitor, a number")) return false;
                // Cauchy–Schwarz: sum of squares >= sum^2 / n. A smaller one is a per-order figure or a typo.
                if (ss < 0 || (v.visitors > 0 && ss < v.revenue * v.revenue / double(v.visitors) * (1 - 1e-9)))
                    return fail(cSumSq, cell(cSumSq), "at least revenue² / visitors (" +
                                std::to_string(v.visitors > 0 ? v.revenue * v.revenue / double(v.visitors) : 0.0) +
                                "): the sum over visitors of each visitor's revenue squared");
                v.revenueSumOfSquares = ss;
            } else if (cSd >= 0) {
                double sd = 0;
                if (!number(cSd, sd, true, "the standard deviation of revenue per visitor, a number")) return false;
                if (sd < 0) return fail(cSd, cell(cSd), "a standard deviation of 0 or more");
                const double n = double(v.visitors), mean = n > 0 ? v.revenue / n : 0;
                v.revenueSumOfSquares = (n > 1 ? sd * sd * (n - 1) : 0) + n * mean * mean;
            }
            if (cShare >= 0 && !cell(cShare).empty()) {
                std::string_view s = cell(cShare);
                const bool percent = !s.empty() && s.back() == '%';
                if (percent) s = trimmed(s.substr(0, s.size() - 1));
                double share = 0;
                if (!parseDecimal(s, share, decimalComma_) || !(share > 0) || !std::isfinite(share))
                    return fail(cShare, cell(cShare), "the variant's planned share of traffic, above 0 (0.5, 50 % or a weight)");
                v.expectedShare = share;
            }
            r.variants.push_back(std::move(v));
        }
        if (!error_.empty()) return false;
        if (r.variants.size() < 2) {
            error_ = path_ + ": the file names " + std::to_string(r.variants.size()) +
                     " variant(s) (expected at least two: a control and one to compare with it)";
            return false;
        }
        size_t withShare = 0;
        for (const AbVariant &v : r.variants) withShare += v.expectedShare > 0;
        if (withShare != 0 && withShare != r.variants.size()) {
            for (const AbVariant &v : r.variants)
                if (v.expectedShare <= 0) {
                    error_ = path_ + ": line " + std::to_string(v.line) + ", field \"" + cols.name(cShare) +
                             "\": expected a planned share for every variant, since other lines give one";
                    return false;
                }
        }
        r.notes.push_back("summary file: one row per variant");
        if (cSumSq < 0 && cSd < 0 && r.hasRevenue)
            r.notes.push_back("no spread of revenue per visitor (sum of squares or standard deviation): revenue differences "
                              "are shown without an interval");
        return true;
    }

    struct Unit {
        size_t variant = 0;
        double revenue = 0;
        bool converted = false;
    };

    bool rows(const Columns &cols, CsvReader &reader, AbResults &r)
    {
        cols_ = &cols;
        r.kind = AbFileKind::Rows;
        const char *shape = "variant, converted (0/1) or order_id, revenue; or a summary with variant, visitors, conversions, revenue";
        const int cVariant = cols.find(kVariant), cConverted = cols.find(kConverted), cOrder = cols.find(kOrder);
        const int cRevenue = cols.find(kRevenue), cVisitor = cols.find(kVisitor), cDate = cols.find(kDate);
        if (cVariant < 0) return headerFail("the variant", shape);
        if (cConverted < 0 && cOrder < 0) return headerFail("converted or an order id", shape);
        r.hasRevenue = cRevenue >= 0;
        CsvRecord rec;
        rec_ = &rec;
        std::unordered_map<std::string, size_t> variantIndex;
        std::unordered_map<std::string, size_t> unitIndex;     // visitor id or order id -> units
        std::unordered_map<std::string, std::pair<size_t, int64_t>> orderIndex;   // order id -> orders, first line
        std::vector<Unit> units;
        struct Order { size_t variant; double value; };
        std::vector<Order> orders;
        bool anyNonBuyer = false;
        while (readRecord(reader, rec)) {
            ++r.rowsRead;
            const std::string_view name = cell(cVariant);
            if (name.empty()) return fail(cVariant, name, "the variant the row belongs to");
            auto [vit, added] = variantIndex.try_emplace(std::string(name), r.variants.size());
            if (added) {
                AbVariant v;
                v.name = std::string(name);
                v.line = rec.line;
                r.variants.push_back(std::move(v));
            }
            const size_t variant = vit->second;
            const std::string_view orderId = cell(cOrder);
            bool converted = !orderId.empty();
            if (cConverted >= 0) {
                const std::string_view c = cell(cConverted);
                const std::optional<bool> b = parseBool(c);
                if (!b) return fail(cConverted, c, "1 or 0 (also true/false, yes/no)");
                converted = *b;
                if (!converted && !orderId.empty())
                    return fail(cConverted, c, "1 on a row that names order " + std::string(orderId));
            }
            double revenue = 0;
            if (cRevenue >= 0) {
                const std::string_view v = cell(cRevenue);
                if (converted && v.empty()) return fail(cRevenue, v, "the revenue of the order on this converted row");
                if (!number(cRevenue, revenue, false, "a revenue, a number such as 24.90")) return false;
                if (revenue < 0) return fail(cRevenue, v, "a revenue of 0 or more (leave refunds out of the file)");
                if (!converted && revenue != 0) return fail(cRevenue, v, "0 or nothing on a row that did not convert");
            }
            if (cDate >= 0) {
                const std::string_view d = cell(cDate);
                int64_t t = 0;
                int32_t offset = 0;
                if (!parseTimestamp(d, t, offset))
                    return fail(cDate, d, "a date such as 2024-05-01 or 2024-05-01 10:00:00, on every row");
                if (!r.firstTime || t < *r.firstTime) r.firstTime = t;
                if (!r.lastTime || t > *r.lastTime) r.lastTime = t;
            }
            // The unit a visitor is counted by: the visitor id, else the order (lines of one order are one
            // visit), else the row itself.
            std::string unitKey;
            if (cVisitor >= 0) {
                const std::string_view id = cell(cVisitor);
                if (id.empty()) return fail(cVisitor, id, "the visitor or session id of the row");
                unitKey = "v:" + std::string(id);
            } else if (!orderId.empty()) {
                unitKey = "o:" + std::string(orderId);
            }
            size_t unit = units.size();
            if (!unitKey.empty()) {
                auto [uit, isNew] = unitIndex.try_emplace(unitKey, units.size());
                unit = uit->second;
                if (!isNew && units[unit].variant != variant) {
                    // A visitor who saw two variants: kept in the first, this row left out (the report warns).
                    if (cVisitor >= 0) {
                        ++r.crossoverRows;
                        crossover_.emplace(unit);
                        continue;
                    }
                    return fail(cOrder, orderId, "each order in one variant; order " + std::string(orderId) + " is in variant \"" +
                                r.variants[units[unit].variant].name + "\" too");
                }
            }
            if (unit == units.size()) units.push_back({variant, 0, false});
            if (!converted) anyNonBuyer = true;
            units[unit].converted = units[unit].converted || converted;
            units[unit].revenue += revenue;
            if (converted) {
                if (!orderId.empty()) {
                    auto [oit, isNew] = orderIndex.try_emplace(std::string(orderId), orders.size(), rec.line);
                    if (isNew) {
                        orders.push_back({variant, 0});
                    } else if (orders[oit->second.first].variant != variant) {
                        return fail(cOrder, orderId, "each order in one variant; order " + std::string(orderId) + " is in variant \"" +
                                    r.variants[orders[oit->second.first].variant].name + "\" on line " +
                                    std::to_string(oit->second.second));
                    }
                    orders[oit->second.first].value += revenue;
                } else {
                    orders.push_back({variant, revenue});
                }
            }
        }
        if (!error_.empty()) return false;
        if (r.variants.size() < 2) {
            error_ = path_ + ": the file names " + std::to_string(r.variants.size()) +
                     " variant(s) (expected at least two: a control and one to compare with it)";
            return false;
        }
        r.crossoverVisitors = int64_t(crossover_.size());
        for (const Unit &u : units) {
            AbVariant &v = r.variants[u.variant];
            ++v.visitors;
            v.conversions += u.converted;
            if (u.revenue != 0) v.visitorRevenue.push_back(u.revenue);
        }
        for (const Order &o : orders) {
            AbVariant &v = r.variants[o.variant];
            ++v.orders;
            v.revenue += o.value;
            v.orderValues.push_back(o.value);
        }
        r.visitorsKnown = anyNonBuyer;
        r.notes.push_back(std::string("per-row file: ") +
                          (cVisitor >= 0 ? "visitors counted by \"" + cols.name(cVisitor) + "\""
                                         : cOrder >= 0 && cConverted < 0 ? std::string("one visitor per order, or per row without an order")
                                                                         : std::string("one visitor per row")) +
                          (cConverted >= 0 ? ", conversion from \"" + cols.name(cConverted) + "\"" : ", conversion = the row names an order") +
                          (cRevenue >= 0 ? ", revenue from \"" + cols.name(cRevenue) + "\"" : ", no revenue column"));
        if (!r.visitorsKnown)
            r.notes.push_back("every row is an order: the file holds no visits that did not buy, so conversion and revenue per "
                              "visitor cannot be read (AOV can)");
        return true;
    }

    std::unordered_set<size_t> crossover_;
};

}  // namespace

AbParse parseAbResults(const std::string &path, const AbProgress &progress)
{
    const TextFile file = TextFile::load(path);
    if (!file.ok() || !file.invalidUtf8.empty()) {
        AbParse p;
        p.results.path = path;
        p.error = file.ok() ? file.invalidUtf8Error() : file.error;
        return p;
    }
    return parseAbResultsText(file.data, path, progress);
}

AbParse parseAbResultsText(const std::string &utf8, const std::string &path, const AbProgress &progress)
{
    return Parser(utf8, path, progress).run();
}

}  // namespace mb::abtest

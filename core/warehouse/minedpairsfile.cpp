#include "core/warehouse/minedpairsfile.h"

#include "core/io/csvreader.h"

#include <charconv>
#include <cmath>
#include <utility>

namespace mb {

namespace {

std::string shown(std::string_view v)
{
    std::string s(v.substr(0, 80));
    return "\"" + s + (v.size() > 80 ? "...\"" : "\"");
}

bool parseDouble(std::string_view s, double &v)
{
    s = trimmed(s);
    if (s.empty()) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(v);
}

bool parseCount(std::string_view s, int64_t &v)
{
    s = trimmed(s);
    if (s.empty()) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

bool readMinedPairs(std::string_view data, const std::string &fileName, const ProductLookup &productId, MinedPairsFile &out,
                    std::string &error)
{
    CsvReader reader(data, ',');
    CsvRecord rec;
    if (!reader.next(rec)) {
        error = fileName + ": the file is empty: expected a header naming antecedent, consequent, count, support, "
                           "confidence, lift, cosine";
        return false;
    }
    const CsvHeader header(rec.fields);
    const int cA = header.find({"antecedent"}), cC = header.find({"consequent"}), cN = header.find({"count"});
    const int cS = header.find({"support"}), cConf = header.find({"confidence"}), cL = header.find({"lift"});
    const int cCos = header.find({"cosine"}), cB = header.find({"baskets"});
    const int cNa = header.find({"antecedent_count"}), cNc = header.find({"consequent_count"});
    const std::pair<int, const char *> required[] = {{cA, "antecedent"}, {cC, "consequent"}, {cN, "count"}, {cS, "support"},
                                                     {cConf, "confidence"}, {cL, "lift"}, {cCos, "cosine"}};
    for (const auto &[column, name] : required)
        if (column < 0) {
            error = fileName + ":" + std::to_string(rec.line) + ": the header has no \"" + name + "\" column: expected "
                    "antecedent, consequent, count, support, confidence, lift, cosine (as `warehouse sql` writes them)";
            return false;
        }
    while (reader.next(rec)) {
        const std::string at = fileName + ":" + std::to_string(rec.line) + ": ";
        if (rec.unterminatedQuote) {
            error = at + "a quoted field is never closed";
            return false;
        }
        if (rec.fields.size() != header.size()) {
            error = at + std::to_string(rec.fields.size()) + " fields, expected " + std::to_string(header.size()) + " as in the header";
            return false;
        }
        auto field = [&](int c) { return rec.fields[size_t(c)]; };
        auto fail = [&](int c, const std::string &expected) {
            error = at + header.names()[size_t(c)] + ": " + shown(field(c)) + ": expected " + expected;
            return false;
        };
        StoredPairRule r;
        for (const auto &[c, id] : {std::pair<int, int64_t *>{cA, &r.antecedentId}, {cC, &r.consequentId}}) {
            const std::string sku(trimmed(field(c)));
            if (sku.empty()) return fail(c, "a SKU");
            const std::optional<int64_t> found = productId(sku);
            if (!found) return fail(c, "a SKU of the workspace (import the catalog or the orders that name it first)");
            *id = *found;
        }
        if (r.antecedentId == r.consequentId) return fail(cC, "a SKU other than the antecedent");
        if (!parseCount(field(cN), r.count) || r.count < 1) return fail(cN, "a whole number of baskets, 1 or more");
        if (!parseDouble(field(cS), r.support) || r.support <= 0 || r.support > 1) return fail(cS, "a share above 0 and at most 1");
        if (!parseDouble(field(cConf), r.confidence) || r.confidence <= 0 || r.confidence > 1)
            return fail(cConf, "a share above 0 and at most 1");
        if (!parseDouble(field(cL), r.lift) || r.lift <= 0) return fail(cL, "a number above 0");
        if (!parseDouble(field(cCos), r.cosine) || r.cosine <= 0 || r.cosine > 1 + 1e-12) return fail(cCos, "a number above 0 and at most 1");
        int64_t na = -1, nc = -1;
        if (cNa >= 0 && (!parseCount(field(cNa), na) || na < r.count)) return fail(cNa, "a whole number at least the pair's count");
        if (cNc >= 0 && (!parseCount(field(cNc), nc) || nc < r.count)) return fail(cNc, "a whole number at least the pair's count");
        if (cB >= 0) {
            int64_t b = 0;
            if (!parseCount(field(cB), b) || b < r.count) return fail(cB, "a whole number at least the pair's count");
            if (out.baskets >= 0 && b != out.baskets)
                return fail(cB, std::to_string(out.baskets) + " as on the rows (and parts) before: one query counts one set of baskets");
            out.baskets = b;
            // The ratios must be the counts' own, or the file was edited or comes from another query.
            const double support = double(r.count) / double(b);
            if (std::fabs(r.support - support) > 1e-9 * support)
                return fail(cS, "count / baskets = " + std::to_string(support));
            if (na > 0 && std::fabs(r.confidence - double(r.count) / double(na)) > 1e-9 * r.confidence)
                return fail(cConf, "count / antecedent_count");
        }
        if (!out.pairs.emplace(r.antecedentId, r.consequentId).second) return fail(cC, "each antecedent -> consequent pair once");
        out.rules.push_back(r);
        ++out.rows;
    }
    return true;
}

}  // namespace mb

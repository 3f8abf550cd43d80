// Any bytes as an A/B results file (rows or summary): the parser must refuse with the file's name and a
// line, or read a result that hangs together; a refusal leaves nothing behind; and the report over any
// accepted file must never crash and keep its figures within their ranges.
#include "core/abtest/abparser.h"
#include "core/abtest/abreport.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    const mb::abtest::AbParse p = mb::abtest::parseAbResultsText(text, "fuzz.csv");
    if (p.ok != p.error.empty()) std::abort();
    if (!p.ok) {
        if (p.error.rfind("fuzz.csv: ", 0) != 0 || !p.results.variants.empty() || p.results.rowsRead != 0) std::abort();
        return 0;
    }
    const mb::abtest::AbResults &r = p.results;
    if (r.variants.size() < 2) std::abort();
    int64_t visitors = 0;
    for (const mb::abtest::AbVariant &v : r.variants) {
        if (v.name.empty() || v.line < 2 || v.visitors < 0 || v.conversions < 0 || v.orders < 0) std::abort();
        if (r.visitorsKnown && v.conversions > v.visitors) std::abort();
        if (r.kind == mb::abtest::AbFileKind::Rows && int64_t(v.orderValues.size()) != v.orders) std::abort();
        if (int64_t(v.visitorRevenue.size()) > v.visitors) std::abort();
        visitors += v.visitors;
    }
    if (r.kind == mb::abtest::AbFileKind::Rows && visitors + r.crossoverRows > r.rowsRead) std::abort();
    mb::abtest::AbOptions o;
    o.bootstrapResamples = 50;
    o.wantedLift = (size & 1) ? 0.1 : -0.05;
    const mb::abtest::AbReport report = mb::abtest::analyse(r, o);
    if (!report.error.empty()) return 0;
    if (report.comparisons.size() + 1 != report.arms.size()) std::abort();
    for (const mb::abtest::AbArm &a : report.arms) {
        const double x = a.rate.estimate;
        if (!std::isnan(x) && (x < 0 || x > 1 || a.rate.lower > x + 1e-12 || a.rate.upper < x - 1e-12)) std::abort();
    }
    for (const mb::abtest::AbComparison &c : report.comparisons) {
        const mb::abtest::Interval &d = c.rateDifference;
        if (!std::isnan(d.estimate) && (d.lower < -1 || d.upper > 1 || d.lower > d.estimate + 1e-12 || d.upper < d.estimate - 1e-12))
            std::abort();
        if (!std::isnan(c.z.pValue) && (c.z.pValue < 0 || c.z.pValue > 1)) std::abort();
        if (c.aov.valid && !(c.aov.pValue >= 0 && c.aov.pValue <= 1 && c.aov.difference.lower <= c.aov.difference.upper)) std::abort();
        if (!std::isnan(c.power) && (c.power < 0 || c.power > 1 + 1e-12)) std::abort();
    }
    (void)mb::abtest::reportCsv(report);
    return 0;
}

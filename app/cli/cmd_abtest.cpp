// abtest read FILE [--control NAME] [--wanted-lift L] [--alpha A] [--power P] [--split S,S...] [--resamples N]
//                  [--seed N] [--json | --csv]
// abtest sample-size --baseline RATE --lift L [--alpha A] [--power P] [--json]
// Neither needs a workspace: an experiment's results are a file of their own.
#include "command.h"

#include "core/abtest/abparser.h"
#include "core/abtest/abreport.h"
#include "core/io/numbertext.h"

#include <QJsonArray>

#include <charconv>
#include <cmath>

namespace mb::cli {
namespace {

using namespace mb::abtest;

QString q(const std::string &s) { return QString::fromStdString(s); }
QJsonValue num(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }


// "p = 0.0080", or "p < 0.0001" where four decimals would print 0.
std::string pText(double p)
{
    if (!std::isfinite(p)) return "p n/a";
    return p < 0.0001 ? "p < 0.0001" : "p = " + fixedDecimals(p, 4);
}

// A number option that must lie in (low, high): the message names the option and the range.
bool rangedOption(CliArgs &a, const std::string &name, double &value, double low, double high, const char *what, std::string &error)
{
    const auto v = a.value(name);
    if (!v) return true;
    double d = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), d);
    if (ec != std::errc() || p != v->data() + v->size() || !(d > low && d < high)) {
        error = "option --" + name + ": expected " + what + ", got \"" + *v + "\"";
        return false;
    }
    value = d;
    return true;
}

std::string confidence(double alpha) { return fixedDecimals((1 - alpha) * 100, (1 - alpha) * 100 == std::round((1 - alpha) * 100) ? 0 : 1) + " %"; }

std::string textReport(const std::string &path, const AbReport &r)
{
    const std::string ci = confidence(r.options.alpha) + " CI ";
    std::string o = "A/B results " + path + ": " + (r.kind == AbFileKind::Summary ? "summary" : "per-row") + " file, " +
                    std::to_string(r.arms.size()) + " variants, control \"" + r.arms[r.control].name + "\"";
    if (r.runDays) o += ", ran " + std::to_string(*r.runDays) + " days";
    o += "\n";
    for (const AbWarning &w : r.warnings) o += "WARNING: " + w.text + "\n";
    // The control first, the others in file order.
    std::vector<size_t> order{r.control};
    for (size_t i = 0; i < r.arms.size(); ++i)
        if (i != r.control) order.push_back(i);
    for (size_t i : order) {
        const AbArm &a = r.arms[i];
        o += "\n" + a.name + (i == r.control ? " (control)" : "") + "\n";
        o += "  visitors " + grouped(a.visitors) + ", conversions " + grouped(a.conversions) + ", orders " + grouped(a.orders);
        if (r.hasRevenue) o += ", revenue " + fixedDecimals(a.revenue, 2);
        o += "\n";
        if (r.visitorsKnown)
            o += "  conversion " + percent(a.rate.estimate, 2) + " (" + ci + percent(a.rate.lower, 2) + " to " + percent(a.rate.upper, 2) + ")\n";
        if (r.hasRevenue)
            o += "  AOV " + fixedDecimals(a.aov.mean, 2) + (r.visitorsKnown ? ", revenue per visitor " + fixedDecimals(a.rpv.mean, 2) : "") + "\n";
        for (const AbComparison &c : r.comparisons) {
            if (c.arm != i) continue;
            if (r.visitorsKnown) {
                o += "  vs control: conversion " + fixedDecimals(c.rateDifference.estimate * 100, 2, true) + " pts (" + ci +
                     fixedDecimals(c.rateDifference.lower * 100, 2, true) + " to " + fixedDecimals(c.rateDifference.upper * 100, 2, true) +
                     " pts), lift " + percent(c.relativeLift, 1, true) + ", " + pText(c.z.pValue) + "\n";
            }
            auto mean = [&](const char *label, const WelchResult &w, const std::optional<Interval> &boot, bool perVisitor) {
                if (!std::isfinite(w.difference.estimate)) return;
                o += std::string("  vs control: ") + label + " " + fixedDecimals(w.difference.estimate, 2, true);
                if (w.valid)
                    o += " (" + ci + fixedDecimals(w.difference.lower, 2, true) + " to " + fixedDecimals(w.difference.upper, 2, true) + ", Welch df " +
                         fixedDecimals(w.df, 1) + ", " + pText(w.pValue) + ")";
                else
                    o += " (no interval: " + untestedReason(w.untested, perVisitor) + ")";
                if (boot) o += "; bootstrap " + fixedDecimals(boot->lower, 2, true) + " to " + fixedDecimals(boot->upper, 2, true);
                o += "\n";
            };
            if (r.hasRevenue) {
                mean("AOV", c.aov, c.aovBootstrap, false);
                if (r.visitorsKnown) mean("revenue per visitor", c.rpv, c.rpvBootstrap, true);
            }
            if (std::isfinite(c.power))
                o += "  power " + percent(c.power, 0) + " to detect " + (c.powerForObserved ? "the observed " : "a ") +
                     percent(c.powerLift, 1, true) + " lift\n";
            if (std::isfinite(c.minimumDetectableLift))
                o += "  smallest lift these visitors detect with " + percent(r.options.power, 0) + " power: " +
                     percent(c.minimumDetectableLift, 1, true) + "\n";
        }
    }
    if (r.needed && r.needed->perVariant > 0)
        o += "\nsample size for a " + percent(*r.options.wantedLift, 1, true) + " lift: " + grouped(r.needed->perVariant) +
             " visitors per variant\n";
    if (std::isfinite(r.sampleRatio.pValue))
        o += "sample-ratio check: chi-square " + fixedDecimals(r.sampleRatio.statistic, 2) + ", " + pText(r.sampleRatio.pValue) + "\n";
    for (const std::string &n : r.notes) o += "note: " + n + "\n";
    return o;
}

QJsonObject welchJson(const WelchResult &w, const std::optional<Interval> &boot, bool perVisitor)
{
    QJsonObject o{{"difference", num(w.difference.estimate)}, {"low", num(w.difference.lower)}, {"high", num(w.difference.upper)},
                  {"df", num(w.df)}, {"pValue", num(w.pValue)}};
    if (!w.valid) o["noInterval"] = QString::fromStdString(untestedReason(w.untested, perVisitor));
    if (boot) o["bootstrap"] = QJsonObject{{"low", num(boot->lower)}, {"high", num(boot->upper)}};
    return o;
}

QJsonObject jsonReport(const std::string &path, const AbReport &r)
{
    QJsonArray arms;
    for (size_t i = 0; i < r.arms.size(); ++i) {
        const AbArm &a = r.arms[i];
        QJsonObject arm{{"name", q(a.name)}, {"control", i == r.control}, {"visitors", double(a.visitors)},
                        {"conversions", double(a.conversions)}, {"orders", double(a.orders)}, {"revenue", num(a.revenue)},
                        {"rate", num(a.rate.estimate)}, {"rateLow", num(a.rate.lower)}, {"rateHigh", num(a.rate.upper)},
                        {"aov", num(a.aov.mean)}, {"rpv", num(a.rpv.mean)}};
        for (const AbComparison &c : r.comparisons) {
            if (c.arm != i) continue;
            arm["vsControl"] = QJsonObject{
                {"rateDifference", num(c.rateDifference.estimate)}, {"low", num(c.rateDifference.lower)},
                {"high", num(c.rateDifference.upper)}, {"relativeLift", num(c.relativeLift)}, {"z", num(c.z.z)},
                {"pValue", num(c.z.pValue)}, {"aov", welchJson(c.aov, c.aovBootstrap, false)}, {"rpv", welchJson(c.rpv, c.rpvBootstrap, true)},
                {"power", num(c.power)}, {"powerLift", num(c.powerLift)}, {"powerForObservedLift", c.powerForObserved},
                {"minimumDetectableLift", num(c.minimumDetectableLift)}};
        }
        arms.append(arm);
    }
    QJsonArray warnings, notes, shares;
    static const char *kinds[] = {"no-visitors", "sample-ratio-mismatch", "crossover", "short-run", "stopped-early", "under-powered",
                                  "many-comparisons"};
    for (const AbWarning &w : r.warnings) warnings.append(QJsonObject{{"kind", kinds[int(w.kind)]}, {"text", q(w.text)}});
    for (const std::string &n : r.notes) notes.append(q(n));
    for (double s : r.expectedShares) shares.append(s);
    QJsonObject o{{"file", q(path)}, {"kind", r.kind == AbFileKind::Summary ? "summary" : "rows"},
                  {"control", q(r.arms[r.control].name)}, {"alpha", r.options.alpha}, {"power", r.options.power},
                  {"visitorsKnown", r.visitorsKnown}, {"variants", arms}, {"warnings", warnings}, {"notes", notes},
                  {"sampleRatio", QJsonObject{{"chiSquare", num(r.sampleRatio.statistic)}, {"df", num(r.sampleRatio.df)},
                                              {"pValue", num(r.sampleRatio.pValue)}, {"expectedShares", shares}}}};
    o["runDays"] = r.runDays ? QJsonValue(double(*r.runDays)) : QJsonValue(QJsonValue::Null);
    o["wantedLift"] = r.options.wantedLift ? QJsonValue(*r.options.wantedLift) : QJsonValue(QJsonValue::Null);
    o["visitorsNeededPerVariant"] = r.needed && r.needed->perVariant > 0 ? QJsonValue(double(r.needed->perVariant)) : QJsonValue(QJsonValue::Null);
    return o;
}

int runRead(Context &ctx)
{
    CliArgs a(ctx.args, {"control", "wanted-lift", "alpha", "power", "split", "resamples", "seed"}, {"json", "csv"});
    if (!a.ok()) return ctx.usage(a.error());
    if (a.positional().size() != 1) return ctx.usage("abtest read takes one results file (a CSV of rows or of per-variant totals)");
    const bool json = ctx.json || a.flag("json");
    if (json && a.flag("csv")) return ctx.usage("choose one of --json and --csv");
    AbOptions o;
    std::string error;
    if (const auto c = a.value("control")) o.control = *c;
    double lift = 0;
    if (a.value("wanted-lift")) {
        if (!rangedOption(a, "wanted-lift", lift, -1, 100, "a relative lift such as 0.05 for +5 %, above -1", error)) return ctx.usage(error);
        if (lift == 0) return ctx.usage("option --wanted-lift: expected a lift other than 0, got \"" + *a.value("wanted-lift") + "\"");
        o.wantedLift = lift;
    }
    if (!rangedOption(a, "alpha", o.alpha, 0, 0.5, "a significance level between 0 and 0.5 such as 0.05", error) ||
        !rangedOption(a, "power", o.power, 0, 1, "a power between 0 and 1 such as 0.8", error))
        return ctx.usage(error);
    if (const auto s = a.value("split")) {
        size_t start = 0;
        while (start <= s->size()) {
            size_t end = s->find_first_of(",/:", start);
            if (end == std::string::npos) end = s->size();
            const std::string part = s->substr(start, end - start);
            double d = 0;
            auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), d);
            if (ec != std::errc() || p != part.data() + part.size() || !(d > 0))
                return ctx.usage("option --split: expected the planned shares of the variants in file order, such as 50,50 or 0.8,0.2, got \"" + *s + "\"");
            o.expectedSplit.push_back(d);
            start = end + 1;
        }
    }
    o.bootstrapResamples = int(a.integer("resamples", o.bootstrapResamples));
    o.seed = uint64_t(a.integer("seed", int64_t(o.seed)));
    if (!a.ok()) return ctx.usage(a.error());
    if (o.bootstrapResamples < 0 || o.bootstrapResamples > 1000000)
        return ctx.usage("option --resamples: expected a whole number from 0 (no bootstrap) to 1,000,000, got \"" + *a.value("resamples") + "\"");
    const std::string path = a.positional().front();
    const AbParse parsed = parseAbResults(path);
    if (!parsed.ok) return ctx.badInput(parsed.error);
    const AbReport r = analyse(parsed.results, o);
    if (!r.error.empty()) return ctx.badInput(r.error);
    if (json) ctx.printJson(jsonReport(path, r));
    else if (a.flag("csv")) ctx.print(reportCsv(r));
    else ctx.print(textReport(path, r));
    return Success;
}

int runSampleSize(Context &ctx)
{
    CliArgs a(ctx.args, {"baseline", "lift", "alpha", "power"}, {"json"});
    if (!a.ok()) return ctx.usage(a.error());
    if (!a.positional().empty()) return ctx.usage("abtest sample-size takes no file: \"" + a.positional().front() + "\"");
    if (!a.value("baseline")) return ctx.usage("abtest sample-size needs --baseline, the control's conversion rate such as 0.03");
    if (!a.value("lift")) return ctx.usage("abtest sample-size needs --lift, the relative lift to detect such as 0.1 for +10 %");
    double baseline = 0, lift = 0, alpha = 0.05, power = 0.8;
    std::string error;
    if (!rangedOption(a, "baseline", baseline, 0, 1, "a conversion rate between 0 and 1 such as 0.03", error) ||
        !rangedOption(a, "lift", lift, -1, 100, "a relative lift such as 0.1 for +10 %, above -1", error) ||
        !rangedOption(a, "alpha", alpha, 0, 0.5, "a significance level between 0 and 0.5 such as 0.05", error) ||
        !rangedOption(a, "power", power, 0, 1, "a power between 0 and 1 such as 0.8", error))
        return ctx.usage(error);
    const double target = baseline * (1 + lift);
    if (lift == 0 || !(target > 0 && target < 1))
        return ctx.usage("option --lift: expected a lift other than 0 that keeps the rate between 0 and 1 (" + fixedDecimals(baseline, 4) +
                         " x (1 + " + *a.value("lift") + ") = " + fixedDecimals(target, 4) + ")");
    const SampleSize s = sampleSizeForLift(baseline, lift, alpha, power);
    if (ctx.json || a.flag("json")) {
        ctx.printJson(QJsonObject{{"baseline", baseline}, {"lift", lift}, {"target", target}, {"alpha", alpha}, {"power", power},
                                  {"visitorsPerVariant", double(s.perVariant)},
                                  {"visitorsPerVariantContinuityCorrected", double(s.continuityCorrected)},
                                  {"visitorsTwoVariants", double(2 * s.perVariant)}});
        return Success;
    }
    ctx.print("To detect a " + percent(lift, 1, true) + " lift from " + percent(baseline, 2) + " (to " + percent(target, 2) +
              ") with a two-sided test at alpha " + fixedDecimals(alpha, 3) + " and power " + percent(power, 0) + ":\n  " +
              grouped(s.perVariant) + " visitors per variant (" + grouped(2 * s.perVariant) + " for an A/B test of two variants)\n" +
              "  " + grouped(s.continuityCorrected) + " per variant with Fleiss's continuity correction\n");
    return Success;
}

Registration read("abtest read", "FILE [--control NAME] [--wanted-lift L] [--alpha A] [--power P] [--split 50,50] [--resamples N] [--seed N] [--json|--csv]",
                  "read an A/B test's results (rows with a variant, or per-variant totals): conversion, AOV and revenue per visitor "
                  "against the control with confidence intervals, p-values and warnings (under-powered, stopped early, "
                  "sample-ratio mismatch); no workspace needed",
                  runRead);
Registration size("abtest sample-size", "--baseline RATE --lift L [--alpha A] [--power P] [--json]",
                  "visitors per variant needed to detect a relative lift in conversion; no workspace needed", runSampleSize);

}  // namespace
}  // namespace mb::cli

#include "core/abtest/abreport.h"

#include "core/io/csvwriter.h"
#include "core/io/numbertext.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

namespace mb::abtest {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();



std::string pValueText(double p)
{
    if (!std::isfinite(p)) return "n/a";
    if (p < 0.0001) return "p < 0.0001";
    return "p = " + fixedDecimals(p, 4);
}

// Mean and variance of a variant's revenue per visitor: its non-zero values plus (visitors - their count) zeros.
MeanSummary perVisitor(const AbVariant &v)
{
    MeanSummary s;
    s.n = v.visitors;
    if (s.n <= 0) return s;
    const double sum = std::accumulate(v.visitorRevenue.begin(), v.visitorRevenue.end(), 0.0);
    s.mean = sum / double(s.n);
    double ss = double(s.n - int64_t(v.visitorRevenue.size())) * s.mean * s.mean;
    for (double x : v.visitorRevenue) ss += (x - s.mean) * (x - s.mean);
    s.variance = s.n > 1 ? ss / double(s.n - 1) : 0;
    return s;
}

}  // namespace

std::string percent(double share, int decimals, bool sign)
{
    if (!std::isfinite(share)) return "n/a";
    return (sign && share >= 0 ? "+" : "") + fixedDecimals(share * 100, decimals) + " %";
}

AbReport analyse(const AbResults &results, const AbOptions &options)
{
    AbReport r;
    r.options = options;
    r.kind = results.kind;
    r.visitorsKnown = results.visitorsKnown;
    r.hasRevenue = results.hasRevenue;
    r.notes = results.notes;
    if (results.variants.empty()) {
        r.error = results.path + ": no variants to compare";
        return r;
    }
    // The control: named, else a variant called "control" (any case), else the first.
    r.control = 0;
    bool found = options.control.empty();
    for (size_t i = 0; i < results.variants.size(); ++i) {
        const std::string &n = results.variants[i].name;
        std::string lower;
        for (char c : n) lower += char(std::tolower(static_cast<unsigned char>(c)));
        if (!options.control.empty() ? n == options.control : lower == "control") {
            r.control = i;
            found = true;
            break;
        }
    }
    if (!found) {
        std::string names;
        for (const AbVariant &v : results.variants) names += (names.empty() ? "\"" : ", \"") + v.name + "\"";
        r.error = "the control \"" + options.control + "\" is not a variant of " + results.path + " (it has " + names + ")";
        return r;
    }
    const bool rows = results.kind == AbFileKind::Rows;
    for (const AbVariant &v : results.variants) {
        AbArm a;
        a.name = v.name;
        a.visitors = v.visitors;
        a.conversions = v.conversions;
        a.orders = v.orders;
        a.revenue = v.revenue;
        a.rate = results.visitorsKnown ? wilson(v.conversions, v.visitors, options.alpha) : Interval{kNaN, kNaN, kNaN};
        if (rows) {
            a.aov = summarise(v.orderValues);
            a.rpv = perVisitor(v);
            a.spreadKnown = true;
        } else {
            a.rpv = {v.visitors, v.visitors > 0 ? v.revenue / double(v.visitors) : kNaN, 0};
            a.aov = {v.conversions, v.conversions > 0 ? v.revenue / double(v.conversions) : kNaN, 0};
            if (v.revenueSumOfSquares) {
                // The sum of squares is over visitors; the non-buyers add 0 to it, so over orders it is the same
                // sum, provided each converting visitor placed one order (what a summary's "conversions" counts).
                a.rpv = summariseSums(v.visitors, v.revenue, *v.revenueSumOfSquares);
                a.aov = summariseSums(v.conversions, v.revenue, *v.revenueSumOfSquares);
                a.spreadKnown = true;
            }
        }
        if (!results.visitorsKnown) a.rpv = {0, kNaN, 0};
        r.arms.push_back(std::move(a));
    }
    const AbArm &control = r.arms[r.control];

    // Sample-ratio mismatch over visitors, against the planned split.
    if (results.visitorsKnown) {
        std::vector<int64_t> observed;
        std::vector<double> shares = options.expectedSplit;
        if (shares.empty()) {
            bool all = true;
            for (const AbVariant &v : results.variants) all = all && v.expectedShare > 0;
            for (const AbVariant &v : results.variants) shares.push_back(all ? v.expectedShare : 1.0);
        }
        for (const AbArm &a : r.arms) observed.push_back(a.visitors);
        if (shares.size() == observed.size()) {
            const double total = std::accumulate(shares.begin(), shares.end(), 0.0);
            for (double s : shares) r.expectedShares.push_back(s / total);
            r.sampleRatio = chiSquareSplit(observed, shares);
        } else {
            r.error = "the planned split has " + std::to_string(shares.size()) + " shares, but " + results.path + " has " +
                      std::to_string(observed.size()) + " variants";
            return r;
        }
    } else {
        r.sampleRatio = {kNaN, kNaN, kNaN};
    }

    if (options.wantedLift && results.visitorsKnown && control.rate.estimate > 0 && control.rate.estimate < 1)
        r.needed = sampleSizeForLift(control.rate.estimate, *options.wantedLift, options.alpha, options.power);

    for (size_t i = 0; i < r.arms.size(); ++i) {
        if (i == r.control) continue;
        const AbArm &a = r.arms[i];
        AbComparison c;
        c.arm = i;
        if (results.visitorsKnown) {
            c.rateDifference = newcombeDifference(a.conversions, a.visitors, control.conversions, control.visitors, options.alpha);
            c.relativeLift = control.rate.estimate > 0 ? c.rateDifference.estimate / control.rate.estimate : kNaN;
            c.z = twoProportionZ(a.conversions, a.visitors, control.conversions, control.visitors);
        } else {
            c.rateDifference = {kNaN, kNaN, kNaN};
            c.relativeLift = kNaN;
            c.z = {kNaN, kNaN};
        }
        c.aov = welch(a.aov, control.aov, options.alpha);
        if (!a.spreadKnown || !control.spreadKnown) c.aov = untestedDifference(a.aov.mean - control.aov.mean);
        c.rpv = results.visitorsKnown ? welch(a.rpv, control.rpv, options.alpha) : untestedDifference(kNaN);
        if (results.visitorsKnown && (!a.spreadKnown || !control.spreadKnown))
            c.rpv = untestedDifference(a.rpv.mean - control.rpv.mean);
        if (rows && results.hasRevenue && options.bootstrapResamples > 1) {
            const AbVariant &va = results.variants[i], &vc = results.variants[r.control];
            const uint64_t seed = options.seed + i;
            if (!va.orderValues.empty() && !vc.orderValues.empty())
                c.aovBootstrap = bootstrapDifference({va.orderValues, 0}, {vc.orderValues, 0}, options.bootstrapResamples, seed, options.alpha);
            if (results.visitorsKnown && va.visitors > 0 && vc.visitors > 0)
                c.rpvBootstrap = bootstrapDifference({va.visitorRevenue, va.visitors - int64_t(va.visitorRevenue.size())},
                                                     {vc.visitorRevenue, vc.visitors - int64_t(vc.visitorRevenue.size())},
                                                     options.bootstrapResamples, seed ^ 0x9e3779b97f4a7c15ull, options.alpha);
        }
        if (results.visitorsKnown && control.rate.estimate > 0) {
            c.powerForObserved = !options.wantedLift;
            c.powerLift = options.wantedLift ? *options.wantedLift : c.relativeLift;
            const double p2 = std::min(1.0, control.rate.estimate * (1 + c.powerLift));
            c.power = powerTwoRates(control.rate.estimate, p2, control.visitors, a.visitors, options.alpha);
            c.minimumDetectableLift = minimumDetectableLift(control.rate.estimate, control.visitors, a.visitors, options.alpha, options.power);
        } else {
            c.power = kNaN;
            c.minimumDetectableLift = kNaN;
        }
        r.comparisons.push_back(c);
    }

    // The warnings, most fundamental first: a broken split or missing visitors make the rest moot.
    auto warn = [&r](AbWarningKind k, std::string text) { r.warnings.push_back({k, std::move(text)}); };
    if (!results.visitorsKnown)
        warn(AbWarningKind::NoVisitors, "The file lists orders only, no visits that did not buy: conversion rates and revenue per "
                                        "visitor cannot be read from it. Only the order values (AOV) are compared.");
    for (const AbArm &a : r.arms)
        if (results.visitorsKnown && a.visitors == 0)
            warn(AbWarningKind::NoVisitors, "Variant \"" + a.name + "\" has no visitors: it cannot be compared.");
    if (std::isfinite(r.sampleRatio.pValue) && r.sampleRatio.pValue < options.srmAlpha) {
        std::string got, planned;
        for (size_t i = 0; i < r.arms.size(); ++i) {
            got += (i ? " / " : "") + withThousands(r.arms[i].visitors);
            planned += (i ? " / " : "") + fixedDecimals(r.expectedShares[i] * 100, 0);
        }
        warn(AbWarningKind::SampleRatio, "Sample-ratio mismatch: visitors split " + got + " where " + planned +
                                         " % was planned (chi-square " + pValueText(r.sampleRatio.pValue) +
                                         "). Something in the assignment or the tracking is broken, so the differences "
                                         "below cannot be trusted until it is found.");
    }
    if (results.crossoverVisitors > 0)
        warn(AbWarningKind::Crossover, withThousands(results.crossoverVisitors) + " visitors appear in more than one variant; each was "
                                       "counted in the first variant it appears in and its " + withThousands(results.crossoverRows) +
                                       " rows in other variants were left out.");
    if (results.firstTime && results.lastTime) {
        const int64_t first = *results.firstTime / 86400 - (*results.firstTime < 0 && *results.firstTime % 86400 ? 1 : 0);
        const int64_t last = *results.lastTime / 86400 - (*results.lastTime < 0 && *results.lastTime % 86400 ? 1 : 0);
        r.runDays = last - first + 1;
        if (*r.runDays < 7)
            warn(AbWarningKind::ShortRun, "Stopped early: the test ran " + std::to_string(*r.runDays) + " day(s), less than one "
                                          "full week, so weekday and weekend shoppers are not both in it. Run whole weeks.");
        else if (*r.runDays < 14)
            warn(AbWarningKind::ShortRun, "The test ran " + std::to_string(*r.runDays) + " days, less than two full weeks: one "
                                          "week's peculiarities (a promotion, a payday, the weather) can still sway it.");
    }
    for (const AbComparison &c : r.comparisons) {
        const AbArm &a = r.arms[c.arm];
        if (r.needed && r.needed->perVariant > 0 && std::min(a.visitors, control.visitors) < r.needed->perVariant)
            warn(AbWarningKind::StoppedEarly,
                 "Stopped early: detecting a " + percent(*options.wantedLift, 1, true) + " lift from the control's " +
                     percent(control.rate.estimate, 2) + " conversion needs " + withThousands(r.needed->perVariant) +
                     " visitors per variant; \"" + a.name + "\" vs \"" + control.name + "\" had " +
                     withThousands(std::min(a.visitors, control.visitors)) + ".");
        // Power is judged for the lift the test was meant to detect. Power for the observed lift ("post-hoc
        // power") only restates the p-value (Hoenig & Heisey 2001): without a wanted lift, a result that is not
        // significant is put beside the smallest lift these visitors could have detected instead.
        if (options.wantedLift && std::isfinite(c.power) && c.power < options.power)
            warn(AbWarningKind::UnderPowered,
                 "Under-powered: \"" + a.name + "\" vs \"" + control.name + "\" had a " + percent(c.power, 0) + " chance of "
                     "detecting a " + percent(c.powerLift, 1, true) + " lift in conversion (" + percent(options.power, 0) +
                     " is the usual minimum). " +
                     (c.z.pValue >= options.alpha ? "Its \"no significant difference\" says little: a real effect of that size "
                                                    "would usually have been missed."
                                                  : "Its significant result is likely to overstate the true effect."));
        else if (!options.wantedLift && c.z.pValue >= options.alpha && std::isfinite(c.minimumDetectableLift))
            warn(AbWarningKind::UnderPowered,
                 "Not significant, and these visitors could only detect a lift of " + percent(c.minimumDetectableLift, 1, true) +
                     " or more in conversion (with " + percent(options.power, 0) + " power): for \"" + a.name + "\" vs \"" +
                     control.name + "\", a smaller real effect would usually have been missed. Give the lift you want to detect "
                     "to size the test.");
    }
    if (r.comparisons.size() > 1)
        warn(AbWarningKind::ManyComparisons,
             std::to_string(r.comparisons.size()) + " variants are each compared with the control: at alpha " + fixedDecimals(options.alpha, 2) +
                 " the chance that at least one looks significant by luck alone is up to " +
                 percent(1 - std::pow(1 - options.alpha, double(r.comparisons.size())), 0) +
                 ". Judge each p-value against " + fixedDecimals(options.alpha / double(r.comparisons.size()), 4) + " (Bonferroni).");
    return r;
}

std::string reportCsv(const AbReport &r)
{
    std::string out;
    const std::vector<std::string> header = {
        "variant", "role", "visitors", "conversions", "orders", "revenue", "conversion_rate", "rate_ci_low", "rate_ci_high",
        "rate_difference", "difference_ci_low", "difference_ci_high", "relative_lift", "p_value", "aov", "aov_difference",
        "aov_ci_low", "aov_ci_high", "aov_p_value", "rpv", "rpv_difference", "rpv_ci_low", "rpv_ci_high", "rpv_p_value",
        "rpv_bootstrap_low", "rpv_bootstrap_high", "power"};
    appendCsvRow(out, header);
    auto num = [](double v) { return std::isfinite(v) ? csvNumber(v) : std::string(); };
    for (size_t i = 0; i < r.arms.size(); ++i) {
        const AbArm &a = r.arms[i];
        std::vector<std::string> row = {a.name, i == r.control ? "control" : "variant", std::to_string(a.visitors),
                                        std::to_string(a.conversions), std::to_string(a.orders), num(a.revenue),
                                        num(a.rate.estimate), num(a.rate.lower), num(a.rate.upper)};
        const AbComparison *c = nullptr;
        for (const AbComparison &x : r.comparisons)
            if (x.arm == i) c = &x;
        auto add = [&row](std::initializer_list<std::string> cells) { row.insert(row.end(), cells); };
        if (c) add({num(c->rateDifference.estimate), num(c->rateDifference.lower), num(c->rateDifference.upper),
                    num(c->relativeLift), num(c->z.pValue)});
        else add({"", "", "", "", ""});
        add({num(a.aov.mean)});
        if (c) add({num(c->aov.difference.estimate), num(c->aov.difference.lower), num(c->aov.difference.upper), num(c->aov.pValue)});
        else add({"", "", "", ""});
        add({num(a.rpv.mean)});
        if (c) add({num(c->rpv.difference.estimate), num(c->rpv.difference.lower), num(c->rpv.difference.upper), num(c->rpv.pValue),
                    c->rpvBootstrap ? num(c->rpvBootstrap->lower) : "", c->rpvBootstrap ? num(c->rpvBootstrap->upper) : "",
                    num(c->power)});
        else add({"", "", "", "", "", "", ""});
        std::vector<bool> numeric(row.size(), true);
        numeric[0] = numeric[1] = false;
        appendCsvRow(out, row, numeric);
    }
    return out;
}

}  // namespace mb::abtest

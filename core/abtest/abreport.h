#pragma once
// Reads an experiment: every variant against the control with the statistics of abstatistics.h, and the
// warnings a merchandiser must see before trusting it (under-powered, stopped early, too short a run,
// sample-ratio mismatch, visitors in two variants). Pure computation over parsed results: safe on a worker.
#include "core/abtest/abresults.h"
#include "core/abtest/abstatistics.h"

#include <optional>
#include <string>
#include <vector>

namespace mb::abtest {

struct AbOptions {
    std::string control;                  // the control's name; "" = a variant named "control", else the first
    std::optional<double> wantedLift;     // relative lift in conversion the test was meant to detect (0.05 = +5 %)
    double alpha = 0.05;                  // two-sided
    double power = 0.8;
    std::vector<double> expectedSplit;    // planned traffic shares in variant order; empty = the file's, else equal
    int bootstrapResamples = 2000;        // per-row files only
    uint64_t seed = 20261201;
    double srmAlpha = 0.001;              // the usual threshold for a sample-ratio mismatch
};

struct AbArm {
    std::string name;
    int64_t visitors = 0, conversions = 0, orders = 0;
    double revenue = 0;
    Interval rate;          // Wilson
    MeanSummary aov;        // per order
    MeanSummary rpv;        // per visitor; variance 0 and spreadKnown false for a summary without spread
    bool spreadKnown = false;
};

struct AbComparison {
    size_t arm = 0;                // index into AbReport::arms
    Interval rateDifference;       // variant - control, Newcombe hybrid score
    double relativeLift = 0;       // rate difference / control rate
    ZTest z;                       // p-value of the rate difference
    WelchResult aov, rpv;          // variant - control
    std::optional<Interval> aovBootstrap, rpvBootstrap;   // per-row files
    double power = 0;              // of the z-test for the wanted (else observed) lift at these visitor counts
    double powerLift = 0;          // the lift that power is for
    bool powerForObserved = false;
    // The smallest lift in conversion these visitor counts detect with the wanted power: what a
    // "no significant difference" can speak for when no wanted lift was given.
    double minimumDetectableLift = 0;
};

enum class AbWarningKind { NoVisitors, SampleRatio, Crossover, ShortRun, StoppedEarly, UnderPowered, ManyComparisons };

struct AbWarning {
    AbWarningKind kind;
    std::string text;   // plain words, a full sentence or two
};

struct AbReport {
    AbOptions options;
    AbFileKind kind = AbFileKind::Rows;
    bool visitorsKnown = true;
    bool hasRevenue = false;
    size_t control = 0;
    std::vector<AbArm> arms;
    std::vector<AbComparison> comparisons;   // one per non-control arm, in file order
    ChiSquare sampleRatio;                   // NaN statistic when it could not be computed
    std::vector<double> expectedShares;      // normalised, what sampleRatio tested against
    std::optional<int64_t> runDays;          // calendar days from the first to the last date, both counted
    std::optional<SampleSize> needed;        // per variant, for the wanted lift on the control's rate
    std::vector<AbWarning> warnings;
    std::vector<std::string> notes;          // how the file was read
    std::string error;                       // options that do not fit the file (an unknown control)
};

AbReport analyse(const AbResults &results, const AbOptions &options);

// The report as CSV: one row per variant (the control's comparison columns empty). Shared by the CLI and
// the panel's Export CSV.
std::string reportCsv(const AbReport &report);

// "12.3 %", "+4.1 %", "1,234": the wording the CLI text and the panel share.
std::string percent(double share, int decimals = 1, bool sign = false);

}  // namespace mb::abtest

#pragma once
// The statistics an A/B read-out rests on, each as the textbook states it (the tests check each against a
// printed worked example):
//  - Wilson score interval for one conversion rate (Wilson 1927; Newcombe 1998a, method 3);
//  - Newcombe's hybrid score interval for a difference of two rates (Newcombe 1998b, method 10);
//  - the pooled two-proportion z-test;
//  - Welch's t interval and test for a difference of two means (Welch–Satterthwaite degrees of freedom);
//  - a seeded percentile bootstrap for a difference of two means;
//  - the sample size per variant to detect a difference of two rates (Fleiss, Levin & Paik 2003, eq. 4.14,
//    with the optional continuity correction 4.15), and the power a run had.
#include <cstdint>
#include <string>
#include <vector>

namespace mb::abtest {

struct Interval {
    double estimate = 0;
    double lower = 0;
    double upper = 0;
};

// Wilson score interval of x successes in n trials at confidence 1 - alpha. n = 0 gives NaNs.
Interval wilson(int64_t x, int64_t n, double alpha = 0.05);

// Newcombe's hybrid score interval for p1 - p2 (p1 = x1/n1, p2 = x2/n2), from the two Wilson intervals.
Interval newcombeDifference(int64_t x1, int64_t n1, int64_t x2, int64_t n2, double alpha = 0.05);

struct ZTest {
    double z = 0;        // (p1 - p2) / pooled standard error
    double pValue = 1;   // two-sided
};
ZTest twoProportionZ(int64_t x1, int64_t n1, int64_t x2, int64_t n2);

// A sample summarised by its size, mean and (sample, n - 1) variance.
struct MeanSummary {
    int64_t n = 0;
    double mean = 0;
    double variance = 0;
};
MeanSummary summarise(const std::vector<double> &values);
// From a count, a sum and a sum of squares (a summary file's columns).
MeanSummary summariseSums(int64_t n, double sum, double sumOfSquares);

struct WelchResult {
    // Why there is no test, so a view can say so rather than show a blank.
    enum class Untested { No, TooFewValues, NoSpread, Overflow };
    Interval difference;   // mean1 - mean2 with its t interval
    double t = 0;
    double df = 0;         // Welch–Satterthwaite
    double pValue = 1;     // two-sided
    bool valid = false;    // the interval, t, df and p-value are a test's; see untested when not
    Untested untested = Untested::TooFewValues;
};
// The difference of the means alone, when the file gives no spread to test it with.
WelchResult untestedDifference(double difference);
// Why a difference has no interval, for the read-outs: "the file gives no spread of revenue", ...; perVisitor
// names visitors rather than orders as what there are too few of. Empty for Untested::No.
std::string untestedReason(WelchResult::Untested why, bool perVisitor);
WelchResult welch(const MeanSummary &a, const MeanSummary &b, double alpha = 0.05);

// Percentile bootstrap of mean(a) - mean(b): each resample draws a.size() values from a and b.size() from
// b with replacement; the interval is the alpha/2 and 1 - alpha/2 quantiles of the resampled differences.
// Deterministic for a seed. Zeros are common in revenue per visitor (most visitors buy nothing), so each
// sample may be given as its non-zero values plus a count of zeros: a resample then draws how many non-zero
// values it holds (binomially) and only those, which is the same distribution at a fraction of the cost.
struct BootstrapSample {
    std::vector<double> values;   // the non-zero values (or all of them)
    int64_t zeros = 0;            // how many further values are 0
};
Interval bootstrapDifference(const BootstrapSample &a, const BootstrapSample &b, int resamples, uint64_t seed,
                             double alpha = 0.05);

// Visitors per variant needed to tell rate p1 from p2 with a two-sided test at alpha with the given power.
struct SampleSize {
    double exact = 0;             // the formula's value before rounding up
    int64_t perVariant = 0;       // rounded up
    int64_t continuityCorrected = 0;   // Fleiss's corrected figure (what his tables print)
};
SampleSize sampleSizeTwoRates(double p1, double p2, double alpha = 0.05, double power = 0.8);
// The same for a baseline rate and a relative lift (0.1 = +10 %).
SampleSize sampleSizeForLift(double baseline, double relativeLift, double alpha = 0.05, double power = 0.8);

// Power of the two-sided pooled z-test at alpha to detect rates p1 vs p2 with n1 and n2 visitors.
double powerTwoRates(double p1, double p2, int64_t n1, int64_t n2, double alpha = 0.05);
// The smallest relative lift over the baseline rate p1 (0.1 = +10 %) that test detects with at least this
// power (bisection on powerTwoRates); NaN when even a rate of 1 would not be detected, or nothing is known.
double minimumDetectableLift(double p1, int64_t n1, int64_t n2, double alpha = 0.05, double power = 0.8);

struct ChiSquare {
    double statistic = 0;
    double df = 0;
    double pValue = 1;
};
// Goodness of fit of observed counts to expected shares (normalised; equal when empty).
ChiSquare chiSquareSplit(const std::vector<int64_t> &observed, const std::vector<double> &expectedShares);

}  // namespace mb::abtest

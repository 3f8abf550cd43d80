#include "core/abtest/abstatistics.h"

#include "core/abtest/abdistributions.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace mb::abtest {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double zFor(double alpha) { return normalQuantile(1 - alpha / 2); }

}  // namespace

Interval wilson(int64_t x, int64_t n, double alpha)
{
    if (n <= 0 || x < 0 || x > n) return {kNaN, kNaN, kNaN};
    const double z = zFor(alpha), z2 = z * z, nn = double(n), p = double(x) / nn;
    const double denom = 1 + z2 / nn;
    const double centre = (p + z2 / (2 * nn)) / denom;
    const double half = z / denom * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
    // At x = 0 or x = n the exact bound is 0 or 1; the formula gives it up to rounding.
    return {p, x == 0 ? 0.0 : std::max(0.0, centre - half), x == n ? 1.0 : std::min(1.0, centre + half)};
}

Interval newcombeDifference(int64_t x1, int64_t n1, int64_t x2, int64_t n2, double alpha)
{
    const Interval a = wilson(x1, n1, alpha), b = wilson(x2, n2, alpha);
    if (std::isnan(a.estimate) || std::isnan(b.estimate)) return {kNaN, kNaN, kNaN};
    const double d = a.estimate - b.estimate;
    const double lower = d - std::sqrt((a.estimate - a.lower) * (a.estimate - a.lower) + (b.upper - b.estimate) * (b.upper - b.estimate));
    const double upper = d + std::sqrt((a.upper - a.estimate) * (a.upper - a.estimate) + (b.estimate - b.lower) * (b.estimate - b.lower));
    return {d, std::max(-1.0, lower), std::min(1.0, upper)};
}

ZTest twoProportionZ(int64_t x1, int64_t n1, int64_t x2, int64_t n2)
{
    if (n1 <= 0 || n2 <= 0) return {kNaN, kNaN};
    const double p1 = double(x1) / double(n1), p2 = double(x2) / double(n2);
    const double pooled = double(x1 + x2) / double(n1 + n2);
    const double se = std::sqrt(pooled * (1 - pooled) * (1.0 / double(n1) + 1.0 / double(n2)));
    if (se == 0) return {0, 1};   // both rates 0 % or both 100 %: no difference to test
    const double z = (p1 - p2) / se;
    return {z, 2 * normalUpper(std::fabs(z))};
}

MeanSummary summarise(const std::vector<double> &values)
{
    MeanSummary s;
    s.n = int64_t(values.size());
    if (values.empty()) return s;
    // Two passes: revenue sums of squares are large and their difference loses digits in one pass.
    s.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(s.n);
    double ss = 0;
    for (double v : values) ss += (v - s.mean) * (v - s.mean);
    s.variance = s.n > 1 ? ss / double(s.n - 1) : 0;
    return s;
}

MeanSummary summariseSums(int64_t n, double sum, double sumOfSquares)
{
    MeanSummary s;
    s.n = n;
    if (n <= 0) return s;
    s.mean = sum / double(n);
    s.variance = n > 1 ? std::max(0.0, (sumOfSquares - double(n) * s.mean * s.mean) / double(n - 1)) : 0;
    return s;
}

WelchResult welch(const MeanSummary &a, const MeanSummary &b, double alpha)
{
    WelchResult r;
    r.difference = {a.mean - b.mean, kNaN, kNaN};
    r.t = r.df = r.pValue = kNaN;
    if (a.n < 2 || b.n < 2) return r;
    const double va = a.variance / double(a.n), vb = b.variance / double(b.n);
    const double se2 = va + vb;
    if (!(se2 > 0)) {
        r.untested = WelchResult::Untested::NoSpread;
        return r;
    }
    const double se = std::sqrt(se2);
    r.df = se2 * se2 / (va * va / double(a.n - 1) + vb * vb / double(b.n - 1));
    r.t = r.difference.estimate / se;
    r.pValue = 2 * studentTUpper(std::fabs(r.t), r.df);
    const double q = studentTQuantile(1 - alpha / 2, r.df);
    r.difference.lower = r.difference.estimate - q * se;
    r.difference.upper = r.difference.estimate + q * se;
    // Order values near the top of double's range (a summary's SD of 1e200, say) overflow the variance or
    // its square to infinity, and the test's df and p-value come out NaN: no test, rather than a NaN shown
    // as one.
    r.valid = std::isfinite(r.df) && r.pValue >= 0 && r.pValue <= 1 && std::isfinite(r.difference.lower)
        && std::isfinite(r.difference.upper);
    r.untested = r.valid ? WelchResult::Untested::No : WelchResult::Untested::Overflow;
    return r;
}

std::string untestedReason(WelchResult::Untested why, bool perVisitor)
{
    switch (why) {
    case WelchResult::Untested::No: return {};
    case WelchResult::Untested::NoSpread:
        return "the file gives no spread of revenue (a sum of squares or standard deviation per variant)";
    case WelchResult::Untested::TooFewValues:
        return perVisitor ? "an interval needs at least 2 visitors in each variant" : "an interval needs at least 2 orders in each variant";
    case WelchResult::Untested::Overflow:
        return "the revenue figures or their spread are too large to compute an interval with; check the file's revenue "
               "and standard deviation columns";
    }
    return {};
}

WelchResult untestedDifference(double difference)
{
    WelchResult r;
    r.difference = {difference, kNaN, kNaN};
    r.t = r.df = r.pValue = kNaN;
    r.untested = WelchResult::Untested::NoSpread;
    return r;
}

Interval bootstrapDifference(const BootstrapSample &a, const BootstrapSample &b, int resamples, uint64_t seed, double alpha)
{
    const int64_t na = int64_t(a.values.size()) + a.zeros, nb = int64_t(b.values.size()) + b.zeros;
    if (na <= 0 || nb <= 0 || resamples < 2) return {kNaN, kNaN, kNaN};
    auto mean = [](const BootstrapSample &s, int64_t n) { return std::accumulate(s.values.begin(), s.values.end(), 0.0) / double(n); };
    std::mt19937_64 rng(seed);
    // A resample's mean: how many of its n draws hit a non-zero value, then which ones. rng() % size has a
    // bias below 2^-40 for any sample that fits in memory.
    auto resampleMean = [&rng](const BootstrapSample &s, int64_t n) {
        const int64_t k = int64_t(s.values.size());
        if (k == 0) return 0.0;
        int64_t draws = n;
        if (s.zeros > 0) {
            std::binomial_distribution<int64_t> hits(n, double(k) / double(n));
            draws = hits(rng);
        }
        double sum = 0;
        for (int64_t i = 0; i < draws; ++i) sum += s.values[size_t(rng() % uint64_t(k))];
        return sum / double(n);
    };
    std::vector<double> diffs(static_cast<size_t>(resamples));
    for (double &d : diffs) {
        const double ma = resampleMean(a, na);
        d = ma - resampleMean(b, nb);
    }
    std::sort(diffs.begin(), diffs.end());
    // Type 7 quantiles (linear interpolation between order statistics), as R's quantile() defaults to.
    auto quantile = [&diffs](double q) {
        const double h = q * double(diffs.size() - 1);
        const size_t i = size_t(std::floor(h));
        const double frac = h - double(i);
        return i + 1 < diffs.size() ? diffs[i] + frac * (diffs[i + 1] - diffs[i]) : diffs[i];
    };
    return {mean(a, na) - mean(b, nb), quantile(alpha / 2), quantile(1 - alpha / 2)};
}

SampleSize sampleSizeTwoRates(double p1, double p2, double alpha, double power)
{
    SampleSize s;
    if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1) || p1 == p2 || !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
        s.exact = kNaN;
        s.perVariant = s.continuityCorrected = -1;
        return s;
    }
    const double za = zFor(alpha), zb = normalQuantile(power);
    const double pbar = (p1 + p2) / 2, delta = std::fabs(p1 - p2);
    const double root = za * std::sqrt(2 * pbar * (1 - pbar)) + zb * std::sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    s.exact = root * root / (delta * delta);
    // Round up, but not past a value that is whole up to rounding error (356.0000000001 is 356).
    s.perVariant = int64_t(std::ceil(s.exact - 1e-9));
    const double corrected = s.exact / 4 * std::pow(1 + std::sqrt(1 + 4 / (s.exact * delta)), 2);
    s.continuityCorrected = int64_t(std::ceil(corrected - 1e-9));
    return s;
}

SampleSize sampleSizeForLift(double baseline, double relativeLift, double alpha, double power)
{
    return sampleSizeTwoRates(baseline, baseline * (1 + relativeLift), alpha, power);
}

double minimumDetectableLift(double p1, int64_t n1, int64_t n2, double alpha, double power)
{
    if (!(p1 > 0 && p1 < 1) || n1 <= 0 || n2 <= 0) return kNaN;
    double lo = 0, hi = 1 / p1 - 1;  // up to a rate of 1
    if (!(powerTwoRates(p1, 1.0, n1, n2, alpha) >= power)) return kNaN;
    // Power grows with the lift on (0, 1/p1 - 1]: 60 halvings pin it far below any printed precision.
    for (int i = 0; i < 60; ++i) {
        const double mid = (lo + hi) / 2;
        if (powerTwoRates(p1, p1 * (1 + mid), n1, n2, alpha) < power) lo = mid;
        else hi = mid;
    }
    return hi;
}

double powerTwoRates(double p1, double p2, int64_t n1, int64_t n2, double alpha)
{
    if (n1 <= 0 || n2 <= 0 || !(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1)) return kNaN;
    const double za = zFor(alpha), w1 = 1.0 / double(n1), w2 = 1.0 / double(n2);
    const double pbar = (p1 * double(n1) + p2 * double(n2)) / double(n1 + n2);
    const double null = std::sqrt(pbar * (1 - pbar) * (w1 + w2));
    const double alt = std::sqrt(p1 * (1 - p1) * w1 + p2 * (1 - p2) * w2);
    if (!(alt > 0)) return p1 == p2 ? alpha : 1.0;
    const double delta = std::fabs(p1 - p2);
    // Both rejection regions: the far one adds almost nothing but keeps power(delta = 0) = alpha.
    return normalCdf((delta - za * null) / alt) + normalCdf((-delta - za * null) / alt);
}

ChiSquare chiSquareSplit(const std::vector<int64_t> &observed, const std::vector<double> &expectedShares)
{
    ChiSquare c;
    const size_t k = observed.size();
    const double total = double(std::accumulate(observed.begin(), observed.end(), int64_t(0)));
    if (k < 2 || total <= 0) return {kNaN, kNaN, kNaN};
    std::vector<double> shares = expectedShares.size() == k ? expectedShares : std::vector<double>(k, 1.0);
    const double shareSum = std::accumulate(shares.begin(), shares.end(), 0.0);
    for (size_t i = 0; i < k; ++i) {
        const double expected = total * shares[i] / shareSum;
        if (!(expected > 0)) return {kNaN, kNaN, kNaN};
        c.statistic += (double(observed[i]) - expected) * (double(observed[i]) - expected) / expected;
    }
    c.df = double(k - 1);
    c.pValue = chiSquareUpper(c.statistic, c.df);
    return c;
}

}  // namespace mb::abtest

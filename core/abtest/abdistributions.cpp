#include "core/abtest/abdistributions.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mb::abtest {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kEps = 1e-15;
constexpr int kMaxIterations = 200000;   // the continued fractions need O(sqrt(a)) terms: df of a million is fine

// Continued fraction of the incomplete beta (Numerical Recipes §6.4, modified Lentz).
double betaFraction(double a, double b, double x)
{
    const double tiny = 1e-300;
    const double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1, d = 1 - qab * x / qap;
    if (std::fabs(d) < tiny) d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= kMaxIterations; ++m) {
        const int m2 = 2 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        const double del = d * c;
        h *= del;
        if (std::fabs(del - 1) < kEps) break;
    }
    return h;
}

// I_x(a, b) and 1 - I_x(a, b), each computed directly on the side where it is the smaller one, so neither
// loses its digits to a subtraction from 1 (a t-test p-value of 1e-12 must not come out as 0).
void incompleteBetaBoth(double a, double b, double x, double &lower, double &upper)
{
    if (x <= 0) { lower = 0; upper = 1; return; }
    if (x >= 1) { lower = 1; upper = 0; return; }
    const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1) / (a + b + 2)) {
        lower = front * betaFraction(a, b, x) / a;
        upper = 1 - lower;
    } else {
        upper = front * betaFraction(b, a, 1 - x) / b;
        lower = 1 - upper;
    }
}

// Regularised lower incomplete gamma P(a, x) and upper Q(a, x) (Numerical Recipes §6.2).
void incompleteGammaBoth(double a, double x, double &p, double &q)
{
    if (x <= 0) { p = 0; q = 1; return; }
    const double lfront = -x + a * std::log(x) - std::lgamma(a);
    if (x < a + 1) {
        double ap = a, sum = 1 / a, del = sum;
        for (int n = 0; n < kMaxIterations; ++n) {
            ap += 1;
            del *= x / ap;
            sum += del;
            if (std::fabs(del) < std::fabs(sum) * kEps) break;
        }
        p = sum * std::exp(lfront);
        q = 1 - p;
    } else {
        const double tiny = 1e-300;
        double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
        for (int i = 1; i <= kMaxIterations; ++i) {
            const double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (std::fabs(d) < tiny) d = tiny;
            c = b + an / c;
            if (std::fabs(c) < tiny) c = tiny;
            d = 1 / d;
            const double del = d * c;
            h *= del;
            if (std::fabs(del - 1) < kEps) break;
        }
        q = std::exp(lfront) * h;
        p = 1 - q;
    }
}

// Solves upper(x) = target for x >= 0 where upper is a decreasing tail probability with density pdf:
// Newton steps, kept inside a bracket that bisection narrows whenever a step would leave it.
template <typename Upper, typename Pdf>
double solveUpperTail(double target, double guess, Upper upper, Pdf pdf)
{
    double lo = 0, hi = guess > 0 ? guess : 1;
    while (upper(hi) > target) {
        lo = hi;
        hi *= 2;
        if (hi > 1e300) return std::numeric_limits<double>::infinity();
    }
    double x = std::clamp(guess, lo, hi);
    for (int i = 0; i < 400; ++i) {
        const double f = upper(x) - target;   // decreasing in x
        if (f == 0) return x;
        if (f > 0) lo = x; else hi = x;
        const double density = pdf(x);
        double next = density > 0 ? x + f / density : 0.5 * (lo + hi);
        if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
        if (std::fabs(next - x) <= 1e-15 * std::max(1.0, std::fabs(x))) return next;
        x = next;
    }
    return x;
}

}  // namespace

double normalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }
double normalUpper(double x) { return 0.5 * std::erfc(x / std::sqrt(2.0)); }

double normalQuantile(double p)
{
    if (!(p > 0 && p < 1)) return p == 0 ? -std::numeric_limits<double>::infinity() : p == 1 ? std::numeric_limits<double>::infinity() : kNaN;
    if (p == 0.5) return 0;
    const double tail = p < 0.5 ? p : 1 - p;
    // A first guess from the tail's logarithm (good to a few per cent), then Newton on erfc.
    const double t = std::sqrt(-2 * std::log(tail));
    const double guess = t - (2.30753 + 0.27061 * t) / (1 + 0.99229 * t + 0.04481 * t * t);
    const double x = solveUpperTail(tail, std::max(guess, 1e-3), normalUpper,
                                    [](double z) { return std::exp(-0.5 * z * z) / std::sqrt(2 * M_PI); });
    return p < 0.5 ? -x : x;
}

double incompleteBeta(double a, double b, double x)
{
    if (!(a > 0 && b > 0) || std::isnan(x)) return kNaN;
    double lower = 0, upper = 0;
    incompleteBetaBoth(a, b, std::clamp(x, 0.0, 1.0), lower, upper);
    return lower;
}

double studentTUpper(double t, double df)
{
    if (!(df > 0) || std::isnan(t)) return kNaN;
    if (std::isinf(df)) return normalUpper(t);
    // P(|T| > |t|) = I_{df/(df+t^2)}(df/2, 1/2)
    double lower = 0, upper = 0;
    incompleteBetaBoth(df / 2, 0.5, df / (df + t * t), lower, upper);
    const double twoSided = lower;
    return t >= 0 ? 0.5 * twoSided : 1 - 0.5 * twoSided;
}

double studentTCdf(double t, double df)
{
    if (!(df > 0) || std::isnan(t)) return kNaN;
    return t <= 0 ? studentTUpper(-t, df) : 1 - studentTUpper(t, df);
}

double studentTQuantile(double p, double df)
{
    if (!(df > 0) || !(p > 0 && p < 1)) return kNaN;
    if (p == 0.5) return 0;
    const double tail = p < 0.5 ? p : 1 - p;
    const double logNorm = std::lgamma((df + 1) / 2) - std::lgamma(df / 2) - 0.5 * std::log(df * M_PI);
    const double x = solveUpperTail(tail, -normalQuantile(tail), [df](double t) { return studentTUpper(t, df); },
                                    [df, logNorm](double t) { return std::exp(logNorm - (df + 1) / 2 * std::log1p(t * t / df)); });
    return p < 0.5 ? -x : x;
}

double chiSquareUpper(double x, double df)
{
    if (!(df > 0) || std::isnan(x)) return kNaN;
    double p = 0, q = 0;
    incompleteGammaBoth(df / 2, x / 2, p, q);
    return q;
}

}  // namespace mb::abtest

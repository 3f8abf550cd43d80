#pragma once
// The distribution functions the A/B statistics need: the normal, Student's t (through the regularised
// incomplete beta function) and the chi-square (through the regularised incomplete gamma function), with
// quantiles found by bracketed Newton iteration on the CDF. Hand-written because Debian ships no well-kept C++
// library for them that the project already depends on (Boost.Math would be a new build dependency for four
// functions); tests/core/tst_abdistributions.cpp checks them against printed tables.
namespace mb::abtest {

double normalCdf(double x);                  // P(Z <= x)
double normalUpper(double x);                // P(Z > x), accurate far into the tail
double normalQuantile(double p);             // x with P(Z <= x) = p, 0 < p < 1

// Regularised incomplete beta I_x(a, b), a, b > 0, 0 <= x <= 1 (continued fraction, Lentz's method).
double incompleteBeta(double a, double b, double x);

double studentTCdf(double t, double df);     // P(T <= t), df > 0 and not necessarily whole (Welch)
double studentTUpper(double t, double df);   // P(T > t)
double studentTQuantile(double p, double df);

// Upper tail P(X > x) of a chi-square with df degrees of freedom (regularised upper incomplete gamma).
double chiSquareUpper(double x, double df);

}  // namespace mb::abtest

#pragma once
// Random draws for the demo store built only from std::mt19937_64's raw output (its sequence is fixed by
// the standard) and +, -, *, /. The std::*_distribution classes are implementation-defined and libm's
// exp/log/pow may differ in the last bit between platforms; either would make "seed 42" a different store
// on another compiler or OS, and the tests and the documentation quote its figures.
#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace mb::demo {

class DemoRandom {
public:
    explicit DemoRandom(uint64_t seed) : engine_(seed) {}

    uint64_t raw() { return engine_(); }

    // [0, 1) from the top 53 bits.
    double uniform() { return double(engine_() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    bool chance(double p) { return uniform() < p; }

    // [0, n), every value equally likely (rejects the short last stripe of the 64-bit range).
    uint64_t below(uint64_t n)
    {
        if (n <= 1)
            return 0;
        const uint64_t threshold = (0 - n) % n;
        for (;;) {
            const uint64_t r = engine_();
            if (r >= threshold)
                return r % n;
        }
    }
    // [lo, hi], both included.
    int64_t between(int64_t lo, int64_t hi) { return hi <= lo ? lo : lo + int64_t(below(uint64_t(hi - lo) + 1)); }

    // Irwin-Hall: twelve uniforms minus six has mean 0 and variance 1 and never strays past 6 sigma, which is
    // what day-to-day jitter wants (no 40-day outlier in a 30-day refill rhythm).
    double normal(double mean, double sd)
    {
        double sum = 0;
        for (int i = 0; i < 12; ++i)
            sum += uniform();
        return mean + sd * (sum - 6.0);
    }

    // Knuth's product-of-uniforms method; fine for the small means used here (< 30).
    int poisson(double lambda)
    {
        if (lambda <= 0)
            return 0;
        const double limit = expNeg(lambda);
        double product = uniform();
        int k = 0;
        while (product > limit) {
            product *= uniform();
            ++k;
        }
        return k;
    }

    // Index drawn with probability proportional to weights[i]; `cumulative` holds the running sums.
    size_t pick(const std::vector<double> &cumulative) { return pickIn(cumulative, 0, cumulative.size()); }
    // Same, restricted to the index range [from, to).
    size_t pickIn(const std::vector<double> &cumulative, size_t from, size_t to)
    {
        if (from >= to)
            return from;
        const double base = from == 0 ? 0.0 : cumulative[from - 1];
        const double target = base + uniform() * (cumulative[to - 1] - base);
        size_t lo = from, hi = to - 1;
        while (lo < hi) {
            const size_t mid = lo + (hi - lo) / 2;
            if (cumulative[mid] > target)
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }

    template <class T>
    void shuffle(std::vector<T> &items)
    {
        for (size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[size_t(below(i))]);
    }

    // e^-x as (1 - x/2^26)^(2^26) by squaring: no libm, relative error below 1e-5 for x < 30.
    static double expNeg(double x)
    {
        double r = 1.0 - x / 67108864.0;
        for (int i = 0; i < 26; ++i)
            r *= r;
        return r;
    }

private:
    std::mt19937_64 engine_;
};

// Running sums of `weights`, for DemoRandom::pick.
inline std::vector<double> cumulativeOf(const std::vector<double> &weights)
{
    std::vector<double> out(weights.size());
    double sum = 0;
    for (size_t i = 0; i < weights.size(); ++i)
        out[i] = sum += weights[i];
    return out;
}

}  // namespace mb::demo

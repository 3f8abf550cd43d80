// Placement benchmark: the latency of recommend() over 10,000 random product pages and carts (all four
// placements, half with a known customer) on the demo store and on a generated 100K-product / 5M-line
// store, as p50 / p99 / max; for the large store also the time to write it, to load its snapshot, to mine
// it and to build the engine, and the peak resident memory of the snapshot load. Prints figures only.
//   bench_placement [--demo-only] [--products N] [--lines N] [--requests N]
#include "core/demo/demogenerator.h"
#include "core/placement/placementengine.h"
#include "core/placement/scalestore.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"
#include "benchrequests.h"
#include "procmemory.h"

#include <QTemporaryDir>

#include <algorithm>
#include <ctime>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace mb;
using mbbench::resetPeakRss;
using mbbench::rssMiB;

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

void timeRequests(const PlacementEngine &engine, const char *label, int requests)
{
    const std::vector<RecommendContext> contexts = mbbench::randomRequests(engine.snapshot(), requests);
    // Wall time, and the thread's CPU time: on a shared 2-core machine a request preempted by the
    // scheduler (a 4 ms tick) shows in the wall clock's p99 though the engine did not take it.
    std::vector<double> us[5], cpu;
    auto threadMicros = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1e3;
    };
    size_t picks = 0, fallbacks = 0;
    for (const RecommendContext &c : contexts) {
        const double c0 = threadMicros();
        const auto t = Clock::now();
        const RecommendResult r = engine.recommend(c);
        const double micro = std::chrono::duration<double, std::micro>(Clock::now() - t).count();
        cpu.push_back(threadMicros() - c0);
        us[size_t(c.placement)].push_back(micro);
        us[4].push_back(micro);
        picks += r.picks.size();
        fallbacks += r.fallback;
    }
    auto pct = [](std::vector<double> v, double q) {
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, size_t(q * double(v.size())))];
    };
    std::printf("%s: %d requests, %.2f picks each, %zu fallbacks\n", label, requests, double(picks) / requests, fallbacks);
    for (int p = 0; p < 5; ++p)
        std::printf("  %-14s p50 %7.1f us  p99 %7.1f us  max %8.1f us\n", p < 4 ? placementName(Placement(p)) : "all", pct(us[p], 0.5),
                    pct(us[p], 0.99), *std::max_element(us[p].begin(), us[p].end()));
    std::printf("  %-14s p50 %7.1f us  p99 %7.1f us  max %8.1f us\n", "all, CPU time", pct(cpu, 0.5), pct(cpu, 0.99),
                *std::max_element(cpu.begin(), cpu.end()));
}

}  // namespace

int main(int argc, char **argv)
{
    bool demoOnly = false;
    int requests = 10000;
    ScaleParameters scale;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--demo-only") demoOnly = true;
        else if (a == "--products" && i + 1 < argc) scale.products = std::stoll(argv[++i]);
        else if (a == "--lines" && i + 1 < argc) scale.orderLines = std::stoll(argv[++i]);
        else if (a == "--requests" && i + 1 < argc) requests = std::stoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_placement [--demo-only] [--products N] [--lines N] [--requests N]\n");
            return 1;
        }
    }
    QTemporaryDir dir;
    std::string error;
    {
        const std::string path = dir.filePath("demo.merchbench").toStdString();
        if (!createDemoWorkspace(path, DemoParameters{}, error)) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
        auto ws = Workspace::open(path, error);
        auto snap = ws ? Snapshot::load(*ws, error) : nullptr;
        if (!snap) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
        const PlacementEngine engine(*snap, mineEvidence(*snap));
        timeRequests(engine, "demo store", requests);
    }
    if (demoOnly) return 0;

    const std::string path = dir.filePath("scale.merchbench").toStdString();
    auto ws = Workspace::create(path, error);
    if (!ws) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
    ScaleReport report;
    if (!writeScaleStore(*ws, scale, report, error)) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
    std::printf("large store: %lld products, %lld categories, %lld orders, %lld lines, %lld relations; written in %.1f s (catalog %.1f s, orders %.1f s)\n",
                static_cast<long long>(report.products), static_cast<long long>(report.categories), static_cast<long long>(report.orders),
                static_cast<long long>(report.lines), static_cast<long long>(report.relations), report.catalogSeconds + report.ordersSeconds,
                report.catalogSeconds, report.ordersSeconds);
    ws.reset();
    ws = Workspace::open(path, error, nullptr, true);
    if (!ws) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
    resetPeakRss();
    const double before = rssMiB("VmRSS:");
    auto t = Clock::now();
    auto snap = Snapshot::load(*ws, error);
    if (!snap) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
    std::printf("  snapshot load %.2f s; resident %.0f MiB before, %.0f MiB after, peak %.0f MiB (VmHWM)\n", secondsSince(t), before,
                rssMiB("VmRSS:"), rssMiB("VmHWM:"));
    t = Clock::now();
    MinedEvidence evidence = mineEvidence(*snap, 1000);
    std::printf("  mining for placements (pairs, EASE on the 1,000 most-bought items, replenishment) %.2f s; %zu mined candidates\n",
                secondsSince(t), evidence.items.size());
    t = Clock::now();
    const PlacementEngine engine(*snap, std::move(evidence));
    std::printf("  engine indices %.2f s; peak resident %.0f MiB\n", secondsSince(t), rssMiB("VmHWM:"));
    timeRequests(engine, "large store", requests);
    return 0;
}

// Mining benchmark on UCI Online Retail: imports it once into a temporary workspace, loads the snapshot,
// then times pair statistics and EASE five times each and prints medians, the EASE time split and the
// peak resident memory. It prints figures; it does not pass or fail.
//   bench_mining [online_retail.csv] [runs]
#include "core/mining/ease.h"
#include "core/mining/pairstatistics.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"
#include "procmemory.h"

#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace mb;
using mbbench::peakRssMiB;
using mbbench::resetPeakRss;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

// CPU time of the whole process (all threads), in ms: on a shared, loaded machine the wall clock alone
// says more about the neighbours than about this code.
double cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

void benchPairs(const Snapshot &s, const char *label, PairOptions options, int runs)
{
    std::vector<double> stream, streamCpu, collect, collectCpu;
    PairSummary summary;
    resetPeakRss();
    const double rssBefore = peakRssMiB();
    for (int r = 0; r < runs; ++r) {
        Clock::time_point t = Clock::now();
        double c = cpuMs();
        summary = forEachPairRule(s, options, [](std::span<const PairRule>) { return true; });
        stream.push_back(msSince(t));
        streamCpu.push_back(cpuMs() - c);
        t = Clock::now();
        c = cpuMs();
        const PairStatistics all = minePairs(s, options);
        collect.push_back(msSince(t));
        collectCpu.push_back(cpuMs() - c);
    }
    std::printf("pairs %s: threshold %u, %zu frequent items, %zu pairs, %zu rules\n"
                "  streamed %.1f ms (cpu %.1f ms), collected %.1f ms (cpu %.1f ms), median of %d; "
                "peak RSS %.0f MiB (%.0f before)\n",
                label, summary.countThreshold, summary.frequentItems, summary.frequentPairs, summary.rules,
                median(stream), median(streamCpu), median(collect), median(collectCpu), runs, peakRssMiB(), rssBefore);
}

}  // namespace

int main(int argc, char **argv)
{
    const std::string csv = argc > 1 ? argv[1] : MB_DATASETS_DIR "/online_retail/online_retail.csv";
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    QTemporaryDir dir;
    std::string error;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("bench.merchbench")).toStdString(), error);
    if (!ws) {
        std::fprintf(stderr, "cannot create a workspace: %s\n", error.c_str());
        return 1;
    }
    Clock::time_point t = Clock::now();
    ImportRequest request;
    request.kind = ImportKind::Orders;
    request.path = csv;
    const ImportReport report = runImport(*ws, request);
    if (report.status != ImportStatus::Ok) {
        std::fprintf(stderr, "import of %s failed: %s\n", csv.c_str(), report.error.c_str());
        return 1;
    }
    const double importMs = msSince(t);
    t = Clock::now();
    const auto snapshot = Snapshot::load(*ws, error);
    if (!snapshot) {
        std::fprintf(stderr, "snapshot failed: %s\n", error.c_str());
        return 1;
    }
    std::printf("%s: import %.0f ms, snapshot %.0f ms; %zu baskets, %zu basket items, %zu products; "
                "peak RSS %.0f MiB\n",
                csv.c_str(), importMs, msSince(t), snapshot->basketCount(), snapshot->basketItems.size(),
                snapshot->products.size(), peakRssMiB());

    PairOptions support;
    support.minSupport = 0.01;
    benchPairs(*snapshot, "minSupport 0.01", support, runs);
    PairOptions count2;
    count2.minCount = 2;
    benchPairs(*snapshot, "minCount 2", count2, runs);

    std::vector<double> total, cpu, load, gram, solve, topk;
    EaseModel model;
    resetPeakRss();
    const double rssBefore = peakRssMiB();
    for (int r = 0; r < runs; ++r) {
        model = EaseModel{};
        t = Clock::now();
        const double c = cpuMs();
        model = trainEase(*snapshot, EaseOptions{});
        total.push_back(msSince(t));
        cpu.push_back(cpuMs() - c);
        if (!model.ok()) {
            std::fprintf(stderr, "EASE failed: %s\n", model.error.c_str());
            return 1;
        }
        load.push_back(model.timings.loadMs);
        gram.push_back(model.timings.gramMs);
        solve.push_back(model.timings.solveMs);
        topk.push_back(model.timings.topKMs);
    }
    // The same work on one thread: its CPU time is the serial cost, whatever else runs on the machine.
    EaseOptions single;
    single.threads = 1;
    Clock::time_point t1 = Clock::now();
    const double c1 = cpuMs();
    const EaseModel one = trainEase(*snapshot, single);
    std::printf("EASE on one thread: %.0f ms (cpu %.0f ms) = load %.1f + gram %.1f + solve %.0f + top-k %.1f ms\n",
                msSince(t1), cpuMs() - c1, one.timings.loadMs, one.timings.gramMs, one.timings.solveMs, one.timings.topKMs);
    std::printf("EASE %zu items (>= 20 baskets), lambda 500, top-10: %.0f ms (cpu %.0f ms) = load %.1f + gram %.1f + "
                "solve %.0f + top-k %.1f ms, medians of %d; peak RSS %.0f MiB (%.0f before)\n",
                model.items.size(), median(total), median(cpu), median(load), median(gram), median(solve), median(topk),
                runs, peakRssMiB(), rssBefore);
    return 0;
}

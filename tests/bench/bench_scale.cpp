// Scale benchmark (issue #15): for each store size, the synthetic store of core/placement/scalestore.h
// (100K products) as a `lines` CSV (`merchbench-cli demo --scale N --csv`), then, each as a user runs it:
//   import      `merchbench-cli init` + `import orders FILE` into a fresh workspace (median of --runs)
//   size        the workspace file after the import
//   load        Snapshot::load in this process (median of --runs; peak resident from VmHWM after a reset),
//               cold (no snapshot cache: SQL, then the cache is written, core/storage/snapshotcache.h) and
//               warm (from the cache), alternating; and warm as a user sees it: a whole
//               `merchbench-cli bundles list` (open, load, answer, exit: a command whose own work is small)
//   mine run    `merchbench-cli mine run` (median of --runs)
//   kpi         `merchbench-cli kpi` (median of --runs)
//   preview p99 PlacementEngine::recommend on the saved mining over --requests random pages and carts
//   peak RSS    of each step: the child's ru_maxrss for CLI steps, VmHWM for the load
// Timings are wall seconds with the CPU seconds beside them: on a shared machine the CPU time is the
// steadier figure. Prints a table (and --csv-out FILE for the README's plot); never pass/fail.
//   bench_scale [--sizes 1M,5M] [--runs 3] [--dir DIR] [--requests N] [--csv-out FILE] [--keep]
//   bench_scale --workspace FILE [--runs 3]     only the loads, on an existing workspace (a copy: it may be
//                                                upgraded, and its snapshot cache is deleted and rewritten)
#include "core/placement/minedevidence.h"
#include "core/placement/placementengine.h"
#include "core/storage/snapshot.h"
#include "core/storage/snapshotcache.h"
#include "core/storage/workspace.h"
#include "benchrequests.h"
#include "procmemory.h"
#include "spawntimed.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>


using namespace mb;
using mbbench::resetPeakRss;
using mbbench::rssMiB;

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct Run {
    double wall = -1, cpu = 0, peakMiB = 0;
};

// A CLI step as a script runs it (stdout to /dev/null): wall and CPU seconds and the child's peak RSS.
Run spawn(const std::vector<std::string> &argv)
{
    Run r;
    r.wall = mbbench::spawnTimed(argv, &r.cpu, &r.peakMiB);
    return r;
}

// The median run by wall time (its CPU and peak go with it); the peak is the largest of all runs.
Run median(std::vector<Run> runs)
{
    std::sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) { return a.wall < b.wall; });
    Run m = runs[runs.size() / 2];
    for (const Run &r : runs) m.peakMiB = std::max(m.peakMiB, r.peakMiB);
    if (std::any_of(runs.begin(), runs.end(), [](const Run &r) { return r.wall < 0; })) m.wall = -1;
    return m;
}

double fileMiB(const std::string &path)
{
    std::error_code ec;
    double bytes = 0;
    for (const char *suffix : {"", "-wal"}) {
        const auto n = std::filesystem::file_size(path + suffix, ec);
        if (!ec) bytes += double(n);
    }
    return bytes / 1048576.0;
}

long long parseSize(std::string s)
{
    double f = 1;
    if (!s.empty() && (s.back() == 'M' || s.back() == 'm')) f = 1e6, s.pop_back();
    else if (!s.empty() && (s.back() == 'K' || s.back() == 'k')) f = 1e3, s.pop_back();
    return (long long)(std::stod(s) * f);
}

// p99 of recommend() over random product pages and carts, in microseconds (wall).
double previewP99(const PlacementEngine &engine, int requests)
{
    std::vector<double> us;
    us.reserve(size_t(requests));
    for (const RecommendContext &c : mbbench::randomRequests(engine.snapshot(), requests)) {
        const auto t = Clock::now();
        (void)engine.recommend(c);
        us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t).count());
    }
    std::sort(us.begin(), us.end());
    return us[std::min(us.size() - 1, size_t(0.99 * double(us.size())))];
}

std::string fmtRun(const Run &r)
{
    char buf[64];
    if (r.wall < 0) return "failed";
    std::snprintf(buf, sizeof buf, "%.2f s (%.2f cpu)", r.wall, r.cpu);
    return buf;
}

struct Loads {
    Run sql, cold, warm, cli;
    size_t orders = 0;
};

// Cold and warm Snapshot::load in this process, alternating, then the CLI's warm whole command.
bool measureLoads(const std::string &cli, const std::string &ws, int runs, Loads &out)
{
    std::vector<Run> sql, cold, warm, viaCli;
    const std::string cacheFile = snapshotcache::pathFor(ws);
    for (int r = 0; r < runs; ++r) {
        // 0: SQL with the cache off (what the load was before it), 1: cold, 2: warm.
        for (const int kind : {0, 1, 2}) {
            const bool fromCache = kind == 2;
            if (kind == 1) std::filesystem::remove(cacheFile);
            if (kind == 0) setenv("MERCHBENCH_SNAPSHOT_CACHE", "0", 1);
            std::string error;
            auto w = Workspace::open(ws, error, nullptr, true);
            if (!w) return std::fprintf(stderr, "%s\n", error.c_str()), false;
            resetPeakRss();
            const double base = rssMiB("VmHWM:");
            const std::clock_t c0 = std::clock();
            const auto t = Clock::now();
            auto snap = Snapshot::load(*w, error);
            unsetenv("MERCHBENCH_SNAPSHOT_CACHE");
            if (!snap) return std::fprintf(stderr, "%s\n", error.c_str()), false;
            Run run;
            run.wall = secondsSince(t);
            run.cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
            run.peakMiB = rssMiB("VmHWM:") - base;  // what the load added to what the benchmark holds
            if (kind > 0 && fromCache != (snap->historyFrom == "cache"))
                std::fprintf(stderr, "warning: a %s load read its history from %s\n", fromCache ? "warm" : "cold", snap->historyFrom.c_str());
            out.orders = snap->orders.size();
            (kind == 0 ? sql : fromCache ? warm : cold).push_back(run);
        }
    }
    for (int r = 0; r < runs; ++r) viaCli.push_back(spawn({cli, "--workspace", ws, "bundles", "list"}));
    out.sql = median(sql);
    out.cold = median(cold);
    out.warm = median(warm);
    out.cli = viaCli.empty() ? Run() : median(viaCli);
    return true;
}

}  // namespace

int main(int argc, char **argv)
{
    std::vector<long long> sizes{1'000'000, 5'000'000};
    int runs = 3, requests = 2000;
    bool keep = false;
    std::string dir = std::filesystem::temp_directory_path() / "mb-bench-scale";
    std::string csvOut, onlyLoad;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--sizes" && i + 1 < argc) {
            sizes.clear();
            std::stringstream list(argv[++i]);
            for (std::string item; std::getline(list, item, ',');) sizes.push_back(parseSize(item));
        } else if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::stoi(argv[++i]));
        else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
        else if (a == "--requests" && i + 1 < argc) requests = std::max(100, std::stoi(argv[++i]));
        else if (a == "--csv-out" && i + 1 < argc) csvOut = argv[++i];
        else if (a == "--keep") keep = true;
        else if (a == "--workspace" && i + 1 < argc) onlyLoad = argv[++i];
        else {
            std::fprintf(stderr, "usage: bench_scale [--sizes 1M,5M,20M,50M] [--runs N] [--dir DIR] [--requests N] [--csv-out FILE] [--keep]\n"
                                 "       bench_scale --workspace FILE [--runs N]\n");
            return 1;
        }
    }
    const std::string cli = MB_CLI_PATH;
    if (!onlyLoad.empty()) {
        Loads l;
        if (!measureLoads(cli, onlyLoad, runs, l)) return 1;
        std::printf("%s: %zu orders, median of %d\n", onlyLoad.c_str(), l.orders, runs);
        std::printf("  SQL load, cache off:                 %s, %.0f MiB peak\n", fmtRun(l.sql).c_str(), l.sql.peakMiB);
        std::printf("  cold load (SQL + writing the cache): %s, %.0f MiB peak\n", fmtRun(l.cold).c_str(), l.cold.peakMiB);
        std::printf("  warm load (snapshot cache):          %s, %.0f MiB peak\n", fmtRun(l.warm).c_str(), l.warm.peakMiB);
        std::printf("  CLI bundles list, warm (whole process): %s, %.0f MiB peak RSS\n", fmtRun(l.cli).c_str(), l.cli.peakMiB);
        return 0;
    }
    std::filesystem::create_directories(dir);
    std::printf("bench_scale: %d runs per step (medians), %d preview requests, files in %s\n", runs, requests, dir.c_str());
    std::string table = "| lines | orders | import | workspace | load cold | load warm | warm load peak | CLI warm | mine run | kpi | preview p99 | peak RSS (step) |\n"
                        "|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    std::string csv = "lines,orders,import_s,import_cpu_s,import_peak_mib,workspace_mib,load_s,load_cpu_s,load_peak_mib,"
                      "mine_s,mine_peak_mib,kpi_s,kpi_peak_mib,preview_p99_us,load_warm_s,load_warm_cpu_s,load_warm_peak_mib,"
                      "cli_warm_s,cli_warm_peak_mib\n";
    for (const long long lines : sizes) {
        const std::string tag = std::to_string(lines);
        const std::string csvFile = dir + "/scale" + tag + ".csv", ws = dir + "/scale" + tag + ".merchbench";
        if (!std::filesystem::exists(csvFile)) {
            const Run g = spawn({cli, "demo", "--scale", tag, "--csv", csvFile});
            if (g.wall < 0) return std::fprintf(stderr, "generating %s failed\n", csvFile.c_str()), 1;
            std::printf("%s lines: CSV generated in %.1f s (%.0f MiB)\n", tag.c_str(), g.wall, fileMiB(csvFile));
        }
        std::vector<Run> imports;
        for (int r = 0; r < runs; ++r) {
            for (const char *suffix : {"", "-wal", "-shm"}) std::filesystem::remove(ws + suffix);
            if (spawn({cli, "--workspace", ws, "init"}).wall < 0) return std::fprintf(stderr, "init %s failed\n", ws.c_str()), 1;
            imports.push_back(spawn({cli, "--workspace", ws, "import", "orders", csvFile}));
        }
        const Run import = median(imports);
        const double wsMiB = fileMiB(ws);

        Loads loads;
        if (!measureLoads(cli, ws, runs, loads)) return 1;
        const Run load = loads.cold;   // the csv's load_* columns stay the SQL load, as before the cache
        const size_t orders = loads.orders;

        std::vector<Run> mines, kpis;
        for (int r = 0; r < runs; ++r) mines.push_back(spawn({cli, "--workspace", ws, "mine", "run"}));
        for (int r = 0; r < runs; ++r) kpis.push_back(spawn({cli, "--workspace", ws, "kpi"}));
        const Run mine = median(mines), kpi = median(kpis);

        double p99 = -1;
        {
            std::string error;
            auto w = Workspace::open(ws, error, nullptr, true);
            auto snap = w ? Snapshot::load(*w, error) : nullptr;
            if (!snap) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
            const PlacementEngine engine(*snap, evidenceFor(*w, *snap).evidence);
            p99 = previewP99(engine, requests);
        }
        const double peak = std::max({import.peakMiB, load.peakMiB, mine.peakMiB, kpi.peakMiB});
        const char *peakStep = peak == import.peakMiB ? "import" : peak == load.peakMiB ? "load" : peak == mine.peakMiB ? "mine" : "kpi";
        char row[768];
        std::snprintf(row, sizeof row, "| %lld | %zu | %s | %.0f MiB | %s | %s | %.0f MiB | %s | %s | %s | %.0f us | %.0f MiB (%s) |\n", lines,
                      orders, fmtRun(import).c_str(), wsMiB, fmtRun(load).c_str(), fmtRun(loads.warm).c_str(), loads.warm.peakMiB,
                      fmtRun(loads.cli).c_str(), fmtRun(mine).c_str(), fmtRun(kpi).c_str(), p99, peak, peakStep);
        table += row;
        std::printf("%s", row);
        std::fflush(stdout);
        std::snprintf(row, sizeof row, "%lld,%zu,%.3f,%.3f,%.0f,%.1f,%.3f,%.3f,%.0f,%.3f,%.0f,%.3f,%.0f,%.0f,%.3f,%.3f,%.0f,%.3f,%.0f\n", lines, orders,
                      import.wall, import.cpu, import.peakMiB, wsMiB, load.wall, load.cpu, load.peakMiB, mine.wall, mine.peakMiB, kpi.wall,
                      kpi.peakMiB, p99, loads.warm.wall, loads.warm.cpu, loads.warm.peakMiB, loads.cli.wall, loads.cli.peakMiB);
        csv += row;
        if (!keep)
            for (const std::string &f : {csvFile, ws, ws + "-wal", ws + "-shm", snapshotcache::pathFor(ws)}) std::filesystem::remove(f);
    }
    std::printf("\n%s", table.c_str());
    if (!csvOut.empty()) std::ofstream(csvOut) << csv;
    return 0;
}

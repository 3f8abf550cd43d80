// Import benchmark (issues: foundation, #15). Imports the UCI Online Retail CSV into a fresh workspace with
// merchbench-cli, side by side in the same run with `sqlite3 FILE.db '.import --csv FILE t'` into a fresh
// file (file-backed, never :memory:: both pay for the same kind of writes), alternating the two, and prints
// each run, the median wall time and peak memory (max RSS) of each, and the ratio of the medians as well as
// the median of the per-run ratios (a run's two imports are seconds apart, so that one is the less
// sensitive to the load of a shared machine).
//   bench_import [CSV] [RUNS]
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

extern char **environ;

namespace {

struct Run { double seconds; long maxRssKb; int status; };

Run run(const std::vector<std::string> &argv, bool quiet = true)
{
    std::vector<char *> args;
    for (const auto &a : argv) args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (quiet) posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ) != 0) {
        std::fprintf(stderr, "cannot start %s\n", args[0]);
        std::exit(1);
    }
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    const auto t1 = std::chrono::steady_clock::now();
    posix_spawn_file_actions_destroy(&fa);
    return {std::chrono::duration<double>(t1 - t0).count(), ru.ru_maxrss, status};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char **argv)
{
    const std::string csv = argc > 1 ? argv[1] : MB_DATASETS_DIR "/online_retail/online_retail.csv";
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    const std::string cli = MB_CLI_PATH;
    if (!std::filesystem::exists(csv)) {
        std::fprintf(stderr, "data set not found: %s\n", csv.c_str());
        return 1;
    }
    const auto dir = std::filesystem::temp_directory_path() / ("mb-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::vector<double> mbTimes, sqTimes, mbRss, sqRss, ratios;
    for (int i = 0; i < runs; ++i) {
        const std::string ws = (dir / "bench.merchbench").string();
        const std::string db = (dir / "bench.db").string();
        for (const auto &p : {ws, ws + "-wal", ws + "-shm", db}) std::filesystem::remove(p);
        run({cli, "--workspace", ws, "init"});
        const Run m = run({cli, "--workspace", ws, "import", "orders", csv});
        const Run s = run({"sqlite3", db, ".import --csv " + csv + " t"});
        if (m.status != 0 || s.status != 0) {
            std::fprintf(stderr, "a run failed (merchbench %d, sqlite3 %d)\n", m.status, s.status);
            return 1;
        }
        mbTimes.push_back(m.seconds);
        sqTimes.push_back(s.seconds);
        ratios.push_back(m.seconds / s.seconds);
        mbRss.push_back(double(m.maxRssKb) / 1024.0);
        sqRss.push_back(double(s.maxRssKb) / 1024.0);
        std::printf("run %d: merchbench-cli import %.3f s (%.0f MB), sqlite3 .import %.3f s (%.0f MB), ratio %.2f\n", i + 1,
                    m.seconds, mbRss.back(), s.seconds, sqRss.back(), ratios.back());
    }
    std::filesystem::remove_all(dir);
    const double mb = median(mbTimes), sq = median(sqTimes);
    std::printf("\n%s, %d runs, medians:\n", csv.c_str(), runs);
    std::printf("  merchbench-cli import orders  %.3f s   peak RSS %.0f MB\n", mb, median(mbRss));
    std::printf("  sqlite3 .import --csv          %.3f s   peak RSS %.0f MB\n", sq, median(sqRss));
    std::printf("  ratio of the medians %.2f x, median of the per-run ratios %.2f x (target <= 1.0 x; peak memory\n"
                "  must not hold the whole file plus a string per line)\n",
                mb / sq, median(ratios));
    return 0;
}

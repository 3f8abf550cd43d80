// Parse-only timing of the order import on UCI Online Retail (541,909 lines): TextFile::load + parseOrders,
// no SQLite. The whole import must stay within 1.5x `sqlite3 .import` (~1 s), and this is the parser's share.
// Usage: bench_parse [file] [runs]   (defaults: the shared Online Retail copy, 5 runs)
#include "core/io/importparser.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

int main(int argc, char **argv)
{
    const std::string path = argc > 1 ? argv[1] : MB_DATASETS_DIR "/online_retail/online_retail.csv";
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    using Clock = std::chrono::steady_clock;
    auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };

    std::vector<double> load, parse, total, cpu, parseCpu;
    mb::OrderBatch batch;
    for (int i = 0; i < runs; ++i) {
        const std::clock_t c0 = std::clock();
        const auto t0 = Clock::now();
        const mb::TextFile file = mb::TextFile::load(path);
        const auto t1 = Clock::now();
        const std::clock_t c1 = std::clock();
        if (!file.ok()) {
            std::fprintf(stderr, "%s\n", file.error.c_str());
            return 1;
        }
        mb::OrderBatch fresh;  // freeing the previous run's batch is not part of a parse
        const mb::ParseResult r = mb::parseOrders(file, {}, fresh);
        const auto t2 = Clock::now();
        const std::clock_t c2 = std::clock();
        if (r.status != mb::ParseStatus::Ok) {
            std::fprintf(stderr, "%s\n", r.error.c_str());
            return 1;
        }
        batch = std::move(fresh);
        load.push_back(ms(t1 - t0));
        parse.push_back(ms(t2 - t1));
        total.push_back(ms(t2 - t0));
        // CPU time too: on a shared machine the wall time includes waiting for a core.
        cpu.push_back(1000.0 * double(c2 - c0) / CLOCKS_PER_SEC);
        parseCpu.push_back(1000.0 * double(c2 - c1) / CLOCKS_PER_SEC);
        std::printf("run %d: load %.1f ms, parse %.1f ms, total %.1f ms (CPU: parse %.1f ms, total %.1f ms)\n", i + 1,
                    load.back(), parse.back(), total.back(), parseCpu.back(), cpu.back());
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    };
    std::printf("%s: format %s, %zu orders, %zu lines, %zu products, %zu rejects, %lld duplicate rows\n", path.c_str(),
                batch.format.c_str(), batch.orders.size(), batch.lines.size(), batch.products.size(),
                batch.rejects.size(), static_cast<long long>(batch.duplicateRows));
    std::printf("median of %d: load %.1f ms, parse %.1f ms, load+parse %.1f ms (CPU: parse %.1f ms, load+parse %.1f ms)\n",
                runs, median(load), median(parse), median(total), median(parseCpu), median(cpu));
    return 0;
}

// `merchbench-cli recommend --requests FILE` as a script runs it (issue 13: 1,000 requests on Online Retail
// in <= 3 s, whole process): the requests are drawn from the workspace's own orders (seeded), a quarter per
// placement: product page = the order's first product, cart and checkout = the first half of its products,
// post-purchase = all of them with the order's customer. Prints each run's wall and CPU seconds, the
// medians, and beside them one request alone (what loading the workspace costs) against the 3 s goal.
//   bench_clirecommend WORKSPACE [REQUESTS=1000] [RUNS=5]
#include "bench/spawntimed.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace mb;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// The order's distinct SKUs in line order.
std::vector<std::string> skusOf(const Snapshot &s, const SnapshotOrder &o)
{
    std::vector<std::string> out;
    for (uint32_t i = o.lineBegin; i < o.lineEnd; ++i) {
        const std::string &sku = s.products[s.lines[i].product].sku;
        if (std::find(out.begin(), out.end(), sku) == out.end()) out.push_back(sku);
    }
    return out;
}

bool writeRequests(const Snapshot &s, int count, const std::string &path)
{
    std::vector<uint32_t> orders;
    for (uint32_t i = 0; i < s.orders.size(); ++i)
        if (s.orders[i].status != OrderStatus::Cancelled && s.orders[i].lineEnd > s.orders[i].lineBegin) orders.push_back(i);
    if (orders.empty()) return false;
    std::mt19937 rng(13);
    std::ofstream out(path);
    static const char *placements[] = {"product-page", "cart", "checkout", "post-purchase"};
    for (int i = 0; i < count; ++i) {
        const SnapshotOrder &o = s.orders[orders[rng() % orders.size()]];
        const std::vector<std::string> skus = skusOf(s, o);
        QJsonObject r{{"id", i}, {"placement", placements[i % 4]}};
        if (i % 4 == 0) {
            r.insert("sku", QString::fromStdString(skus.front()));
        } else {
            QJsonArray cart;
            const size_t n = i % 4 == 3 ? skus.size() : (skus.size() + 1) / 2;
            for (size_t k = 0; k < n; ++k) cart.append(QString::fromStdString(skus[k]));
            r.insert("cart", cart);
            if (i % 4 == 3 && o.customer >= 0) r.insert("customer", QString::fromStdString(s.customers[size_t(o.customer)].externalId));
        }
        out << QJsonDocument(r).toJson(QJsonDocument::Compact).toStdString() << '\n';
    }
    return bool(out);
}

}  // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_clirecommend WORKSPACE [REQUESTS=1000] [RUNS=5]\n");
        return 1;
    }
    const std::string workspace = argv[1];
    const int count = argc > 2 ? std::atoi(argv[2]) : 1000;
    const int runs = argc > 3 ? std::atoi(argv[3]) : 5;
    std::string error;
    auto ws = Workspace::open(workspace, error, nullptr, true);
    if (!ws) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    const auto snap = Snapshot::load(*ws, error);
    if (!snap) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    QTemporaryDir dir;
    const std::string many = dir.filePath("requests.jsonl").toStdString(), one = dir.filePath("one.jsonl").toStdString();
    if (!writeRequests(*snap, count, many) || !writeRequests(*snap, 1, one)) {
        std::fprintf(stderr, "%s: no orders to draw requests from\n", workspace.c_str());
        return 1;
    }
    std::vector<double> wallMany, cpuMany, wallOne, cpuOne;
    for (int r = 0; r < runs; ++r) {
        double cpu = 0;
        const double w1 = mbbench::spawnTimed({MB_CLI_PATH, "--workspace", workspace, "recommend", "--requests", one}, &cpu);
        wallOne.push_back(w1);
        cpuOne.push_back(cpu);
        const double wn = mbbench::spawnTimed({MB_CLI_PATH, "--workspace", workspace, "recommend", "--requests", many}, &cpu);
        wallMany.push_back(wn);
        cpuMany.push_back(cpu);
        if (w1 < 0 || wn < 0) {
            std::fprintf(stderr, "merchbench-cli recommend --requests failed\n");
            return 1;
        }
        std::printf("run %d: 1 request %.2f s (cpu %.2f s), %d requests %.2f s (cpu %.2f s)\n", r + 1, w1, cpuOne.back(), count, wn,
                    cpuMany.back());
    }
    std::printf("median of %d: 1 request %.2f s (cpu %.2f s); %d requests %.2f s (cpu %.2f s), %.2f ms per request after loading; goal <= 3 s\n",
                runs, median(wallOne), median(cpuOne), count, median(wallMany), median(cpuMany),
                1000.0 * (median(wallMany) - median(wallOne)) / std::max(1, count));
    return 0;
}

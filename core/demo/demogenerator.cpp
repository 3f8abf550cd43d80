#include "core/demo/demogenerator.h"

#include "core/demo/demobundles.h"
#include "core/demo/democatalog.h"
#include "core/demo/demomaps.h"
#include "core/demo/demoorders.h"
#include "core/demo/demorandom.h"
#include "core/mining/minedresults.h"
#include "core/storage/importer.h"
#include "core/storage/snapshot.h"
#include "core/storage/workspace.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace mb {

namespace {

constexpr int MaxMonths = 120, MaxOrders = 2'000'000, MaxCustomers = 1'000'000;

DemoParameters clamped(DemoParameters p)
{
    p.months = std::clamp(p.months, 1, MaxMonths);
    p.orders = std::clamp(p.orders, 0, MaxOrders);
    p.customers = std::clamp(p.customers, 1, MaxCustomers);
    return p;
}

void removeWorkspaceFiles(const std::string &path)
{
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path + suffix, ec);
}

}  // namespace

std::string demoParametersError(const DemoParameters &p)
{
    if (p.months < 1 || p.months > MaxMonths)
        return "months must be 1.." + std::to_string(MaxMonths) + ", got " + std::to_string(p.months);
    if (p.orders < 0 || p.orders > MaxOrders)
        return "orders must be 0.." + std::to_string(MaxOrders) + ", got " + std::to_string(p.orders);
    if (p.customers < 1 || p.customers > MaxCustomers)
        return "customers must be 1.." + std::to_string(MaxCustomers) + ", got " + std::to_string(p.customers);
    return {};
}

DemoStore generateDemoStore(const DemoParameters &parameters)
{
    const DemoParameters p = clamped(parameters);
    // One engine for catalog and orders, in this order: the store for a seed never depends on anything else.
    demo::DemoRandom rng(p.seed);
    demo::DemoCatalog catalog = demo::buildDemoCatalog(rng);
    DemoStore store;
    store.orders = demo::simulateDemoOrders(catalog, p, rng);
    store.catalog.format = "generic";
    for (demo::DemoProduct &product : catalog.products)
        store.catalog.products.push_back(std::move(product.record));
    store.catalog.relations = std::move(catalog.relations);
    store.catalog.rowsRead = int64_t(store.catalog.products.size());
    return store;
}

bool createDemoWorkspace(const std::string &path, const DemoParameters &p, std::string &error)
{
    if (std::string problem = demoParametersError(p); !problem.empty()) {
        error = "cannot create the demo workspace " + path + ": " + problem;
        return false;
    }
    std::unique_ptr<Workspace> ws = Workspace::create(path, error);
    if (!ws)
        return false;
    const DemoStore store = generateDemoStore(p);
    const std::string file = "demo:seed=" + std::to_string(p.seed);
    ImportReport catalogReport, ordersReport;
    bool ok = writeCatalog(*ws, store.catalog, file, catalogReport);
    const ImportReport &failed = ok ? ordersReport : catalogReport;
    if (ok)
        ok = writeOrders(*ws, store.orders, file, ordersReport);
    std::string mapError;
    auto mine = [&] {
        if (!p.mine) return true;
        const auto snap = Snapshot::load(*ws, mapError);
        return snap && mineAndSave(*ws, *snap, MiningSettings(), mapError);
    };
    if (ok && addDemoMap(*ws, mapError) && addDemoBundles(*ws, mapError) && mine())
        return true;
    error = "cannot write the demo store into " + path + ": " +
            (!mapError.empty() ? mapError : failed.error.empty() ? std::string("the write was cancelled") : failed.error);
    // A workspace holding a catalog without its orders would look like a real, broken store.
    ws.reset();
    removeWorkspaceFiles(path);
    return false;
}

}  // namespace mb

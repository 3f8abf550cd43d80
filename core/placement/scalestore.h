#pragma once
// A deterministic synthetic store at scale (default 100,000 products, 5,000,000 order lines) for the
// placement benchmark: categories in departments, good/better/best families, complementary categories that
// are bought together, Zipf-like popularity, out-of-stock and low-stock products, repeat customers. Written
// through the ordinary writers (writeCatalog / writeOrders, orders in chunks to bound memory), so that the
// benchmark also measures loading the snapshot of a big workspace.
#include <cstdint>
#include <string>

namespace mb {

class Workspace;

struct ScaleParameters {
    uint64_t seed = 7;
    int64_t products = 100'000;
    int64_t orderLines = 5'000'000;
    int64_t customers = 300'000;
    int departments = 20;
    int categoriesPerDepartment = 50;
    int days = 730;
    int64_t ordersPerChunk = 200'000;  // orders per writeOrders call
};

struct ScaleReport {
    int64_t products = 0, categories = 0, orders = 0, lines = 0, relations = 0;
    double catalogSeconds = 0, ordersSeconds = 0;
};

// Writes the store into an empty workspace: catalog (with family upsell links), orders, and one curated
// necessity per category onto its complementary category. False with error set on failure.
bool writeScaleStore(Workspace &ws, const ScaleParameters &p, ScaleReport &report, std::string &error);

}  // namespace mb

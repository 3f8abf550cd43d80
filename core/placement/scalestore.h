#pragma once
// A deterministic synthetic store at scale (default 100,000 products, 5,000,000 order lines) for the
// benchmarks (bench_placement, bench_scale) and `merchbench-cli demo --scale N`: categories in departments,
// good/better/best families, complementary categories that are bought together, Zipf-like popularity,
// out-of-stock and low-stock products, repeat customers. Baskets hold 1-5 lines (mean 2.9). Written through
// the ordinary writers (writeCatalog / writeOrders, orders in chunks so memory stays bounded at any size),
// or handed out chunk by chunk (ScaleStoreGenerator) for a CSV the import benchmark reads.
#include "core/io/importrecords.h"

#include <cstdint>
#include <functional>
#include <random>
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

// The store as batches: catalog() first (once), then nextOrders() until it returns false. The draws are the
// same whoever consumes them, so a workspace and a CSV of the same parameters hold the same store.
class ScaleStoreGenerator {
public:
    explicit ScaleStoreGenerator(const ScaleParameters &p);
    CatalogBatch catalog();
    // The next chunk of at most ordersPerChunk orders (format "lines"); false when every line was handed out.
    bool nextOrders(OrderBatch &batch);
    int64_t linesDone() const { return lines_; }
    // The category path of category c ("Dept 3 > Cat 152"), and its complementary category.
    static std::string categoryPath(int64_t c, int categoriesPerDepartment);
    int64_t complementOf(int64_t c) const;
    int64_t categories() const { return categories_; }

private:
    double unit() { return double(engine_() >> 11) * (1.0 / 9007199254740992.0); }
    int64_t below(int64_t n) { return int64_t(unit() * double(n)); }
    int64_t pick(int64_t cat);

    ScaleParameters p_;
    std::mt19937_64 engine_;  // integer-only draws from its raw output: the same store on every platform
    int64_t categories_ = 0, perCategory_ = 1;
    int64_t orderNo_ = 0, lines_ = 0;
    double secondsPerOrder_ = 0;
};

// The SKU of product i ("S000042").
std::string scaleSku(int64_t i);

// Writes the store into an empty workspace: catalog (with family upsell links), orders, and one curated
// necessity per category onto its complementary category. `progress` (if set) hears the lines written so far
// after each chunk and cancels by returning false. False with error set on failure or cancel.
bool writeScaleStore(Workspace &ws, const ScaleParameters &p, ScaleReport &report, std::string &error,
                     const std::function<bool(int64_t)> &progress = {});

}  // namespace mb

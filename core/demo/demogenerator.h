#pragma once
// The demo store: a deterministic, realistic catalog and order history so that a new user (and every
// screenshot, tutorial and test) sees pair mining, EASE, placement previews, bundles and KPIs with
// meaningful results before importing their own shop. See core/demo/README.md for what it contains.
#include "core/io/importrecords.h"

#include <cstdint>
#include <string>

namespace mb {

struct DemoParameters {
    uint64_t seed = 42;
    int months = 12;        // length of the order history, ending on endDate
    int orders = 6000;      // orders generated, exactly (cancellations and returns included)
    int customers = 1500;   // customers generated; every one orders unless `orders` runs out first
    int64_t endDate = 20'757 * int64_t(86400);  // UTC seconds of the last day: 2026-10-31
    // Save pair statistics, EASE and replenishment in the workspace, so the Maps view shows suggestions at
    // first start. Tests leave it off to see an unmined store.
    bool mine = false;
};

struct DemoStore {
    CatalogBatch catalog;
    OrderBatch orders;
};

// Empty when the parameters can make a store, else what is wrong ("months must be 1..120, got 0").
std::string demoParametersError(const DemoParameters &p);

// Pure and deterministic: the same parameters give byte-identical batches on every platform. Parameters
// outside the ranges demoParametersError accepts are clamped into them.
DemoStore generateDemoStore(const DemoParameters &p);

// Creates a new workspace file at `path` (refusing to overwrite one) and writes the catalog, then the
// orders, recording the file name as "demo:seed=N". On failure returns false with `error` set and leaves
// no file behind.
bool createDemoWorkspace(const std::string &path, const DemoParameters &p, std::string &error);

}  // namespace mb

#pragma once
// EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): an item-to-item weight
// matrix B with zero diagonal minimising ||X - XB||^2 + lambda ||B||^2 over the basket x item matrix X.
// Closed form: P = (X'X + lambda I)^-1, B[i][j] = -P[i][j] / P[j][j] for i != j. Row i of B says how much
// having item i in a basket speaks for each other item j: its largest entries are i's neighbours.
#include "core/io/importrecords.h"
#include "core/mining/orderexclusion.h"

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mb {

struct Snapshot;

struct EaseOptions {
    uint32_t minBaskets = 20;  // items in fewer baskets are left out of the model
    double lambda = 500;       // L2 penalty added to the Gram matrix's diagonal
    int topK = 10;             // neighbours kept per item
    // The model is dense (items^2 doubles, twice during the solve): above this many qualifying items only
    // the most-bought ones are modelled (EaseModel::truncated says so). 6,000 items ~ 2 x 288 MB.
    size_t maxItems = 6000;
    bool keepWeights = false;  // keep the whole B in EaseModel::weights (items^2 doubles)
    int threads = 0;           // 0 = one per core
    OrderExclusion exclude;    // orders whose baskets are not in X at all
};

struct EaseNeighbour {
    uint32_t product = 0;  // index into Snapshot::products
    double weight = 0;     // B[item][neighbour]
};

struct EaseItem {
    uint32_t product = 0;       // index into Snapshot::products
    uint32_t baskets = 0;       // baskets holding it
    std::vector<EaseNeighbour> neighbours;  // by weight, descending; ties by product index
};

struct EaseTimings {
    double loadMs = 0;   // snapshot -> the item set and its inverted index (X)
    double gramMs = 0;   // co-counts into X'X + lambda I
    double solveMs = 0;  // Cholesky, triangular inverse, P = L^-T L^-1
    double topKMs = 0;   // weights and each item's neighbours
};

struct EaseModel {
    std::vector<EaseItem> items;  // the modelled items, by product index; row/column order of weights
    size_t qualifyingItems = 0;   // items in at least minBaskets baskets (before maxItems)
    size_t baskets = 0;           // baskets counted (the rows of X before reduction to modelled items)
    size_t excludedBaskets = 0;   // baskets of orders EaseOptions::exclude left out
    bool truncated = false;       // qualifyingItems > maxItems
    Eigen::MatrixXd weights;      // B, only with keepWeights (items x items, zero diagonal)
    EaseTimings timings;
    bool cancelled = false;
    std::string error;            // set when the model could not be built (items empty, not cancelled)

    bool ok() const { return error.empty() && !cancelled; }
};

// progress returning false cancels (model.cancelled, nothing else set).
EaseModel trainEase(const Snapshot &snapshot, const EaseOptions &options, const ProgressFn &progress = {});

}  // namespace mb

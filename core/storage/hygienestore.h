#pragma once
// The merchandiser's answers to the data-hygiene proposals (core/hygiene), and the one-click SKU merge.
//
// Decisions are remembered by SKU text (a product's id changes when a workspace is rebuilt from its files):
// a dismissed non-merchandise proposal is not proposed again, two SKUs kept apart are not listed as
// variants again.
//
// A merge moves every order line of the variant onto the canonical product and deletes the variant, in one
// transaction, and returns what it changed so that unmerge() restores the file exactly: the variant's row
// with its id, the lines' product, the canonical product's row (its title and price are settled again from
// the merged lines when it is order-only), the rows derived from the variant (mined pair statistics, EASE
// neighbours, re-buy intervals, mined relation suggestions) and the history version. A variant that the
// merchandiser's own work refers to (a curated, imported or active relation, a bundle, storefront events)
// is refused with the reason: that work is theirs to move.
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace mb {

class Workspace;

using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

struct SavedRow {
    std::string table;
    std::vector<std::string> columns;
    std::vector<SqlValue> values;
};

struct SkuMerge {
    std::string canonicalSku, variantSku;
    // Filled by mergeSku, read by unmergeSku.
    int64_t canonicalId = 0, variantId = 0;
    std::vector<int64_t> movedLines;
    SavedRow canonicalBefore;
    std::vector<SavedRow> deleted;       // the variant's row first, then what was derived from it
    int64_t historyBefore = 0, historyAfter = 0;
};

class HygieneStore {
public:
    explicit HygieneStore(Workspace &ws) : ws_(ws) {}

    std::set<std::string> dismissedNonMerchandise() const;
    std::set<std::pair<std::string, std::string>> keptApart() const;   // (smaller, larger) SKU
    bool dismissNonMerchandise(const std::vector<std::string> &skus, std::string &error);
    bool undismissNonMerchandise(const std::vector<std::string> &skus, std::string &error);
    bool keepApart(const std::string &a, const std::string &b, std::string &error);
    bool forgetKeepApart(const std::string &a, const std::string &b, std::string &error);

    // `merge` names the two SKUs; the rest is filled. False with error set (nothing changed) on failure.
    bool mergeSku(SkuMerge &merge, std::string &error);
    // Undoes a merge made by mergeSku (the last change to these products); restores the rows exactly.
    bool unmergeSku(const SkuMerge &merge, std::string &error);

private:
    Workspace &ws_;
};

}  // namespace mb

#pragma once
// Products by SKU and categories by path, and back: how files (relation CSVs, exchange JSON, the demo map)
// name what the workspace knows by id.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mb {

class Workspace;

struct CatalogNames {
    std::unordered_map<int64_t, std::string> sku, path;            // product id -> SKU, category id -> path
    std::unordered_map<std::string, int64_t> productId, categoryId; // SKU -> product id, path -> category id
};

// Every product and category of the workspace, read on the calling thread's connection.
CatalogNames loadCatalogNames(const Workspace &ws);

std::optional<int64_t> productIdBySku(const Workspace &ws, const std::string &sku);
std::optional<int64_t> categoryIdByPath(const Workspace &ws, const std::string &path);

struct ProductName {
    int64_t id = 0;
    std::string sku, title;
};
// SKU and title of each product in `ids`, in that order; ids no longer in the workspace are left out.
std::vector<ProductName> productNames(const Workspace &ws, const std::vector<int64_t> &ids);

}  // namespace mb

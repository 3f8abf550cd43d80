#include "core/storage/catalognames.h"

#include "core/storage/statement.h"
#include "core/storage/workspace.h"

namespace mb {

CatalogNames loadCatalogNames(const Workspace &ws)
{
    CatalogNames n;
    Statement p(ws.db(), "SELECT id, sku FROM products");
    while (p.step()) {
        n.sku.emplace(p.int64(0), p.text(1));
        n.productId.emplace(p.text(1), p.int64(0));
    }
    Statement c(ws.db(), "SELECT id, path FROM categories");
    while (c.step()) {
        n.path.emplace(c.int64(0), c.text(1));
        n.categoryId.emplace(c.text(1), c.int64(0));
    }
    return n;
}

std::optional<int64_t> productIdBySku(const Workspace &ws, const std::string &sku)
{
    Statement s(ws.db(), "SELECT id FROM products WHERE sku = ?1");
    s.bind(1, sku);
    return s.step() ? std::optional<int64_t>(s.int64(0)) : std::nullopt;
}

std::optional<int64_t> categoryIdByPath(const Workspace &ws, const std::string &path)
{
    Statement s(ws.db(), "SELECT id FROM categories WHERE path = ?1");
    s.bind(1, path);
    return s.step() ? std::optional<int64_t>(s.int64(0)) : std::nullopt;
}

std::vector<ProductName> productNames(const Workspace &ws, const std::vector<int64_t> &ids)
{
    std::vector<ProductName> out;
    Statement s(ws.db(), "SELECT sku, title FROM products WHERE id = ?1");
    for (int64_t id : ids) {
        s.bind(1, id);
        if (s.step()) out.push_back({id, s.text(0), s.text(1)});
        s.reset();
    }
    return out;
}

}  // namespace mb

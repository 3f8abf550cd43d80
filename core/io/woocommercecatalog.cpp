// WooCommerce product CSV (the core exporter's columns). Variations name their parent, and Upsells,
// Cross-sells and Grouped products name other products, by SKU or by "id:N"; both are resolved once the
// whole file is read, because a reference may point at a later row (the importer itself works that way).
#include "core/io/catalogparser_p.h"
#include "core/io/categorypath.h"
#include "core/io/fieldparse.h"
#include "core/io/formulaguard.h"

#include <unordered_map>
#include <unordered_set>

namespace mb::catalog {

namespace {

struct Row {
    size_t product = 0;  // index into out.products
    std::string parent;
    std::string links[3];
};

constexpr const char *kLinkTypes[3] = {"upsell", "cross-sell", "grouped"};

// A token of a list cell (Upsells) can carry its own guard when a spreadsheet wrote the list.
std::string unguarded(std::string_view s) { return std::string(trimmed(stripFormulaGuard(s))); }

}  // namespace

ParseResult parseWooCommerce(Context &ctx)
{
    const CsvHeader &h = ctx.header;
    const int sku = h.find({"SKU"}), id = h.find({"ID"});
    if (sku < 0 && id < 0)
        return failed(ctx, "not a WooCommerce product CSV: expected a SKU or an ID column; found columns " + describeColumns(h));
    const int name = h.find({"Name"}), price = h.find(Aliases::price()), cost = h.find(Aliases::cost()),
              stock = h.find({"Stock"}), inStock = h.find({"In stock?"}), categories = h.find({"Categories"}),
              brands = h.find({"Brands", "Brand"}), parent = h.find({"Parent"}), sale = h.find({"Sale price"});
    const int links[3] = {h.find({"Upsells"}), h.find({"Cross-sells"}), h.find({"Grouped products"})};

    auto &out = ctx.out;
    std::vector<Row> rows;
    std::unordered_map<std::string, std::string> keyOfId;  // "id:N" -> the key of row N
    int64_t onSale = 0;

    const bool ok = ctx.forEachRecord([&](const CsvRecord &r) {
        ProductRecord p;
        p.line = r.line;
        const std::string idText(ctx.cell(r, id));
        p.sku = std::string(ctx.cell(r, sku));
        // WooCommerce refers to a product without a SKU as "id:N"; using that as its key keeps links to it.
        if (p.sku.empty() && !idText.empty()) p.sku = "id:" + idText;
        if (p.sku.empty()) {
            ctx.reject(r, sku, "", "missing SKU: expected a SKU, or an ID to key the product by");
            return;
        }
        // WooCommerce keeps reducing Stock below 0 when backorders are allowed: -3 is three units owed.
        if (!ctx.amount(r, price, p.price) || !ctx.amount(r, cost, p.cost)
            || !ctx.stock(r, stock, p.stock, Context::NegativeStock::Backorders))
            return;
        if (!ctx.claimSku(r, sku >= 0 ? sku : id, p.sku)) return;
        if (!p.stock && parseBool(ctx.cell(r, inStock)) == false) p.stock = 0;
        if (!ctx.cell(r, sale).empty()) ++onSale;
        p.title = std::string(ctx.cell(r, name));
        p.category = deepestCategoryPath(std::string(ctx.cell(r, categories)), ',');
        const auto brandList = splitEscapedList(std::string(ctx.cell(r, brands)), ',');
        if (!brandList.empty()) p.brand = brandList.front();
        if (!idText.empty()) keyOfId.emplace("id:" + idText, p.sku);
        Row row;
        row.product = out.products.size();
        row.parent = std::string(ctx.cell(r, parent));
        for (int k = 0; k < 3; ++k) row.links[k] = std::string(ctx.cell(r, links[k]));
        rows.push_back(std::move(row));
        out.products.push_back(std::move(p));
    });
    if (!ok) return cancelled();

    auto resolve = [&](const std::string &ref) {
        auto it = keyOfId.find(ref);
        return it != keyOfId.end() ? it->second : ref;
    };
    std::unordered_map<std::string, size_t> indexOfKey;
    for (size_t i = 0; i < out.products.size(); ++i) indexOfKey.emplace(out.products[i].sku, i);

    std::unordered_set<std::string> parents;
    for (const Row &row : rows)
        if (!row.parent.empty()) {
            ProductRecord &p = out.products[row.product];
            p.family = resolve(row.parent);
            parents.insert(p.family);
        }
    for (ProductRecord &p : out.products) {
        if (p.family.empty() && parents.count(p.sku)) p.family = p.sku;
        // Variations carry no categories of their own in WooCommerce: they are shown under their parent's.
        if (p.category.empty() && !p.family.empty() && p.family != p.sku) {
            auto it = indexOfKey.find(p.family);
            if (it != indexOfKey.end()) p.category = out.products[it->second].category;
        }
    }

    int64_t selfLinks = 0;
    for (const Row &row : rows) {
        const ProductRecord &anchor = out.products[row.product];
        for (int k = 0; k < 3; ++k) {
            int position = 0;
            for (const std::string &token : splitEscapedList(row.links[k], ',')) {
                const std::string target = resolve(unguarded(token));
                if (target.empty()) continue;
                if (target == anchor.sku) {
                    ++selfLinks;
                    continue;
                }
                out.relations.push_back({anchor.line, anchor.sku, target, kLinkTypes[k], ++position});
            }
        }
    }
    if (selfLinks > 0)
        out.notes.push_back(std::to_string(selfLinks) + (selfLinks == 1 ? " link" : " links")
                            + " from a product to itself " + (selfLinks == 1 ? "was" : "were") + " ignored");
    if (onSale > 0)
        out.notes.push_back(std::to_string(onSale) + (onSale == 1 ? " product has" : " products have")
                            + " a Sale price; the Regular price is imported as the price");
    return {};
}

}  // namespace mb::catalog

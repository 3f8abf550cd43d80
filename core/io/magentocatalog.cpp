// Magento 2 catalog product CSV (System > Export > Products). Links are parallel lists: related_skus with
// related_position, and so on, with the import's multiple-value separator (',' by default). Rows with a
// store_view_code only override labels for one store view; the product itself is the default-scope row.
#include "core/io/catalogparser_p.h"
#include "core/io/categorypath.h"
#include "core/io/fieldparse.h"

#include <unordered_map>
#include <unordered_set>

namespace mb::catalog {

namespace {

std::vector<std::string_view> splitPlain(std::string_view s, char separator)
{
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find(separator, start);
        if (end == std::string_view::npos) end = s.size();
        out.push_back(trimmed(s.substr(start, end - start)));
        start = end + 1;
    }
    return out;
}

struct LinkColumns {
    int skus, positions;
    const char *type;
};

}  // namespace

ParseResult parseMagento(Context &ctx)
{
    const CsvHeader &h = ctx.header;
    const int sku = h.find({"sku"});
    if (sku < 0) return failed(ctx, "not a Magento product CSV: expected a sku column; found columns " + describeColumns(h));
    const int storeView = h.find({"store_view_code"}), name = h.find({"name"}), price = h.find({"price"}),
              cost = h.find({"cost"}), qty = h.find({"qty"}), categories = h.find({"categories"}),
              brand = h.find({"brand", "manufacturer"}), variations = h.find({"configurable_variations"});
    const LinkColumns links[3] = {{h.find({"related_skus"}), h.find({"related_position"}), "related"},
                                  {h.find({"crosssell_skus"}), h.find({"crosssell_position"}), "cross-sell"},
                                  {h.find({"upsell_skus"}), h.find({"upsell_position"}), "upsell"}};

    auto &out = ctx.out;
    int64_t storeViewRows = 0, selfLinks = 0;
    std::unordered_map<std::string, std::string> parentOf;  // simple SKU -> configurable SKU
    std::unordered_set<std::string> configurables;

    const bool ok = ctx.forEachRecord([&](const CsvRecord &r) {
        if (!ctx.cell(r, storeView).empty()) {
            ++storeViewRows;
            return;
        }
        ProductRecord p;
        p.line = r.line;
        p.sku = std::string(ctx.cell(r, sku));
        if (p.sku.empty()) {
            ctx.reject(r, sku, "", "missing sku: every product row needs one");
            return;
        }
        // Magento's qty goes below 0 when backorders are on ("Allow Qty Below 0"): units owed to customers.
        if (!ctx.amount(r, price, p.price) || !ctx.amount(r, cost, p.cost)
            || !ctx.stock(r, qty, p.stock, Context::NegativeStock::Backorders))
            return;
        if (!ctx.claimSku(r, sku, p.sku)) return;
        p.title = std::string(ctx.cell(r, name));
        p.category = deepestCategoryPath(ctx.cell(r, categories), ',');
        p.brand = std::string(ctx.cell(r, brand));

        // "sku=MH01-XS-Black,size=XS,color=Black|sku=MH01-S-Black,...": the variants of a configurable.
        for (std::string_view variant : splitPlain(ctx.cell(r, variations), '|'))
            for (std::string_view pair : splitPlain(variant, ','))
                if (pair.substr(0, 4) == "sku=" && pair.size() > 4) {
                    parentOf.emplace(std::string(trimmed(pair.substr(4))), p.sku);
                    configurables.insert(p.sku);
                }

        for (const LinkColumns &l : links) {
            const auto targets = splitPlain(ctx.cell(r, l.skus), ',');
            const auto positions = splitPlain(ctx.cell(r, l.positions), ',');
            int order = 0;
            for (size_t i = 0; i < targets.size(); ++i) {
                if (targets[i].empty()) continue;
                ++order;
                if (targets[i] == p.sku) {
                    ++selfLinks;
                    continue;
                }
                // The n-th position belongs to the n-th SKU; without one, the SKU's place in the list.
                int64_t position = 0;
                if (i >= positions.size() || !parseInteger(positions[i], position) || position < 0 || position > 1000000)
                    position = order;
                out.relations.push_back({r.line, p.sku, std::string(targets[i]), l.type, int(position)});
            }
        }
        out.products.push_back(std::move(p));
    });
    if (!ok) return cancelled();

    for (ProductRecord &p : out.products) {
        if (configurables.count(p.sku)) p.family = p.sku;
        else if (auto it = parentOf.find(p.sku); it != parentOf.end()) p.family = it->second;
    }
    if (storeViewRows > 0)
        out.notes.push_back(std::to_string(storeViewRows) + " store-view rows (store_view_code set) only override texts "
                            "for one store view and were skipped");
    if (selfLinks > 0)
        out.notes.push_back(std::to_string(selfLinks) + (selfLinks == 1 ? " link" : " links")
                            + " from a product to itself " + (selfLinks == 1 ? "was" : "were") + " ignored");
    return {};
}

}  // namespace mb::catalog

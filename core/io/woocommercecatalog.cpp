// WooCommerce product CSV (the core exporter's columns). Variations name their parent, and Upsells,
// Cross-sells and Grouped products name other products, by SKU or by "id:N"; both are resolved once the
// whole file is read, because a reference may point at a later row (the importer itself works that way).
// Status, visibility, stock status and sale prices follow WooCommerce's own CSV code (core/io/woocommercerules.h,
// docs/formats-woocommerce.md).
#include "core/io/catalogparser_p.h"
#include "core/io/categorypath.h"
#include "core/io/fieldparse.h"
#include "core/io/formulaguard.h"
#include "core/io/woocommercerules.h"

#include <unordered_map>
#include <unordered_set>

namespace mb::catalog {

namespace {

struct Row {
    size_t product = 0;  // index into out.products
    std::string parent;
    bool variation = false;
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
    // "Regular price" first: the generic price aliases also match a plain "price" column some plugins add.
    int price = h.find({"Regular price"});
    if (price < 0) price = h.find(Aliases::price());
    // Cost: core's Cost of goods (mappings/default.php, when the COGS feature is on), else the Cost of Goods
    // plugin's meta, else the generic aliases.
    int cost = h.find({"Cost of goods", "Meta: _wc_cog_cost"});
    if (cost < 0) cost = h.find(Aliases::cost());
    const int name = h.find({"Name"}), stock = h.find({"Stock"}), inStock = h.find({"In stock?"}),
              categories = h.find({"Categories"}), brands = h.find({"Brands", "Brand"}), parent = h.find({"Parent"}),
              sale = h.find({"Sale price"}), saleFrom = h.find({"Date sale price starts"}),
              saleTo = h.find({"Date sale price ends"}), type = h.find({"Type"}), published = h.find({"Published"}),
              visibility = h.find({"Visibility in catalog"});
    const int links[3] = {h.find({"Upsells"}), h.find({"Cross-sells"}), h.find({"Grouped products"})};

    ctx.rejectSku = {sku, catalogSku};
    auto &out = ctx.out;
    for (int k = 0; k < 3; ++k)
        if (links[k] >= 0) out.linkTypes.push_back(kLinkTypes[k]);
    std::vector<Row> rows;
    std::unordered_map<std::string, std::string> keyOfId;  // "id:N" -> the key of row N
    const std::string today = woo::todayUtc();
    int64_t saleNow = 0, saleOutside = 0, badDates = 0, parentStock = 0;

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
        p.productType = type >= 0 ? woo::productType(ctx.cell(r, type)) : std::string();
        const bool variation = p.productType == "variation";
        // get_column_value_stock() writes "parent" for a variation whose stock the variable product manages:
        // the variation has no quantity of its own, so its stock stays unknown (the parent row has the pool).
        std::optional<int64_t> quantity;
        const bool stockFromParent = ctx.cell(r, stock) == "parent";
        if (stockFromParent && !variation) {
            ctx.reject(r, stock, "parent", "expected a whole number like 12: only a variation can take its stock from its parent (Stock = parent)");
            return;
        }
        std::optional<double> regular, salePrice;
        // WooCommerce keeps reducing Stock below 0 when backorders are allowed: -3 is three units owed.
        if (!ctx.amount(r, price, regular) || !ctx.amount(r, sale, salePrice) || !ctx.amount(r, cost, p.cost)
            || (!stockFromParent && !ctx.stock(r, stock, quantity, Context::NegativeStock::Backorders)))
            return;
        if (!ctx.claimSku(r, sku >= 0 ? sku : id, p.sku)) return;
        parentStock += stockFromParent;
        p.stock = quantity;
        p.stockStatus = woo::stockStatus(ctx.cell(r, inStock));
        if (!p.stock && !stockFromParent && p.stockStatus == "outofstock") p.stock = 0;

        p.platform = "woocommerce";
        p.platformId = idText;
        p.platformStatus = std::string(ctx.cell(r, published));
        p.unavailable = woo::unavailableReason(ctx.cell(r, published), ctx.cell(r, visibility), variation);
        p.regularPrice = regular;
        p.salePrice = salePrice;
        // The selling price: the Sale price while its dates allow it and it is below the Regular price
        // (WC_Product::is_on_sale()), else the Regular price.
        p.price = regular;
        if (salePrice && (!regular || *salePrice < *regular)) {
            const std::string fromText(ctx.cell(r, saleFrom)), toText(ctx.cell(r, saleTo));
            const std::string from = woo::saleDate(fromText), to = woo::saleDate(toText);
            badDates += (!fromText.empty() && from.empty()) + (!toText.empty() && to.empty());
            if (woo::saleApplies(from, to, today)) {
                p.price = salePrice;
                ++saleNow;
            } else {
                ++saleOutside;
            }
        }
        p.title = std::string(ctx.cell(r, name));
        p.category = deepestCategoryPath(std::string(ctx.cell(r, categories)), ',');
        const auto brandList = splitEscapedList(std::string(ctx.cell(r, brands)), ',');
        if (!brandList.empty()) p.brand = brandList.front();
        if (!idText.empty()) keyOfId.emplace("id:" + idText, p.sku);
        Row row;
        row.product = out.products.size();
        row.parent = std::string(ctx.cell(r, parent));
        row.variation = variation;
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
            // The key the store knows the variable product by (its SKU, or "id:N").
            p.handle = p.family;
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
    // A variation is sold only while its variable product is: a draft, private or hidden parent takes its
    // variations with it (the exporter already writes -1 for a variation of a draft parent).
    for (const Row &row : rows) {
        ProductRecord &p = out.products[row.product];
        if (!row.variation || !p.unavailable.empty() || p.family.empty()) continue;
        auto it = indexOfKey.find(p.family);
        if (it != indexOfKey.end() && !out.products[it->second].unavailable.empty())
            p.unavailable = "its parent " + p.family + " is " + out.products[it->second].unavailable;
    }

    int64_t selfLinks = 0, variationLinks = 0;
    for (const Row &row : rows) {
        const ProductRecord &anchor = out.products[row.product];
        for (int k = 0; k < 3; ++k) {
            // A variation's Cross-sells are its variable product's (WC_Product_Variation_Data_Store_CPT::
            // read_product_data() copies them on every load, so the exporter writes the parent's list on each
            // variation), and its Upsells are never shown: the parent's row carries the links.
            if (row.variation && k < 2 && !row.links[k].empty()) {
                ++variationLinks;
                continue;
            }
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
    if (variationLinks > 0)
        out.notes.push_back(std::to_string(variationLinks) + (variationLinks == 1 ? " Upsells or Cross-sells cell" : " Upsells or Cross-sells cells")
                            + " on variations " + (variationLinks == 1 ? "was" : "were")
                            + " not read: WooCommerce shows the variable product's links for its variations");
    if (saleNow > 0)
        out.notes.push_back(std::to_string(saleNow) + (saleNow == 1 ? " product is" : " products are")
                            + " on sale today: the Sale price is imported as the selling price, the Regular price kept beside it");
    if (saleOutside > 0)
        out.notes.push_back(std::to_string(saleOutside) + (saleOutside == 1 ? " product has a Sale price" : " products have a Sale price")
                            + " outside its sale dates: the Regular price is imported as the selling price");
    if (badDates > 0)
        out.notes.push_back(std::to_string(badDates) + (badDates == 1 ? " sale date is" : " sale dates are")
                            + " not YYYY-MM-DD and " + (badDates == 1 ? "was" : "were") + " ignored, as WooCommerce's importer ignores them");
    if (parentStock > 0)
        out.notes.push_back(std::to_string(parentStock) + (parentStock == 1 ? " variation takes" : " variations take")
                            + " its stock from the variable product (Stock = parent): the quantity is the parent's, shared, and left unknown here");
    return {};
}

}  // namespace mb::catalog

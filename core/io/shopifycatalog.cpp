// Shopify product CSV: one row per variant plus rows that only add an image. Product-level fields are on the
// first row of a handle only, so they are kept per handle and carried to every variant of it.
// Shopify has two header dialects, read alike (docs/formats-shopify.md): the older export (`Handle`, `Variant SKU`,
// `Variant Price`, `Variant Compare At Price`, `Variant Inventory Qty`, `Published`) and the current one named in
// help.shopify.com/en/manual/products/import-export/using-csv (`URL handle`, `SKU`, `Price`, `Compare-at price`,
// `Inventory quantity`, `Published on online store`, `Option1 value`, `Continue selling when out of stock`).
#include "core/io/catalogparser_p.h"
#include "core/io/categorypath.h"
#include "core/io/shopifysku.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>
#include <unordered_map>

namespace mb::catalog {

namespace {

struct Product {
    std::string title, vendor, type, category, status, published;
    std::string firstKey;  // key of the first variant kept: the anchor of the product's relations
    std::string references[2];
    int64_t referenceLine[2] = {0, 0};
};

struct Use {
    std::string handle, label, key;
    int64_t line = 0;
};

// Search & Discovery writes product-reference lists; depending on the export they arrive as a JSON array
// of handles or GIDs, or as a comma list. Either way the strings are kept as written.
std::vector<std::string> referenceList(std::string_view cell)
{
    std::vector<std::string> out;
    cell = trimmed(cell);
    if (!cell.empty() && cell.front() == '[') {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(cell.data(), qsizetype(cell.size())));
        if (doc.isArray()) {
            for (const QJsonValue &v : doc.array()) {
                const std::string s = v.isString() ? v.toString().toStdString()
                                      : v.isDouble() ? QString::number(v.toDouble(), 'f', 0).toStdString()
                                                     : std::string();
                if (!trimmed(s).empty()) out.emplace_back(trimmed(s));
            }
            return out;
        }
        cell.remove_prefix(1);
        if (!cell.empty() && cell.back() == ']') cell.remove_suffix(1);
    }
    size_t start = 0;
    while (start <= cell.size()) {
        size_t end = cell.find_first_of(",;\n\r", start);
        if (end == std::string_view::npos) end = cell.size();
        std::string_view t = trimmed(cell.substr(start, end - start));
        if (t.size() >= 2 && t.front() == '"' && t.back() == '"') t = trimmed(t.substr(1, t.size() - 2));
        if (!t.empty()) out.emplace_back(t);
        start = end + 1;
    }
    return out;
}

// The metafield column of a Search & Discovery list, whatever language the column title is in:
// "Related products (product.metafields.shopify--discovery--product_recommendation.related_products)".
bool isMetafieldColumn(const std::string &name, std::string_view key)
{
    const size_t at = name.find(key);
    if (at == std::string::npos) return false;
    const std::string_view after = std::string_view(name).substr(at + key.size());
    return after.empty() || after.front() == ')' || after.front() == ' ' || after.front() == '[';
}

std::string joinValues(const std::vector<std::string_view> &values, std::string_view separator)
{
    std::string s;
    for (auto v : values) {
        if (!s.empty()) s.append(separator);
        s.append(v);
    }
    return s;
}

}  // namespace

// Why Shopify does not sell a product, from the product-level Status and the online-store publication
// (using-csv, "Status": active / draft / archived; "Published on online store" / older "Published": TRUE or FALSE).
// "" when it sells it. A blank publication cell is no statement (Shopify's own import publishes on a blank).
static std::string unavailableReason(const std::string &status, const std::string &published)
{
    const std::string s = CsvHeader::normalise(status), p = CsvHeader::normalise(published);
    if (s == "draft") return "draft in Shopify";
    if (s == "archived") return "archived in Shopify";
    if (p == "false") return "not published on the online store in Shopify";
    return {};
}

ParseResult parseShopify(Context &ctx)
{
    const CsvHeader &h = ctx.header;
    const int handle = h.find({"Handle", "URL handle"});
    if (handle < 0)
        return failed(ctx, "not a Shopify product CSV: expected a Handle (or URL handle) column; found columns " + describeColumns(h));
    // Older names first, then the current ones; the match ignores letter case ("Option1 Value" = "Option1 value").
    const int title = h.find({"Title"}), vendor = h.find({"Vendor"}), type = h.find({"Type"}),
              productCategory = h.find({"Product Category"}), status = h.find({"Status"}),
              published = h.find({"Published", "Published on online store"}), sku = h.find({"Variant SKU", "SKU"}),
              price = h.find({"Variant Price", "Price"}), compareAt = h.find({"Variant Compare At Price", "Compare-at price"}),
              cost = h.find({"Cost per item"}), stock = h.find({"Variant Inventory Qty", "Inventory quantity"}),
              variantId = h.find({"Variant ID"}), tracker = h.find({"Variant Inventory Tracker", "Inventory tracker"}),
              policy = h.find({"Variant Inventory Policy", "Continue selling when out of stock"});
    const int option[3] = {h.find({"Option1 Value"}), h.find({"Option2 Value"}), h.find({"Option3 Value"})};
    static const char *const kinds[2] = {"complementary", "related"};
    int referenceColumn[2] = {-1, -1};
    for (size_t i = 0; i < h.size(); ++i) {
        const std::string n = CsvHeader::normalise(h.name(int(i)));
        if (referenceColumn[0] < 0 && isMetafieldColumn(n, "complementary_products")) referenceColumn[0] = int(i);
        if (referenceColumn[1] < 0 && isMetafieldColumn(n, "related_products")) referenceColumn[1] = int(i);
    }

    ctx.rejectSku = {sku, [](std::string_view cell) { return shopifySku(catalogSku(cell)); }};
    auto &out = ctx.out;
    for (int k = 0; k < 2; ++k)
        if (referenceColumn[k] >= 0) out.linkTypes.push_back(kinds[k]);
    std::unordered_map<std::string, Product> products;
    std::vector<std::string> handleOrder;
    std::unordered_map<std::string, Use> firstUse;               // every Variant SKU, where it was first seen
    std::vector<std::pair<std::string, std::vector<Use>>> shared;  // SKUs used again, in order of discovery
    std::unordered_map<std::string, size_t> sharedIndex;
    int64_t imageRows = 0, keyedByHandle = 0;
    std::string keyedExample;

    const bool ok = ctx.forEachRecord([&](const CsvRecord &r) {
        const std::string handleText(ctx.cell(r, handle));
        if (handleText.empty()) {
            ctx.reject(r, handle, "", "missing Handle: every row of a Shopify product CSV names its product");
            return;
        }
        auto [it, isNew] = products.try_emplace(handleText);
        Product &p = it->second;
        if (isNew) handleOrder.push_back(handleText);
        auto carry = [&](std::string &field, int column) {
            if (field.empty()) field = std::string(ctx.cell(r, column));
        };
        carry(p.title, title);
        carry(p.vendor, vendor);
        carry(p.type, type);
        carry(p.category, productCategory);
        carry(p.status, status);
        carry(p.published, published);
        for (int k = 0; k < 2; ++k)
            if (p.references[k].empty() && !ctx.cell(r, referenceColumn[k]).empty()) {
                p.references[k] = std::string(ctx.cell(r, referenceColumn[k]));
                p.referenceLine[k] = r.line;
            }

        std::vector<std::string_view> values;
        for (int c : option)
            if (!ctx.cell(r, c).empty()) values.push_back(ctx.cell(r, c));
        const std::string skuText(shopifySku(ctx.cell(r, sku)));  // the orders reader keys the variant alike
        // A later row with no variant data only adds an image. The first row of a handle is always the product:
        // an update file (ours) carries no variant columns at all, just the handle, Title and metafields.
        if (!isNew && skuText.empty() && ctx.cell(r, price).empty() && values.empty()) {
            ++imageRows;  // an extra product image, not a variant
            return;
        }
        ProductRecord v;
        v.line = r.line;
        // Shopify's Variant Inventory Qty goes below 0 when the variant keeps selling out of stock (inventory
        // policy "continue") or a sale lands after the count: units owed, not a typo.
        std::optional<double> compare;
        if (!ctx.amount(r, price, v.price) || !ctx.amount(r, compareAt, compare) || !ctx.amount(r, cost, v.cost)
            || !ctx.stock(r, stock, v.stock, Context::NegativeStock::Backorders))
            return;
        // Compare-at price above the price is Shopify's sale: the customer pays Price, the store shows the
        // compare-at crossed out (using-csv, "Compare-at price"). One at or below the price is no sale.
        if (v.price && compare && *compare > *v.price) {
            v.regularPrice = compare;
            v.salePrice = v.price;
        } else {
            v.regularPrice = v.price;
        }
        // Stock status only where Shopify tracks the quantity: an untracked variant (empty Inventory tracker)
        // always sells; a tracked one at 0 or less sells only with the "continue" policy.
        if (v.stock && (tracker < 0 || !ctx.cell(r, tracker).empty())) {
            const std::string pol = CsvHeader::normalise(ctx.cell(r, policy));
            v.stockStatus = *v.stock > 0 ? "instock" : (pol == "continue" || pol == "true") ? "onbackorder" : "outofstock";
        }

        const bool single = values.empty() || (values.size() == 1 && values[0] == "Default Title");
        const std::string label = single ? std::string("Default Title") : joinValues(values, "/");
        const std::string optionKey = single ? handleText : handleText + ":" + label;
        std::string key = optionKey;
        if (!skuText.empty()) {
            auto [use, firstTime] = firstUse.try_emplace(skuText, Use{handleText, label, skuText, r.line});
            if (firstTime) {
                if (!ctx.skuTaken(skuText)) key = skuText;
            } else {
                auto [si, added] = sharedIndex.try_emplace(skuText, shared.size());
                if (added) shared.push_back({skuText, {use->second}});
                shared[si->second].second.push_back({handleText, label, optionKey, r.line});
            }
        } else {
            ++keyedByHandle;
            if (keyedExample.empty()) keyedExample = optionKey;
        }
        if (ctx.skuTaken(key)) {
            ctx.reject(r, sku, skuText, "duplicate variant: \"" + key + "\" is already the key of the variant on line "
                                            + std::to_string(ctx.skuLine(key)) + " (same handle and option values)");
            return;
        }
        ctx.takeSku(key, r.line);
        v.sku = key;
        v.title = single ? p.title : p.title + " - " + joinValues(values, " / ");
        v.category = normaliseCategoryPath(p.category.empty() ? p.type : p.category);
        v.brand = p.vendor;
        v.family = handleText;
        v.platform = "shopify";
        v.handle = handleText;
        v.productTitle = p.title;
        v.productType = p.type;
        v.platformStatus = p.status;
        v.platformId = std::string(ctx.cell(r, variantId));
        v.unavailable = unavailableReason(p.status, p.published);
        if (p.firstKey.empty()) p.firstKey = key;
        out.products.push_back(std::move(v));
    });
    if (!ok) return cancelled();

    if (imageRows > 0)
        out.notes.push_back(std::to_string(imageRows) + " image-only rows (extra product images, no variant) were skipped");
    if (keyedByHandle > 0)
        out.notes.push_back(std::to_string(keyedByHandle) + " variants have no Variant SKU and are keyed by handle and "
                            "option values (for example \"" + keyedExample + "\")");
    for (const auto &[skuText, uses] : shared) {
        // "SKU X is shared by variants a and b of handle h (lines 4, 5); the later ones are keyed h:b".
        std::string who, lines, keys;
        bool oneHandle = true;
        for (const Use &u : uses) oneHandle = oneHandle && u.handle == uses.front().handle;
        for (size_t i = 0; i < uses.size(); ++i) {
            who += i == 0 ? "" : (i + 1 == uses.size() ? " and " : ", ");
            who += uses[i].label + (oneHandle ? "" : " of handle " + uses[i].handle);
            lines += (i ? ", " : "") + std::to_string(uses[i].line);
            if (i) keys += (i > 1 ? ", " : "") + uses[i].key;
        }
        out.notes.push_back("SKU " + skuText + " is shared by variants " + who + (oneHandle ? " of handle " + uses.front().handle : "")
                            + " (lines " + lines + "); the later ones are keyed " + keys);
    }

    int64_t draft = 0, archived = 0, unpublished = 0, selfLinks = 0;
    for (const std::string &handleText : handleOrder) {
        const Product &p = products[handleText];
        const std::string reason = unavailableReason(p.status, p.published);
        draft += reason == "draft in Shopify";
        archived += reason == "archived in Shopify";
        unpublished += reason == "not published on the online store in Shopify";
        if (p.firstKey.empty()) continue;
        for (int k = 0; k < 2; ++k) {
            int position = 0;
            for (const std::string &target : referenceList(p.references[k])) {
                // A handle of this file resolves to its first variant; a GID or an unknown handle is kept as is.
                auto t = products.find(target);
                const std::string targetKey = t != products.end() && !t->second.firstKey.empty() ? t->second.firstKey : target;
                if (target == handleText || targetKey == p.firstKey) {
                    ++selfLinks;
                    continue;
                }
                out.relations.push_back({p.referenceLine[k], p.firstKey, targetKey, kinds[k], ++position});
            }
        }
    }
    if (selfLinks > 0) out.notes.push_back(std::to_string(selfLinks) + " product references pointing at the product itself were ignored");
    if (draft + archived + unpublished > 0)
        out.notes.push_back(std::to_string(draft) + " products are draft, " + std::to_string(archived) + " archived and "
                            + std::to_string(unpublished) + " not published on the online store in Shopify; their variants "
                            "are imported as not on sale (left out of recommendations, with the reason)");
    return {};
}

}  // namespace mb::catalog

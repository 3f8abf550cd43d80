// Magento 2 catalog product CSV (System > Export > Products). Rules read in magento/magento2 (docs/formats-magento.md):
// - Links are parallel lists: related_skus with related_position, and so on, with the import's multiple-value
//   separator (',' by default) (CatalogImportExport/Model/Import/Product/LinkProcessor.php, processLinkBunches).
//   Each column is its own Magento link type (catalog_product_link.link_type_id): a pair can be related and
//   upsell at once, so each is kept as its own platform type ("related", "upsell", "crosssell").
// - `__EMPTY__VALUE__` as the first SKU of a link cell clears that link type in an Add/Update import
//   (LinkProcessor::processLinkBunches / deleteProductsLinks); it names no product. A row carrying nothing but
//   the SKU and such markers is our "replace links" clear row and is skipped here.
// - product_online is the status attribute: 1 enabled, 2 disabled (Import/Product.php, _customFieldsMapping).
// - visibility "Not Visible Individually" (Catalog\Model\Product\Visibility, 1): the product has no page and
//   no search hit; it sells only as an option of its configurable, bundle or grouped parent.
// - special_price applies from special_price_from_date to special_price_to_date (both optional, inclusive;
//   Catalog\Pricing\Price\SpecialPrice::getValue); a bundle's special_price is the percentage of its price the
//   customer pays (Bundle\Pricing\Price\SpecialPrice::getValue).
// - additional_attributes: "code=value,code2=value2"; a piece without "=" continues the previous value (a comma
//   inside it), codes are lower-cased (Import/Product.php, parseAttributesWithoutWrappedValues); with "Fields
//   enclosure" the values are wrapped, code="va""lue" (parseAttributesWithWrappedValues).
// - Rows with a store_view_code only override labels for one store view; the product is the default-scope row.
#include "core/io/catalogparser_p.h"
#include "core/io/categorypath.h"
#include "core/io/fieldparse.h"

#include <chrono>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace mb::catalog {

namespace {

constexpr std::string_view kEmptyValue = "__EMPTY__VALUE__";  // Import::DEFAULT_EMPTY_ATTRIBUTE_VALUE_CONSTANT

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

std::string lower(std::string_view s) { return asciiLower(s); }

// additional_attributes as Magento's importer splits it (see the file comment).
std::unordered_map<std::string, std::string> additionalAttributes(std::string_view text)
{
    std::unordered_map<std::string, std::string> out;
    std::string code;
    size_t start = 0;
    while (start <= text.size()) {
        // Pieces as explode() gives them, untrimmed: "manufacturer=Joust, Inc." keeps its space.
        size_t end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view piece = text.substr(start, end - start);
        start = end + 1;
        const size_t eq = piece.find('=');
        if (eq == std::string_view::npos || eq == 0) {
            if (!code.empty()) out[code] += "," + std::string(piece);
            continue;
        }
        code = lower(trimmed(piece.substr(0, eq)));
        out[code] = std::string(piece.substr(eq + 1));
    }
    for (auto &[k, v] : out) {
        // Wrapped values (the import's "Fields enclosure" option): code="value", doubled quotes inside.
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
            std::string unwrapped;
            for (size_t i = 1; i + 1 < v.size(); ++i) {
                unwrapped += v[i];
                if (v[i] == '"' && v[i + 1] == '"') ++i;
            }
            v = unwrapped;
        }
        v = std::string(trimmed(v));
    }
    return out;
}

// Days since 1970-01-01 of a date as Magento's export writes it: the admin locale's short date ("1/15/24",
// "1/15/2024", optionally ", 10:23 AM"), or ISO "2024-01-15" (with or without a time).
std::optional<int64_t> magentoDay(std::string_view s)
{
    s = trimmed(s);
    if (const size_t comma = s.find(','); comma != std::string_view::npos) s = s.substr(0, comma);
    if (const size_t space = s.find(' '); space != std::string_view::npos) s = s.substr(0, space);
    if (const size_t t = s.find('T'); t != std::string_view::npos) s = s.substr(0, t);
    const bool iso = s.find('-') != std::string_view::npos;
    const auto parts = splitPlain(s, iso ? '-' : '/');
    if (parts.size() != 3) return std::nullopt;
    int64_t a = 0, b = 0, c = 0;
    if (!parseInteger(parts[0], a) || !parseInteger(parts[1], b) || !parseInteger(parts[2], c)) return std::nullopt;
    int64_t y = iso ? a : c, m = iso ? b : a, d = iso ? c : b;
    if (!iso && parts[2].size() <= 2) y += 2000;   // "24": the short date format's two-digit year
    if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    return daysFromCivil(y, unsigned(m), unsigned(d));
}

int64_t today()
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count() / 86400;
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
              brand = h.find({"brand", "manufacturer"}), variations = h.find({"configurable_variations"}),
              type = h.find({"product_type"}), online = h.find({"product_online"}), visibility = h.find({"visibility"}),
              special = h.find({"special_price"}), specialFrom = h.find({"special_price_from_date"}),
              specialTo = h.find({"special_price_to_date"}), inStock = h.find({"is_in_stock"}),
              backorders = h.find({"allow_backorders"}), additional = h.find({"additional_attributes"});
    const LinkColumns links[3] = {{h.find({"related_skus"}), h.find({"related_position"}), "related"},
                                  {h.find({"crosssell_skus"}), h.find({"crosssell_position"}), "crosssell"},
                                  {h.find({"upsell_skus"}), h.find({"upsell_position"}), "upsell"}};

    ctx.rejectSku = {sku, catalogSku};
    auto &out = ctx.out;
    for (const LinkColumns &l : links)
        if (l.skus >= 0) out.linkTypes.push_back(l.type);
    const int64_t now = today();
    int64_t storeViewRows = 0, selfLinks = 0, clearRows = 0, disabled = 0, notVisible = 0, badDates = 0;
    std::unordered_map<std::string, std::string> parentOf;  // simple SKU -> configurable SKU
    std::unordered_set<std::string> configurables;

    const bool ok = ctx.forEachRecord([&](const CsvRecord &r) {
        if (!ctx.cell(r, storeView).empty()) {
            ++storeViewRows;
            return;
        }
        // Our replace-links export clears a link type in a row of its own before the row that sets it.
        bool clearOnly = false;
        for (size_t i = 0; i < r.fields.size(); ++i) {
            if (int(i) == sku) continue;
            const std::string_view v = ctx.cell(r, int(i));
            if (v.empty()) continue;
            if (v != kEmptyValue) {
                clearOnly = false;
                break;
            }
            clearOnly = true;
        }
        if (clearOnly) {
            ++clearRows;
            return;
        }
        ProductRecord p;
        p.line = r.line;
        p.sku = std::string(ctx.cell(r, sku));
        if (p.sku.empty()) {
            ctx.reject(r, sku, "", "missing sku: every product row needs one");
            return;
        }
        const auto extra = additionalAttributes(ctx.cell(r, additional));
        auto extraValue = [&](const char *code) -> std::string {
            auto it = extra.find(code);
            return it == extra.end() ? std::string() : it->second;
        };
        // Magento's qty goes below 0 when backorders are on ("Allow Qty Below 0"): units owed to customers.
        std::optional<double> specialPrice;
        if (!ctx.amount(r, price, p.price) || !ctx.amount(r, cost, p.cost) || !ctx.amount(r, special, specialPrice)
            || !ctx.stock(r, qty, p.stock, Context::NegativeStock::Backorders))
            return;
        // cost is a user attribute: its own column in some exports, inside additional_attributes in the stock one.
        if (!p.cost && !extraValue("cost").empty()) {
            double v = 0;
            const std::string text = extraValue("cost");
            if (!parseDecimal(text, v) || !std::isfinite(v) || v < 0) {
                ctx.reject(r, additional, text, "expected cost=<number like 12.50> inside additional_attributes");
                return;
            }
            p.cost = v;
        }
        if (!ctx.claimSku(r, sku, p.sku)) return;
        p.title = std::string(ctx.cell(r, name));
        p.category = deepestCategoryPath(ctx.cell(r, categories), ',');
        p.brand = std::string(ctx.cell(r, brand));
        if (p.brand.empty()) p.brand = extraValue("manufacturer");
        if (p.brand.empty()) p.brand = extraValue("brand");
        p.platform = "magento";
        p.productType = std::string(ctx.cell(r, type));
        p.platformStatus = std::string(ctx.cell(r, online));
        p.regularPrice = p.price;

        // Status first: a disabled product is not sold whatever its visibility.
        const std::string status = lower(p.platformStatus);
        if (!status.empty() && status != "1" && status != "yes") {
            p.unavailable = "disabled in Magento (product_online " + p.platformStatus + ")";
            ++disabled;
        } else if (lower(ctx.cell(r, visibility)) == "not visible individually") {
            p.unavailable = "not visible individually in Magento: sold only through its parent product";
            ++notVisible;
        }

        // The special price, when today is inside its dates. A bundle's is a percentage of its own price.
        if (specialPrice) {
            const std::string_view fromText = ctx.cell(r, specialFrom), toText = ctx.cell(r, specialTo);
            const auto from = magentoDay(fromText), to = magentoDay(toText);
            if ((!fromText.empty() && !from) || (!toText.empty() && !to)) ++badDates;
            const bool current = (!from || *from <= now) && (!to || *to >= now) && (fromText.empty() || from)
                                 && (toText.empty() || to);
            double sale = *specialPrice;
            bool usable = true;
            if (p.productType == "bundle") {
                usable = p.price.has_value() && sale > 0 && sale <= 100;
                if (usable) sale = *p.price * sale / 100.0;
            }
            // Only while it applies: outside its dates the store charges the regular price.
            if (usable && current) {
                p.salePrice = sale;
                // The store charges the lower of the two (Catalog\Pricing\Price\BasePrice takes the minimum).
                if (!p.price || sale < *p.price) p.price = sale;
            }
        }

        const std::string_view stockText = ctx.cell(r, inStock);
        if (!stockText.empty()) {
            const auto in = parseBool(stockText);
            int64_t backorder = 0;
            parseInteger(ctx.cell(r, backorders), backorder);
            if (in.has_value())
                p.stockStatus = !*in ? "outofstock" : (backorder > 0 && p.stock && *p.stock <= 0) ? "onbackorder" : "instock";
        }

        // "sku=MH01-XS-Black,size=XS,color=Black|sku=MH01-S-Black,...": the variants of a configurable.
        for (std::string_view variant : splitPlain(ctx.cell(r, variations), '|'))
            for (std::string_view pair : splitPlain(variant, ','))
                if (pair.substr(0, 4) == "sku=" && pair.size() > 4) {
                    parentOf.emplace(std::string(trimmed(pair.substr(4))), p.sku);
                    configurables.insert(p.sku);
                }

        for (const LinkColumns &l : links) {
            const auto targets = splitPlain(ctx.cell(r, l.skus), ',');
            if (!targets.empty() && targets[0] == kEmptyValue) continue;  // clears the type; links nothing
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
        else if (auto it = parentOf.find(p.sku); it != parentOf.end()) {
            p.family = it->second;
            p.handle = it->second;
        }
    }
    if (storeViewRows > 0)
        out.notes.push_back(std::to_string(storeViewRows) + " store-view rows (store_view_code set) only override texts "
                            "for one store view and were skipped");
    if (selfLinks > 0)
        out.notes.push_back(std::to_string(selfLinks) + (selfLinks == 1 ? " link" : " links")
                            + " from a product to itself " + (selfLinks == 1 ? "was" : "were") + " ignored");
    if (clearRows > 0)
        out.notes.push_back(std::to_string(clearRows) + " rows only clear link types (__EMPTY__VALUE__) and add no product");
    if (disabled > 0)
        out.notes.push_back(std::to_string(disabled) + " products are disabled in Magento (product_online 2): kept, not recommended");
    if (notVisible > 0)
        out.notes.push_back(std::to_string(notVisible) + " products are \"Not Visible Individually\" in Magento (sold only "
                            "through a configurable, bundle or grouped parent): kept, not recommended");
    if (badDates > 0)
        out.notes.push_back(std::to_string(badDates) + " special prices have a date that is not a date (expected 1/15/24 "
                            "or 2024-01-15): their special price is not applied");
    return {};
}

}  // namespace mb::catalog

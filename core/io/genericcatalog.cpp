// The generic catalog: one row per product, columns found by alias (catalogparser.cpp lists them), so a
// spreadsheet export or a file renamed by a saved column mapping reads the same way.
#include "core/io/catalogparser_p.h"
#include "core/io/categorypath.h"

namespace mb::catalog {

ParseResult parseGeneric(Context &ctx)
{
    const CsvHeader &h = ctx.header;
    const int sku = h.find(Aliases::sku());
    if (sku < 0) {
        std::string expected;
        for (const auto &a : Aliases::sku()) expected += (expected.empty() ? "" : ", ") + a;
        return failed(ctx, "no SKU column: expected one of " + expected + "; found columns " + describeColumns(h));
    }
    const int title = h.find(Aliases::title()), price = h.find(Aliases::price()), cost = h.find(Aliases::cost()),
              stock = h.find(Aliases::stock()), category = h.find(Aliases::category()), brand = h.find(Aliases::brand()),
              family = h.find(Aliases::family());

    ctx.rejectSku = {sku, catalogSku};
    auto &out = ctx.out;
    const bool ok = ctx.forEachRecord([&](const CsvRecord &r) {
        ProductRecord p;
        p.line = r.line;
        p.sku = std::string(ctx.cell(r, sku));
        if (p.sku.empty()) {
            ctx.reject(r, sku, "", "missing SKU: every product needs one");
            return;
        }
        // A spreadsheet's stock column has no backorder meaning behind it: a negative count is a typo.
        if (!ctx.amount(r, price, p.price) || !ctx.amount(r, cost, p.cost)
            || !ctx.stock(r, stock, p.stock, Context::NegativeStock::Refused))
            return;
        if (!ctx.claimSku(r, sku, p.sku)) return;
        p.title = std::string(ctx.cell(r, title));
        p.category = normaliseCategoryPath(ctx.cell(r, category));
        p.brand = std::string(ctx.cell(r, brand));
        p.family = std::string(ctx.cell(r, family));
        out.products.push_back(std::move(p));
    });
    return ok ? ParseResult{} : cancelled();
}

}  // namespace mb::catalog

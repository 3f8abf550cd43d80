// warehouse sql: the query that computes `mine pairs` inside the store's own warehouse; import mined FILE:
// its result saved as the workspace's pairs run (core/warehouse/README.md describes the workflow).
#include "command.h"

#include "core/io/textfile.h"
#include "core/storage/catalognames.h"
#include "core/storage/relationstore.h"
#include "core/storage/workspace.h"
#include "core/warehouse/minedpairsimport.h"
#include "core/warehouse/pairsql.h"
#include "core/warehouse/skulist.h"

#include <QDateTime>

namespace mb::cli {
namespace {

int runWarehouseSql(Context &ctx)
{
    CliArgs a(ctx.args,
              {"dialect", "table", "order-column", "sku-column", "quantity-column", "cancelled-column", "status-column",
               "cancelled-status", "tags-column", "source-column", "exclude-tag", "exclude-source", "min-support", "min-count",
               "min-confidence", "top-per-anchor", "top-min-count", "exclude-skus", "out"},
              {"keep-non-merchandise"});
    PairThresholds t;
    t.minSupport = a.number("min-support", t.minSupport);
    t.minCount = uint32_t(a.integer("min-count", t.minCount));
    t.minConfidence = a.number("min-confidence", t.minConfidence);
    const long long top = a.integer("top-per-anchor", t.topPerAnchor), topMin = a.integer("top-min-count", t.topMinCount);
    if (!a.ok()) return ctx.usage(a.error());
    if (top < 0 || topMin < 1 || a.integer("min-count", 2) < 1)
        return ctx.usage("--top-per-anchor takes 0 (off) or more, --min-count and --top-min-count 1 or more");
    t.topPerAnchor = uint32_t(top);
    t.topMinCount = uint32_t(topMin);
    const std::string dialectName = a.value("dialect").value_or("");
    const auto dialect = sqlDialectNamed(dialectName);
    if (!dialect) return ctx.usage("--dialect takes postgres, duckdb, bigquery, spark or snowflake" +
                                   (dialectName.empty() ? std::string() : " (got \"" + dialectName + "\")"));
    WarehouseMapping m;
    m.table = a.value("table").value_or("");
    m.orderColumn = a.value("order-column").value_or("");
    m.skuColumn = a.value("sku-column").value_or("");
    m.quantityColumn = a.value("quantity-column").value_or("");
    m.cancelledColumn = a.value("cancelled-column").value_or("");
    m.statusColumn = a.value("status-column").value_or("");
    m.cancelledStatuses = a.values("cancelled-status");
    m.tagsColumn = a.value("tags-column").value_or("");
    m.sourceColumn = a.value("source-column").value_or("");
    m.excludeTags = a.values("exclude-tag");
    m.excludeSources = a.values("exclude-source");
    // Non-merchandise, left out as `mine pairs` leaves it out: the workspace's confirmed products (with
    // --workspace), and the SKUs of --exclude-skus files besides (one a line, for a store whose catalog
    // lives elsewhere).
    for (const std::string &path : a.values("exclude-skus")) {
        const TextFile file = TextFile::load(path);
        if (!file.ok()) return ctx.badInput(file.error);
        if (const std::string bad = file.invalidUtf8Error(); !bad.empty()) return ctx.badInput(bad);
        std::string error;
        if (!readSkuList(file.data, path, m.excludeSkus, error)) return ctx.badInput(error);
    }
    if (!ctx.workspace.empty() && !a.flag("keep-non-merchandise")) {
        int code = Success;
        auto ws = ctx.openWorkspace(code, true);
        if (!ws) return code;
        const std::vector<std::string> marked = RelationStore(*ws).nonMerchandiseSkus();
        m.excludeSkus.insert(m.excludeSkus.end(), marked.begin(), marked.end());
    }
    std::string error;
    const std::string sql = pairStatisticsSql(*dialect, m, t, error);
    if (sql.empty()) return ctx.usage(error);
    return ctx.writeOutput(a.value("out"), sql);
}

int runImportMined(Context &ctx)
{
    CliArgs a(ctx.args, {"query", "engine", "mined-at"}, {});
    if (!a.ok()) return ctx.usage(a.error());
    if (a.positional().empty()) return ctx.usage("import mined needs a FILE: the query's result as CSV (or its parts)");
    MinedProvenance from;
    for (const std::string &f : a.positional()) from.file += (from.file.empty() ? "" : ", ") + f;
    from.engine = a.value("engine").value_or("");
    from.minedAt = a.value("mined-at").value_or("");
    if (const auto q = a.value("query")) {
        const TextFile query = TextFile::load(*q);
        if (!query.ok()) return ctx.badInput(query.error);
        from.query = query.data;
        from.queryFile = *q;
    }
    if (from.engine.empty() && from.query.find("-- merchbench:") == std::string::npos)
        return ctx.usage("say which engine ran the query: --query FILE (the SQL `warehouse sql` wrote) or --engine NAME");
    int code = Success;
    auto ws = ctx.openWorkspace(code);
    if (!ws) return code;
    if (ws->isReadOnly()) return ctx.workspaceError(ws->path() + ": the workspace is read-only; nothing was imported");
    const CatalogNames names = loadCatalogNames(*ws);
    MinedPairsFile mined;
    std::string error;
    const ProductLookup lookup = [&](const std::string &sku) -> std::optional<int64_t> {
        const auto it = names.productId.find(sku);
        return it == names.productId.end() ? std::nullopt : std::optional<int64_t>(it->second);
    };
    for (const std::string &path : a.positional()) {
        const TextFile file = TextFile::load(path);
        if (!file.ok()) return ctx.badInput(file.error + "; nothing was imported");
        if (const std::string bad = file.invalidUtf8Error(); !bad.empty()) return ctx.badInput(bad + "; nothing was imported");
        if (!readMinedPairs(file.data, path, lookup, mined, error)) return ctx.badInput(error + "; nothing was imported");
    }
    const std::string params = minedRunParameters(mined, from, QDateTime::currentSecsSinceEpoch(), error);
    if (params.empty()) return ctx.badInput((a.value("query").value_or("") + ": ") + error + "; nothing was imported");
    if (!saveMinedPairs(*ws, mined, params, error)) return ctx.writeFailed(*ws, error);
    if (ctx.json)
        ctx.printJson({{"pairRules", qint64(mined.rules.size())}, {"baskets", qint64(mined.baskets)}, {"file", QString::fromStdString(from.file)}});
    else
        ctx.print("Imported " + grouped(long(mined.rules.size())) + " pair rules from " + from.file +
                  (mined.baskets >= 0 ? " (" + grouped(long(mined.baskets)) + " baskets)" : std::string()) +
                  " as the saved pairs run; EASE and re-buy runs are unchanged\n");
    return Success;
}

Registration sql("warehouse sql",
                 "--dialect postgres|duckdb|bigquery|spark|snowflake --table T --order-column C --sku-column C "
                 "[--quantity-column C] [--cancelled-column C] [--status-column C [--cancelled-status V]...] "
                 "[--tags-column C --exclude-tag TAG...] [--source-column C --exclude-source S...] [--min-support X] "
                 "[--min-count N] [--min-confidence X] [--top-per-anchor N [--top-min-count N]] [--exclude-skus FILE]... "
                 "[--keep-non-merchandise] [--out FILE]",
                 "write the SQL computing `mine pairs` over the store's own order table in its warehouse; with --workspace "
                 "the products it marks non-merchandise are left out, as mining leaves them out, and those listed in "
                 "--exclude-skus files (one SKU a line) besides",
                 runWarehouseSql);
Registration mined("import mined", "FILE... [--query SQL-FILE] [--engine NAME] [--mined-at WHEN]",
                   "save a warehouse's pair rules (the result of `warehouse sql`'s query as CSV, in one file or its exported parts) as the pairs run",
                   runImportMined);

}  // namespace
}  // namespace mb::cli

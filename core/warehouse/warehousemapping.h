#pragma once
// Where a store's order lines live in its warehouse and how their columns are named: what `warehouse sql`
// needs to write the pair-statistics query over the store's own table. Names are given exactly as the
// engine stores them (the query quotes every identifier: Snowflake's unquoted names are upper case,
// PostgreSQL's lower case).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mb {

enum class SqlDialect { Postgres, DuckDb, BigQuery, Spark, Snowflake };

// "postgres", "duckdb", "bigquery", "spark", "snowflake" (case-insensitive; "postgresql" and "redshift" name
// PostgreSQL); nullopt for anything else.
std::optional<SqlDialect> sqlDialectNamed(const std::string &name);
const char *sqlDialectName(SqlDialect d);

struct WarehouseMapping {
    std::string table;           // the order-line table or view; dots separate its parts (project.dataset.table)
    std::string orderColumn;     // order id: the lines of one order share it (an invoice number)
    std::string skuColumn;       // the product's SKU as the workspace knows it
    std::string quantityColumn;  // optional: without it every line counts as quantity 1, as the import does
    // The order is cancelled (its basket is not counted) when any of its lines says so, by either:
    std::string cancelledColumn;               // a boolean column, true = cancelled
    std::string statusColumn;                  // a status column compared, trimmed and case-insensitive, with
    std::vector<std::string> cancelledStatuses;  // these values ("cancelled" when none is given)
    // Orders the run leaves out (subscription reorders), as `mine --exclude-tag/--exclude-source` do.
    std::string tagsColumn;      // comma-separated tags; a tag matches one whole element, case-insensitive
    std::string sourceColumn;
    std::vector<std::string> excludeTags, excludeSources;
    // Products left out of every basket, as in-app mining leaves out those the workspace marks as
    // non-merchandise (core/mining/orderexclusion.h): their lines count in no item and no pair, and an order
    // holding nothing else is no basket. SKUs exactly as the workspace holds them (trimmed).
    std::vector<std::string> excludeSkus;
};

// The thresholds of `mine pairs` (core/mining/pairstatistics.h) plus the per-anchor top-N rule.
struct PairThresholds {
    double minSupport = 0;
    uint32_t minCount = 2;
    double minConfidence = 0;
    uint32_t topPerAnchor = 0;  // 0 = off
    uint32_t topMinCount = 3;
};

}  // namespace mb

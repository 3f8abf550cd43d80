// Any bytes as an `--exclude-skus` file: refused naming the file and a line, or read as SKUs that are
// non-empty, trimmed and free of line breaks and NUL bytes, which every dialect's query then takes (the
// list goes into the SQL as quoted literals, so no SKU may break out of them or the header comment).
#include "core/warehouse/pairsql.h"
#include "core/warehouse/skulist.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    std::vector<std::string> skus{"KEPT"};
    std::string error;
    const bool ok = mb::readSkuList(text, "fuzz.txt", skus, error);
    if (ok != error.empty()) std::abort();
    if (!ok) {
        if (error.rfind("fuzz.txt:", 0) != 0 || skus.size() != 1) std::abort();
        return 0;
    }
    for (const std::string &s : skus) {
        if (s.empty() || s.find_first_of(std::string("\n\r\0", 3)) != std::string::npos) std::abort();
        if (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t') std::abort();
    }
    mb::WarehouseMapping m;
    m.table = "lines";
    m.orderColumn = "order_id";
    m.skuColumn = "sku";
    m.excludeSkus = skus;
    for (mb::SqlDialect d : {mb::SqlDialect::Postgres, mb::SqlDialect::DuckDb, mb::SqlDialect::BigQuery, mb::SqlDialect::Spark,
                             mb::SqlDialect::Snowflake}) {
        const std::string sql = mb::pairStatisticsSql(d, m, mb::PairThresholds{}, error);
        if (sql.empty() || sql.find("NOT IN (") == std::string::npos) std::abort();
        // The header comment stays one line: the SKUs are in its JSON, escaped.
        if (sql.find('\n') <= sql.find("\"excludedProducts\"")) std::abort();
    }
    return 0;
}

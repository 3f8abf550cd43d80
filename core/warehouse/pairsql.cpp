#include "core/warehouse/pairsql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace mb {

std::optional<SqlDialect> sqlDialectNamed(const std::string &name)
{
    std::string n = name;
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (n == "postgres" || n == "postgresql" || n == "redshift") return SqlDialect::Postgres;
    if (n == "duckdb") return SqlDialect::DuckDb;
    if (n == "bigquery") return SqlDialect::BigQuery;
    if (n == "spark" || n == "databricks") return SqlDialect::Spark;
    if (n == "snowflake") return SqlDialect::Snowflake;
    return std::nullopt;
}

const char *sqlDialectName(SqlDialect d)
{
    switch (d) {
    case SqlDialect::Postgres: return "postgres";
    case SqlDialect::DuckDb: return "duckdb";
    case SqlDialect::BigQuery: return "bigquery";
    case SqlDialect::Spark: return "spark";
    case SqlDialect::Snowflake: return "snowflake";
    }
    return "postgres";
}

namespace {

// What differs between the engines, and only that; the query itself is written once below.
class Dialect {
public:
    explicit Dialect(SqlDialect d) : d_(d) {}

    bool backticks() const { return d_ == SqlDialect::BigQuery || d_ == SqlDialect::Spark; }
    // BigQuery, Spark and Snowflake read backslash escapes in '...'; PostgreSQL (standard_conforming_strings,
    // the default since 9.1) and DuckDB do not.
    bool backslashEscapes() const { return d_ == SqlDialect::BigQuery || d_ == SqlDialect::Spark || d_ == SqlDialect::Snowflake; }

    // Every identifier quoted, so a mixed-case or reserved column name (InvoiceNo, count) is taken as written.
    bool identifier(const std::string &name, std::string &out, std::string &error) const
    {
        if (name.empty()) {
            error = "an empty name";
            return false;
        }
        const char q = backticks() ? '`' : '"';
        out.clear();
        out += q;
        for (char c : name) {
            if (c == '\0' || c == '\n' || c == '\r' || (d_ == SqlDialect::BigQuery && (c == '`' || c == '\\'))) {
                error = "the name \"" + name + "\" holds a character " + sqlDialectName(d_) + " cannot quote";
                return false;
            }
            if (c == q) out += q;  // doubled: PostgreSQL, DuckDB, Snowflake ("), Spark (`)
            out += c;
        }
        out += q;
        return true;
    }

    std::string literal(const std::string &text) const
    {
        std::string out = "'";
        for (char c : text) {
            if (c == '\'') out += backslashEscapes() ? "\\'" : "''";
            else if (c == '\\' && backslashEscapes()) out += "\\\\";
            else out += c;
        }
        return out + "'";
    }

    const char *text() const
    {
        switch (d_) {
        case SqlDialect::Postgres: return "TEXT";
        case SqlDialect::BigQuery:
        case SqlDialect::Spark: return "STRING";
        default: return "VARCHAR";
        }
    }
    const char *dbl() const
    {
        switch (d_) {
        case SqlDialect::Postgres: return "DOUBLE PRECISION";
        case SqlDialect::BigQuery: return "FLOAT64";
        default: return "DOUBLE";
        }
    }
    std::string asDouble(const std::string &e) const { return std::string("CAST(") + e + " AS " + dbl() + ")"; }

    // The import's trim (core/io/csvreader.cpp trimmed): blanks, tabs, CR and LF at both ends.
    std::string trimmed(const std::string &e) const
    {
        switch (d_) {
        case SqlDialect::Postgres: return "BTRIM(" + e + ", ' ' || CHR(9) || CHR(10) || CHR(13))";
        case SqlDialect::DuckDb: return "TRIM(" + e + ", ' ' || CHR(9) || CHR(10) || CHR(13))";
        case SqlDialect::Spark: return "TRIM(BOTH ' \\t\\n\\r' FROM " + e + ")";
        default: return "TRIM(" + e + ", ' \\t\\n\\r')";  // BigQuery, Snowflake: escapes in the literal
        }
    }
    std::string textOf(const std::string &column) const { return trimmed(std::string("CAST(") + column + " AS " + text() + ")"); }

    // Tags written "a , b,c" become ",a,b,c," so a whole tag is found as ",tag,".
    std::string tagList(const std::string &column) const
    {
        std::string spaces;
        switch (d_) {
        case SqlDialect::Postgres:
        case SqlDialect::DuckDb: spaces = "REGEXP_REPLACE(%s, '\\s*,\\s*', ',', 'g')"; break;
        case SqlDialect::BigQuery: spaces = "REGEXP_REPLACE(%s, r'\\s*,\\s*', ',')"; break;  // every match
        default: spaces = "REGEXP_REPLACE(%s, '\\\\s*,\\\\s*', ',')"; break;           // Spark, Snowflake: every match
        }
        const std::string inner = "LOWER(" + textOf(column) + ")";
        spaces.replace(spaces.find("%s"), 2, inner);
        return "',' || " + spaces + " || ','";
    }
    std::string contains(const std::string &hay, const std::string &needle) const
    {
        switch (d_) {
        case SqlDialect::Spark: return "INSTR(" + hay + ", " + needle + ") > 0";
        case SqlDialect::Snowflake: return "CONTAINS(" + hay + ", " + needle + ")";
        default: return "STRPOS(" + hay + ", " + needle + ") > 0";
        }
    }
    // Ties between consequents of one count go by SKU in byte order, as the app sorts std::strings. Only
    // PostgreSQL's default collation follows the locale; DuckDB, Spark (UTF8_BINARY), BigQuery and Snowflake
    // compare by code point unless a collation is set, which for UTF-8 is byte order.
    std::string bytewise(const std::string &e) const { return d_ == SqlDialect::Postgres ? e + " COLLATE \"C\"" : e; }

private:
    SqlDialect d_;
};

std::string number(double v)
{
    std::array<char, 64> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return std::string(buf.data(), r.ptr);
}

std::string lowerTrimmed(const std::string &s)
{
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    std::string out = s.substr(b, e - b);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

QJsonArray jsonList(const std::vector<std::string> &v)
{
    QJsonArray a;
    for (const std::string &s : v) a.append(QString::fromStdString(s));
    return a;
}

}  // namespace

std::string pairStatisticsSql(SqlDialect dialect, const WarehouseMapping &m, const PairThresholds &t, std::string &error)
{
    const Dialect d(dialect);
    auto need = [&](const std::string &value, const char *option) {
        if (value.empty()) error = std::string("missing ") + option + ": the query needs it";
        return !value.empty();
    };
    if (!need(m.table, "--table") || !need(m.orderColumn, "--order-column") || !need(m.skuColumn, "--sku-column")) return {};
    if (!m.excludeTags.empty() && m.tagsColumn.empty()) {
        error = "--exclude-tag needs --tags-column: the column holding each order's comma-separated tags";
        return {};
    }
    if (!m.excludeSources.empty() && m.sourceColumn.empty()) {
        error = "--exclude-source needs --source-column: the column holding each order's source";
        return {};
    }
    if (!m.cancelledStatuses.empty() && m.statusColumn.empty()) {
        error = "--cancelled-status needs --status-column: the column holding each order's status";
        return {};
    }
    if (!(t.minSupport >= 0 && t.minSupport <= 1) || !(t.minConfidence >= 0 && t.minConfidence <= 1)) {
        error = "--min-support and --min-confidence take a share between 0 and 1";
        return {};
    }

    // Identifiers, each checked once.
    auto quoted = [&](const std::string &name, const char *what, std::string &out) {
        std::string why;
        if (d.identifier(name, out, why)) return true;
        error = std::string(what) + ": " + why;
        return false;
    };
    std::string table;
    for (size_t start = 0; start <= m.table.size();) {
        size_t dot = m.table.find('.', start);
        if (dot == std::string::npos) dot = m.table.size();
        std::string part;
        if (!quoted(m.table.substr(start, dot - start), "--table", part)) return {};
        table += (table.empty() ? "" : ".") + part;
        start = dot + 1;
    }
    std::string order, sku, quantity, cancelled, status, tags, source;
    if (!quoted(m.orderColumn, "--order-column", order) || !quoted(m.skuColumn, "--sku-column", sku)) return {};
    if (!m.quantityColumn.empty() && !quoted(m.quantityColumn, "--quantity-column", quantity)) return {};
    if (!m.cancelledColumn.empty() && !quoted(m.cancelledColumn, "--cancelled-column", cancelled)) return {};
    if (!m.statusColumn.empty() && !quoted(m.statusColumn, "--status-column", status)) return {};
    if (!m.tagsColumn.empty() && !quoted(m.tagsColumn, "--tags-column", tags)) return {};
    if (!m.sourceColumn.empty() && !quoted(m.sourceColumn, "--source-column", source)) return {};

    const uint32_t minCount = std::max<uint32_t>(t.minCount, 1);
    const uint32_t topMin = std::max<uint32_t>(t.topMinCount, 1);
    const bool top = t.topPerAnchor > 0;
    std::vector<std::string> statuses;
    for (const std::string &s : m.cancelledStatuses) statuses.push_back(lowerTrimmed(s));
    if (!m.statusColumn.empty() && statuses.empty()) statuses.push_back("cancelled");

    // Why an order is left out: cancelled (flag or status) or an excluded tag or source, said by any line.
    std::vector<std::string> leftOut;
    if (!cancelled.empty()) leftOut.push_back("COALESCE(" + cancelled + ", FALSE)");
    if (!status.empty()) {
        std::string list;
        for (const std::string &s : statuses) list += (list.empty() ? "" : ", ") + d.literal(s);
        leftOut.push_back("LOWER(" + d.textOf(status) + ") IN (" + list + ")");
    }
    for (const std::string &tag : m.excludeTags) leftOut.push_back(d.contains(d.tagList(tags), d.literal("," + lowerTrimmed(tag) + ",")));
    if (!m.excludeSources.empty()) {
        std::string list;
        for (const std::string &s : m.excludeSources) list += (list.empty() ? "" : ", ") + d.literal(lowerTrimmed(s));
        leftOut.push_back("LOWER(" + d.textOf(source) + ") IN (" + list + ")");
    }

    QJsonObject params{{"dialect", sqlDialectName(dialect)}, {"minSupport", t.minSupport}, {"minCount", qint64(t.minCount)},
                       {"minConfidence", t.minConfidence}, {"topPerAnchor", qint64(t.topPerAnchor)}, {"topMinCount", qint64(t.topMinCount)}};
    if (!m.excludeTags.empty()) params.insert("excludeTags", jsonList(m.excludeTags));
    if (!m.excludeSources.empty()) params.insert("excludeSources", jsonList(m.excludeSources));
    // In byte order and once each, so the same list always writes the same query (and query hash).
    std::vector<std::string> skus = m.excludeSkus;
    std::sort(skus.begin(), skus.end());
    skus.erase(std::unique(skus.begin(), skus.end()), skus.end());
    for (const std::string &x : skus)
        if (x.empty() || x.find_first_of(std::string("\0\n\r", 3)) != std::string::npos) {
            error = "--exclude-skus: the SKU \"" + x + "\" is empty or holds a line break";
            return {};
        }
    // The run saved by `import mined` records them as an in-app run does (core/mining/minedresults.cpp).
    if (!skus.empty()) params.insert("excludedProducts", jsonList(skus));

    const std::string dbl = d.dbl();
    const std::string minSupport = "CAST(" + number(t.minSupport) + " AS " + dbl + ")";
    const std::string minConfidence = "CAST(" + number(t.minConfidence) + " AS " + dbl + ")";
    std::string q;
    q += "-- merchbench: " + QJsonDocument(params).toJson(QJsonDocument::Compact).toStdString() + "\n";
    q += "-- Pair statistics over " + m.table + " for `merchbench-cli import mined` (written by merchbench-cli warehouse sql).\n";
    q += "-- A basket is the distinct SKUs with quantity > 0 of one order that is not left out; every count is an\n";
    q += "-- integer and every ratio one IEEE double division, formed as core/mining/pairstatistics.cpp forms it.\n";
    if (!skus.empty())
        q += "-- Non-merchandise SKUs (" + std::to_string(skus.size()) + ") are in no basket: an order holding nothing else is none.\n";
    q += "WITH order_lines AS (\n";
    q += "  SELECT " + d.textOf(order) + " AS order_id,\n";
    q += "         " + d.textOf(sku) + " AS sku,\n";
    q += "         " + (quantity.empty() ? std::string("1") : quantity) + " AS quantity";
    if (!leftOut.empty()) {
        q += ",\n         CASE WHEN ";
        for (size_t i = 0; i < leftOut.size(); ++i) q += (i ? "\n           OR " : "") + leftOut[i];
        q += " THEN 1 ELSE 0 END AS left_out";
    }
    q += "\n  FROM " + table + "\n),\n";
    // A line without an order id or a SKU is refused by the import: it is no line of any basket here either.
    q += "valid_lines AS (\n  SELECT * FROM order_lines WHERE order_id <> '' AND sku <> ''\n),\n";
    if (!leftOut.empty()) q += "left_out_orders AS (\n  SELECT DISTINCT order_id FROM valid_lines WHERE left_out = 1\n),\n";
    q += "basket_items AS (\n  SELECT DISTINCT l.order_id, l.sku\n  FROM valid_lines l\n";
    if (!leftOut.empty()) q += "  LEFT JOIN left_out_orders x ON x.order_id = l.order_id\n";
    q += "  WHERE l.quantity > 0" + std::string(leftOut.empty() ? "" : " AND x.order_id IS NULL");
    if (!skus.empty()) {
        // Non-merchandise: no item of any basket, so an order of postage alone is no basket either.
        q += "\n    AND l.sku NOT IN (";
        for (size_t i = 0; i < skus.size(); ++i) q += std::string(i ? "," : "") + (i % 8 == 0 ? "\n      " : " ") + d.literal(skus[i]);
        q += ")";
    }
    q += "\n),\n";
    q += "baskets AS (\n  SELECT COUNT(DISTINCT order_id) AS n FROM basket_items\n),\n";
    q += "item_counts AS (\n  SELECT sku, COUNT(*) AS n FROM basket_items GROUP BY sku\n),\n";
    // No pair is more frequent than either of its items: items below every threshold cannot be in a kept
    // rule. The rest are numbered, so the big join and aggregation below work on integers, not SKU texts.
    // A count some rule can keep: at the thresholds, or (top-N) at topMinCount.
    auto keepable = [&](const std::string &count) {
        std::string c = "(" + count + " >= " + std::to_string(minCount);
        if (t.minSupport > 0) c += " AND " + d.asDouble(count) + " / " + d.asDouble("t.n") + " >= " + minSupport;
        c += ")";
        if (top) c += " OR " + count + " >= " + std::to_string(topMin);
        return c;
    };
    q += "frequent AS (\n  SELECT i.sku, i.n, ROW_NUMBER() OVER (ORDER BY i.sku) AS item\n  FROM item_counts i\n"
         "  CROSS JOIN baskets t\n  WHERE " + keepable("i.n") + "\n),\n";
    q += "frequent_items AS (\n  SELECT b.order_id, f.item\n  FROM basket_items b\n  JOIN frequent f ON f.sku = b.sku\n),\n";
    // Only pairs some rule can keep leave the aggregation. Each unordered pair is counted once (the join is
    // the costly part), then used in both directions.
    q += "pair_counts AS (\n  SELECT a.item AS a_item, c.item AS c_item, COUNT(*) AS n\n  FROM frequent_items a\n"
         "  JOIN frequent_items c ON c.order_id = a.order_id AND c.item > a.item\n  CROSS JOIN baskets t\n"
         "  GROUP BY a.item, c.item, t.n\n  HAVING " + keepable("COUNT(*)") + "\n),\n";
    q += "directed AS (\n  SELECT a_item, c_item, n FROM pair_counts\n  UNION ALL\n  SELECT c_item, a_item, n FROM pair_counts\n),\n";
    q += "rules AS (\n  SELECT fa.sku AS antecedent, fc.sku AS consequent, p.n AS n_ab, fa.n AS n_a, fc.n AS n_c, t.n AS n_baskets";
    if (top)
        // Rank among all the anchor's counted pairs: those under topMinCount sort after every one at or above
        // it, so the rank of a pair at or above it is its rank among those.
        q += ",\n         ROW_NUMBER() OVER (PARTITION BY p.a_item ORDER BY p.n DESC, " + d.bytewise("fc.sku") + ") AS anchor_rank";
    q += "\n  FROM directed p\n  JOIN frequent fa ON fa.item = p.a_item\n  JOIN frequent fc ON fc.item = p.c_item\n"
         "  CROSS JOIN baskets t\n)\n";
    const std::string c = d.asDouble("n_ab"), n = d.asDouble("n_baskets"), a = d.asDouble("n_a"), b = d.asDouble("n_c");
    std::string countName, tmp;
    d.identifier("count", countName, tmp);
    q += "SELECT antecedent, consequent, n_ab AS " + countName + ",\n";
    q += "       " + c + " / " + n + " AS support,\n";
    q += "       " + c + " / " + a + " AS confidence,\n";
    q += "       " + c + " * " + n + " / (" + a + " * " + b + ") AS lift,\n";
    q += "       " + c + " / SQRT(" + a + " * " + b + ") AS cosine,\n";
    q += "       n_a AS antecedent_count, n_c AS consequent_count, n_baskets AS baskets\nFROM rules\n";
    q += "WHERE (n_ab >= " + std::to_string(minCount);
    if (t.minSupport > 0) q += " AND " + c + " / " + n + " >= " + minSupport;
    if (t.minConfidence > 0) q += " AND " + c + " / " + a + " >= " + minConfidence;
    q += ")";
    if (top) q += "\n   OR (n_ab >= " + std::to_string(topMin) + " AND anchor_rank <= " + std::to_string(t.topPerAnchor) + ")";
    q += "\nORDER BY " + d.bytewise("antecedent") + ", " + d.bytewise("consequent") + ";\n";
    return q;
}

}  // namespace mb

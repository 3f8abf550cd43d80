#include "core/storage/hygienestore.h"

#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/storage/typicalproduct.h"
#include "core/storage/workspace.h"

#include <QDateTime>

#include <sqlite3.h>

#include <algorithm>

namespace mb {

namespace {

int64_t nowSecs() { return QDateTime::currentSecsSinceEpoch(); }

bool fail(std::string &error, const std::string &what)
{
    error = what;
    return false;
}

void bindValue(Statement &s, int i, const SqlValue &v)
{
    if (const auto *n = std::get_if<int64_t>(&v)) s.bind(i, *n);
    else if (const auto *d = std::get_if<double>(&v)) s.bind(i, *d);
    else if (const auto *t = std::get_if<std::string>(&v)) s.bind(i, std::string_view(*t));
    else s.bindNull(i);
}

// Every column of the rows of `table` (a name from this file, never data) whose `where` holds for ?1 = id,
// with the rowid of tables that have no id of their own, so a restore puts them back where they were.
bool saveRows(sqlite3 *db, const char *table, const char *where, int64_t id, std::vector<SavedRow> &out,
              std::string &error)
{
    const std::string sql = std::string("SELECT _rowid_ AS saved_rowid_, * FROM ") + table + " WHERE " + where;
    Statement s(db, sql.c_str());
    s.bind(1, id);
    while (s.step()) {
        SavedRow row;
        row.table = table;
        bool hasId = false;
        for (int c = 1; c < s.columnCount(); ++c) hasId = hasId || std::string_view(s.columnName(c)) == "id";
        for (int c = hasId ? 1 : 0; c < s.columnCount(); ++c) {
            row.columns.push_back(c == 0 ? "rowid" : s.columnName(c));
            switch (s.columnType(c)) {
            case SQLITE_INTEGER: row.values.emplace_back(s.int64(c)); break;
            case SQLITE_FLOAT: row.values.emplace_back(s.real(c)); break;
            case SQLITE_NULL: row.values.emplace_back(std::monostate{}); break;
            default: row.values.emplace_back(s.text(c)); break;
            }
        }
        out.push_back(std::move(row));
    }
    return !s.failed() || fail(error, std::string(table) + ": " + s.error());
}

bool insertRow(sqlite3 *db, const SavedRow &row, std::string &error)
{
    std::string cols, marks;
    for (size_t i = 0; i < row.columns.size(); ++i) {
        cols += (i ? ", " : "") + row.columns[i];
        marks += (i ? ", ?" : "?") + std::to_string(i + 1);
    }
    const std::string sql = "INSERT INTO " + row.table + "(" + cols + ") VALUES (" + marks + ")";
    Statement s(db, sql.c_str());
    for (size_t i = 0; i < row.values.size(); ++i) bindValue(s, int(i + 1), row.values[i]);
    return s.exec() || fail(error, "restoring a row of " + row.table + ": " + s.error());
}

bool updateRow(sqlite3 *db, const SavedRow &row, int64_t id, std::string &error)
{
    std::string set;
    for (size_t i = 0; i < row.columns.size(); ++i)
        set += (i ? ", " : "") + row.columns[i] + " = ?" + std::to_string(i + 1);
    const std::string sql = "UPDATE " + row.table + " SET " + set + " WHERE id = ?" + std::to_string(row.columns.size() + 1);
    Statement s(db, sql.c_str());
    for (size_t i = 0; i < row.values.size(); ++i) bindValue(s, int(i + 1), row.values[i]);
    s.bind(int(row.values.size() + 1), id);
    return s.exec() || fail(error, "restoring " + row.table + " row " + std::to_string(id) + ": " + s.error());
}

int64_t productId(sqlite3 *db, const std::string &sku)
{
    Statement s(db, "SELECT id FROM products WHERE sku = ?1");
    s.bind(1, sku);
    return s.step() ? s.int64(0) : 0;
}

int64_t countOf(sqlite3 *db, const char *sql, int64_t id)
{
    Statement s(db, sql);
    s.bind(1, id);
    return s.step() ? s.int64(0) : 0;
}

// What is derived from a product and goes with it: mined rows and the mined suggestions not yet adopted.
struct Derived {
    const char *table;
    const char *where;
};
constexpr Derived kDerived[] = {
    {"relations", "(anchor_type = 'product' AND anchor_id = ?1) OR (target_type = 'product' AND target_id = ?1)"},
    {"pair_stats", "antecedent_id = ?1 OR consequent_id = ?1"},
    {"ease_neighbours", "item_id = ?1 OR neighbour_id = ?1"},
    {"replenishment", "product_id = ?1"},
};

}  // namespace

std::set<std::string> HygieneStore::dismissedNonMerchandise() const
{
    std::set<std::string> out;
    Statement s(ws_.db(), "SELECT sku FROM hygiene_decisions WHERE kind = 'non-merch-dismissed'");
    while (s.step()) out.insert(s.text(0));
    return out;
}

std::set<std::pair<std::string, std::string>> HygieneStore::keptApart() const
{
    std::set<std::pair<std::string, std::string>> out;
    Statement s(ws_.db(), "SELECT sku, other_sku FROM hygiene_decisions WHERE kind = 'keep-apart'");
    while (s.step()) out.emplace(s.text(0), s.text(1));
    return out;
}

bool HygieneStore::dismissNonMerchandise(const std::vector<std::string> &skus, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement s(db, "INSERT INTO hygiene_decisions(kind, sku, decided_at) VALUES ('non-merch-dismissed', ?1, ?2) "
                        "ON CONFLICT DO NOTHING");
        for (const std::string &sku : skus) {
            s.bind(1, sku).bind(2, nowSecs());
            if (!s.exec()) return fail(e, "dismissing " + sku + ": " + s.error());
        }
        return true;
    });
}

bool HygieneStore::undismissNonMerchandise(const std::vector<std::string> &skus, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement s(db, "DELETE FROM hygiene_decisions WHERE kind = 'non-merch-dismissed' AND sku = ?1");
        for (const std::string &sku : skus) {
            s.bind(1, sku);
            if (!s.exec()) return fail(e, "forgetting the dismissal of " + sku + ": " + s.error());
        }
        return true;
    });
}

bool HygieneStore::keepApart(const std::string &a, const std::string &b, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement s(db, "INSERT INTO hygiene_decisions(kind, sku, other_sku, decided_at) VALUES ('keep-apart', ?1, ?2, ?3) "
                        "ON CONFLICT DO NOTHING");
        s.bind(1, std::min(a, b)).bind(2, std::max(a, b)).bind(3, nowSecs());
        return s.exec() || fail(e, "keeping " + a + " and " + b + " apart: " + s.error());
    });
}

bool HygieneStore::forgetKeepApart(const std::string &a, const std::string &b, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        Statement s(db, "DELETE FROM hygiene_decisions WHERE kind = 'keep-apart' AND sku = ?1 AND other_sku = ?2");
        s.bind(1, std::min(a, b)).bind(2, std::max(a, b));
        return s.exec() || fail(e, "forgetting " + a + " / " + b + ": " + s.error());
    });
}

bool HygieneStore::mergeSku(SkuMerge &m, std::string &error)
{
    SkuMerge out;
    out.canonicalSku = m.canonicalSku;
    out.variantSku = m.variantSku;
    const bool ok = writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        out.canonicalId = productId(db, out.canonicalSku);
        out.variantId = productId(db, out.variantSku);
        if (!out.canonicalId) return fail(e, "no product has the SKU \"" + out.canonicalSku + "\"");
        if (!out.variantId) return fail(e, "no product has the SKU \"" + out.variantSku + "\"");
        if (out.canonicalId == out.variantId) return fail(e, "a SKU cannot be merged into itself");
        const int64_t v = out.variantId;
        const int64_t ownRelations = countOf(db,
            "SELECT count(*) FROM relations WHERE ((anchor_type = 'product' AND anchor_id = ?1) OR "
            "(target_type = 'product' AND target_id = ?1)) AND NOT (source = 'mined' AND status <> 'active')", v);
        const int64_t bundles = countOf(db,
            "SELECT (SELECT count(*) FROM bundles WHERE anchor_product_id = ?1) + "
            "(SELECT count(*) FROM bundle_items WHERE product_id = ?1)", v);
        const int64_t events = countOf(db, "SELECT count(*) FROM events WHERE product_id = ?1", v);
        if (ownRelations + bundles + events > 0)
            return fail(e, "SKU \"" + out.variantSku + "\" is in " + std::to_string(ownRelations) +
                               " curated, imported or active relation(s), " + std::to_string(bundles) +
                               " bundle item(s) and " + std::to_string(events) +
                               " storefront event(s); move them to \"" + out.canonicalSku + "\" first");
        std::vector<SavedRow> canonical;
        if (!saveRows(db, "products", "id = ?1", out.canonicalId, canonical, e)) return false;
        out.canonicalBefore = canonical.at(0);
        if (!saveRows(db, "products", "id = ?1", v, out.deleted, e)) return false;
        for (const Derived &d : kDerived)
            if (!saveRows(db, d.table, d.where, v, out.deleted, e)) return false;
        {
            Statement s(db, "SELECT id FROM order_lines WHERE product_id = ?1 ORDER BY id");
            s.bind(1, v);
            while (s.step()) out.movedLines.push_back(s.int64(0));
            if (s.failed()) return fail(e, s.error());
        }
        Statement move(db, "UPDATE order_lines SET product_id = ?2 WHERE product_id = ?1");
        move.bind(1, v).bind(2, out.canonicalId);
        if (!move.exec()) return fail(e, "moving the order lines of " + out.variantSku + ": " + move.error());
        for (const Derived &d : kDerived) {
            const std::string sql = std::string("DELETE FROM ") + d.table + " WHERE " + d.where;
            Statement del(db, sql.c_str());
            del.bind(1, v);
            if (!del.exec()) return fail(e, std::string(d.table) + ": " + del.error());
        }
        Statement del(db, "DELETE FROM products WHERE id = ?1");
        del.bind(1, v);
        if (!del.exec()) return fail(e, "removing " + out.variantSku + ": " + del.error());
        if (!settleOrderOnlyProducts(db, {out.canonicalId}, nowSecs(), e)) return false;
        // The lines changed product: mined results of the old history are out of date.
        out.historyBefore = ws_.historyVersion();
        out.historyAfter = out.historyBefore + 1;
        std::string metaError;
        if (!ws_.setMeta("history_version", std::to_string(out.historyAfter), &metaError)) return fail(e, metaError);
        return true;
    });
    if (ok) m = std::move(out);
    return ok;
}

bool HygieneStore::unmergeSku(const SkuMerge &m, std::string &error)
{
    return writeTransaction(ws_, error, [&](sqlite3 *db, std::string &e) {
        if (productId(db, m.variantSku))
            return fail(e, "a product \"" + m.variantSku + "\" exists again (imported since the merge); "
                           "the merge cannot be undone");
        if (productId(db, m.canonicalSku) != m.canonicalId)
            return fail(e, "the product \"" + m.canonicalSku + "\" changed since the merge");
        // The product first: the derived rows refer to it. A mined row whose run has been replaced since
        // (mining ran after the merge) stays gone: its run is no more, and the newer run is the one in force.
        bool dropped = false;
        Statement runExists(db, "SELECT 1 FROM mining_runs WHERE id = ?1");
        for (const SavedRow &row : m.deleted) {
            const auto run = std::find(row.columns.begin(), row.columns.end(), "run_id");
            if (run != row.columns.end()) {
                const SqlValue &id = row.values[size_t(run - row.columns.begin())];
                if (const int64_t *runId = std::get_if<int64_t>(&id)) {
                    runExists.reset();
                    runExists.bind(1, *runId);
                    if (!runExists.step()) {
                        dropped = true;
                        continue;
                    }
                }
            }
            if (!insertRow(db, row, e)) return false;
        }
        Statement back(db, "UPDATE order_lines SET product_id = ?2 WHERE id = ?1 AND product_id = ?3");
        for (int64_t line : m.movedLines) {
            back.bind(1, line).bind(2, m.variantId).bind(3, m.canonicalId);
            if (!back.exec()) return fail(e, "order line " + std::to_string(line) + ": " + back.error());
        }
        if (!updateRow(db, m.canonicalBefore, m.canonicalId, e)) return false;
        // The history is the one before the merge again, and so are the mined results that were current then.
        const int64_t now = ws_.historyVersion();
        const int64_t next = now == m.historyAfter && !dropped ? m.historyBefore : now + 1;
        std::string metaError;
        if (!ws_.setMeta("history_version", std::to_string(next), &metaError)) return fail(e, metaError);
        return true;
    });
}

}  // namespace mb

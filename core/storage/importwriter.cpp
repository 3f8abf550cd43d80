// Writes parsed batches into the workspace. Each call is one transaction: on any error or a cancel the
// transaction rolls back and the workspace is exactly as before.
#include "core/storage/relationstore.h"
#include "core/storage/categorystore.h"
#include "core/storage/importer.h"
#include "core/storage/importwriter.h"
#include "core/storage/orderfingerprint.h"
#include "core/storage/statement.h"
#include "core/storage/typicalproduct.h"
#include "core/storage/workspace.h"

#include <QDateTime>

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace mb {

namespace {

struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using IdMap = std::unordered_map<std::string, int64_t, StringHash, std::equal_to<>>;

IdMap loadIds(sqlite3 *db, const char *sql)
{
    IdMap m;
    Statement s(db, sql);
    while (s.step()) m.emplace(s.textView(1), s.int64(0));
    return m;
}

int64_t logImport(sqlite3 *db, const std::string &file, const std::string &format, const char *kind,
                  const ImportReport &r, int64_t rowsRead, int64_t imported, int64_t rejected, int64_t duplicates)
{
    Statement s(db, "INSERT INTO imports(file, format, kind, imported_at, rows_read, imported, rejected, duplicates, encoding) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    s.bind(1, file).bind(2, format).bind(3, std::string_view(kind)).bind(4, int64_t(QDateTime::currentSecsSinceEpoch()));
    s.bind(5, rowsRead).bind(6, imported).bind(7, rejected).bind(8, duplicates).bind(9, r.encoding);
    return s.exec() ? sqlite3_last_insert_rowid(db) : -1;
}

bool fail(std::string &error, const std::string &what)
{
    error = what;
    return false;
}

// Writes order lines kRows at a time with one multi-row INSERT: SQLite's fixed cost per statement run (step,
// reset, the VDBE's setup and halt) was most of the cost of a line. A batch that fails is written again
// row by row so the error names the file line that caused it.
class LineInserter {
public:
    struct Row {
        int64_t id, order, product;
        double quantity, unitPrice;
        int64_t sourceLine;
        double discount, refund;
        int64_t description;  // 0: none
    };
    static constexpr int kRows = 64;  // 9 parameters a row: 576, under SQLite's oldest limit of 999

    explicit LineInserter(sqlite3 *db) : one_(db, sql(1).c_str()), many_(db, sql(kRows).c_str())
    {
        pending_.reserve(kRows);
    }
    bool ok() const { return one_.ok() && many_.ok(); }
    std::string error() const { return one_.ok() ? many_.error() : one_.error(); }

    bool add(const Row &row, std::string &err)
    {
        pending_.push_back(row);
        return pending_.size() < size_t(kRows) || flush(err);
    }

    bool flush(std::string &err)
    {
        if (pending_.size() == size_t(kRows)) {
            for (size_t i = 0; i < pending_.size(); ++i) bindRow(many_, int(i) * 9, pending_[i]);
            if (many_.exec()) {
                pending_.clear();
                return true;
            }
        }
        for (const Row &row : pending_) {
            bindRow(one_, 0, row);
            if (!one_.exec()) return fail(err, "line " + std::to_string(row.sourceLine) + ": " + one_.error());
        }
        if (pending_.size() == size_t(kRows)) return fail(err, many_.error());  // the batch failed, no row alone did
        pending_.clear();
        return true;
    }

private:
    static std::string sql(int rows)
    {
        std::string s = "INSERT INTO order_lines(id, order_id, product_id, quantity, unit_price, source_line, discount, refund, "
                        "description_id) VALUES ";
        for (int r = 0; r < rows; ++r) {
            s += r ? ",(" : "(";
            for (int c = 1; c <= 9; ++c) s += (c > 1 ? ",?" : "?") + std::to_string(r * 9 + c);
            s += ")";
        }
        return s;
    }
    static void bindRow(Statement &s, int base, const Row &r)
    {
        s.bind(base + 1, r.id).bind(base + 2, r.order).bind(base + 3, r.product).bind(base + 4, r.quantity);
        s.bind(base + 5, r.unitPrice).bind(base + 6, r.sourceLine).bind(base + 7, r.discount).bind(base + 8, r.refund);
        if (r.description) s.bind(base + 9, r.description); else s.bindNull(base + 9);
    }
    Statement one_, many_;
    std::vector<Row> pending_;
};

// Below this many lines the per-row index upkeep costs less than rebuilding the index.
constexpr size_t kDeferIndexesFrom = 20000;

// Drops the table's own indexes (not those of its UNIQUE / PRIMARY KEY constraints, which have no SQL)
// and returns the statements that recreate them.
bool dropIndexes(sqlite3 *db, const char *table, std::vector<std::string> &recreate, std::string &err)
{
    std::vector<std::string> names;
    {
        Statement s(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL");
        s.bind(1, std::string_view(table));
        while (s.step()) {
            names.emplace_back(s.textView(0));
            recreate.emplace_back(s.textView(1));
        }
        if (s.failed()) return fail(err, s.error());
    }
    for (const std::string &name : names) {
        const std::string sql = "DROP INDEX \"" + name + "\"";
        if (!execSql(db, sql.c_str(), &err)) return false;
    }
    return true;
}

}  // namespace

// Every id an order import writes comes from the maps it builds in the same transaction, so the per-row
// foreign-key look-ups would only re-prove what holds by construction; they were a quarter of the import
// time. The pragma cannot change inside a transaction, hence around it.
ForeignKeysOff::ForeignKeysOff(sqlite3 *db) : off_(db, "foreign_keys", 0) {}

TempOnDisk::TempOnDisk(sqlite3 *db)
{
    // The workspace keeps temporary data in memory (temp_store = MEMORY). Rebuilding order_lines' index at
    // the end of a first import sorts every line; past what the page cache holds the sort spills to temporary
    // files, which would be memory too: 1.5 GB at 50M lines. Outside the transaction, like foreign_keys.
    // Changing it drops the connection's temporary tables (the workspace has none) and means nothing inside
    // a transaction a caller holds: only at the top level, and only when it is not FILE (1) already.
    if (sqlite3_get_autocommit(db)) file_.emplace(db, "temp_store", 1);
}

bool writeImport(Workspace &ws, const std::string &file, ImportReport &report, const WriteFn &write)
{
    std::string error;
    if (writeTransaction(ws, error, write)) return true;
    if (!error.empty()) {
        report.status = ImportStatus::Failed;
        // A failure of the workspace names it and says nothing changed; anything else names the row.
        report.error = ws.lastWriteError() != WorkspaceError::None ? error : file + ": cannot write to the workspace: " + error;
    }
    return false;
}

namespace {

void bindOptional(Statement &s, int i, const std::optional<double> &v)
{
    if (v) s.bind(i, *v); else s.bindNull(i);
}

// How a catalog row merges into a known product, column by column. Empty or missing cells keep what the
// workspace had: a partial export must not erase good data.
struct ColumnMerge {
    const char *column;
    const char *value;  // an expression over the stored row and `excluded` (the file's row)
};
constexpr ColumnMerge kCatalogMerge[] = {
    {"title", "CASE WHEN excluded.title = '' THEN title ELSE excluded.title END"},
    {"category_id", "coalesce(excluded.category_id, category_id)"},
    {"brand", "CASE WHEN excluded.brand = '' THEN brand ELSE excluded.brand END"},
    {"price", "coalesce(excluded.price, price)"},
    {"cost", "coalesce(excluded.cost, cost)"},
    {"stock", "coalesce(excluded.stock, stock)"},
    {"family", "CASE WHEN excluded.family = '' THEN family ELSE excluded.family END"},
    {"origin", "excluded.origin"},
    {"platform", "CASE WHEN excluded.platform = '' THEN platform ELSE excluded.platform END"},
    {"handle", "CASE WHEN excluded.handle = '' THEN handle ELSE excluded.handle END"},
    {"platform_id", "CASE WHEN excluded.platform_id = '' THEN platform_id ELSE excluded.platform_id END"},
    {"product_type", "CASE WHEN excluded.product_type = '' THEN product_type ELSE excluded.product_type END"},
    {"product_title", "CASE WHEN excluded.product_title = '' THEN product_title ELSE excluded.product_title END"},
    {"platform_status", "CASE WHEN excluded.platform_status = '' THEN platform_status ELSE excluded.platform_status END"},
    // A file that states the status decides availability; one that does not keeps what was known.
    {"unavailable", "CASE WHEN excluded.platform_status = '' AND excluded.unavailable = '' THEN unavailable ELSE excluded.unavailable END"},
    {"regular_price", "coalesce(excluded.regular_price, regular_price)"},
    // A sale price is cleared by a file that gives a regular price without one (the sale ended).
    {"sale_price", "CASE WHEN excluded.sale_price IS NOT NULL OR excluded.regular_price IS NOT NULL THEN excluded.sale_price ELSE sale_price END"},
    {"stock_status", "CASE WHEN excluded.stock_status = '' THEN stock_status ELSE excluded.stock_status END"},
};

// The catalog upsert. A known product is updated only where the merge changes a column (the DO UPDATE's
// WHERE), so a re-imported catalog leaves its unchanged products alone, updated_at included, and
// sqlite3_changes() tells the writer which products the file really changed.
std::string catalogUpsertSql()
{
    std::string set, differs;
    for (const ColumnMerge &m : kCatalogMerge) {
        set += std::string("  ") + m.column + " = " + m.value + ",\n";
        differs += std::string(differs.empty() ? "  " : "  OR ") + m.column + " IS NOT (" + m.value + ")\n";
    }
    return R"sql(
INSERT INTO products(sku, title, category_id, brand, price, cost, stock, family, origin, created_at, updated_at,
                     platform, handle, platform_id, product_type, product_title, platform_status, unavailable,
                     regular_price, sale_price, stock_status)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
ON CONFLICT(sku) DO UPDATE SET
)sql" + set + "  updated_at = excluded.updated_at\nWHERE\n" + differs;
}

}  // namespace

bool writeCatalog(Workspace &ws, const CatalogBatch &batch, const std::string &file, ImportReport &report,
                  const ProgressFn &progress)
{
    return writeImport(ws, file, report, [&](sqlite3 *db, std::string &err) {
        IdMap products = loadIds(db, "SELECT id, sku FROM products");
        CategoryStore categories(db);
        const int64_t now = QDateTime::currentSecsSinceEpoch();
        static const std::string upsertSql = catalogUpsertSql();
        Statement upsert(db, upsertSql.c_str());
        if (!upsert.ok()) return fail(err, upsert.error());
        const std::string origin = batch.format == "demo" ? "demo" : "catalog";
        size_t done = 0;
        for (const ProductRecord &p : batch.products) {
            const int64_t cat = categories.idFor(p.category, err);
            if (cat < 0) return false;
            upsert.bind(1, p.sku).bind(2, p.title);
            if (cat > 0) upsert.bind(3, cat); else upsert.bindNull(3);
            upsert.bind(4, p.brand);
            bindOptional(upsert, 5, p.price);
            bindOptional(upsert, 6, p.cost);
            if (p.stock) upsert.bind(7, *p.stock); else upsert.bindNull(7);
            upsert.bind(8, p.family).bind(9, origin).bind(10, now);
            upsert.bind(11, p.platform).bind(12, p.handle).bind(13, p.platformId).bind(14, p.productType);
            upsert.bind(15, p.productTitle).bind(16, p.platformStatus).bind(17, p.unavailable);
            bindOptional(upsert, 18, p.regularPrice);
            bindOptional(upsert, 19, p.salePrice);
            upsert.bind(20, p.stockStatus);
            if (!upsert.exec()) return fail(err, "product " + p.sku + " (line " + std::to_string(p.line) + "): " + upsert.error());
            if (products.find(p.sku) == products.end()) {
                ++report.productsAdded;
                products.emplace(p.sku, sqlite3_last_insert_rowid(db));
            } else if (sqlite3_changes(db) > 0) {
                ++report.productsUpdated;
            } else {
                ++report.productsUnchanged;  // the upsert's WHERE found nothing to change
            }
            if (progress && (++done & 1023) == 0 && !progress(double(done) / double(batch.products.size() + 1)))
                return false;
        }
        const int64_t importId = logImport(db, file, batch.format, "catalog", report, batch.rowsRead,
                                           int64_t(batch.products.size()), int64_t(batch.rejects.size()), batch.duplicateRows);
        if (importId < 0) return fail(err, sqlite3_errmsg(db));
        // The file's link columns are the store's current links of its products: a link the store removed since
        // an earlier import is forgotten, so an export never writes it back. Types without a column are kept.
        if (!batch.linkTypes.empty()) {
            Statement forget(db, "DELETE FROM imported_relations WHERE anchor_sku = ?1 AND platform_type = ?2");
            for (const ProductRecord &p : batch.products)
                for (const std::string &type : batch.linkTypes) {
                    forget.bind(1, p.sku).bind(2, type);
                    if (!forget.exec()) return fail(err, forget.error());
                }
        }
        Statement rel(db, R"sql(
INSERT INTO imported_relations(anchor_sku, target_sku, platform_type, position, import_id) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT(anchor_sku, target_sku, platform_type) DO UPDATE SET position = excluded.position, import_id = excluded.import_id)sql");
        for (const RelationRecord &r : batch.relations) {
            rel.bind(1, r.anchorSku).bind(2, r.targetSku).bind(3, r.platformType).bind(4, int64_t(r.position)).bind(5, importId);
            if (!rel.exec()) return fail(err, rel.error());
            ++report.relationsWritten;
        }
        if (!batch.relations.empty()) {
            const int adopted = adoptImportedRelationsInTransaction(db, err);
            if (adopted < 0) return false;
            report.relationsAdopted = adopted;
        }
        return !progress || progress(1.0);
    });
}

struct OrderWriter::State {
    Workspace &ws;
    sqlite3 *db;
    std::string file;
    ImportReport &report;
    int64_t importId = 0;
    int64_t now = 0;
    IdMap products, customers;
    std::unordered_map<std::string, int64_t, StringHash, std::equal_to<>> descriptions;  // text -> id, as met
    // Orders: none stored before (a first import: a plain INSERT, whose UNIQUE index tells a scattered order),
    // or matched one by one by an index look-up; `touched` marks the order ids this import wrote or found
    // unchanged, so an order met again in a later chunk is known to be scattered.
    bool ordersEmpty = true;
    std::vector<uint8_t> touched;
    bool scattered = false;
    int64_t storedBefore = 0;  // max(order_lines.id) before: the lines with a larger id are this import's
    int64_t written = 0;
    std::vector<std::string> deferredIndexes;
    std::unordered_map<int64_t, char> ordersMissingDescriptions;
    OrderOnlyFacts facts;
    std::unique_ptr<LineInserter> line;
    std::unique_ptr<Statement> insertProduct, insertDescription, getDescription, insertCustomer, findOrder, insertOrder,
        updateOrder, deleteLines, backfill;
    std::optional<ScopedPragma> cache;  // the import's page cache, the connection's own given back after

    State(Workspace &w, sqlite3 *d, const std::string &f, ImportReport &r) : ws(w), db(d), file(f), report(r) {}

    void touch(int64_t id)
    {
        if (size_t(id) >= touched.size()) touched.resize(std::max(size_t(id) + 1, touched.size() * 2), 0);
        touched[size_t(id)] = 1;
    }
    bool wasTouched(int64_t id) const { return size_t(id) < touched.size() && touched[size_t(id)]; }
};

OrderWriter::OrderWriter(Workspace &ws, sqlite3 *db, const std::string &file, ImportReport &report)
    : s_(std::make_unique<State>(ws, db, file, report))
{
}

OrderWriter::~OrderWriter() = default;

bool OrderWriter::scattered() const { return s_->scattered; }

bool OrderWriter::begin(const std::string &format, size_t expectedLines, std::string &err)
{
    State &st = *s_;
    sqlite3 *db = st.db;
    // The counts are written by finish(), when they are known.
    st.importId = logImport(db, st.file, format, "orders", st.report, 0, 0, 0, 0);
    if (st.importId < 0) return fail(err, sqlite3_errmsg(db));
    st.now = QDateTime::currentSecsSinceEpoch();
    st.products = loadIds(db, "SELECT id, sku FROM products");
    st.customers = loadIds(db, "SELECT id, external_id FROM customers");
    {
        Statement s(db, "SELECT EXISTS(SELECT 1 FROM orders), EXISTS(SELECT 1 FROM orders WHERE fingerprint IS NULL), "
                        "(SELECT coalesce(max(id), 0) FROM order_lines)");
        if (!s.step()) return fail(err, s.error());
        st.ordersEmpty = s.int64(0) == 0;
        // Orders written before the workspace kept fingerprints: computed once from their rows.
        if (s.int64(1) && fillMissingFingerprints(db, err) < 0) return false;
        // Rowids above every line stored now: "id <= storedBefore" is exactly the lines this import did not write.
        st.storedBefore = s.int64(2);
    }
    // Lines of a file written before the workspace kept descriptions get them from this import of the
    // same orders: only orders that still have such lines are visited, so a later re-import costs nothing.
    {
        Statement s(db, "SELECT DISTINCT order_id FROM order_lines WHERE description_id IS NULL");
        while (s.step()) st.ordersMissingDescriptions.emplace(s.int64(0), 0);
    }
    if (!st.facts.begin(db, {}, err)) return false;
    // The page cache sized to what the import reads back at random: the customers', products' and descriptions'
    // unique indexes, which a new key lands anywhere in. Lines and orders are appended and go out to the WAL as
    // the cache fills either way. About 4 bytes an expected line, from 2 MB to the workspace's usual 64 MB.
    // Measured: Online Retail (542K lines) imports ~10 % faster with 2 MB than with 64 MB (less memory to fault
    // in and less left to write at commit), a 5M-line store 8 % faster with 20 MB, and 2 MB made it 25 % slower.
    st.cache.emplace(db, "cache_size", -std::clamp<int64_t>(int64_t(expectedLines) * 4 / 1024, 2048, 65536));  // KiB
    // Into empty tables, a big import writes the rows first and builds the table's indexes once at the end
    // (one sort instead of a B-tree descent per row). Dropped and recreated from their own SQL inside this
    // transaction, so a failed or cancelled import rolls the indexes back with the rows. Only when no order
    // is stored either: an updated order's lines are deleted through the index.
    if (st.ordersEmpty && st.storedBefore == 0 && expectedLines >= kDeferIndexesFrom) {
        if (!dropIndexes(db, "order_lines", st.deferredIndexes, err)) return false;
    }
    st.line = std::make_unique<LineInserter>(db);
    if (!st.line->ok()) return fail(err, st.line->error());
    st.insertProduct = std::make_unique<Statement>(
        db, "INSERT INTO products(sku, title, price, origin, created_at, updated_at) VALUES (?1, ?2, ?3, 'orders', ?4, ?4)");
    st.insertDescription = std::make_unique<Statement>(db, "INSERT INTO descriptions(text) VALUES (?1) ON CONFLICT(text) DO NOTHING");
    st.getDescription = std::make_unique<Statement>(db, "SELECT id FROM descriptions WHERE text = ?1");
    st.insertCustomer = std::make_unique<Statement>(db, "INSERT INTO customers(external_id) VALUES (?1)");
    st.findOrder = std::make_unique<Statement>(db, "SELECT id, fingerprint FROM orders WHERE external_id = ?1");
    st.insertOrder = std::make_unique<Statement>(
        db, "INSERT INTO orders(external_id, customer_id, ordered_at, utc_offset, country, currency, status, import_id, "
            "tags, source, fingerprint) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    st.updateOrder = std::make_unique<Statement>(
        db, "UPDATE orders SET customer_id = ?2, ordered_at = ?3, utc_offset = ?4, country = ?5, currency = ?6, "
            "status = ?7, import_id = ?8, tags = ?9, source = ?10, fingerprint = ?11 WHERE id = ?1");
    st.deleteLines = std::make_unique<Statement>(db, "DELETE FROM order_lines WHERE order_id = ?1");
    // By order, file line and product: a file whose rows moved (a preamble, another sort) must not give a
    // line its neighbour's description, which names another product.
    st.backfill = std::make_unique<Statement>(db, "UPDATE order_lines SET description_id = ?3 WHERE order_id = ?1 AND source_line = ?2 "
                                                  "AND product_id = ?4 AND description_id IS NULL");
    return true;
}

bool OrderWriter::write(const OrderBatch &batch, const std::vector<int64_t> &fingerprints, const ProgressFn &progress,
                        std::string &err)
{
    State &st = *s_;
    sqlite3 *db = st.db;
    ImportReport &report = st.report;

    // Products first: a SKU seen only in orders becomes a product of origin "orders" (its title and price
    // are settled from all its stored lines once they are written, in finish()); a catalog product is left alone.
    std::vector<int64_t> productIds(batch.products.size(), 0);
    {
        Statement &ins = *st.insertProduct;
        for (size_t i = 0; i < batch.products.size(); ++i) {
            const ProductRecord &p = batch.products[i];
            auto it = st.products.find(p.sku);
            if (it == st.products.end()) {
                ins.bind(1, p.sku).bind(2, p.title);
                bindOptional(ins, 3, p.price);
                ins.bind(4, st.now);
                if (!ins.exec()) return fail(err, "product " + p.sku + ": " + ins.error());
                it = st.products.emplace(p.sku, sqlite3_last_insert_rowid(db)).first;
                ++report.productsAdded;
            }
            productIds[i] = it->second;
        }
    }
    if (!st.facts.include(db, productIds, err)) return false;
    // The chunk's descriptions as workspace ids, each stored once however many imports carry it.
    std::vector<int64_t> descriptionIds(batch.descriptions.size() + 1, 0);
    for (size_t i = 0; i < batch.descriptions.size(); ++i) {
        const std::string &text = batch.descriptions[i];
        auto known = st.descriptions.find(text);
        if (known != st.descriptions.end()) {
            descriptionIds[i + 1] = known->second;
            continue;
        }
        Statement &ins = *st.insertDescription, &get = *st.getDescription;
        ins.bind(1, text);
        if (!ins.exec()) return fail(err, "description \"" + text + "\": " + ins.error());
        get.bind(1, text);
        if (!get.step()) return fail(err, "description \"" + text + "\": " + get.error());
        descriptionIds[i + 1] = get.int64(0);
        get.reset();
        st.descriptions.emplace(text, descriptionIds[i + 1]);
    }

    std::vector<int64_t> customerIds(batch.orders.size(), 0);
    for (size_t i = 0; i < batch.orders.size(); ++i) {
        const std::string &c = batch.orders[i].customer;
        if (c.empty()) continue;
        auto it = st.customers.find(c);
        if (it == st.customers.end()) {
            Statement &ins = *st.insertCustomer;
            ins.bind(1, c);
            if (!ins.exec()) return fail(err, "customer " + c + ": " + ins.error());
            it = st.customers.emplace(c, sqlite3_last_insert_rowid(db)).first;
            ++report.customersAdded;
        }
        customerIds[i] = it->second;
    }

    // An order already in the workspace is replaced by the file's version when that differs (a later
    // export may carry a cancellation or a refund) and left alone when it does not, so re-importing a
    // file changes nothing and says so, and a later export adds only what is new. The stored
    // fingerprint tells the two apart without reading the order's lines back.
    if (fingerprints.size() != batch.orders.size()) return fail(err, "internal error: a fingerprint for each order was expected");
    std::vector<int64_t> orderIds(batch.orders.size(), 0);
    std::vector<char> unchanged(batch.orders.size(), 0);
    for (size_t i = 0; i < batch.orders.size(); ++i) {
        // A cancel is heard here too: a big store has millions of orders before the first line.
        if (progress && (i & 1023) == 1023 && !progress(0.0)) return false;
        const OrderRecord &o = batch.orders[i];
        int64_t knownId = 0;
        std::optional<int64_t> knownPrint;
        if (!st.ordersEmpty) {
            Statement &find = *st.findOrder;
            find.bind(1, o.externalId);
            if (find.step()) {
                knownId = find.int64(0);
                if (!find.isNull(1)) knownPrint = find.int64(1);
            } else if (find.failed()) {
                return fail(err, "order " + o.externalId + " (line " + std::to_string(o.line) + "): " + find.error());
            }
            find.reset();
            if (knownId && st.wasTouched(knownId)) {
                st.scattered = true;
                return fail(err, "order " + o.externalId + " (line " + std::to_string(o.line) + ") comes back after other orders");
            }
        }
        if (knownId && knownPrint == fingerprints[i]) {
            orderIds[i] = knownId;
            unchanged[i] = 1;
            st.touch(knownId);
            ++report.ordersUnchanged;
            continue;
        }
        Statement &s = knownId ? *st.updateOrder : *st.insertOrder;
        if (knownId) s.bind(1, knownId); else s.bind(1, o.externalId);
        if (customerIds[i]) s.bind(2, customerIds[i]); else s.bindNull(2);
        if (o.hasTime) s.bind(3, o.orderedAt); else s.bindNull(3);
        s.bind(4, int64_t(o.utcOffsetMinutes)).bind(5, o.country).bind(6, o.currency);
        s.bind(7, std::string_view(orderStatusName(o.status))).bind(8, st.importId).bind(9, o.tags).bind(10, o.source);
        s.bind(11, fingerprints[i]);
        if (!s.exec()) {
            // On a first import the only stored orders are this import's: the UNIQUE index refusing the id
            // means the order's rows were already written from an earlier chunk.
            if (!knownId && st.ordersEmpty && sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE) {
                st.scattered = true;
                return fail(err, "order " + o.externalId + " (line " + std::to_string(o.line) + ") comes back after other orders");
            }
            return fail(err, "order " + o.externalId + " (line " + std::to_string(o.line) + "): " + s.error());
        }
        if (knownId) {
            Statement &del = *st.deleteLines;
            del.bind(1, knownId);
            if (!del.exec()) return fail(err, del.error());
            orderIds[i] = knownId;
            ++report.ordersUpdated;
        } else {
            orderIds[i] = sqlite3_last_insert_rowid(db);
            ++report.ordersAdded;
        }
        if (!st.ordersEmpty) st.touch(orderIds[i]);
    }

    const size_t total = batch.lines.size();
    LineInserter &line = *st.line;
    int64_t written = 0;
    for (size_t i = 0; i < total; ++i) {
        if (progress && (i & 2047) == 0 && !progress(double(i) / double(total + 1))) return false;
        const OrderLineRecord &l = batch.lines[i];
        int64_t productId = l.product && l.product <= productIds.size() ? productIds[l.product - 1] : 0;
        if (!productId) {
            auto p = st.products.find(l.sku);
            if (p == st.products.end()) return fail(err, "line " + std::to_string(l.line) + ": SKU " + l.sku + " has no product");
            productId = p->second;
        }
        if (unchanged[l.order]) {
            if (l.description && !st.ordersMissingDescriptions.empty() && st.ordersMissingDescriptions.count(orderIds[l.order])) {
                Statement &backfill = *st.backfill;
                backfill.bind(1, orderIds[l.order]).bind(2, l.line).bind(3, descriptionIds[l.description]).bind(4, productId);
                if (!backfill.exec()) return fail(err, "line " + std::to_string(l.line) + ": " + backfill.error());
            }
            continue;
        }
        // The rowid SQLite would give it (one above the largest), stated so a batch of rows can be written
        // by one statement and the line still known by its id.
        const int64_t id = st.storedBefore + st.written + 1;
        const int64_t description = l.description ? descriptionIds[l.description] : 0;
        if (!line.add({id, orderIds[l.order], productId, l.quantity, l.unitPrice, l.line, l.discount, l.refund, description}, err))
            return false;
        const OrderRecord &o = batch.orders[l.order];
        st.facts.add(productId, description ? std::optional<int64_t>(description) : std::nullopt, l.quantity, l.unitPrice,
                     o.hasTime ? o.orderedAt : 0, id);
        ++st.written;
        ++written;
    }
    report.linesWritten += written;
    return true;
}

bool OrderWriter::finish(int64_t rowsRead, int64_t imported, int64_t rejected, int64_t duplicates, std::string &err)
{
    State &st = *s_;
    sqlite3 *db = st.db;
    if (!st.line->flush(err)) return false;
    for (const std::string &sql : st.deferredIndexes)
        if (!execSql(db, sql.c_str(), &err)) return false;
    // The titles and prices of the order-only products from all their stored lines: the ones just written
    // were counted as they were written, the older ones (with descriptions backfilled above) are read back.
    if (!st.facts.addStored(db, st.storedBefore, err) || !st.facts.settle(db, st.now, err)) return false;
    {
        Statement s(db, "UPDATE imports SET rows_read = ?2, imported = ?3, rejected = ?4, duplicates = ?5 WHERE id = ?1");
        s.bind(1, st.importId).bind(2, rowsRead).bind(3, imported).bind(4, rejected).bind(5, duplicates);
        if (!s.exec()) return fail(err, s.error());
    }
    // The new history's version, in this same transaction on this worker's connection: it commits with
    // the orders or not at all, and nothing else has to write while the import holds the lock. A file
    // that changed no order leaves the history, and so the mined results, current.
    std::string metaError;
    if (st.report.ordersAdded + st.report.ordersUpdated > 0
        && !st.ws.setMeta("history_version", std::to_string(st.ws.historyVersion() + 1), &metaError))
        return fail(err, metaError);
    return true;
}

bool writeOrders(Workspace &ws, const OrderBatch &batch, const std::string &file, ImportReport &report,
                 const ProgressFn &progress)
{
    sqlite3 *db = ws.db();
    ForeignKeysOff keysOff(db);
    TempOnDisk tempOnDisk(db);
    return writeImport(ws, file, report, [&](sqlite3 *db, std::string &err) {
        OrderWriter writer(ws, db, file, report);
        return writer.begin(batch.format, batch.lines.size(), err) && writer.write(batch, orderFingerprints(batch), progress, err)
               && writer.finish(batch.rowsRead, int64_t(batch.lines.size()), int64_t(batch.rejects.size()), batch.duplicateRows, err)
               && (!progress || progress(1.0));
    });
}

}  // namespace mb

#include "core/storage/schema.h"

#include "core/storage/statement.h"

#include <sqlite3.h>

namespace mb {

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> list{
        {1, R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE imports(
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL, format TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('catalog','orders')),
  imported_at INTEGER NOT NULL,
  rows_read INTEGER NOT NULL, imported INTEGER NOT NULL, rejected INTEGER NOT NULL, duplicates INTEGER NOT NULL);
CREATE TABLE categories(
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES categories(id),
  name TEXT NOT NULL,
  path TEXT NOT NULL UNIQUE);
CREATE TABLE products(
  id INTEGER PRIMARY KEY,
  sku TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  category_id INTEGER REFERENCES categories(id),
  brand TEXT NOT NULL DEFAULT '',
  price REAL, cost REAL, stock INTEGER,
  family TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL CHECK (origin IN ('catalog','orders','demo')),
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE customers(
  id INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL UNIQUE);
CREATE TABLE orders(
  id INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL UNIQUE,
  customer_id INTEGER REFERENCES customers(id),
  ordered_at INTEGER,
  utc_offset INTEGER NOT NULL DEFAULT 0,
  country TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('completed','cancelled','returned')),
  import_id INTEGER REFERENCES imports(id));
CREATE TABLE order_lines(
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES products(id),
  quantity REAL NOT NULL,
  unit_price REAL NOT NULL,
  source_line INTEGER);
CREATE INDEX order_lines_by_order ON order_lines(order_id);
CREATE TABLE imported_relations(
  id INTEGER PRIMARY KEY,
  anchor_sku TEXT NOT NULL, target_sku TEXT NOT NULL, platform_type TEXT NOT NULL,
  position INTEGER NOT NULL,
  import_id INTEGER REFERENCES imports(id),
  UNIQUE (anchor_sku, target_sku, platform_type));
)sql"},
        // Version 2: products that must never be recommended (postage, fees, gift cards), and the encoding
        // an import was read in, so the import log explains a converted file.
        {2, R"sql(
ALTER TABLE products ADD COLUMN recommendable INTEGER NOT NULL DEFAULT 1;
ALTER TABLE imports ADD COLUMN encoding TEXT NOT NULL DEFAULT '';
)sql"},
    };
    return list;
}

bool migrateSchema(sqlite3 *db, int from, int to, std::string &error)
{
    if (!execSql(db, "BEGIN IMMEDIATE", &error)) return false;
    for (const Migration &m : migrations()) {
        if (m.toVersion <= from || m.toVersion > to) continue;
        if (!execSql(db, m.sql, &error)) {
            error = "schema upgrade to version " + std::to_string(m.toVersion) + " failed: " + error;
            execSql(db, "ROLLBACK");
            return false;
        }
    }
    const std::string pragma = "PRAGMA user_version = " + std::to_string(to);
    if (!execSql(db, pragma.c_str(), &error) || !execSql(db, "COMMIT", &error)) {
        execSql(db, "ROLLBACK");
        return false;
    }
    return true;
}

}  // namespace mb

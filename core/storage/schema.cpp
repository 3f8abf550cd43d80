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
  file TEXT NOT NULL, format TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('catalog','orders','events','relations','bundles')),
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
        // Version 3: complementary-product maps and the mined evidence behind them. Anchors and targets are
        // products or categories, so they carry a type beside the id instead of a foreign key.
        {3, R"sql(
CREATE TABLE relations(
  id INTEGER PRIMARY KEY,
  anchor_type TEXT NOT NULL CHECK (anchor_type IN ('product','category')),
  anchor_id INTEGER NOT NULL,
  target_type TEXT NOT NULL CHECK (target_type IN ('product','category')),
  target_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('necessity','enhancement','accessory','consumable','upgrade')),
  position INTEGER NOT NULL DEFAULT 0,
  pitch TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('curated','imported','mined')),
  status TEXT NOT NULL CHECK (status IN ('active','suggested','rejected','excluded')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (anchor_type, anchor_id, target_type, target_id));
CREATE INDEX relations_by_anchor ON relations(anchor_type, anchor_id);
CREATE TABLE mining_runs(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('pairs','ease','replenishment')),
  parameters TEXT NOT NULL,
  history_version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL);
CREATE TABLE pair_stats(
  run_id INTEGER NOT NULL REFERENCES mining_runs(id) ON DELETE CASCADE,
  antecedent_id INTEGER NOT NULL REFERENCES products(id),
  consequent_id INTEGER NOT NULL REFERENCES products(id),
  count INTEGER NOT NULL, support REAL NOT NULL, confidence REAL NOT NULL, lift REAL NOT NULL, cosine REAL NOT NULL);
CREATE INDEX pair_stats_by_run ON pair_stats(run_id, antecedent_id);
CREATE TABLE ease_neighbours(
  run_id INTEGER NOT NULL REFERENCES mining_runs(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES products(id),
  rank INTEGER NOT NULL,
  neighbour_id INTEGER NOT NULL REFERENCES products(id),
  weight REAL NOT NULL);
CREATE INDEX ease_by_run ON ease_neighbours(run_id, item_id);
CREATE TABLE replenishment(
  run_id INTEGER NOT NULL REFERENCES mining_runs(id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES products(id),
  median_days REAL NOT NULL, rebuy_share REAL NOT NULL, intervals INTEGER NOT NULL, buyers INTEGER NOT NULL);
)sql"},
        // Version 4: placement policies (one row per setting, so a new rule needs no migration), storefront
        // events for conversion and abandonment KPIs, and tiered bundles.
        {4, R"sql(
CREATE TABLE placement_policies(
  placement TEXT NOT NULL CHECK (placement IN ('product-page','cart','checkout','post-purchase')),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (placement, key));
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  session TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  product_id INTEGER REFERENCES products(id),
  event TEXT NOT NULL CHECK (event IN ('view','add_to_cart','checkout','purchase','recommendation_impression','recommendation_click')),
  placement TEXT NOT NULL DEFAULT '',
  import_id INTEGER REFERENCES imports(id));
CREATE INDEX events_by_session ON events(session, occurred_at);
CREATE TABLE bundles(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  anchor_product_id INTEGER NOT NULL REFERENCES products(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
CREATE TABLE bundle_tiers(
  id INTEGER PRIMARY KEY,
  bundle_id INTEGER NOT NULL REFERENCES bundles(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  pricing TEXT NOT NULL CHECK (pricing IN ('sum','discount','fixed')),
  discount_percent REAL NOT NULL DEFAULT 0,
  fixed_price REAL,
  UNIQUE (bundle_id, position));
CREATE TABLE bundle_items(
  id INTEGER PRIMARY KEY,
  tier_id INTEGER NOT NULL REFERENCES bundle_tiers(id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES products(id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  optional INTEGER NOT NULL DEFAULT 0,
  position INTEGER NOT NULL);
CREATE INDEX bundle_items_by_tier ON bundle_items(tier_id);
)sql"},
        // Version 5: what the store platforms say about a product (handle, type, status, regular and sale
        // price, stock status) so exports key on the store's own handles and never re-type or re-price a
        // product, and what customers actually paid per line (discounts, refunds), with the order's tags
        // and channel so subscription reorders can be left out of mining.
        {5, R"sql(
ALTER TABLE products ADD COLUMN platform TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN handle TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN platform_id TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN product_type TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN product_title TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN platform_status TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN unavailable TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN regular_price REAL;
ALTER TABLE products ADD COLUMN sale_price REAL;
ALTER TABLE products ADD COLUMN stock_status TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN tags TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE order_lines ADD COLUMN discount REAL NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN refund REAL NOT NULL DEFAULT 0;
)sql"},
        // Version 6: each order's fingerprint (orderfingerprint.h), so re-importing a file leaves the orders it
        // repeats unchanged alone and counts them as unchanged. Orders of older files have none (NULL) until
        // the next order import computes it from their stored rows.
        {6, R"sql(
ALTER TABLE orders ADD COLUMN fingerprint INTEGER;
)sql"},
        // Version 7: data hygiene. Each order line names the description its row carried, so an order-only
        // product's title is the most frequent one over every import (typicalproduct.h); lines of older
        // files have none (NULL) until an import of their file fills them. The merchandiser's answers to
        // the hygiene proposals: a non-merchandise proposal dismissed, two SKUs kept apart (sku < other).
        {7, R"sql(
CREATE TABLE descriptions(
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL UNIQUE);
ALTER TABLE order_lines ADD COLUMN description_id INTEGER REFERENCES descriptions(id);
CREATE TABLE hygiene_decisions(
  kind TEXT NOT NULL CHECK (kind IN ('non-merch-dismissed','keep-apart')),
  sku TEXT NOT NULL,
  other_sku TEXT NOT NULL DEFAULT '',
  decided_at INTEGER NOT NULL,
  PRIMARY KEY (kind, sku, other_sku));
)sql"},
        // Version 8: products confirmed as no merchandise (postage, fees, bank charges), apart from the
        // recommendable switch: they are never recommended AND are left out of mined baskets, while a product
        // the merchandiser merely switched off keeps its place in the baskets (its own page still needs its
        // partners). Workspaces from before have none marked until the hygiene proposals are confirmed again.
        {8, R"sql(
ALTER TABLE products ADD COLUMN non_merchandise INTEGER NOT NULL DEFAULT 0;
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

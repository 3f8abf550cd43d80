// Loads an order-line CSV into an in-memory DuckDB table and writes a query's result as CSV: what
// tests/cli/tst_warehouseexact needs to prove `warehouse sql --dialect duckdb` exact against in-app mining.
// usage: node runduckdb.mjs ORDERS.csv TABLE QUERY.sql OUT.csv
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const [orders, table, queryFile, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node runduckdb.mjs ORDERS.csv TABLE QUERY.sql OUT.csv');
  process.exit(1);
}
const quote = (s) => "'" + s.replaceAll("'", "''") + "'";
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
// Every column as text but the quantity, as a warehouse table typed by its loader would hold them.
await db.run(`CREATE TABLE "${table.replaceAll('"', '""')}" AS SELECT * FROM read_csv(${quote(orders)}, header = true,
  all_varchar = true)`);
await db.run(`ALTER TABLE "${table.replaceAll('"', '""')}" ALTER "Quantity" TYPE INTEGER USING CAST("Quantity" AS INTEGER)`);
const query = readFileSync(queryFile, 'utf8').trim().replace(/;\s*$/, '');
await db.run(`COPY (${query}) TO ${quote(out)} (HEADER, DELIMITER ',')`);
console.error(`wrote ${out}`);

// Loads an order-line CSV into an in-memory DuckDB table (every column text), runs a preparing script on it
// (typing the columns as the store's warehouse would hold them), and writes a query's result as CSV: what
// tests/cli/tst_warehouseexact needs to prove `warehouse sql --dialect duckdb` exact against in-app mining.
// usage: node runduckdb.mjs ORDERS.csv TABLE PREPARE.sql QUERY.sql OUT.csv
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const [orders, table, prepareFile, queryFile, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node runduckdb.mjs ORDERS.csv TABLE PREPARE.sql QUERY.sql OUT.csv');
  process.exit(1);
}
const literal = (s) => "'" + s.replaceAll("'", "''") + "'";
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run(`CREATE TABLE "${table.replaceAll('"', '""')}" AS
  SELECT * FROM read_csv(${literal(orders)}, header = true, all_varchar = true)`);
for (const statement of readFileSync(prepareFile, 'utf8').split(';').map((s) => s.trim()).filter(Boolean))
  await db.run(statement);
const query = readFileSync(queryFile, 'utf8').trim().replace(/;\s*$/, '');
await db.run(`COPY (${query}) TO ${literal(out)} (HEADER, DELIMITER ',')`);

// The limit for `xiaowei ingest`: DuckDB alone doing the minimum — one `create table as select * from
// read_csv(...)` per extract, no validation, no quarantine, no logging.
// Usage: node bench/baselines/duckdb_ingest.mjs DB_FILE CSV_FILE...
import { DuckDBInstance } from '@duckdb/node-api';

const [db, ...files] = process.argv.slice(2);
// No checkpoint vacuum, as in xiaowei (pipelines/db/duckdbSettings.ts); measured at city it makes no difference
// here (8.8–9.0 s wall either way), each file being a table of its own.
const instance = await DuckDBInstance.create(db, { max_vacuum_tasks: '0' });
const con = await instance.connect();
let n = 0;
for (const file of files) {
  n++;
  const path = file.replaceAll("'", "''");
  await con.run(`create table "extract_${n}" as select * from read_csv('${path}')`);
}
con.closeSync();
instance.closeSync();

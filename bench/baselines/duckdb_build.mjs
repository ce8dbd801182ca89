// The limit for `xiaowei build`: the same staging and mart SQL run alone in DuckDB — the macro files, then
// each model body as `create table|view schema.name as <body>` in dependency order. No checks, no
// transactions per model, no index engine, no build log.
// Usage: node bench/baselines/duckdb_build.mjs DB_FILE PLAN_JSON
//   PLAN_JSON: { "macros": ["sql…"], "models": [{ "name": "staging.x", "materialized": "table", "sql": "…" }] }
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';

const [db, planFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, 'utf8'));
// The memory xiaowei gives DuckDB by default (pipelines/db/duckdbSettings.ts: 40 % of RAM, at most 2 GiB), so
// both spill alike; DuckDB's own default (80 % of RAM) took 15 GB at province scale on a shared machine. No
// checkpoint vacuum, as in xiaowei: with it the checkpoint at close would merge the row groups xiaowei's ingest
// and build leave partly filled (3.8 s of a city baseline), a cost xiaowei does not pay.
const limitMiB = Math.floor(Math.min(2 * 2 ** 30, totalmem() * 0.4) / 2 ** 20);
const instance = await DuckDBInstance.create(db, {
  memory_limit: process.env.XIAOWEI_MEMORY_LIMIT ?? `${limitMiB}MiB`,
  temp_directory: `${db}.tmp`,
  max_vacuum_tasks: '0',
});
const con = await instance.connect();
for (const sql of plan.macros) await con.run(sql);
for (const m of plan.models) {
  const [schema, table] = m.name.split('.');
  await con.run(`create schema if not exists "${schema}"`);
  await con.run(`create or replace ${m.materialized} "${schema}"."${table}" as\n${m.sql}`);
}
con.closeSync();
instance.closeSync();

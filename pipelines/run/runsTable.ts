import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { quoteIdent, substitute } from '../db/sqlTemplate.ts';
import { readRows } from '../db/warehouse.ts';
import type { RunRecord } from './runRecord.ts';

const TableName = z.object({ schema_name: z.string(), table_name: z.string() });

/** Rewrites ops.runs from the run store's records (the store is the truth; the table is a queryable copy). */
export async function writeRunsTable(con: DuckDBConnection, records: RunRecord[]): Promise<void> {
  await con.run(readSql('statements/run/create_runs.sql'));
  await con.run(readSql('statements/run/clear_runs.sql'));
  const insert = readSql('statements/run/insert_run.sql');
  for (const r of records) {
    await con.run(insert, {
      run_id: r.run_id,
      trigger: r.trigger,
      job: r.job,
      status: r.status,
      pid: r.pid,
      started_at: r.started_at,
      finished_at: r.finished_at,
      methodology_version: r.methodology_version,
      year: r.year,
      inputs: JSON.stringify(r.inputs),
      row_counts: JSON.stringify(r.row_counts),
      outputs: JSON.stringify(r.outputs),
      error: r.error,
    });
  }
}

/** Row counts of the raw and mart tables, keyed "schema.table". */
export async function countRows(con: DuckDBConnection): Promise<Record<string, number>> {
  const tables = await readRows(con, TableName, readSql('statements/run/list_counted_tables.sql'));
  const out: Record<string, number> = {};
  for (const t of tables) {
    const table = `${quoteIdent(t.schema_name)}.${quoteIdent(t.table_name)}`;
    const [row] = await readRows(
      con,
      z.object({ n: z.number() }),
      substitute(readSql('statements/run/count_table_rows.sql'), { table }),
    );
    out[`${t.schema_name}.${t.table_name}`] = row.n;
  }
  return out;
}

/** Latest year with a 31 December registry snapshot, or null when raw.registry is missing or has none. */
export async function latestCompleteYear(con: DuckDBConnection): Promise<number | null> {
  const tables = await readRows(con, TableName, readSql('statements/run/list_counted_tables.sql'));
  if (!tables.some((t) => t.schema_name === 'raw' && t.table_name === 'registry')) return null;
  const [row] = await readRows(
    con,
    z.object({ year: z.number().nullable() }),
    readSql('statements/run/latest_complete_year.sql'),
  );
  return row?.year ?? null;
}

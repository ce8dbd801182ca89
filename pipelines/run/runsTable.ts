import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql } from '../db/sqlFile.ts';
import { queryRows } from '../db/warehouse.ts';
import type { RunRecord } from './runRecord.ts';

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
  const tables = await queryRows<{ schema_name: string; table_name: string }>(
    con,
    readSql('statements/run/list_counted_tables.sql'),
  );
  const out: Record<string, number> = {};
  for (const t of tables) {
    const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const [row] = await queryRows<{ n: number }>(
      con,
      `select count(*)::double as n from ${q(t.schema_name)}.${q(t.table_name)}`,
    );
    out[`${t.schema_name}.${t.table_name}`] = row.n;
  }
  return out;
}

/** Latest year with a 31 December registry snapshot, or null when raw.registry is missing or has none. */
export async function latestCompleteYear(con: DuckDBConnection): Promise<number | null> {
  const tables = await queryRows<{ schema_name: string; table_name: string }>(
    con,
    readSql('statements/run/list_counted_tables.sql'),
  );
  if (!tables.some((t) => t.schema_name === 'raw' && t.table_name === 'registry')) return null;
  const [row] = await queryRows<{ year: number | null }>(
    con,
    readSql('statements/run/latest_complete_year.sql'),
  );
  return row?.year ?? null;
}

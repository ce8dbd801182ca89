import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { readSql } from '../db/sqlFile.ts';
import { readRows } from '../db/warehouse.ts';
import { formatTable } from './formatQueryResult.ts';
import { runQuery } from './queryResult.ts';

/** What is loaded: files per kind and status, rows and date ranges per raw table, quarantine by reason. */
export async function formatStatus(con: DuckDBConnection, label: string): Promise<string> {
  const tables = await readRows(
    con,
    z.object({ name: z.string() }),
    readSql('queries/status/loaded_tables.sql'),
  );
  const have = new Set(tables.map((t) => t.name));
  if (!have.has('ops.ingest_log') || !have.has('raw.registry'))
    return `warehouse ${label}: nothing ingested yet\n`;
  return [
    `warehouse ${label}\n\nfiles\n`,
    formatTable(await runQuery(con, readSql('queries/status/status_files.sql'))),
    '\nraw tables\n',
    formatTable(await runQuery(con, readSql('queries/status/status_tables.sql'))),
    '\nquarantine by reason\n',
    formatTable(await runQuery(con, readSql('queries/status/status_quarantine.sql'))),
  ].join('');
}

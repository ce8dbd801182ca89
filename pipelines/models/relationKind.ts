import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { quoteQualified } from '../db/sqlTemplate.ts';
import { readRows } from '../db/warehouse.ts';

const kindRow = z.object({ table_type: z.string() });

/** Whether `schema.name` exists as a table or a view (a model may be either), or not at all. */
export async function relationKind(con: DuckDBConnection, name: string): Promise<'table' | 'view' | null> {
  const [schema, table] = name.split('.');
  const rows = await readRows(
    con,
    kindRow,
    'select table_type from information_schema.tables where table_schema = $1 and table_name = $2',
    [schema, table],
  );
  if (rows.length === 0) return null;
  return rows[0].table_type === 'VIEW' ? 'view' : 'table';
}

/** Drops `schema.name` whichever it is (a table and a view cannot share a name); nothing if it does not exist. */
export async function dropRelation(con: DuckDBConnection, name: string): Promise<void> {
  const kind = await relationKind(con, name);
  if (kind) await con.run(`drop ${kind} ${quoteQualified(name)}`);
}

// The warehouse as a notebook sees it: one read-only connection, opened on first use. Read-only so an
// analyst's kernel can never change a published number, and so `xiaowei build` only has to wait for
// `closeWarehouse()` (or a kernel restart) to get its write lock back.
import { isAbsolute, join } from 'node:path';
import process from 'node:process';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { DEFAULT_DB, openWarehouse, type Warehouse } from '../../pipelines/db/warehouse.ts';
import { type PlainRow, toPlainRow } from './plainValue.ts';

/**
 * XIAOWEI_DB if set (relative paths from the repository root), else the CLI's default warehouse. The
 * kernel runs in notebooks/, so a path relative to the working directory would point at the wrong place.
 */
export function warehousePath(env: Record<string, string | undefined> = process.env): string {
  const p = env.XIAOWEI_DB && env.XIAOWEI_DB.length > 0 ? env.XIAOWEI_DB : DEFAULT_DB;
  return isAbsolute(p) ? p : join(REPO_ROOT, p);
}

let current: { wh: Warehouse; con: DuckDBConnection } | null = null;

/**
 * The shared read-only connection, opened on first call at `path` (default warehousePath()). Pass it to the
 * pipeline's loaders. Asking for another path closes the current one first.
 */
export async function connection(path?: string): Promise<DuckDBConnection> {
  if (current && path !== undefined && current.wh.path !== path) closeWarehouse();
  if (!current) {
    const wh = await openWarehouse(path ?? warehousePath(), { readOnly: true });
    current = { wh, con: await wh.connect() };
  }
  return current.con;
}

/** Closes the connection so another process (e.g. `xiaowei build`) can write; the next query reopens it. */
export function closeWarehouse(): void {
  if (!current) return;
  current.con.closeSync();
  current.wh.close();
  current = null;
}

export type SqlParams = Record<string, DuckDBValue> | DuckDBValue[];

/** Runs one query and returns plain objects (bigint → number, DATE → 'YYYY-MM-DD'); `$name`/`$1` parameters. */
export async function sql<T extends PlainRow = PlainRow>(query: string, params?: SqlParams): Promise<T[]> {
  const con = await connection();
  const reader = await con.runAndReadAll(query, params);
  return reader.getRowObjectsJS().map(toPlainRow) as T[];
}

import { mkdirSync } from 'node:fs';
import { totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import type { z } from 'zod';
import { assertWarehouseFile } from './assertWarehouseFile.ts';
import { duckdbSettings } from './duckdbSettings.ts';
import { QUERY_ONLY_SETTINGS } from './queryOnlySettings.ts';

/** Default warehouse path, relative to the working directory; `--db` or XIAOWEI_DB override it. */
export const DEFAULT_DB = 'data/warehouse/xiaowei.duckdb';

export function resolveDbPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(explicit ?? env.XIAOWEI_DB ?? DEFAULT_DB);
}

export interface Warehouse {
  path: string;
  readOnly: boolean;
  instance: DuckDBInstance;
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

// One DuckDB instance per file and per process: a second DuckDBInstance.create(samePath) in the same
// process can corrupt the file (engineering-notes.md), so instances are shared through this registry.
const open = new Map<string, { wh: Warehouse; refs: number }>();

/**
 * Opens (creating if needed, unless `mustExist`) the warehouse file and its schemas; call `close()` when done. A path that exists but
 * is not a DuckDB database is refused before DuckDB sees it. `queryOnly` opens a read-only instance of its own that
 * reaches nothing but the warehouse (`xiaowei query` runs a user's SQL in it; see queryOnlySettings.ts).
 */
export async function openWarehouse(
  path: string,
  options: { readOnly?: boolean; queryOnly?: boolean; mustExist?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<Warehouse> {
  const queryOnly = options.queryOnly ?? false;
  const readOnly = queryOnly || (options.readOnly ?? false);
  assertWarehouseFile(path, { mustExist: readOnly || (options.mustExist ?? false) });
  const key = `${resolve(path)}|${queryOnly ? 'query' : readOnly ? 'ro' : 'rw'}`;
  // A query-only instance is never shared, either way: its settings are locked for the life of the instance.
  if (queryOnly && [...open.keys()].some((k) => k.startsWith(`${resolve(path)}|`))) {
    throw new Error(`${path} is already open in this process; close it before opening it query-only`);
  }
  // A read-only caller may share a read-write instance already open on the same file (never a second
  // instance); the reverse cannot be served, so it fails clearly instead of risking the file.
  const cached = queryOnly
    ? undefined
    : (open.get(key) ?? (readOnly ? open.get(`${resolve(path)}|rw`) : undefined));
  if (cached) {
    cached.refs++;
    return cached.wh;
  }
  if (!readOnly && (open.has(`${resolve(path)}|ro`) || open.has(`${resolve(path)}|query`))) {
    throw new Error(`${path} is open read-only in this process; close it before opening it for writing`);
  }
  if (!readOnly && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  // Loaded on first open (≈0.3 s), so commands that never open a warehouse (`--help`) start without it.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(path, {
    ...duckdbSettings(options.env ?? process.env, { totalMemBytes: totalmem(), dbPath: path }),
    ...(readOnly ? { access_mode: 'READ_ONLY' } : {}),
    ...(queryOnly ? QUERY_ONLY_SETTINGS : {}),
  });
  const wh: Warehouse = {
    path,
    readOnly,
    instance,
    connect: () => instance.connect(),
    close() {
      const entry = open.get(key);
      if (!entry) return;
      entry.refs--;
      if (entry.refs > 0) return;
      open.delete(key);
      instance.closeSync();
    },
  };
  open.set(key, { wh, refs: 1 });
  if (!readOnly) {
    const con = await instance.connect();
    try {
      for (const schema of ['raw', 'staging', 'mart', 'ops', 'ref']) {
        await con.run(`create schema if not exists "${schema}"`);
      }
    } finally {
      con.closeSync();
    }
  }
  return wh;
}

/** Runs `fn` with a fresh connection that is closed afterwards, whatever happens. */
export async function withConnection<T>(
  wh: Warehouse,
  fn: (con: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const con = await wh.connect();
  try {
    return await fn(con);
  } finally {
    con.closeSync();
  }
}

/** Runs `fn` inside one transaction: commits on success, rolls back on any error. */
export async function inTransaction<T>(con: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  await con.run('begin transaction');
  try {
    const out = await fn();
    await con.run('commit');
    return out;
  } catch (err) {
    await con.run('rollback');
    throw err;
  }
}

/**
 * Rows of one query, each checked against `schema` where it enters TypeScript (the typed DuckDB boundary):
 * a column of the wrong type fails here, naming the row and the path, instead of deep inside a report.
 * Values arrive JSON-safe (DuckDB's JSON conversion: BIGINT and DECIMAL as numbers or strings, dates as ISO
 * strings), so schemas coerce where a column may come either way.
 * Example: `await readRows(con, z.object({ n: z.number() }), 'select count(*)::integer as n from raw.registry')`.
 */
export async function readRows<S extends z.ZodType>(
  con: DuckDBConnection,
  schema: S,
  sql: string,
  params?: Record<string, DuckDBValue> | DuckDBValue[],
): Promise<z.output<S>[]> {
  const reader = await con.runAndReadAll(sql, params);
  const rows = reader.getRowObjectsJson();
  return rows.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`query result row ${i + 1}: ${issue.path.join('.') || '(row)'}: ${issue.message}`);
    }
    return parsed.data;
  });
}

import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { z } from 'zod';
import { readRows } from '../../pipelines/db/warehouse.ts';

const anyRow = z.record(z.string(), z.unknown());

/** Rows of a test query as plain objects, for tests that compare them whole (fields typed unknown). */
export function rowsOf(
  con: DuckDBConnection,
  sql: string,
  params?: Record<string, DuckDBValue> | DuckDBValue[],
): Promise<Record<string, unknown>[]> {
  return readRows(con, anyRow, sql, params);
}

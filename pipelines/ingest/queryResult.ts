import { type DuckDBConnection, DuckDBTypeId } from '@duckdb/node-api';
import { prepareReadOnlyStatement } from '../db/prepareReadOnlyStatement.ts';

export type Cell = string | number | boolean | null;

/** A query result as plain columns: names, DuckDB type ids, JSON-safe cells (BIGINT as number when safe). */
export interface QueryResult {
  names: string[];
  typeIds: DuckDBTypeId[];
  rows: Cell[][];
}

const WIDE_INTEGERS = new Set([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
]);

/**
 * Runs `sql`, one reading statement (anything else is refused before it runs), and returns its result with BIGINTs
 * as numbers where exact (else strings) and DECIMALs as numbers.
 */
export async function runQuery(con: DuckDBConnection, sql: string): Promise<QueryResult> {
  const prepared = await prepareReadOnlyStatement(con, sql);
  const reader = await prepared.runAndReadAll().finally(() => prepared.destroySync());
  const names = reader.columnNames();
  const typeIds = reader.columnTypes().map((t) => t.typeId);
  const rows = (reader.getRowsJson() as unknown[][]).map((row) => row.map((v, i) => toCell(v, typeIds[i])));
  return { names, typeIds, rows };
}

function toCell(v: unknown, typeId: DuckDBTypeId): Cell {
  if (v === null || v === undefined) return null;
  if (WIDE_INTEGERS.has(typeId) && typeof v === 'string') {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v;
  }
  if (typeId === DuckDBTypeId.DECIMAL && typeof v === 'string') return Number(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

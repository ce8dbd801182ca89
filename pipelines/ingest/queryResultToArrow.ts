import { DuckDBTypeId } from '@duckdb/node-api';
import {
  Bool,
  type DataType,
  DateDay,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMillisecond,
  tableToIPC,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import type { Cell, QueryResult } from './queryResult.ts';

const INT32 = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
]);
const INT64 = new Set([DuckDBTypeId.BIGINT, DuckDBTypeId.UINTEGER]);
const FLOAT = new Set([DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL, DuckDBTypeId.HUGEINT]);
const TIMESTAMP = new Set([
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
]);

function column(typeId: DuckDBTypeId, cells: Cell[]): Vector {
  const build = <T extends DataType>(type: T, f: (c: Cell) => unknown) =>
    vectorFromArray(
      cells.map((c) => (c === null ? null : f(c))),
      type,
    ) as Vector;
  if (typeId === DuckDBTypeId.BOOLEAN) return build(new Bool(), (c) => Boolean(c));
  if (INT32.has(typeId)) return build(new Int32(), (c) => Number(c));
  if (INT64.has(typeId)) return build(new Int64(), (c) => BigInt(c as number | string));
  if (FLOAT.has(typeId)) return build(new Float64(), (c) => Number(c));
  if (typeId === DuckDBTypeId.DATE) return build(new DateDay(), (c) => new Date(`${c}T00:00:00Z`));
  if (TIMESTAMP.has(typeId))
    return build(new TimestampMillisecond(), (c) => new Date(`${String(c).replace(' ', 'T')}Z`));
  return build(new Utf8(), (c) => String(c));
}

/** The result as an Arrow IPC file (for analysts' own tools: pandas, R arrow, DuckDB). */
export function queryResultToArrow(r: QueryResult): Uint8Array {
  const vectors: Record<string, Vector> = {};
  r.names.forEach((name, i) => {
    vectors[name] = column(
      r.typeIds[i],
      r.rows.map((row) => row[i]),
    );
  });
  return tableToIPC(new Table(vectors), 'file');
}

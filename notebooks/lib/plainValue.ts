// DuckDB's JS values made plain for tables and charts: BIGINT arrives as `bigint`, which JSON, Vega and
// arithmetic with numbers all reject (engineering-notes.md, Notebooks), and DATE arrives as a Date.
import type { JS } from '@duckdb/node-api';

export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };
export type PlainRow = Record<string, PlainValue>;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * bigint → number when it fits exactly (else its decimal string); a Date at UTC midnight (a DuckDB DATE)
 * → 'YYYY-MM-DD', any other Date → ISO timestamp; bytes → hex; lists and structs recursively.
 */
export function toPlain(value: JS): PlainValue {
  if (
    value === null ||
    typeof value === 'boolean' ||
    typeof value === 'number' ||
    typeof value === 'string'
  ) {
    return value;
  }
  if (typeof value === 'bigint') {
    return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (value instanceof Uint8Array) {
    return [...value].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  if (Array.isArray(value)) return value.map(toPlain);
  const out: Record<string, PlainValue> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}

export function toPlainRow(row: Record<string, JS>): PlainRow {
  const out: PlainRow = {};
  for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
  return out;
}

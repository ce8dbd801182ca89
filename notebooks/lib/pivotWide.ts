// Long rows → one row per `rowKey`, one column per distinct `columnKey` value (in first-seen order).
// Reshaping for display only; the values are whatever the query computed.
import type { PlainRow, PlainValue } from './plainValue.ts';

export function pivotWide(
  rows: readonly PlainRow[],
  rowKey: string,
  columnKey: string,
  valueKey: string,
): PlainRow[] {
  const columns: string[] = [];
  const byRow = new Map<string, PlainRow>();
  for (const r of rows) {
    const col = String(r[columnKey]);
    if (!columns.includes(col)) columns.push(col);
    const key = String(r[rowKey]);
    let out = byRow.get(key);
    if (!out) {
      out = { [rowKey]: r[rowKey] ?? null };
      byRow.set(key, out);
    }
    out[col] = r[valueKey] ?? null;
  }
  return [...byRow.values()].map((row) => {
    const full: PlainRow = { [rowKey]: row[rowKey] ?? null };
    for (const c of columns) full[c] = (row[c] ?? null) as PlainValue;
    return full;
  });
}

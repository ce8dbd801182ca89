import type { ResultRow } from './resultRow.ts';

/** A row kept from an earlier invocation, labelled with when it was measured. */
export type SavedRow = ResultRow & { measuredAt?: string };

/**
 * Rows for the results file: this invocation's rows, plus rows of earlier invocations for (stage, scale)
 * pairs not measured now (province scale takes long enough to run on its own). Earlier rows keep their
 * `measuredAt` so the file can say so. Current rows come first in their own order. Pure.
 */
export function mergeRows(previous: readonly SavedRow[], current: readonly SavedRow[]): SavedRow[] {
  const key = (r: ResultRow) => `${r.scale}|${r.stage}`;
  const now = new Set(current.map(key));
  return [...current, ...previous.filter((r) => !now.has(key(r)))];
}

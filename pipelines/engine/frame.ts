import type { Cell, EngineDataset, Frame } from './types.ts';

/** Plain UTF-16 code-unit order (not locale collation), as METHOD.md §2 asks for uCode. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sort key for rows: uCode in code-unit order, then time ascending (missing time first). */
export function compareKeys(
  a: { uCode: string; time: number | null },
  b: { uCode: string; time: number | null },
): number {
  return (
    compareCodeUnits(a.uCode, b.uCode) ||
    (a.time ?? Number.NEGATIVE_INFINITY) - (b.time ?? Number.NEGATIVE_INFINITY)
  );
}

/** Builds the working frame with rows sorted by uCode then time; returns the sorted source rows too. */
export function datasetToFrame(data: EngineDataset, indicators: readonly string[]) {
  const rows = [...data.rows].sort(compareKeys);
  const columns: Record<string, Cell[]> = {};
  for (const code of indicators) columns[code] = rows.map((r) => r.values[code] ?? null);
  const frame: Frame = { keys: rows.map((r) => ({ uCode: r.uCode, time: r.time })), columns };
  return { frame, rows };
}

/** Row indices grouped by time point (one group for cross-sectional data): the cross-sections that column-wise steps work on. */
export function timeSlices(keys: Frame['keys']): number[][] {
  const groups = new Map<number | null, number[]>();
  keys.forEach((k, i) => {
    const g = groups.get(k.time);
    if (g) g.push(i);
    else groups.set(k.time, [i]);
  });
  return [...groups.values()];
}

/** Applies a column function to each time slice of a column and reassembles it. */
export function mapSlices<T>(
  col: readonly Cell[],
  slices: readonly number[][],
  fn: (part: Cell[], rowIdx: readonly number[]) => { values: Cell[]; info: T },
): { values: Cell[]; infos: T[] } {
  const values: Cell[] = [...col];
  const infos: T[] = [];
  for (const idx of slices) {
    const r = fn(
      idx.map((i) => col[i]),
      idx,
    );
    idx.forEach((i, j) => {
      values[i] = r.values[j];
    });
    infos.push(r.info);
  }
  return { values, infos };
}

/** Keeps only the given rows of a frame (and of any aligned arrays the caller filters alike). */
export function selectRows(frame: Frame, keep: readonly number[]): Frame {
  const columns: Record<string, Cell[]> = {};
  for (const [code, col] of Object.entries(frame.columns)) columns[code] = keep.map((i) => col[i]);
  return { keys: keep.map((i) => frame.keys[i]), columns };
}

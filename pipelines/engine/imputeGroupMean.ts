import { neumaierMean } from './neumaierSum.ts';
import type { Cell, Frame, ReasonColumns } from './types.ts';

export interface ImputedCell {
  uCode: string;
  time: number | null;
  iCode: string;
  group: string;
  value: number;
}

/**
 * METHOD.md §4: each missing cell := mean of the non-missing values of the same column among units
 * of the same group (within the same time slice). A unit with a missing group value is left alone;
 * a group with no observed values in the column stays missing; observed cells never change.
 */
export function imputeGroupMean(
  frame: Frame,
  groupOf: readonly (string | null)[],
  slices: readonly number[][],
  reasons: ReasonColumns,
): { frame: Frame; reasons: ReasonColumns; imputed: ImputedCell[] } {
  const columns: Record<string, Cell[]> = {};
  const outReasons: ReasonColumns = { ...reasons };
  const imputed: ImputedCell[] = [];
  for (const [code, col] of Object.entries(frame.columns)) {
    if (!col.includes(null)) {
      columns[code] = col;
      continue;
    }
    const out = [...col];
    const rs = [...reasons[code]];
    for (const idx of slices) {
      const byGroup = new Map<string, number[]>();
      for (const i of idx) {
        const g = groupOf[i];
        const v = col[i];
        if (g === null || v === null) continue;
        const list = byGroup.get(g);
        if (list) list.push(v);
        else byGroup.set(g, [v]);
      }
      const means = new Map([...byGroup].map(([g, vs]) => [g, neumaierMean(vs)]));
      for (const i of idx) {
        const g = groupOf[i];
        if (col[i] !== null || g === null) continue;
        const mean = means.get(g);
        if (mean === undefined) continue;
        out[i] = mean;
        rs[i] = null;
        imputed.push({
          uCode: frame.keys[i].uCode,
          time: frame.keys[i].time,
          iCode: code,
          group: g,
          value: mean,
        });
      }
    }
    columns[code] = out;
    outReasons[code] = rs;
  }
  return { frame: { keys: frame.keys, columns }, reasons: outReasons, imputed };
}

import { baseYearIndex } from './baseYearIndex.ts';
import type { NormaliseConfig } from './engineConfig.ts';
import { present } from './neumaierSum.ts';
import { goalposts, minMax, type NormalisedSlice, zScore } from './normaliseColumn.ts';
import type { Cell, DropReason, Frame, IMetaRow, ReasonColumns } from './types.ts';

type GoalpostConfig = Extract<NormaliseConfig, { method: 'goalposts' }>;

/** Goalposts for one indicator: per-indicator pair, else Target as the good end (other end = observed worst), else the default pair. */
function goalpostsFor(m: IMetaRow, cfg: GoalpostConfig, slice: readonly Cell[]): { lo: number; hi: number } {
  const own = cfg.byIndicator[m.iCode];
  if (own) return own;
  if (cfg.useTarget && m.target !== null && m.target !== undefined) {
    const p = present(slice);
    return m.direction === -1 ? { lo: m.target, hi: Math.max(...p) } : { lo: Math.min(...p), hi: m.target };
  }
  if (cfg.default) return cfg.default;
  throw new Error(
    `normalise: goalposts: no goalposts for indicator ${m.iCode} (give default, byIndicator or useTarget)`,
  );
}

/**
 * Normalises every indicator column (METHOD.md §7 and the other methods): column-wise within each
 * time slice, except the base-year ratio, which works along each unit's time series. Cells left
 * missing get a reason: the upstream one, `zero_spread`, or the base-year reasons.
 */
export function normaliseFrame(
  frame: Frame,
  indicators: readonly IMetaRow[],
  slices: readonly number[][],
  cfg: NormaliseConfig,
  reasons: ReasonColumns,
): { frame: Frame; reasons: ReasonColumns } {
  const columns: Record<string, Cell[]> = {};
  const outReasons: ReasonColumns = {};
  for (const m of indicators) {
    const x = frame.columns[m.iCode];
    const dir = m.direction ?? 1;
    if (cfg.method === 'baseyear') {
      const r = baseYearIndex(frame.keys, x, dir, cfg.baseYear);
      columns[m.iCode] = r.values;
      outReasons[m.iCode] = r.reasons;
      continue;
    }
    const out: Cell[] = [...x];
    const rs: (DropReason | null)[] = [...reasons[m.iCode]];
    for (const idx of slices) {
      const part = idx.map((i) => x[i]);
      let res: NormalisedSlice;
      if (cfg.method === 'minmax') res = minMax(part, dir, cfg.lo, cfg.hi);
      else if (cfg.method === 'zscore') res = zScore(part, dir, cfg.mean, cfg.sd);
      else {
        const gp = part.some((c) => c !== null) ? goalpostsFor(m, cfg, part) : { lo: 0, hi: 1 };
        res = goalposts(part, dir, gp.lo, gp.hi, cfg.scale, cfg.truncate);
      }
      idx.forEach((i, j) => {
        out[i] = res.values[j];
        if (res.values[j] === null) rs[i] = x[i] === null ? (rs[i] ?? 'value_missing') : 'zero_spread';
      });
    }
    columns[m.iCode] = out;
    outReasons[m.iCode] = rs;
  }
  return { frame: { keys: frame.keys, columns }, reasons: outReasons };
}

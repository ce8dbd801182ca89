import { neumaierMean, neumaierSum, present } from './neumaierSum.ts';
import type { Cell } from './types.ts';

/** Result of normalising one column slice: values (NaN already turned into null) and whether spread was zero. */
export interface NormalisedSlice {
  values: Cell[];
  zeroSpread: boolean;
}

function finish(values: number[] | Cell[]): NormalisedSlice {
  let zeroSpread = false;
  const out = values.map((v) => {
    if (v === null) return null;
    if (Number.isNaN(v)) {
      zeroSpread = true;
      return null;
    }
    return v;
  });
  return { values: out, zeroSpread };
}

/**
 * Min–max onto [lo, hi] (METHOD.md §7): v = dir·x, then (v − min)/(max − min)·(hi − lo) + lo,
 * evaluated in that order to match COINr to the last bit. A constant column gives NaN → missing.
 */
export function minMax(x: readonly Cell[], dir: 1 | -1, lo: number, hi: number): NormalisedSlice {
  const v = x.map((c) => (c === null ? null : dir * c));
  const p = present(v);
  let mn = Number.POSITIVE_INFINITY;
  let mx = Number.NEGATIVE_INFINITY;
  for (const a of p) {
    if (a < mn) mn = a;
    if (a > mx) mx = a;
  }
  return finish(v.map((c) => (c === null ? null : ((c - mn) / (mx - mn)) * (hi - lo) + lo)));
}

/**
 * z-score as COINr's n_zscore: (v − mean)/sd·sdTarget + meanTarget with v = dir·x and the sample
 * standard deviation (n − 1 denominator). Fewer than 2 values or sd = 0 → missing.
 */
export function zScore(x: readonly Cell[], dir: 1 | -1, mean: number, sd: number): NormalisedSlice {
  const v = x.map((c) => (c === null ? null : dir * c));
  const p = present(v);
  const m = neumaierMean(p);
  const s =
    p.length < 2 ? Number.NaN : Math.sqrt(neumaierSum(p.map((a) => (a - m) * (a - m))) / (p.length - 1));
  return finish(v.map((c) => (c === null ? null : s === 0 ? Number.NaN : ((c - m) / s) * sd + mean)));
}

/**
 * Goalposts as COINr's n_goalposts (raw units, no sign flip): direction 1 → (x − lo)/(hi − lo),
 * direction −1 → (x − hi)/(lo − hi); optionally truncated to [0, 1]; then × scale.
 */
export function goalposts(
  x: readonly Cell[],
  dir: 1 | -1,
  lo: number,
  hi: number,
  scale: number,
  truncate: boolean,
): NormalisedSlice {
  return finish(
    x.map((c) => {
      if (c === null) return null;
      let y = dir === 1 ? (c - lo) / (hi - lo) : (c - hi) / (lo - hi);
      if (truncate && !Number.isNaN(y)) y = Math.min(1, Math.max(0, y));
      return y * scale;
    }),
  );
}

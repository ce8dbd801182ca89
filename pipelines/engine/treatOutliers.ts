import { outlierTest } from './moments.ts';
import { present } from './neumaierSum.ts';
import type { Cell } from './types.ts';

export interface TreatOptions {
  winmax: number;
  skewThreshold: number;
  kurtThreshold: number;
}

export type TreatStatus = 'pass' | 'winsorised' | 'log' | 'undefined';

export interface ColumnTreatment {
  status: TreatStatus;
  /** |latest high set| + |latest low set| (METHOD.md §6.2), 0 unless winsorisation ran. */
  count: number;
  side: 'high' | 'low' | 'both' | null;
  skewBefore: number | null;
  kurtBefore: number | null;
  skewAfter: number | null;
  kurtAfter: number | null;
  /** Positions (within the column given) whose output differs from the input. */
  changed: number[];
}

function extremePositions(y: readonly Cell[], high: boolean): { at: number[]; next: number } {
  let ext = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  for (const v of y) if (v !== null && (high ? v > ext : v < ext)) ext = v;
  const at: number[] = [];
  let next = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  y.forEach((v, i) => {
    if (v === null) return;
    // Exact double equality is safe: replaced values are copies of existing values (METHOD.md §10).
    if (v === ext) at.push(i);
    else if (high ? v > next : v < next) next = v;
  });
  return { at, next };
}

/**
 * Outlier treatment of one column (METHOD.md §6): unchanged if it passes; else winsorise (all
 * tied extremes at once, side from the current skew's sign, stop when passing or count ≥ winmax);
 * if still failing, ln(x − min + 0.01·range) of the ORIGINAL column. An undefined test at any
 * stage leaves the column untreated. Missing cells are ignored and stay missing.
 */
export function treatColumn(
  x: readonly Cell[],
  opts: TreatOptions,
): { values: Cell[]; info: ColumnTreatment } {
  const test = (v: readonly Cell[]) => outlierTest(present(v), opts.skewThreshold, opts.kurtThreshold);
  const t0 = test(x);
  const base = { skewBefore: t0.skew, kurtBefore: t0.kurt };
  const untreated = (status: TreatStatus): { values: Cell[]; info: ColumnTreatment } => ({
    values: [...x],
    info: { status, count: 0, side: null, ...base, skewAfter: t0.skew, kurtAfter: t0.kurt, changed: [] },
  });
  if (t0.pass === null) return untreated('undefined');
  if (t0.pass) return untreated('pass');

  const y: Cell[] = [...x];
  let hi: number[] = [];
  let lo: number[] = [];
  let count = 0;
  let t = t0;
  while (t.pass === false && count < opts.winmax) {
    // pass === false implies both skew and kurt are defined.
    const high = (t.skew as number) >= 0;
    const { at, next } = extremePositions(y, high);
    for (const i of at) y[i] = next;
    if (high) hi = at;
    else lo = at;
    count = hi.length + lo.length;
    t = test(y);
  }
  if (t.pass === null) return untreated('undefined');
  if (t.pass) {
    const side = hi.length > 0 && lo.length > 0 ? 'both' : hi.length > 0 ? 'high' : 'low';
    const changed = y.flatMap((v, i) => (v !== x[i] ? [i] : []));
    return {
      values: y,
      info: { status: 'winsorised', count, side, ...base, skewAfter: t.skew, kurtAfter: t.kurt, changed },
    };
  }
  const xs = present(x);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of xs) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const a = 0.01 * (max - min);
  const logged = x.map((v) => (v === null ? null : Math.log(v - min + a)));
  const tl = test(logged);
  return {
    values: logged,
    info: {
      status: 'log',
      // count/side say how far winsorisation got before it was abandoned.
      count,
      side: hi.length > 0 && lo.length > 0 ? 'both' : hi.length > 0 ? 'high' : lo.length > 0 ? 'low' : null,
      ...base,
      skewAfter: tl.skew,
      kurtAfter: tl.kurt,
      changed: logged.flatMap((v, i) => (v !== null ? [i] : [])),
    },
  };
}

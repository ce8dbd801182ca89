import { neumaierMean, neumaierSum } from './neumaierSum.ts';

interface CentralSums {
  n: number;
  s2: number;
  s3: number;
  s4: number;
  constant: boolean;
}

function centralSums(xs: readonly number[]): CentralSums {
  const n = xs.length;
  const m = neumaierMean(xs);
  const d2: number[] = [];
  const d3: number[] = [];
  const d4: number[] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const x of xs) {
    const d = x - m;
    const sq = d * d;
    d2.push(sq);
    d3.push(sq * d);
    d4.push(sq * sq);
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  // "Zero variance" is decided on the data (all values equal), not on S2, which rounding can leave at ~1e-33.
  return { n, s2: neumaierSum(d2), s3: neumaierSum(d3), s4: neumaierSum(d4), constant: n > 0 && lo === hi };
}

/**
 * Sample-adjusted skewness (type 2 / spreadsheet SKEW, METHOD.md §6.1) of non-missing values;
 * null when undefined (n < 3 or zero variance).
 */
export function skewness(xs: readonly number[]): number | null {
  const { n, s2, s3, constant } = centralSums(xs);
  if (n < 3 || constant || s2 === 0) return null;
  const g1 = (Math.sqrt(n) * s3) / s2 ** 1.5;
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
}

/**
 * Sample-adjusted excess kurtosis (type 2 / spreadsheet KURT, METHOD.md §6.1); null when
 * undefined (n < 4 or zero variance).
 */
export function kurtosis(xs: readonly number[]): number | null {
  const { n, s2, s4, constant } = centralSums(xs);
  if (n < 4 || constant || s2 === 0) return null;
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

export interface OutlierTest {
  skew: number | null;
  kurt: number | null;
  /** true = no outliers, false = outliers, null = undefined (the defined half, if any, is not true). */
  pass: boolean | null;
}

/**
 * Three-valued pass test `|skew| < skewLim OR kurt < kurtLim` (METHOD.md §6.1): true if either
 * defined half is true, false if both are defined and false, otherwise null (undefined).
 */
export function outlierTest(xs: readonly number[], skewLim: number, kurtLim: number): OutlierTest {
  const skew = skewness(xs);
  const kurt = kurtosis(xs);
  const a = skew === null ? null : Math.abs(skew) < skewLim;
  const b = kurt === null ? null : kurt < kurtLim;
  const pass = a === true || b === true ? true : a === false && b === false ? false : null;
  return { skew, kurt, pass };
}

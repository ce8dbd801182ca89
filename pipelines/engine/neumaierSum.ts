/**
 * Compensated (Neumaier) sum: close to the correctly rounded sum, as R's long-double accumulation
 * is. Example: neumaierSum([1e16, 1, -1e16]) === 1 (a plain loop gives 0).
 */
export function neumaierSum(xs: readonly number[]): number {
  let s = 0;
  let c = 0;
  for (const x of xs) {
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/** Arithmetic mean with compensated summation; NaN for an empty list. */
export function neumaierMean(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : neumaierSum(xs) / xs.length;
}

/** The non-missing values of a column, in order. */
export function present(col: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (const v of col) if (v !== null) out.push(v);
  return out;
}

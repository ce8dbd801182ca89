/**
 * Competition ranks of the counties of each year (methodology §5, §7): higher first, ties share the better
 * rank (1, 2, 2, 4), no rank (0) without a value (NaN). Values are compared on a 1e-9 grid, so that sums over
 * differently present indicators cannot split a tie by a rounding error (every county is 100 in the base
 * year). `groups` lists the positions of each year's counties in `values`; ranks are written to `ranks`. Pure.
 */
export function rankCounties(
  values: ArrayLike<number>,
  groups: readonly (readonly number[])[],
  ranks: Int32Array,
): void {
  for (const group of groups) {
    // NaN keys compare false, so a county without a value is above no one.
    const keys = group.map((i) => Math.round(values[i] * 1e9));
    for (let a = 0; a < group.length; a++) {
      if (Number.isNaN(keys[a])) {
        ranks[group[a]] = 0;
        continue;
      }
      let above = 0;
      for (let b = 0; b < group.length; b++) if (keys[b] > keys[a]) above++;
      ranks[group[a]] = 1 + above;
    }
  }
}

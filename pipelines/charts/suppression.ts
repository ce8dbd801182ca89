// Publication rule (methodology §6): no published cell is computed from fewer than `min` enterprises.
// Charts drop such values before building, and say how many they dropped.

/** True when a value rests on fewer than `min` enterprises. Unknown n (plan data) is not suppressed. */
export function isSuppressed(n: number | null | undefined, min: number): boolean {
  return n != null && n < min;
}

export interface Partitioned<T> {
  kept: T[];
  suppressed: number;
}

/** Split rows into those that may be charted and a count of those that may not. */
export function partitionSuppressed<T>(
  rows: readonly T[],
  enterprisesOf: (row: T) => number | null | undefined,
  min: number,
): Partitioned<T> {
  const kept: T[] = [];
  let suppressed = 0;
  for (const row of rows) {
    if (isSuppressed(enterprisesOf(row), min)) suppressed += 1;
    else kept.push(row);
  }
  return { kept, suppressed };
}

/** Footnote text for a chart, or null when nothing was hidden. */
export function suppressionNote(suppressed: number, min: number): string | null {
  if (suppressed <= 0) return null;
  return `注：${suppressed} 个数值因企业数少于 ${min} 家未予显示。`;
}

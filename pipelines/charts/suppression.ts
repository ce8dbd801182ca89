// Publication rule (methodology §6): the publication layer (pipelines/publish) decides which values are
// withheld; charts leave those rows out and say how many they left out.

export interface Partitioned<T> {
  kept: T[];
  suppressed: number;
}

/** Split rows into those that may be charted and a count of those the layer withheld. */
export function partitionWithheld<T>(rows: readonly T[], isWithheld: (row: T) => boolean): Partitioned<T> {
  const kept: T[] = [];
  let suppressed = 0;
  for (const row of rows) {
    if (isWithheld(row)) suppressed += 1;
    else kept.push(row);
  }
  return { kept, suppressed };
}

/** Footnote text for a chart, or null when nothing was hidden. */
export function suppressionNote(suppressed: number, min: number): string | null {
  if (suppressed <= 0) return null;
  return `注：${suppressed} 个数值按发布规则（企业数少于 ${min} 家或可据此推算）未予显示。`;
}

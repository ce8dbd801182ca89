/** Competition ranking, higher is better, ties share the better rank (1, 2, 2, 4); nulls get no rank. */
export function rankRegions(values: { code: string; value: number | null }[]): Map<string, number> {
  const ranked = values.filter((v): v is { code: string; value: number } => v.value !== null);
  const out = new Map<string, number>();
  for (const v of ranked) out.set(v.code, 1 + ranked.filter((o) => o.value > v.value).length);
  return out;
}

/** What one measured command cost. */
export interface Cost {
  label: string;
  wallSeconds: number;
  cpuSeconds: number;
  peakTreeRssBytes: number;
  ok: boolean;
  note?: string;
}

/**
 * One line of the results table. `ratio` is subject ÷ baseline for the "limit" baselines (lower is better,
 * e.g. ingest within 1.5×) and baseline ÷ subject for the peers (a speed-up: pandas takes N× as long).
 */
export interface ResultRow {
  stage: string;
  scale: string;
  subject: Cost | null;
  baseline: Cost | null;
  ratioKind: 'subject/baseline' | 'baseline/subject' | 'none';
}

export function ratioOf(row: ResultRow, field: 'wallSeconds' | 'cpuSeconds'): number | null {
  const { subject, baseline } = row;
  if (!subject || !baseline || !subject.ok || !baseline.ok || row.ratioKind === 'none') return null;
  const [num, den] = row.ratioKind === 'subject/baseline' ? [subject, baseline] : [baseline, subject];
  return den[field] > 0 ? num[field] / den[field] : null;
}

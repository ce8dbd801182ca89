import { type ResultRow, ratioOf } from './resultRow.ts';

export interface GoalResult {
  goal: string;
  met: boolean | null;
  measured: string;
}

const find = (rows: readonly ResultRow[], stage: string, scale: string) =>
  rows.find((r) => r.stage === stage && r.scale === scale);

/**
 * Checks the issue's goals against the rows (reported, never asserted). Ratios use wall time, as the goals
 * are stated; `met` is null when the row was not measured or failed.
 */
export function evaluateGoals(rows: readonly ResultRow[]): GoalResult[] {
  const out: GoalResult[] = [];
  const ratioGoal = (goal: string, stage: string, scale: string, limit: number, atLeast: boolean) => {
    const row = find(rows, stage, scale);
    const r = row ? ratioOf(row, 'wallSeconds') : null;
    out.push({
      goal,
      met: r === null ? null : atLeast ? r >= limit : r <= limit,
      measured:
        r === null ? 'not measured' : `${r.toFixed(2)}× (${atLeast ? 'needs ≥' : 'needs ≤'} ${limit}×)`,
    });
  };
  const absGoal = (goal: string, stage: string, scale: string, maxSeconds: number, maxBytes?: number) => {
    const s = find(rows, stage, scale)?.subject;
    if (!s?.ok) {
      out.push({ goal, met: null, measured: s ? 'failed' : 'not measured' });
      return;
    }
    const memOk = maxBytes === undefined || s.peakTreeRssBytes <= maxBytes;
    out.push({
      goal,
      met: s.wallSeconds <= maxSeconds && memOk,
      measured: `${s.wallSeconds.toFixed(2)} s${maxBytes === undefined ? '' : `, ${(s.peakTreeRssBytes / 2 ** 30).toFixed(2)} GB`}`,
    });
  };
  for (const scale of ['city', 'province']) {
    ratioGoal(`ingest within 1.5× of plain read_csv (${scale})`, 'ingest', scale, 1.5, false);
    ratioGoal(`build within 1.3× of the index SQL alone (${scale})`, 'build', scale, 1.3, false);
    ratioGoal(
      `growth index ≥10× faster than pandas (${scale}, xiaowei ingest+build)`,
      'index: pandas vs ingest+build',
      scale,
      10,
      true,
    );
    ratioGoal(
      `growth index ≥50× faster than danfojs-node (${scale}, xiaowei ingest+build)`,
      'index: danfojs vs ingest+build',
      scale,
      50,
      true,
    );
    absGoal(`HTML report under 3 s (${scale})`, 'report html', scale, 3);
    absGoal(`PDF report under 15 s (${scale})`, 'report pdf', scale, 15);
    absGoal(
      `1,000 uncertainty draws of both indices and the scorecard under 5 s (${scale})`,
      'uncertainty',
      scale,
      5,
    );
  }
  absGoal('province-scale full run under 3 minutes and 4 GB', 'run', 'province', 180, 4 * 2 ** 30);
  absGoal(
    'province-scale ingest under 4 GB peak memory',
    'ingest',
    'province',
    Number.POSITIVE_INFINITY,
    4 * 2 ** 30,
  );
  absGoal('province-scale build under 60 s', 'build', 'province', 60);
  ratioGoal(
    'incremental yearly run under 25% of the full run (city)',
    'incremental run',
    'city',
    0.25,
    false,
  );
  return out;
}

import { type ResultRow, ratioOf } from './resultRow.ts';

export interface GoalResult {
  goal: string;
  met: boolean | null;
  measured: string;
}

const find = (rows: readonly ResultRow[], stage: string, scale: string) =>
  rows.find((r) => r.stage === stage && r.scale === scale);

/**
 * Checks issue 15's goals (and the earlier report goals) against the rows: reported, never asserted. Ratios
 * use wall time, as the goals are stated; `met` is null when a row was not measured or failed.
 */
export function evaluateGoals(rows: readonly ResultRow[]): GoalResult[] {
  const out: GoalResult[] = [];
  const judged = (goal: string, r: number | null, limit: number, atLeast: boolean) =>
    out.push({
      goal,
      met: r === null ? null : atLeast ? r >= limit : r <= limit,
      measured:
        r === null ? 'not measured' : `${r.toFixed(2)}× (${atLeast ? 'needs ≥' : 'needs ≤'} ${limit}×)`,
    });
  const ratioGoal = (goal: string, stage: string, scale: string, limit: number, atLeast: boolean) => {
    const row = find(rows, stage, scale);
    judged(goal, row ? ratioOf(row, 'wallSeconds') : null, limit, atLeast);
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
      met: (maxSeconds === Number.POSITIVE_INFINITY || s.wallSeconds <= maxSeconds) && memOk,
      measured: `${s.wallSeconds.toFixed(2)} s${maxBytes === undefined ? '' : `, ${(s.peakTreeRssBytes / 2 ** 30).toFixed(2)} GB`}`,
    });
  };
  // Goal 2 compares the build with the same invocation's plain read_csv of the extracts (the ingest row's
  // baseline), not with the build's own baseline.
  const buildVsReadCsv = (scale: string) => {
    const build = find(rows, 'build', scale)?.subject;
    const readCsv = find(rows, 'ingest', scale)?.baseline;
    return build?.ok && readCsv?.ok && readCsv.wallSeconds > 0
      ? build.wallSeconds / readCsv.wallSeconds
      : null;
  };

  absGoal('start-up: xiaowei --help within 0.3 s (median)', 'start-up (--help)', 'any', 0.3);
  for (const scale of ['city', 'province']) {
    ratioGoal(`ingest within 1.5× of plain read_csv (${scale})`, 'ingest', scale, 1.5, false);
  }
  judged('build within 0.6× of the same run’s plain read_csv (city)', buildVsReadCsv('city'), 0.6, false);
  absGoal('province-scale build under 60 s', 'build', 'province', 60);
  ratioGoal(
    'CSV → indices ≥3× faster than pandas (city, xiaowei ingest+build)',
    'index: pandas vs ingest+build',
    'city',
    3,
    true,
  );
  ratioGoal(
    'CSV → indices ≥30× faster than danfojs-node (city, xiaowei ingest+build)',
    'index: danfojs vs ingest+build',
    'city',
    30,
    true,
  );
  absGoal('province-scale full run under 3 minutes and 4 GB', 'run', 'province', 180, 4 * 2 ** 30);
  absGoal(
    'province-scale ingest under 4 GB peak memory',
    'ingest',
    'province',
    Number.POSITIVE_INFINITY,
    4 * 2 ** 30,
  );
  ratioGoal(
    'incremental yearly run within 25% of the full run (city)',
    'incremental run',
    'city',
    0.25,
    false,
  );
  absGoal('HTML report under 3 s, whole command (city)', 'report html', 'city', 3);
  absGoal('PDF report under 15 s (city)', 'report pdf', 'city', 15);
  // Issue 14: methodology §11's default draws for both indices and the scorecard, every year.
  absGoal(
    'uncertainty: 1,000 draws, both indices and the scorecard, all years, under 5 s (city)',
    'uncertainty',
    'city',
    5,
  );
  ratioGoal('build within 1.3× of the model SQL alone (city)', 'build', 'city', 1.3, false);
  return out;
}

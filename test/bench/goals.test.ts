import { describe, expect, it } from 'vitest';
import { evaluateGoals } from '../../bench/lib/goals.ts';
import type { Cost, ResultRow } from '../../bench/lib/resultRow.ts';

const cost = (label: string, wallSeconds: number, peakGb = 1): Cost => ({
  label,
  wallSeconds,
  cpuSeconds: wallSeconds,
  peakTreeRssBytes: peakGb * 2 ** 30,
  ok: true,
});

describe('evaluateGoals', () => {
  const rows: ResultRow[] = [
    {
      stage: 'ingest',
      scale: 'city',
      subject: cost('x', 3),
      baseline: cost('b', 2),
      ratioKind: 'subject/baseline',
    },
    {
      stage: 'build',
      scale: 'city',
      subject: cost('x', 14),
      baseline: cost('b', 10),
      ratioKind: 'subject/baseline',
    },
    {
      stage: 'index: pandas vs ingest+build',
      scale: 'city',
      subject: cost('x', 4),
      baseline: cost('pandas', 40),
      ratioKind: 'baseline/subject',
    },
    { stage: 'run', scale: 'province', subject: cost('x', 170, 4.5), baseline: null, ratioKind: 'none' },
    { stage: 'start-up (--help)', scale: 'any', subject: cost('x', 0.25), baseline: null, ratioKind: 'none' },
    { stage: 'uncertainty', scale: 'city', subject: cost('x', 5.5), baseline: null, ratioKind: 'none' },
  ];
  const goals = evaluateGoals(rows);
  const goal = (prefix: string) => goals.find((g) => g.goal.startsWith(prefix))!;
  it('meets a ratio exactly at the limit: ingest 3 / 2 = 1.5×', () => {
    expect(goal('ingest within 1.5× of plain read_csv (city)').met).toBe(true);
  });
  it('misses the build-overhead goal at 14 / 10 = 1.4× > 1.3×', () => {
    expect(goal('build within 1.3× of the model SQL alone (city)')).toMatchObject({
      met: false,
      measured: '1.40× (needs ≤ 1.3×)',
    });
  });
  it("compares the build with the ingest row's read_csv baseline: 14 s / 2 s = 7× > 0.6×", () => {
    expect(goal('build within 0.6× of the same run’s plain read_csv (city)')).toMatchObject({
      met: false,
      measured: '7.00× (needs ≤ 0.6×)',
    });
  });
  it('counts a peer ratio as a speed-up: pandas 40 s / xiaowei 4 s = 10× ≥ 3×', () => {
    expect(goal('CSV → indices ≥3× faster than pandas (city').met).toBe(true);
  });
  it('judges start-up on its own row: 0.25 s ≤ 0.3 s', () => {
    expect(goal('start-up')).toMatchObject({ met: true, measured: '0.25 s' });
  });
  it('misses the province run on memory even when time is under 3 minutes (4.5 GB > 4 GB)', () => {
    expect(goal('province-scale full run').met).toBe(false);
  });
  it('misses the uncertainty goal at 5.5 s > 5 s', () => {
    expect(goal('uncertainty: 1,000 draws')).toMatchObject({ met: false, measured: '5.50 s' });
  });
  it('says "not measured" for a stage that did not run', () => {
    expect(goal('PDF report under 15 s (city)')).toMatchObject({ met: null, measured: 'not measured' });
  });
});

import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  advanceProgress,
  besideBar,
  formatProgressLine,
  formatRate,
  formatTimeLeft,
  initialProgressState,
  type ProgressUpdate,
  progressBarFor,
  terminalProgressBar,
} from '../../pipelines/cli/progressBar.ts';
import { withQueryProgress } from '../../pipelines/db/withQueryProgress.ts';
import { buildFraction, stepWeights } from '../../pipelines/models/buildProgress.ts';
import { runProgressBar } from '../../pipelines/run/progressLine.ts';

/** Feeds updates at the given times (ms) and returns the last view. */
function feed(steps: [number, ProgressUpdate][]) {
  let state = initialProgressState(steps[0][0]);
  let view = null as ReturnType<typeof advanceProgress>['view'] | null;
  for (const [ms, u] of steps) ({ state, view } = advanceProgress(state, u, ms));
  return view;
}

describe('progress arithmetic', () => {
  it('estimates time left as elapsed × (1 − f) / f: a quarter done after 10 s leaves 30 s', () => {
    const v = feed([
      [0, { label: 'x', fraction: 0 }],
      [10_000, { label: 'x', fraction: 0.25 }],
    ]);
    expect(v?.secondsLeft).toBe(30);
  });

  it('gives no estimate before 1 s or 2 % of the work, nor without a fraction', () => {
    expect(
      feed([
        [0, { label: 'x', fraction: 0 }],
        [900, { label: 'x', fraction: 0.5 }],
      ])?.secondsLeft,
    ).toBeNull();
    expect(
      feed([
        [0, { label: 'x', fraction: 0 }],
        [5000, { label: 'x', fraction: 0.01 }],
      ])?.secondsLeft,
    ).toBeNull();
    expect(
      feed([
        [0, { label: 'x', fraction: null }],
        [5000, { label: 'x', fraction: null }],
      ])?.secondsLeft,
    ).toBeNull();
  });

  it('starts a new phase when the fraction goes down (the next stage of a run), timing it from there', () => {
    // stage 1 ends at 20 s; stage 2 starts at 20 s and is 50 % done at 24 s → 4 s left, not 20.
    const v = feed([
      [0, { label: 'a', fraction: 0 }],
      [20_000, { label: 'a', fraction: 0.9 }],
      [20_000, { label: 'b', fraction: 0 }],
      [24_000, { label: 'b', fraction: 0.5 }],
    ]);
    expect(v?.secondsLeft).toBe(4);
  });

  it('measures rows per second over the recent samples, and restarts when the count goes down', () => {
    // 0 → 600 000 rows in 1.5 s = 400 000 rows/s
    const v = feed([
      [0, { label: 'x', fraction: 0.1, rows: 0 }],
      [500, { label: 'x', fraction: 0.2, rows: 100_000 }],
      [1500, { label: 'x', fraction: 0.3, rows: 600_000 }],
    ]);
    expect(v?.rowsPerSecond).toBe(400_000);
    // a new statement (count back to 0): no rate until it has 200 ms of its own samples
    const w = feed([
      [0, { label: 'x', fraction: 0.1, rows: 0 }],
      [1000, { label: 'x', fraction: 0.2, rows: 900_000 }],
      [1100, { label: 'y', fraction: 0.3, rows: 10 }],
    ]);
    expect(w?.rowsPerSecond).toBeNull();
  });

  it('weights build steps: tables 1, views ~0, the indices 1', () => {
    expect(stepWeights([{ materialized: 'view' }, { materialized: 'table' }])).toEqual([0.01, 1, 1]);
    // weights [1, 1, 2], second step half done → (1 + 0.5) / 4
    expect(buildFraction([1, 1, 2], 1, 0.5)).toBe(0.375);
    expect(buildFraction([1, 1, 2], 2, 1)).toBe(1);
  });
});

describe('progress line', () => {
  it('formats rates and times left', () => {
    expect([formatRate(950), formatRate(12_345), formatRate(1_234_567), formatRate(2500)]).toEqual([
      '950 rows/s',
      '12k rows/s',
      '1.2M rows/s',
      '2.5k rows/s',
    ]);
    expect([formatTimeLeft(8.2), formatTimeLeft(125), formatTimeLeft(3720)]).toEqual([
      '~8 s left',
      '~2 min 05 s left',
      '~1 h 02 min left',
    ]);
  });

  it('shows bar, percentage, label, rate and time left within the terminal width', () => {
    const view = {
      label: 'build 7/17 mart.enterprise_year',
      fraction: 0.42,
      rowsPerSecond: 1.2e6,
      secondsLeft: 12,
    };
    expect(formatProgressLine(view, 100)).toBe(
      '[########------------]  42%  build 7/17 mart.enterprise_year  1.2M rows/s  ~12 s left',
    );
    // 50 columns: bar and percentage take 29; with the rate and time left the label would get fewer than
    // 10, so both give way and the label gets 49 − 29 = 20 columns: 装载 (4) + space + 15 characters, the
    // last replaced by "…".
    const cut = formatProgressLine({ ...view, label: '装载 registry_2024-12-31.csv' }, 50);
    expect(cut).toBe('[########------------]  42%  装载 registry_2024-…');
    // 64 columns: with the rate the label would get 63 − 29 − 25 = 9 columns, so the rate gives way; time
    // left stays and the label is cut to 63 − 29 − 12 = 22 columns.
    expect(formatProgressLine(view, 64)).toBe(
      '[########------------]  42%  build 7/17 mart.enter…  ~12 s left',
    );
    expect(
      formatProgressLine({ label: 'site', fraction: null, rowsPerSecond: null, secondsLeft: null }, 80),
    ).toBe('site');
  });
});

describe('the bar on a terminal', () => {
  const stream = () => {
    const writes: string[] = [];
    return { writes, out: { write: (s: string) => writes.push(s), columns: 100 } };
  };

  it('redraws in place at most every 100 ms unless the label changes, and clears the line when done', () => {
    const { writes, out } = stream();
    let t = 0;
    const bar = terminalProgressBar(out, () => t);
    bar.update({ label: 'a', fraction: 0.1 });
    t = 50;
    bar.update({ label: 'a', fraction: 0.2 }); // too soon: skipped
    t = 60;
    bar.update({ label: 'b', fraction: 0.3 }); // new label: drawn
    t = 200;
    bar.update({ label: 'b', fraction: 0.4 });
    bar.done();
    expect(writes.map((w) => w.replace('\r\x1b[2K', '').slice(0, 28))).toEqual([
      '[##------------------]  10% ',
      '[######--------------]  30% ',
      '[########------------]  40% ',
      '',
    ]);
    expect(writes.every((w) => w.startsWith('\r\x1b[2K'))).toBe(true);
  });

  it('steps aside for a log line: erased before the line, drawn again by the next update', () => {
    const { writes, out } = stream();
    let t = 0;
    const bar = terminalProgressBar(out, () => t);
    const log = besideBar(bar, out);
    bar.update({ label: 'run 1/5 ingest', fraction: 0 });
    log.write('INFO  stage ingest\n');
    log.write('INFO  again\n'); // nothing drawn: nothing to erase
    t = 300;
    bar.update({ label: 'run 1/5 ingest', fraction: 0.5 });
    expect(writes.map((w) => w.slice(0, 31))).toEqual([
      '\r\x1b[2K[--------------------]   0',
      '\r\x1b[2K',
      'INFO  stage ingest\n',
      'INFO  again\n',
      '\r\x1b[2K[##########----------]  50',
    ]);
  });

  it('is silent when stderr is not a terminal, or under CI', () => {
    for (const io of [
      { isTTY: false, env: {} },
      { isTTY: true, env: { CI: 'true' } },
    ]) {
      const writes: string[] = [];
      const bar = progressBarFor({
        stdout: { write: (s: string) => writes.push(s) },
        stderr: { write: (s: string) => writes.push(s), isTTY: io.isTTY },
        env: io.env,
      });
      bar.update({ label: 'x', fraction: 0.5 });
      bar.done();
      expect(writes).toEqual([]);
    }
  });

  it('shows a run as its stage and what runs within it', () => {
    const labels: string[] = [];
    const progress = runProgressBar({ update: (u) => labels.push(u.label), clear() {}, done() {} });
    progress.step('build', 2, 5);
    progress.within?.(0.5, 1000, 'mart.enterprise_year');
    expect(labels).toEqual(['run 2/5 build', 'run 2/5 build: mart.enterprise_year']);
  });
});

describe('DuckDB query progress', () => {
  it('reports the running statement’s share done and rows while it runs', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const seen: { fraction: number | null; rows: number }[] = [];
    try {
      await withQueryProgress(
        con,
        (p) => seen.push(p),
        async () => {
          await con.run('create table a as select i from range(30000000) r(i)');
          await con.run('create table b as select i % 1000 as k, count(*) as n from a group by k');
        },
        5,
      );
    } finally {
      con.closeSync();
      db.closeSync();
    }
    expect(seen.length).toBeGreaterThan(0);
    for (const p of seen) {
      expect(p.fraction === null || (p.fraction >= 0 && p.fraction <= 1)).toBe(true);
      expect(p.rows).toBeGreaterThanOrEqual(0);
    }
    expect(seen.some((p) => p.fraction !== null && p.fraction > 0)).toBe(true);
  });
});

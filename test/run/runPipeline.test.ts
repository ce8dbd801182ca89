import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openWarehouse, readRows, withConnection } from '../../pipelines/db/warehouse.ts';
import { RunLockedError } from '../../pipelines/run/runLock.ts';
import { runPipeline } from '../../pipelines/run/runPipeline.ts';
import { fileRunStore } from '../../pipelines/run/runStore.ts';
import { fakeStages } from './fakeStages.ts';
import { dropInInbox, makeLayout, runOptions, sha256, snapshotTree, testEffects } from './runFixture.ts';

async function readPublished<S extends z.ZodType>(
  db: string,
  schema: S,
  sql: string,
): Promise<z.output<S>[]> {
  const wh = await openWarehouse(db, { readOnly: true });
  try {
    return await withConnection(wh, (con) => readRows(con, schema, sql));
  } finally {
    wh.close();
  }
}

describe('runPipeline', () => {
  it('ingests new inbox files, publishes warehouse and reports, records the run and files the inbox', async () => {
    const l = makeLayout();
    const a = dropInInbox(l, 'registry_2020-12-31.csv', 'as_of 2019-12-31\nas_of 2020-12-31\n');
    dropInInbox(l, 'registry_2021-06-30.csv', 'as_of 2021-06-30\n');
    dropInInbox(l, 'junk.txt', 'BAD file\n');
    const shaA = sha256(a);
    const { fx } = testEffects();
    const out = await runPipeline(runOptions(l), fx);
    expect(out.status).toBe('succeeded');
    const r = out.record!;
    // Clock starts 18:00:00 and ticks 1 s per call: the first call (run start) reads 18:00:01.
    expect(r.run_id).toBe('20260130T180001-t1');
    // Latest year with a 31 December snapshot: 2020 (2021 has only 30 June).
    expect(r.year).toBe(2020);
    expect(r.methodology_version).toBe('v-test');
    expect(r.inputs.map((i) => [i.file.split('/').pop(), i.status])).toEqual([
      ['junk.txt', 'rejected'],
      ['registry_2020-12-31.csv', 'loaded'],
      ['registry_2021-06-30.csv', 'loaded'],
    ]);
    expect(r.inputs[1].sha256).toBe(shaA);
    // Two good files loaded; three registry snapshot rows.
    expect(r.row_counts).toEqual({
      'mart.fake_done': 1,
      'mart.fake_summary': 1,
      'raw.fake_files': 2,
      'raw.registry': 3,
    });
    expect(readFileSync(join(l.reports, '2020', 'table.csv'), 'utf8')).toBe('year,files\n2020,2\n');
    expect(existsSync(join(l.reports, 'site', 'index.html'))).toBe(true);
    expect(r.outputs).toEqual([
      l.db,
      join(l.reports, '2020', 'report.html'),
      join(l.reports, '2020', 'table.csv'),
      join(l.reports, 'site', 'index.html'),
    ]);
    expect(readdirSync(l.inbox).sort()).toEqual(['done', 'rejected']);
    expect(readdirSync(join(l.inbox, 'done')).sort()).toEqual([
      'registry_2020-12-31.csv',
      'registry_2021-06-30.csv',
    ]);
    expect(readdirSync(join(l.inbox, 'rejected')).sort()).toEqual(['junk.txt', 'junk.txt.reason.txt']);
    expect(readFileSync(join(l.inbox, 'rejected', 'junk.txt.reason.txt'), 'utf8')).toContain(
      'unknown extract',
    );
    const rows = await readPublished(
      l.db,
      z.object({ run_id: z.string(), status: z.string(), trigger: z.string(), sha: z.string() }),
      "select run_id, status, trigger, inputs->>'$[1].sha256' as sha from ops.runs",
    );
    expect(rows).toEqual([{ run_id: r.run_id, status: 'succeeded', trigger: 'manual', sha: shaA }]);
    expect(fileRunStore(join(l.root, 'data', 'warehouse', 'runs')).get(r.run_id)?.status).toBe('succeeded');
    // Nothing left behind: no work dir, no staging, no lock.
    expect(readdirSync(join(l.root, 'data', 'warehouse', '.xiaowei-tmp'))).toEqual([]);
    expect(readdirSync(l.reports).sort()).toEqual(['2020', 'site']);
    expect(existsSync(join(l.root, 'data', 'warehouse', 'run.lock'))).toBe(false);
  });

  it('a failed stage leaves the published warehouse and reports byte-identical and the inbox file in place', async () => {
    const l = makeLayout();
    dropInInbox(l, 'a.csv', 'as_of 2020-12-31\n');
    expect((await runPipeline(runOptions(l), testEffects().fx)).status).toBe('succeeded');
    const dbBefore = sha256(l.db);
    const reportsBefore = snapshotTree(l.reports);
    const b = dropInInbox(l, 'b.csv', 'as_of 2021-12-31\n');
    const failing = fakeStages({
      build: async () => {
        throw new Error('check unique_uscc failed');
      },
    });
    const out = await runPipeline(runOptions(l), testEffects(failing, { randomSuffix: () => 'fail' }).fx);
    expect(out.status).toBe('failed');
    expect(out.record?.error).toBe('check unique_uscc failed');
    expect(sha256(l.db)).toBe(dbBefore);
    expect(snapshotTree(l.reports)).toEqual(reportsBefore);
    expect(existsSync(b)).toBe(true);
    // The next good run picks the file up and records the failure in ops.runs too.
    const again = await runPipeline(
      runOptions(l),
      testEffects(fakeStages(), { randomSuffix: () => 'zz' }).fx,
    );
    expect(again.status).toBe('succeeded');
    expect(again.record?.year).toBe(2021);
    const statuses = await readPublished(
      l.db,
      z.object({ status: z.string() }),
      'select status from ops.runs order by run_id',
    );
    expect(statuses.map((s) => s.status).sort()).toEqual(['failed', 'succeeded', 'succeeded']);
  });

  it('refuses a second run while one is running, naming the running run', async () => {
    const l = makeLayout();
    dropInInbox(l, 'a.csv', 'as_of 2020-12-31\n');
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered!: () => void;
    const inIngest = new Promise<void>((r) => {
      entered = r;
    });
    const slow = fakeStages({
      ingest: async (paths, ctx) => {
        entered();
        await gate;
        return fakeStages().ingest(paths, ctx);
      },
    });
    const first = runPipeline(runOptions(l), testEffects(slow, { randomSuffix: () => 'first' }).fx);
    await inIngest;
    const second = runPipeline(runOptions(l), testEffects(fakeStages(), { randomSuffix: () => 'second' }).fx);
    await expect(second).rejects.toThrow(RunLockedError);
    await expect(second).rejects.toThrow(/run 20260130T180001-first \(pid \d+/);
    release();
    expect((await first).status).toBe('succeeded');
  });

  it('clears a lock left by a dead process, with a message, and runs', async () => {
    const l = makeLayout();
    const lock = join(l.root, 'data', 'warehouse', 'run.lock');
    mkdirSync(join(l.root, 'data', 'warehouse'), { recursive: true });
    writeFileSync(lock, JSON.stringify({ pid: 999_999, run_id: '20260101T000000-dead', started_at: 'x' }));
    const { fx, log } = testEffects(fakeStages(), { isPidAlive: (pid) => pid !== 999_999 });
    const out = await runPipeline(runOptions(l), fx);
    expect(out.status).toBe('succeeded');
    expect(log.lines.some((x) => x.level === 'warn' && x.msg.includes('20260101T000000-dead'))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });

  it("marks a run recorded as 'running' whose process died as crashed", async () => {
    const l = makeLayout();
    const store = fileRunStore(join(l.root, 'data', 'warehouse', 'runs'));
    store.save({
      run_id: '20260101T000000-gone',
      trigger: 'schedule',
      job: 'nightly-run',
      status: 'running',
      pid: 999_999,
      started_at: '2026-01-01T00:00:00.000Z',
      finished_at: null,
      methodology_version: null,
      year: null,
      inputs: [],
      row_counts: {},
      outputs: [],
      error: null,
    });
    await runPipeline(runOptions(l), testEffects().fx);
    const crashed = store.get('20260101T000000-gone');
    expect(crashed?.status).toBe('crashed');
    expect(crashed?.error).toMatch(/process 999999 died/);
  });

  it('does nothing when only new files are wanted and the inbox is empty', async () => {
    const l = makeLayout();
    const out = await runPipeline(runOptions(l, { onlyIfNew: true }), testEffects().fx);
    expect(out.status).toBe('nothing-to-do');
    expect(existsSync(l.db)).toBe(false);
    expect(fileRunStore(join(l.root, 'data', 'warehouse', 'runs')).list()).toEqual([]);
  });

  it('an abort stops the run at the next stage boundary, records it interrupted and publishes nothing', async () => {
    const l = makeLayout();
    dropInInbox(l, 'a.csv', 'as_of 2020-12-31\n');
    const abort = new AbortController();
    const stages = fakeStages({
      build: async (ctx) => {
        abort.abort();
        return fakeStages().build(ctx);
      },
    });
    const out = await runPipeline(runOptions(l), testEffects(stages, { signal: abort.signal }).fx);
    expect(out.status).toBe('interrupted');
    expect(existsSync(l.db)).toBe(false);
    expect(existsSync(join(l.reports, '2020'))).toBe(false);
    expect(existsSync(join(l.inbox, 'a.csv'))).toBe(true);
  });

  it('renders the scorecard variant without the annual report', async () => {
    const l = makeLayout();
    dropInInbox(l, 'a.csv', 'as_of 2020-12-31\n');
    const out = await runPipeline(runOptions(l, { render: { report: false, site: true } }), testEffects().fx);
    expect(out.status).toBe('succeeded');
    expect(readdirSync(l.reports)).toEqual(['site']);
  });

  it('renders the monitor variant: the bulletin and the dashboard, published with the warehouse', async () => {
    const l = makeLayout();
    dropInInbox(l, 'a.csv', 'as_of 2020-12-31\n');
    const options = runOptions(l, { render: { report: false, site: true, monitor: true } });
    const out = await runPipeline(options, testEffects().fx);
    expect(out.status).toBe('succeeded');
    expect(readdirSync(l.reports).sort()).toEqual(['monitor', 'site']);
    expect(readdirSync(join(l.reports, 'monitor', '2020-12'))).toEqual(['bulletin-2020-12.html']);
  });

  it('keeps an earlier file of the same name in done/ and files the new one under a run-stamped name', async () => {
    const l = makeLayout();
    dropInInbox(l, 'a.csv', 'as_of 2020-12-31\n');
    await runPipeline(runOptions(l), testEffects().fx);
    dropInInbox(l, 'a.csv', 'as_of 2021-12-31\n');
    const out = await runPipeline(runOptions(l), testEffects(fakeStages(), { randomSuffix: () => 'two' }).fx);
    expect(readdirSync(join(l.inbox, 'done')).sort()).toEqual(['a.20260130T180001-two.csv', 'a.csv']);
    expect(out.record?.year).toBe(2021);
  });
});

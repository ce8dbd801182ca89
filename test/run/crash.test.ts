import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { isPidAlive } from '../../pipelines/run/runLock.ts';
import { runPipeline } from '../../pipelines/run/runPipeline.ts';
import { fileRunStore } from '../../pipelines/run/runStore.ts';
import { fakeStages } from './fakeStages.ts';
import {
  dropInInbox,
  type Layout,
  makeLayout,
  runOptions,
  sha256,
  snapshotTree,
  testEffects,
} from './runFixture.ts';

/** Starts the fake-stage run in a child, waits until it reports reaching `point`, then kills it with SIGKILL. */
async function killAt(l: Layout, point: string): Promise<number> {
  const sentinel = join(l.root, 'paused');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'test/run/fixtures/crashChild.ts')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        XW_DB: l.db,
        XW_REPORTS: l.reports,
        XW_INBOX: l.inbox,
        XIAOWEI_TEST_PAUSE_AT: point,
        XIAOWEI_TEST_PAUSE_FILE: sentinel,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // Poll for the sentinel; the child writes it at the pause point and then waits forever.
  for (let i = 0; i < 1200 && !existsSync(sentinel); i++) {
    if (child.exitCode !== null) throw new Error(`child exited before ${point}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(readFileSync(sentinel, 'utf8')).toBe(point);
  child.kill('SIGKILL');
  await exited;
  return child.pid!;
}

async function goodFirstRun(l: Layout) {
  dropInInbox(l, 'a.csv', 'as_of 2019-12-31\n');
  const first = await runPipeline(
    runOptions(l),
    testEffects(fakeStages(), { randomSuffix: () => 'good' }).fx,
  );
  expect(first.status).toBe('succeeded');
  dropInInbox(l, 'b.csv', 'as_of 2020-12-31\n');
  return { db: sha256(l.db), reports: snapshotTree(l.reports) };
}

const warehouseDir = (l: Layout) => join(l.root, 'data', 'warehouse');

describe('kill -9 during a run', () => {
  for (const point of ['ingest:mid', 'build:mid', 'report:mid', 'publish']) {
    it(`at ${point} leaves the published warehouse and reports unchanged, and the next run succeeds`, async () => {
      const l = makeLayout();
      const before = await goodFirstRun(l);
      const pid = await killAt(l, point);
      expect(sha256(l.db)).toBe(before.db);
      expect(snapshotTree(l.reports)).toEqual(before.reports);
      expect(existsSync(join(l.inbox, 'b.csv'))).toBe(true);
      // The killed run left its lock and its 'running' record behind.
      expect(existsSync(join(warehouseDir(l), 'run.lock'))).toBe(true);

      const next = await runPipeline(
        runOptions(l),
        testEffects(fakeStages(), { randomSuffix: () => 'next', isPidAlive }).fx,
      );
      expect(next.status).toBe('succeeded');
      // The report now counts both files: a.csv from the first run, b.csv from this one.
      expect(readFileSync(join(l.reports, '2020', 'table.csv'), 'utf8')).toBe('year,files\n2020,2\n');
      const records = fileRunStore(join(warehouseDir(l), 'runs')).list();
      const killed = records.find((r) => r.pid === pid);
      expect(killed?.status).toBe('crashed');
      expect(readdirSync(join(warehouseDir(l), '.xiaowei-tmp'))).toEqual([]);
      expect(readdirSync(l.reports).sort()).toEqual(['2019', '2020', 'site']);
    });
  }

  it('after the commit point, the next run finishes the publish and records the killed run as succeeded', async () => {
    const l = makeLayout();
    const before = await goodFirstRun(l);
    const pid = await killAt(l, 'publish:committed');
    // Committed: the warehouse is the new one; the report swap is pending in the journal.
    expect(sha256(l.db)).not.toBe(before.db);
    const next = await runPipeline(
      runOptions(l),
      testEffects(fakeStages(), { randomSuffix: () => 'next', isPidAlive }).fx,
    );
    expect(next.status).toBe('succeeded');
    const killed = fileRunStore(join(warehouseDir(l), 'runs'))
      .list()
      .find((r) => r.pid === pid);
    expect(killed?.status).toBe('succeeded');
    // b.csv was loaded by the killed run; the next run found it a duplicate and filed it in done/.
    expect(next.record?.inputs.map((i) => i.status)).toEqual(['skipped_duplicate']);
    expect(readdirSync(join(l.inbox, 'done')).sort()).toEqual(['a.csv', 'b.csv']);
    expect(readFileSync(join(l.reports, '2020', 'table.csv'), 'utf8')).toBe('year,files\n2020,2\n');
  });
});

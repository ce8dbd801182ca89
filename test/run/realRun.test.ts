import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { realRunArgs, sha256, snapshotTree } from './runFixture.ts';

const BIN = join(REPO_ROOT, 'bin', 'xiaowei.js');

/** `xiaowei run` end to end on tiny generated data with the real stages, killed once with SIGKILL mid-run. */
describe('xiaowei run with the real stages', () => {
  it('publishes, survives kill -9 after the build untouched, and the next run succeeds', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xw-real-'));
    const gen = join(root, 'gen');
    execFileSync(process.execPath, [BIN, 'generate', '--scale', 'tiny', '--seed', '1', '--out', gen], {
      cwd: REPO_ROOT,
    });
    const inbox = join(root, 'inbox');
    mkdirSync(inbox);
    const late = ['registry_2024-12-31.csv', 'indicators_2024.csv'];
    for (const f of readdirSync(gen))
      if (f.endsWith('.csv') && !late.includes(f)) copyFileSync(join(gen, f), join(inbox, f));
    const db = join(root, 'wh', 'xiaowei.duckdb');
    const reports = join(root, 'reports');
    const args = realRunArgs(BIN, root, inbox);
    const env = { ...process.env, CI: '1' };

    const first = spawnSync(process.execPath, args, { cwd: REPO_ROOT, env, encoding: 'utf8' });
    expect(first.stderr.split('\n').filter((l) => / ERROR /.test(l))).toEqual([]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/: succeeded\n/);
    expect(first.stdout).toMatch(/year: 2023\n/); // the latest 31 December snapshot copied in
    const dbBefore = sha256(db);
    const reportsBefore = snapshotTree(reports);
    expect(Object.keys(reportsBefore).some((k) => k.startsWith('2023/'))).toBe(true);

    for (const f of late) copyFileSync(join(gen, f), join(inbox, f));
    const sentinel = join(root, 'paused');
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...env, XIAOWEI_TEST_PAUSE_AT: 'build', XIAOWEI_TEST_PAUSE_FILE: sentinel },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    for (let i = 0; i < 2400 && !existsSync(sentinel) && child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(readFileSync(sentinel, 'utf8')).toBe('build');
    child.kill('SIGKILL');
    await exited;
    expect(sha256(db)).toBe(dbBefore);
    expect(snapshotTree(reports)).toEqual(reportsBefore);
    expect(late.every((f) => existsSync(join(inbox, f)))).toBe(true);

    const next = spawnSync(process.execPath, args, { cwd: REPO_ROOT, env, encoding: 'utf8' });
    expect(next.status).toBe(0);
    expect(next.stdout).toMatch(/year: 2024\n/);
    expect(next.stderr).toMatch(/marked run \S+ as crashed/);
    const runs = spawnSync(process.execPath, [BIN, 'runs', '--db', db], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(runs.stdout.match(/ succeeded /g)).toHaveLength(2);
    expect(runs.stdout.match(/ crashed /g)).toHaveLength(1);
    expect(readdirSync(join(inbox, 'done')).length).toBe(
      readdirSync(gen).filter((f) => f.endsWith('.csv')).length,
    );
  }, 240_000); // three full runs (each build includes §11's 1,000 draws) on a shared two-core machine
});

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { realRunArgs } from './runFixture.ts';

const BIN = join(REPO_ROOT, 'bin', 'xiaowei.js');
const root = mkdtempSync(join(tmpdir(), 'xw-plan-only-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The departments' "8631" plan files can arrive before the first registry extract. That run used to fail at the
// dashboard ("mart.growth_index is empty"); it must publish what it loaded, skip the report and the dashboard
// with a warning, and leave the next run (with the registry) to render both.
describe('xiaowei run with only plan files in the inbox', () => {
  it('succeeds and publishes the warehouse without report or dashboard; the next run renders both', () => {
    const gen = join(root, 'gen');
    execFileSync(process.execPath, [BIN, 'generate', '--scale', 'tiny', '--seed', '4', '--out', gen], {
      cwd: REPO_ROOT,
    });
    const inbox = join(root, 'inbox');
    mkdirSync(inbox);
    const csv = readdirSync(gen).filter((f) => f.endsWith('.csv') && f !== 'faults.csv');
    const plans = csv.filter((f) => f.startsWith('plan_'));
    expect(plans.length).toBeGreaterThan(0);
    for (const f of plans) copyFileSync(join(gen, f), join(inbox, f));
    const db = join(root, 'wh', 'xiaowei.duckdb');
    const reports = join(root, 'reports');
    const run = () =>
      spawnSync(process.execPath, realRunArgs(BIN, root, inbox), {
        cwd: REPO_ROOT,
        env: { ...process.env, CI: '1' },
        encoding: 'utf8',
      });

    const first = run();
    expect(first.stderr.split('\n').filter((l) => / ERROR /.test(l))).toEqual([]);
    expect(first.stderr).toContain('no complete year in the data; report skipped');
    expect(first.stderr).toContain('no complete year in the data; dashboard skipped');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/: succeeded\n/);
    expect(first.stdout).toContain(`inputs: ${plans.length}, loaded ${plans.length}`);
    expect(existsSync(db)).toBe(true);
    expect(existsSync(join(reports, 'site'))).toBe(false);
    expect(readdirSync(inbox).filter((f) => f.endsWith('.csv'))).toEqual([]); // filed in done/

    for (const f of csv.filter((f) => !f.startsWith('plan_'))) copyFileSync(join(gen, f), join(inbox, f));
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/: succeeded\n/);
    expect(second.stdout).toMatch(/year: 2024\n/);
    expect(existsSync(join(reports, 'site', 'index.html'))).toBe(true);
    expect(existsSync(join(reports, '2024'))).toBe(true);
  });
});

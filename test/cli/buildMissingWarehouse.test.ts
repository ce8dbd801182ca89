import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';

// A mistyped --db used to become a new, empty warehouse whose build "passed" with 0 rows everywhere.
describe('xiaowei build --db <a file that does not exist>', () => {
  it('refuses with the path and what to do, and creates nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xw-build-missing-'));
    const path = join(dir, 'typo.duckdb');
    const r = await runCli(['build', '--db', path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`no warehouse at ${path}: run \`xiaowei ingest\` first`);
    expect(r.out).not.toMatch(/checks passed/);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { duckdbSettings, parseMemoryAmount } from '../../pipelines/db/duckdbSettings.ts';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, readRows, withConnection } from '../../pipelines/db/warehouse.ts';
import { UserError } from '../../pipelines/messages/catalogue.ts';

const GiB = 2 ** 30;

describe('DuckDB settings: defaults that fit an analyst machine, overrides checked', () => {
  it('caps DuckDB at 40 % of memory and at most 2 GiB by default, spilling beside the warehouse', () => {
    // 24 GiB · 0.4 = 9.6 GiB > the 2 GiB cap → 2048 MiB.
    expect(duckdbSettings({}, { totalMemBytes: 24 * GiB, dbPath: '/w/x.duckdb' })).toEqual({
      max_vacuum_tasks: '0',
      memory_limit: '2048MiB',
      temp_directory: '/w/x.duckdb.tmp',
    });
    // 4 GiB · 0.4 = 1638.4 MiB → 1638 MiB (whole MiB, rounded down).
    expect(duckdbSettings({}, { totalMemBytes: 4 * GiB }).memory_limit).toBe('1638MiB');
    // An in-memory database keeps DuckDB's own spill folder.
    expect(duckdbSettings({}, { totalMemBytes: 4 * GiB, dbPath: ':memory:' }).temp_directory).toBeUndefined();
  });

  it('passes XIAOWEI_MEMORY_LIMIT, XIAOWEI_THREADS and XIAOWEI_TEMP_DIR as given', () => {
    const env = { XIAOWEI_MEMORY_LIMIT: '6GB', XIAOWEI_THREADS: '1', XIAOWEI_TEMP_DIR: tmpdir() };
    expect(duckdbSettings(env, { totalMemBytes: 8 * GiB, dbPath: 'w.duckdb' })).toEqual({
      max_vacuum_tasks: '0',
      memory_limit: '6GB',
      threads: '1',
      temp_directory: tmpdir(),
    });
  });

  it('reads memory amounts the way DuckDB does (GB = 10⁹ bytes, GiB = 2³⁰)', () => {
    expect(parseMemoryAmount('4GB')).toBe(4e9);
    expect(parseMemoryAmount('1.5 gb')).toBe(1.5e9);
    expect(parseMemoryAmount('512MiB')).toBe(512 * 2 ** 20);
    expect(parseMemoryAmount('2G')).toBe(2e9);
    for (const bad of ['lots', '4', '80%', '-1GB', 'GB', '4 GB extra', ''])
      expect(parseMemoryAmount(bad)).toBeNull();
  });

  it('refuses an XIAOWEI_MEMORY_LIMIT DuckDB cannot use, naming the variable and the accepted form', () => {
    for (const value of ['lots', '80%', '4', '0GB', '10MB']) {
      const run = () => duckdbSettings({ XIAOWEI_MEMORY_LIMIT: value }, { totalMemBytes: 8 * GiB });
      expect(run).toThrow(UserError);
      expect(run).toThrow(`XIAOWEI_MEMORY_LIMIT=${value}: expected an amount of memory such as 4GB`);
    }
  });

  it('refuses XIAOWEI_THREADS that is not a whole number from 1 to 256', () => {
    for (const value of ['0', 'two', '1.5', '-2', '1000']) {
      expect(() => duckdbSettings({ XIAOWEI_THREADS: value }, { totalMemBytes: 8 * GiB })).toThrow(
        `XIAOWEI_THREADS=${value}: expected a whole number of threads from 1 to 256`,
      );
    }
  });

  it('refuses an XIAOWEI_TEMP_DIR that is a file; a missing folder is fine (DuckDB creates it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xw-set-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    expect(() => duckdbSettings({ XIAOWEI_TEMP_DIR: file }, { totalMemBytes: 8 * GiB })).toThrow(
      `XIAOWEI_TEMP_DIR=${file}: expected a folder`,
    );
    const missing = join(dir, 'spill');
    expect(duckdbSettings({ XIAOWEI_TEMP_DIR: missing }, { totalMemBytes: 8 * GiB }).temp_directory).toBe(
      missing,
    );
  });

  it('reaches DuckDB: the opened warehouse reports the limit, threads, spill folder and no checkpoint vacuum', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xw-set-'));
    const env = { XIAOWEI_MEMORY_LIMIT: '512MB', XIAOWEI_THREADS: '1', XIAOWEI_TEMP_DIR: join(dir, 'spill') };
    const wh = await openWarehouse(join(dir, 'w.duckdb'), { env });
    try {
      const rows = await withConnection(wh, (con) =>
        readRows(
          con,
          z.object({ m: z.string(), t: z.number(), d: z.string(), v: z.number() }),
          "select current_setting('memory_limit') as m, current_setting('threads')::integer as t, current_setting('temp_directory') as d, current_setting('max_vacuum_tasks')::integer as v",
        ),
      );
      // DuckDB reports 512MB (512·10⁶ bytes) as 488.2 MiB; its own default is 100 vacuum tasks.
      expect(rows).toEqual([{ m: '488.2 MiB', t: 1, d: join(dir, 'spill'), v: 0 }]);
    } finally {
      wh.close();
    }
  });

  it('the CLI prints the message and exits 1, instead of DuckDB\'s "Failed to set config"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xw-set-'));
    // `build` refuses a warehouse that does not exist, so there is one to open.
    (await openWarehouse(join(dir, 'w.duckdb'))).close();
    const r = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'xiaowei.js'), 'build', '--db', join(dir, 'w.duckdb')],
      {
        env: { ...process.env, XIAOWEI_MEMORY_LIMIT: 'lots' },
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('XIAOWEI_MEMORY_LIMIT=lots: expected an amount of memory such as 4GB');
    expect(r.stderr).not.toContain('Failed to set config');
  });
});

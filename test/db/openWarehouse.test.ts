import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWarehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { runPaths } from '../../pipelines/run/runPaths.ts';
import { copyPublishedToWork } from '../../pipelines/run/workCopy.ts';
import { runCli } from '../cli/runCli.ts';
import { FIXTURES } from '../ingest/helpers.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xw-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A real DuckDB warehouse holding raw.kept (4 rows), closed again. */
async function realWarehouse(name: string): Promise<string> {
  const path = join(dir, name);
  const wh = await openWarehouse(path);
  await withConnection(wh, (con) => con.run('create table raw.kept as select range as n from range(4)'));
  wh.close();
  return path;
}

describe('openWarehouse refuses a --db that is not a DuckDB database (issue 16 item 4)', () => {
  it('refuses a CSV file, before DuckDB opens it, and leaves it unchanged', async () => {
    const csv = join(dir, 'plan.csv');
    const content = readFileSync(join(FIXTURES, 'plan_indicators_2019.csv'));
    writeFileSync(csv, content);
    await expect(openWarehouse(csv)).rejects.toThrow(
      `${csv} is not a DuckDB warehouse (a text file, such as a CSV); pass --db a .duckdb file or a new path`,
    );
    expect(readFileSync(csv).equals(content)).toBe(true);
    expect(existsSync(`${csv}.wal`)).toBe(false);
  });

  it('refuses a Parquet file', async () => {
    const parquet = join(dir, 'kept.parquet');
    const wh = await openWarehouse(':memory:');
    await withConnection(wh, (con) => con.run(`copy (select 1 as n) to '${parquet}' (format parquet)`));
    wh.close();
    const size = statSync(parquet).size;
    await expect(openWarehouse(parquet, { readOnly: true })).rejects.toThrow('(a Parquet file)');
    expect(statSync(parquet).size).toBe(size);
  });

  it('refuses an empty file, a directory and a device', async () => {
    const empty = join(dir, 'empty.duckdb');
    writeFileSync(empty, '');
    await expect(openWarehouse(empty)).rejects.toThrow('(an empty file)');
    expect(statSync(empty).size).toBe(0);
    mkdirSync(join(dir, 'folder'));
    await expect(openWarehouse(join(dir, 'folder'))).rejects.toThrow('(a directory)');
    await expect(openWarehouse('/dev/null')).rejects.toThrow('(not a regular file)');
  });

  it('opens a real DuckDB file, and creates a new path in an existing folder', async () => {
    const path = await realWarehouse('real.duckdb');
    expect(readFileSync(path).subarray(8, 12).toString('latin1')).toBe('DUCK');
    const wh = await openWarehouse(path, { readOnly: true });
    const n = await withConnection(
      wh,
      async (con) => (await con.runAndReadAll('select count(*)::int from raw.kept')).getRows()[0][0],
    );
    wh.close();
    expect(n).toBe(4);
  });

  it("refuses to open a path that does not exist read-only, with a message instead of DuckDB's IO error", async () => {
    const missing = join(dir, 'typo.duckdb');
    await expect(openWarehouse(missing, { readOnly: true })).rejects.toThrow(
      `no warehouse at ${missing}: run \`xiaowei ingest\` first, or pass --db the warehouse file`,
    );
    expect(existsSync(missing)).toBe(false);
  });

  it('the CLI refuses --db data.csv with the message and loads nothing', async () => {
    const csv = join(dir, 'data.csv');
    writeFileSync(csv, 'a,b\n1,2\n');
    const r = await runCli(['ingest', join(FIXTURES, 'plan_indicators_2019.csv'), '--db', csv]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `xiaowei: ${csv} is not a DuckDB warehouse (a text file, such as a CSV); pass --db a .duckdb file or a new path\n`,
    );
    expect(r.out).not.toMatch(/loaded/);
    expect(readFileSync(csv, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('xiaowei run refuses a --db CSV by the name given, before copying it to its work directory', async () => {
    const csv = join(dir, 'w.csv');
    writeFileSync(csv, 'a,b\n');
    const paths = runPaths(csv, join(dir, 'reports'), 'r1');
    await expect(copyPublishedToWork(paths)).rejects.toThrow(
      `${csv} is not a DuckDB warehouse (a text file, such as a CSV)`,
    );
    expect(existsSync(paths.workDb)).toBe(false);
  });
});

describe('a query-only warehouse reaches nothing but the warehouse, whatever SQL gets past the statement check', () => {
  it('reads the warehouse but refuses files, ATTACH, extensions and turning the settings back on', async () => {
    const path = await realWarehouse('q.duckdb');
    const target = join(dir, 'out.csv');
    const wh = await openWarehouse(path, { queryOnly: true });
    try {
      await withConnection(wh, async (con) => {
        expect((await con.runAndReadAll('select sum(n)::int from raw.kept')).getRows()[0][0]).toBe(6); // 0+1+2+3
        await expect(con.run(`copy raw.kept to '${target}'`)).rejects.toThrow(/Permission Error/);
        await expect(con.run(`attach '${join(dir, 'other.duckdb')}' as o`)).rejects.toThrow(
          /Permission Error/,
        );
        await expect(con.run('load httpfs')).rejects.toThrow(/disabled/);
        await expect(con.run('set enable_external_access = true')).rejects.toThrow(
          /configuration has been locked/,
        );
        await expect(con.run('reset lock_configuration')).rejects.toThrow(/configuration has been locked/);
        await expect(con.run('create table raw.x (a int)')).rejects.toThrow(/read-only/);
      });
    } finally {
      wh.close();
    }
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(dir, 'other.duckdb'))).toBe(false);
  });

  it('is never shared with another instance on the same file in this process', async () => {
    const path = await realWarehouse('shared.duckdb');
    const rw = await openWarehouse(path);
    await expect(openWarehouse(path, { queryOnly: true })).rejects.toThrow(/already open in this process/);
    rw.close();
    const q = await openWarehouse(path, { queryOnly: true });
    await expect(openWarehouse(path)).rejects.toThrow(/open read-only in this process/);
    q.close();
  });
});

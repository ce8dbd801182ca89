import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { runCli } from '../cli/runCli.ts';
import { FIXTURES, type TestWarehouse, testWarehouse } from './helpers.ts';

// Issue 16 item 2: `xiaowei query` is read-only in fact. Each attack from the issue is refused with a message, and
// afterwards the warehouse (and the other warehouse an attack aims at) is byte for byte what it was.

let t: TestWarehouse;
let db: string;
let other: string;
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
let dbHash: string;
let otherHash: string;

beforeAll(async () => {
  t = await testWarehouse();
  await t.ingest([join(FIXTURES, 'plan_indicators_2019.csv')]); // 3 plan rows
  db = t.wh.path;
  t.wh.close();
  other = join(t.dir, 'other.duckdb');
  const wh = await openWarehouse(other);
  await withConnection(wh, (con) => con.run('create table raw.kept as select range as n from range(4)'));
  wh.close();
  dbHash = sha(db);
  otherHash = sha(other);
});
afterAll(() => t.close());

async function query(sql: string, ...args: string[]) {
  return runCli(['query', sql, '--db', db, '--format', 'csv', ...args]);
}

/** Runs an attack, expects a refusal matching `message`, then checks that nothing changed. */
async function refused(sql: string, message: RegExp, ...args: string[]) {
  const r = await query(sql, ...args);
  expect(r.code).toBe(1);
  expect(r.out).toBe('');
  expect(r.err).toMatch(message);
  expect(sha(db)).toBe(dbHash);
  expect(sha(other)).toBe(otherHash);
  expect((await query('select count(*) as n from raw.plan_indicators')).out).toBe('n\n3\n');
}

describe('xiaowei query is read-only in fact', () => {
  it('refuses COPY … TO the open warehouse file, which stays whole', async () => {
    await refused(
      `copy (select 1) to '${db}' (format csv)`,
      /read-only: it runs one SELECT \(or EXPLAIN\), not COPY; nothing was run/,
    );
  });

  it('refuses COPY … TO any file and writes no file', async () => {
    const target = join(t.dir, 'dump.csv');
    await refused(`copy raw.plan_indicators to '${target}'`, /query reads the warehouse only/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses EXPORT DATABASE and dumps nothing', async () => {
    const target = join(t.dir, 'export');
    await refused(`export database '${target}'`, /query reads the warehouse only/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses ATTACH of another warehouse read-write, which stays whole', async () => {
    await refused(`attach '${other}' as o (read_write)`, /not ATTACH; nothing was run/);
  });

  it('refuses ATTACH …; DELETE … whole, as more than one statement', async () => {
    await refused(
      `attach '${other}' as o (read_write); delete from o.raw.kept`,
      /exactly one read-only statement; this SQL holds 2: nothing was run/,
    );
  });

  it('refuses DETACH', async () => {
    await refused('detach test', /not DETACH; nothing was run/);
  });

  it('refuses INSTALL and LOAD of an extension', async () => {
    await refused('install httpfs', /not INSTALL or LOAD; nothing was run/);
    await refused('load httpfs', /not INSTALL or LOAD; nothing was run/);
  });

  it('refuses SET, RESET and PRAGMA, so nothing re-enables files or extensions', async () => {
    await refused('set enable_external_access = true', /not SET, RESET or USE; nothing was run/);
    await refused('reset lock_configuration', /not SET, RESET or USE; nothing was run/);
    await refused('pragma enable_profiling', /not PRAGMA; nothing was run/);
  });

  it('refuses `select 1; COPY …` whole and runs neither statement', async () => {
    const target = join(t.dir, 'second.csv');
    await refused(`select 1; copy (select 1) to '${target}'`, /this SQL holds 2: nothing was run/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses an empty query as zero statements', async () => {
    await refused('  ; ', /this SQL holds 0/);
  });

  it('refuses reading a file outside the warehouse from inside a SELECT', async () => {
    await refused(
      `select * from read_csv('${join(FIXTURES, 'plan_indicators_2019.csv')}')`,
      /reads the warehouse only/,
    );
  });

  it('refuses EXPLAIN ANALYZE of a COPY, which would run it', async () => {
    const target = join(t.dir, 'explained.csv');
    await refused(`explain analyze copy (select 1) to '${target}'`, /reads the warehouse only/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses --out naming the warehouse, its write-ahead log or another DuckDB database', async () => {
    await refused('select 1', /--out .* is a DuckDB database .* query does not overwrite one/, '--out', db);
    await refused('select 1', /query does not overwrite one/, '--out', `${db}.wal`);
    await refused('select 1', /query does not overwrite one/, '--out', other);
    expect(existsSync(`${db}.wal`)).toBe(false);
  });

  it('still reads the warehouse: SELECT, DESCRIBE, SUMMARIZE and EXPLAIN run', async () => {
    expect((await query('select sum(value) as s from raw.plan_indicators')).out).toBe('s\n1535.5\n'); // 1523 + 12.5 + 0
    const described = await query('describe raw.plan_indicators');
    expect(described.code).toBe(0);
    expect(described.out).toMatch(/^column_name,column_type/);
    expect((await query('summarize raw.plan_indicators')).code).toBe(0);
    expect((await query('explain select 1')).code).toBe(0);
    expect(sha(db)).toBe(dbHash);
  });
});

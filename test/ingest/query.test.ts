import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipelines/cli/io.ts';
import { main } from '../../pipelines/cli/main.ts';
import { runCli } from '../cli/runCli.ts';
import { FIXTURES, type TestWarehouse, testWarehouse } from './helpers.ts';

let t: TestWarehouse;
let db: string;
beforeAll(async () => {
  t = await testWarehouse();
  await t.ingest([join(FIXTURES, 'plan_indicators_2019.csv')]);
  db = t.wh.path;
  t.wh.close(); // query opens the file read-only; keep one instance per file per process
});
afterAll(() => t.close());

async function query(sql: string, ...args: string[]) {
  return runCli(['query', sql, '--db', db, ...args]);
}

/** As `query`, with stdout a terminal. */
async function queryOnTerminal(sql: string, ...args: string[]) {
  const out: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s), isTTY: true },
    stderr: { write: () => true },
    env: {},
  };
  const code = await main(['node', 'xiaowei', 'query', sql, '--db', db, ...args], io);
  return { code, out: out.join('') };
}

const SQL =
  'select year, quarter, region_code, indicator_no, value, count(*) over () as n, department from raw.plan_indicators order by source_line';

describe('xiaowei query', () => {
  it('prints an aligned table by default', async () => {
    const r = await query('select region_code, value from raw.plan_indicators order by source_line');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'region_code  value',
        '-----------  -----',
        '330502        1523',
        '330500        12.5',
        '330523           0',
        '(3 rows)',
        '',
      ].join('\n'),
    );
  });

  it('writes CSV with a header', async () => {
    const r = await query(SQL, '--format', 'csv');
    expect(r.out.split('\n').slice(0, 3)).toEqual([
      'year,quarter,region_code,indicator_no,value,n,department',
      '2019,1,330502,1,1523,3,市市场监管局',
      '2019,,330500,19,12.5,3,市科技局',
    ]);
  });

  it('writes JSON objects with BIGINT as numbers', async () => {
    const r = await query(SQL, '--format', 'json');
    const rows = JSON.parse(r.out);
    expect(rows[1]).toEqual({
      year: 2019,
      quarter: null,
      region_code: '330500',
      indicator_no: 19,
      value: 12.5,
      n: 3,
      department: '市科技局',
    });
  });

  it('writes an Arrow IPC file that apache-arrow reads back', async () => {
    const out = join(t.dir, 'plan.arrow');
    const r = await query(
      `${SQL.replace('department', "department, date '2019-12-31' as as_of")}`,
      '--format',
      'arrow',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const table = tableFromIPC(readFileSync(out));
    expect(table.numRows).toBe(3);
    expect(table.getChild('value')?.toArray()).toEqual(new Float64Array([1523, 12.5, 0]));
    expect(table.getChild('n')?.get(0)).toBe(3n); // BIGINT stays 64-bit in Arrow
    expect(table.getChild('department')?.get(0)).toBe('市市场监管局');
    expect(table.getChild('quarter')?.get(1)).toBeNull();
    expect(new Date(table.getChild('as_of')?.get(0) as number).toISOString().slice(0, 10)).toBe('2019-12-31');
  });

  it('shows terminal escape sequences in the data escaped in a table and in CSV on a terminal; piped CSV stays raw', async () => {
    // a file name like evil<ESC>]0;pwned<BEL><ESC>[2J.csv, as ops.ingest_log would hold it
    const sql = "select 'evil' || chr(27) || ']0;pwned' || chr(7) || chr(27) || '[2J.csv' as file";
    const table = await query(sql);
    expect(table.out.split('\n')[2]).toBe('evil\\x1b]0;pwned\\x07\\x1b[2J.csv');
    expect((await queryOnTerminal(sql, '--format', 'csv')).out).toBe(
      'file\nevil\\x1b]0;pwned\\x07\\x1b[2J.csv\n',
    );
    expect((await query(sql, '--format', 'csv')).out).toBe('file\nevil\x1b]0;pwned\x07\x1b[2J.csv\n');
  });

  it('refuses --format arrow without --out, and writes nothing read-write', async () => {
    expect((await query('select 1', '--format', 'arrow')).code).toBe(1);
    const r = await query('create table x (a int)');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/read-only/i);
  });
});

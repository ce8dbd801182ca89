import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { REGISTRY_COLUMNS } from '../../pipelines/generate/columns.ts';
import { type GenerateOptions, generateExtracts } from '../../pipelines/generate/generateExtracts.ts';
import { atTwoClockTimes } from '../xlsx/atTwoClockTimes.ts';
import { zipEntryTimes } from '../xlsx/zipEntryTimes.ts';

const root = mkdtempSync(join(tmpdir(), 'xw-fmt-'));
const base: GenerateOptions = {
  scale: 'tiny',
  seed: 5,
  outDir: '',
  from: 2019,
  to: 2019,
  format: 'csv',
  encoding: 'utf8',
  dirty: 0,
};
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('output formats', () => {
  it('writes xlsx with the Chinese headers and the same rows as CSV, byte-identical across runs at any clock time', async () => {
    const csv = join(root, 'csv');
    const x1 = join(root, 'x1');
    const x2 = join(root, 'x2');
    const r = await generateExtracts({ ...base, outDir: csv });
    await atTwoClockTimes((run) => generateExtracts({ ...base, outDir: run ? x2 : x1, format: 'xlsx' }));
    const file = 'registry_2019-12-31.xlsx';
    expect(sha(join(x1, file))).toBe(sha(join(x2, file)));
    // exceljs stamps zip entries with the clock; every one is pinned to the workbook's fixed date, 2020-01-01:
    // (2020 − 1980) << 9 | 1 << 5 | 1 = 20480 + 32 + 1 = 20513, at 00:00.
    for (const t of zipEntryTimes(readFileSync(join(x1, file)))) expect(t).toEqual([20513, 0]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(x1, file));
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(REGISTRY_COLUMNS.map((c) => c.header));
    const rows = r.files.find((f) => f.file === 'registry_2019-12-31.csv')!.rows;
    expect(ws.actualRowCount).toBe(rows + 1);
    const firstCsv = readFileSync(join(csv, 'registry_2019-12-31.csv'), 'utf8').split('\n')[1].split(',');
    expect(ws.getRow(2).getCell(1).value).toBe(firstCsv[0]);
    expect(ws.getRow(2).getCell(9).value).toBe(Number(firstCsv[8]));
  });

  it('writes parquet with text columns named by the Chinese headers', async () => {
    const dir = join(root, 'pq');
    const r = await generateExtracts({ ...base, outDir: dir, format: 'parquet' });
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      const path = join(dir, 'indicators_2019.parquet').replaceAll("'", "''");
      const res = await con.runAndReadAll(
        `select count(*)::integer n, min("统一社会信用代码") u from '${path}'`,
      );
      const [n, u] = res.getRows()[0];
      expect(n).toBe(r.files.find((f) => f.file === 'indicators_2019.parquet')!.rows);
      expect(String(u)).toMatch(/^91/);
      const cols = await con.runAndReadAll(`describe select * from '${path}'`);
      expect(cols.getRows().map((row) => row[1])).toEqual(new Array(13).fill('VARCHAR'));
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });
});

import { statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_LIMITS } from '../../pipelines/ingest/xlsx/xlsxLimits.ts';
import { CODES, PLAN_HEADER, REGISTRY_HEADER, type TestWarehouse, testWarehouse } from './helpers.ts';
import { writeZip, xlsxEntries } from './zipFile.ts';

// A workbook is a zip of XML: a few kilobytes can inflate to gigabytes, or hold one cell the XML parser would
// build whole in memory. Limits (XLSX_LIMITS, pipelines/ingest/README.md) are checked before any XML is parsed.
let t: TestWarehouse;
beforeAll(async () => {
  t = await testWarehouse();
});
afterAll(() => t.close());

describe('XLSX limits', () => {
  it('loads a hand-made workbook within the limits (the zip writer of these tests makes readable files)', async () => {
    const path = join(t.dir, 'plan_2020.xlsx');
    writeZip(path, xlsxEntries([PLAN_HEADER.split(','), ['2020', '1', '330502', '1', '15', '甲']]));
    const [r] = await t.ingest([path]);
    expect([r.status, r.rows_loaded]).toEqual(['loaded', 1]);
  });

  it('refuses a 62 KB workbook holding one 60 MB cell before parsing it (inflates more than 100×)', async () => {
    const path = join(t.dir, 'registry_2019-12-31.xlsx');
    const giant = 'A'.repeat(60 * 1024 * 1024);
    writeZip(path, xlsxEntries([REGISTRY_HEADER.split(','), [CODES.a, giant]]));
    expect(statSync(path).size).toBeLessThan(100 * 1024);
    const before = process.memoryUsage().rss;
    const [r] = await t.ingest([path]);
    expect(r.status).toBe('rejected');
    expect(r.message).toMatch(
      /workbook refused: xl\/worksheets\/sheet1\.xml inflates \d+× \(a real sheet compresses less than 100×\)/,
    );
    // refused from the zip directory: nothing near the 60 MB cell was ever built (generous bound, RSS is noisy)
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it(`refuses a cell longer than Excel's own limit of ${XLSX_LIMITS.maxCellChars} characters, naming sheet, row and column`, async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('登记');
    ws.addRow(REGISTRY_HEADER.split(','));
    ws.addRow([CODES.a, '甲'.repeat(XLSX_LIMITS.maxCellChars + 1), '有限责任公司', '2015-03-05']);
    const path = join(t.dir, 'registry_2019-11-30.xlsx');
    await wb.xlsx.writeFile(path);
    const [r] = await t.ingest([path]);
    expect(r.status).toBe('rejected');
    expect(r.message).toMatch(
      /sheet 登记, row 2, column 2: a cell of 32768 characters \(Excel's limit is 32767\)/,
    );
  });

  it('refuses a workbook whose zip directory understates an entry (the real inflated size is counted)', async () => {
    const path = join(t.dir, 'plan_2021.xlsx');
    const entries = xlsxEntries([PLAN_HEADER.split(','), ['2021', '1', '330502', '1', '15', '甲']]);
    writeZip(path, entries, { understate: 'xl/worksheets/sheet1.xml' });
    const [r] = await t.ingest([path]);
    expect(r.status).toBe('rejected');
    expect(r.message).toMatch(/xl\/worksheets\/sheet1\.xml inflates to \d+ bytes/);
  });
});

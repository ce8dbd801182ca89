import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableXlsx } from '../../pipelines/report/tableXlsx.ts';
import { atTwoClockTimes } from '../xlsx/atTwoClockTimes.ts';
import { zipEntryTimes } from '../xlsx/zipEntryTimes.ts';

const table = {
  id: 'demo',
  title: '示例表',
  columns: [
    { label: '区县', numeric: false },
    { label: '指数', numeric: true },
  ],
  rows: [
    [
      { text: '吴兴区', value: '吴兴区' },
      { text: '101.2', value: 101.2 },
    ],
  ],
  footnotes: ['示例'],
};
const provenance = { reportDate: '2021-01-31', methodologyVersion: 'v1', runId: 'r1' };

describe('report tables as XLSX', () => {
  it('are the same bytes whatever the clock says when they are written, dated by the report date', async () => {
    // jszip stamped each zip entry with the current time: two writes a day apart differed.
    const [first, second] = await atTwoClockTimes(() => tableXlsx(table, provenance));
    expect(first.length).toBeGreaterThan(1000);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // 2021-01-31 in MS-DOS format: (2021 − 1980) << 9 | 1 << 5 | 31 = 21055, at 00:00.
    for (const t of zipEntryTimes(first)) expect(t).toEqual([21055, 0]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(first).buffer);
    expect(wb.created?.toISOString()).toBe('2021-01-31T00:00:00.000Z');
    expect(wb.modified?.toISOString()).toBe('2021-01-31T00:00:00.000Z');
  });

  it('holds the table on sheet 数据 (numbers as numbers) and title, notes and provenance on 说明', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(tableXlsx(table, provenance)).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['数据', '说明']);
    expect(wb.worksheets[0].getSheetValues().slice(1)).toEqual([
      [undefined, '区县', '指数'],
      [undefined, '吴兴区', 101.2],
    ]);
    expect(wb.worksheets[0].getCell('A1').font?.bold).toBe(true);
    expect(wb.worksheets[1].getSheetValues().slice(1)).toEqual([
      [undefined, '示例表'],
      [undefined, '注：示例'],
      undefined,
      [undefined, '方法版本', 'v1'],
      [undefined, '计算批次', 'r1'],
      [undefined, '报告日期', '2021-01-31'],
    ]);
  });
});

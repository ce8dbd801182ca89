import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxCells } from '../../pipelines/publish/guard/xlsxCells.ts';
import { crc32 } from '../../pipelines/xlsx/crc32.ts';
import { dosDateTime } from '../../pipelines/xlsx/dosDateTime.ts';
import { columnName } from '../../pipelines/xlsx/sheetXml.ts';
import { xlsxBytes } from '../../pipelines/xlsx/xlsxBytes.ts';
import type { XlsxWorkbook } from '../../pipelines/xlsx/xlsxTypes.ts';
import { xmlText } from '../../pipelines/xlsx/xmlText.ts';
import { atTwoClockTimes } from './atTwoClockTimes.ts';
import { zipEntryTimes } from './zipEntryTimes.ts';

const workbook: XlsxWorkbook = {
  author: 'xiaowei',
  date: new Date('2021-01-31T00:00:00Z'),
  sheets: [
    {
      name: '数据',
      frozenRows: 1,
      widths: [22, 14],
      rows: [
        { values: ['区县', '指数'], style: 'bold' },
        { values: ['吴兴区', 101.2] },
        { values: ['  A&B <c> "d"', -0.5] },
        { values: ['南浔区', null] },
        { values: ['吴兴区', 1e-7] },
      ],
    },
    {
      name: '说明',
      widths: [40],
      headerFooter: { oddHeader: '&C&"-,Bold"内部资料', oddFooter: '&L内部资料&R&P / &N' },
      rows: [{ values: ['内部资料'], style: 'mark' }, { values: [] }, { values: ['方法版本', 'v1'] }],
    },
  ],
};

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}

describe('XLSX written without exceljs', () => {
  it('computes the zip CRC-32 and MS-DOS times by their definitions', () => {
    // The CRC-32 check value of the ASCII digits 1–9 (every CRC catalogue lists it).
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    // 2021-01-31: (2021 − 1980) << 9 | 1 << 5 | 31 = 20992 + 32 + 31; 13:45:30: 13 << 11 | 45 << 5 | 30 / 2.
    expect(dosDateTime(new Date('2021-01-31T13:45:30Z'))).toEqual({ date: 21055, time: 26624 + 1440 + 15 });
    // DOS dates start on 1980-01-01: 0 << 9 | 1 << 5 | 1.
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z'))).toEqual({ date: 33, time: 0 });
    expect(columnName(0)).toBe('A');
    expect(columnName(25)).toBe('Z');
    expect(columnName(26)).toBe('AA');
    expect(columnName(27 * 26)).toBe('AAA');
  });

  it('escapes markup and spells out the characters XML cannot hold', () => {
    expect(xmlText('a&b<c>"d"')).toBe('a&amp;b&lt;c&gt;&quot;d&quot;');
    expect(xmlText('x\u0001y\u001fz\tw')).toBe('x_x0001_y_x001F_z\tw');
  });

  it('reads back in exceljs with the values, types, styles, widths, frozen rows, page header and dates', async () => {
    const wb = await readBack(xlsxBytes(workbook));
    expect(wb.creator).toBe('xiaowei');
    expect(wb.created?.toISOString()).toBe('2021-01-31T00:00:00.000Z');
    expect(wb.modified?.toISOString()).toBe('2021-01-31T00:00:00.000Z');
    const [data, notes] = wb.worksheets;
    expect(data.name).toBe('数据');
    expect(data.getSheetValues().slice(1)).toEqual([
      [undefined, '区县', '指数'],
      [undefined, '吴兴区', 101.2],
      [undefined, '  A&B <c> "d"', -0.5],
      [undefined, '南浔区'],
      [undefined, '吴兴区', 1e-7],
    ]);
    expect(data.getCell('A1').font?.bold).toBe(true);
    expect(data.getCell('A2').font?.bold).toBeFalsy();
    expect(data.getColumn(1).width).toBe(22);
    expect(data.getColumn(2).width).toBe(14);
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(notes.name).toBe('说明');
    expect(notes.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FFC00000' } });
    expect(notes.getRow(3).values).toEqual([undefined, '方法版本', 'v1']);
    expect(notes.headerFooter).toMatchObject({
      oddHeader: '&C&"-,Bold"内部资料',
      oddFooter: '&L内部资料&R&P / &N',
    });
  });

  it("is what the publication guard's reader sees", () => {
    const path = join(mkdtempSync(join(tmpdir(), 'xw-xlsx-')), 'w.xlsx');
    writeFileSync(path, xlsxBytes(workbook));
    expect(xlsxCells(path)).toEqual([
      {
        sheet: 'sheet1',
        rows: [
          ['区县', '指数'],
          ['吴兴区', '101.2'],
          ['  A&B <c> "d"', '-0.5'],
          ['南浔区'],
          ['吴兴区', '1e-7'],
        ],
        formulas: 0,
      },
      { sheet: 'sheet2', rows: [['内部资料'], ['方法版本', 'v1']], formulas: 0 },
    ]);
  });

  it('gives the same bytes whatever the clock says: every zip entry and the document dated by the workbook', async () => {
    const [first, second] = await atTwoClockTimes(() => xlsxBytes(workbook));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // 10 parts, each stamped 2021-01-31 00:00 (21055, 0 as computed above).
    expect(zipEntryTimes(first)).toEqual(Array.from({ length: 10 }, () => [21055, 0]));
    const other = xlsxBytes({ ...workbook, date: new Date('2022-01-31T00:00:00Z') });
    expect(zipEntryTimes(other)[0]).toEqual([21055 + (1 << 9), 0]);
  });
});

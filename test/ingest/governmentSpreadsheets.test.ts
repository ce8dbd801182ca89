import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findHeader } from '../../pipelines/ingest/findHeader.ts';
import { unitLineUnit } from '../../pipelines/ingest/moneyUnits.ts';
import {
  addsUp,
  CODES,
  INDICATORS_HEADER,
  REGISTRY_HEADER,
  type TestWarehouse,
  testWarehouse,
} from './helpers.ts';

// Exports from 政务 systems and Excel: a title line above the header, a unit line, blank lines, a 合计 row at
// the bottom, the data on the second sheet. The header is found by its known columns; every line skipped is
// reported in the result's notes (printed by `xiaowei ingest`, kept in ops.ingest_log.message).
let t: TestWarehouse;
beforeAll(async () => {
  t = await testWarehouse();
});
afterAll(() => t.close());

const TITLE = '湖州市市场主体登记信息（截至2020年12月31日）';
const pad = (s: string, n: number) => `${s}${','.repeat(n)}`; // Excel pads every row to the used width

describe('a title line, a unit line, blank lines and a totals row', () => {
  it('finds the header below a title line and applies a 元 unit line to the amounts (÷ 10 000), never loading them as 万元', async () => {
    // line 1 title, 2 unit, 3 blank, 4 header (amounts without a unit), 5–6 data, 7 blank, 8 合计
    const header = INDICATORS_HEADER.replaceAll('（万元）', '');
    const lines = [
      pad(TITLE, 12),
      pad('单位：元', 12),
      ',,,,,,,,,,,,',
      header,
      `${CODES.a},2020,25,12000000,8000000,-125000,300000,600000,5,0,否,是,`,
      `${CODES.b},2020,120,"230,000,000",150000000,9000000,4000000,1200000,10,50000000,是,否,新三板`,
      '',
      '合计,,145,242000000,158000000,8875000,4300000,1800000,15,50000000,,,',
    ];
    const path = t.write('indicators_2020.csv', `${lines.join('\n')}\n`);
    const [r] = await t.ingest([path]);
    expect([r.status, r.kind, r.rows_read, r.rows_loaded, r.rows_quarantined, r.rows_dropped]).toEqual([
      'loaded',
      'enterprise_indicators',
      3,
      2,
      0,
      1,
    ]);
    expect(addsUp(r)).toBe(true);
    const got = await t.rows(
      'select source_line, revenue_wan, assets_wan, profit_wan from raw.enterprise_indicators where source_file = $f order by 1',
      {
        f: path,
      },
    );
    // 12 000 000 元 = 1 200 万元; 230,000,000 元 = 23 000 万元
    expect(got).toEqual([
      { source_line: 5, revenue_wan: 1200, assets_wan: 800, profit_wan: -12.5 },
      { source_line: 6, revenue_wan: 23000, assets_wan: 15000, profit_wan: 900 },
    ]);
    expect(r.notes).toEqual([
      `line 1 skipped above the header: ${TITLE}`,
      'line 2 skipped above the header: unit line 单位：元: amount columns without a unit in their header are in 元',
      '2 blank line(s) skipped (not read): 3, 7',
      '1 totals row(s) (合计/总计/小计) dropped, not loaded as enterprises: line(s) 8',
    ]);
  });

  it('lets a unit in the header win over the unit line (营业收入（万元） under 单位：元 stays 万元)', async () => {
    const header = INDICATORS_HEADER.replace('资产总额（万元）', '资产总额');
    const path = t.write(
      'indicators_2021.csv',
      `单位：元\n${header}\n${CODES.a},2021,25,1200,8000000,-12.5,30,60,5,0,否,是,\n`,
    );
    const [r] = await t.ingest([path]);
    expect(r.rows_loaded).toBe(1);
    const [row] = await t.rows(
      'select revenue_wan, assets_wan from raw.enterprise_indicators where source_file = $f',
      {
        f: path,
      },
    );
    expect(row).toEqual({ revenue_wan: 1200, assets_wan: 800 });
  });

  it('drops a 总计 row of a registry and counts it, keeping read = loaded + quarantined + dropped', async () => {
    const good = `${CODES.a},甲,有限责任公司,2015-03-05,存续,,330502,C1713,100,否,,,`;
    const path = t.write(
      'registry_2020-12-31.csv',
      `${TITLE}\n${REGISTRY_HEADER}\n${good}\n总 计,,,,,,,,100,,,,\n`,
    );
    const [r] = await t.ingest([path]);
    expect([r.rows_read, r.rows_loaded, r.rows_dropped]).toEqual([2, 1, 1]);
    expect(addsUp(r)).toBe(true);
    const [logged] = await t.read(
      z.object({ message: z.string() }),
      'select message from ops.ingest_log where file = $f',
      {
        f: path,
      },
    );
    expect(logged.message).toMatch(
      /line 1 skipped above the header: 湖州市市场主体登记信息.*totals row.*line\(s\) 4/,
    );
  });

  it('refuses a unit line that names two money units', async () => {
    const path = t.write('indicators_2022.csv', `单位：万元/元\n${INDICATORS_HEADER}\n`);
    const [r] = await t.ingest([path]);
    expect(r.status).toBe('rejected');
    expect(r.message).toMatch(/names more than one money unit/);
  });
});

describe('workbooks', () => {
  it('reads the sheet that holds the data (the second), with its title line and padded rows, and says so', async () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('说明');
    notes.addRow(['本表由湖州市市场监督管理局导出']);
    notes.addRow(['字段说明见附件']);
    const data = wb.addWorksheet('登记信息');
    data.addRow([TITLE]); // row 1: a merged title cell
    data.addRow(REGISTRY_HEADER.split(',')); // row 2
    // row 3: trailing cells empty, which a sheet does not store; padded to the header's width
    data.addRow([
      CODES.a,
      '甲',
      '有限责任公司',
      new Date(Date.UTC(2015, 2, 5)),
      '存续',
      '',
      '330502',
      'C1713',
      100,
    ]);
    data.addRow([]);
    data.addRow([CODES.b, '乙', '有限责任公司', '2016-07-01', '存续', '', '330503', '1713', 1, '否']); // row 5
    data.addRow(['合计', '', '', '', '', '', '', '', 101]); // row 6
    wb.addWorksheet('附表').addRow(['统计口径']);
    const path = join(t.dir, 'registry_2021-12-31.xlsx');
    await wb.xlsx.writeFile(path);
    const [r] = await t.ingest([path]);
    expect([r.status, r.rows_read, r.rows_loaded, r.rows_dropped]).toEqual(['loaded', 3, 2, 1]);
    const lines = await t.rows('select source_line from raw.registry where source_file = $f order by 1', {
      f: path,
    });
    expect(lines).toEqual([{ source_line: 3 }, { source_line: 5 }]);
    expect(r.notes.slice(0, 4)).toEqual([
      'read sheet 登记信息',
      'sheet 说明 skipped: no header in its first 20 non-empty rows',
      'sheet 附表 not read: the data sheet comes before it',
      `line 1 skipped above the header: ${TITLE}`,
    ]);
  });
});

describe('findHeader / unitLineUnit', () => {
  it('takes the first record that maps to a complete extract kind and reports the records above it', () => {
    const found = findHeader([
      { line: 1, fields: ['湖州市企业年度经营指标', '', ''] },
      { line: 3, fields: ['统一社会信用代码', '年度', '营业收入'] },
    ]);
    expect(found.ok && [found.line, found.mapping.kind, found.notes]).toEqual([
      3,
      'enterprise_indicators',
      ['line 1 skipped above the header: 湖州市企业年度经营指标'],
    ]);
  });

  it('reads the money unit of a unit line, and nothing from other lines', () => {
    expect(unitLineUnit('单位：元')).toBe('元');
    expect(unitLineUnit('计量单位: 万元、人')).toBe('万元');
    expect(unitLineUnit('单位：千元')).toBe('千元');
    expect(unitLineUnit('单位：家')).toBeNull();
    expect(unitLineUnit('营业收入（元）')).toBeNull();
    expect(unitLineUnit('单位：亿元 万元')).toBe('conflict');
  });
});

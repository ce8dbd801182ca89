import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { parseCsv } from '../../pipelines/publish/csvCell.ts';
import { writeAnnualReport } from '../../pipelines/report/writeAnnualReport.ts';
import { fakeChartRenderer } from '../fixtures/report/fixtureWarehouse.ts';
import { buildFixtureWarehouse } from '../models/buildFixture.ts';
import { rowsOf } from '../models/rows.ts';

// End to end by hand (issue 11, item 5): eleven enterprises (test/fixtures/models/industry_slices.sql, all in
// 吴兴区 330502, so the city's numbers are 吴兴区's) → mart.index_inputs → mart.growth_index → the 2018 report's
// summary cell, and → mart.index_inputs_by_industry → mart.*_index_by_industry → the 八大万亿产业 table.
//
// Region (all eleven firms; the 时尚 firms S1–S8 plus X1, X2, X3, which exist since 2016 and file both years):
//   2017: active 5 + 3 = 8, all 8 filed: revenue 300 + 30 + 20 + 20 = 370, employees 30 + 3 + 2 + 2 = 37,
//         assets 550 + 50 + 30 + 30 = 660, profit+tax 20 + 2 + 1 + 1 = 24, tech staff 2, R&D 1, births 3.
//   2018: active 7 + 3 = 10, 9 filers (S8 none): revenue 410 + 33 + 20 + 20 = 483, employees 39 + 7 = 46,
//         assets 600 + 110 = 710, profit+tax 23 + 4 = 27, tech staff 6, R&D 4, births 3.
//   A1 = 100·10/8 = 125; A2 = 100·483/370 = 130.5405; A3 = 100·46/37 = 124.3243; A4 = 100·710/660 = 107.5758;
//   A5 = 100·27/24 = 112.5; A = mean = 119.9881245.
//   B1 = 100·(483/710)/(370/660) = 121.3475; B2 = 100·(6/46)/(2/37) = 241.3043; B3 = 100·(4/483)/(1/370) =
//   306.4182; B4 = 100·(483/46)/(370/37) = 105; B = mean = 193.5175280.
//   C = C1 = 100·3/3 = 100 (C2: no conversion in 2017, C3: no upgrades in the first data year, C4: no cohort).
//   D: no plan data, every indicator drops, D is missing.
//   total = (0.30·119.9881245 + 0.25·193.5175280 + 0.30·100) / 0.85 = 134.5597875 → printed 134.6, +34.6 on
//   2017 (the base year, 100).
// 时尚 (S1–S8; worked out in test/models/industryIndex.test.ts): growth 135.2489274 → 135.2 (+35.2), vitality
//   126.3518515 → 126.4 (+26.4). 信息经济 is X1 alone: every value rests on one firm and prints "—".

let dir: string;
let out: string;

beforeAll(async () => {
  const wh = await buildFixtureWarehouse(['industry_slices.sql']);
  dir = dirname(wh.path);
  wh.close();
  out = join(dir, 'out');
  await writeAnnualReport({
    dbPath: join(dir, 'w.duckdb'),
    year: 2018,
    outDir: out,
    charts: fakeChartRenderer,
  });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csvRow(table: string, first: string): string[] {
  const rows = parseCsv(readFileSync(join(out, '2018', 'tables', `${table}.csv`), 'utf8'));
  const row = rows.find((r) => r[0].replace(/^\uFEFF/, '') === first);
  if (!row) throw new Error(`no row ${first} in ${table}`);
  return row;
}

describe('a published index value worked out by hand from eleven enterprises', () => {
  it('computes the city inputs and growth index of 2018 as worked out above, module by module', async () => {
    const wh = await openWarehouse(join(dir, 'w.duckdb'), { readOnly: true });
    try {
      const inputs = await withConnection(wh, (con) =>
        rowsOf(
          con,
          `select year, variable, value from mart.index_inputs where region_code = '330500'
            and variable in ('active', 'revenue_sum', 'profit_tax_sum', 'births') order by variable, year`,
        ),
      );
      expect(inputs).toEqual([
        { year: 2017, variable: 'active', value: 8 },
        { year: 2018, variable: 'active', value: 10 },
        { year: 2017, variable: 'births', value: 3 },
        { year: 2018, variable: 'births', value: 3 },
        { year: 2017, variable: 'profit_tax_sum', value: 24 },
        { year: 2018, variable: 'profit_tax_sum', value: 27 },
        { year: 2017, variable: 'revenue_sum', value: 370 },
        { year: 2018, variable: 'revenue_sum', value: 483 },
      ]);
      const rows = await withConnection(wh, (con) =>
        rowsOf(
          con,
          `select code, value from mart.growth_index where methodology_version = 'v1' and year = 2018
            and region_code = '330500' and code in ('A1', 'A', 'B2', 'B', 'C', 'D', 'total') order by code`,
        ),
      );
      const by = Object.fromEntries(rows.map((r) => [r.code, r.value]));
      expect(by.A1).toBe(125);
      expect(by.A).toBeCloseTo(119.98812448812448, 10);
      expect(by.B2).toBeCloseTo(2220000 / 9200, 10);
      expect(by.B).toBeCloseTo(193.51752800390278, 10);
      expect(by.C).toBe(100);
      expect(by.D).toBeNull();
      expect(by.total).toBeCloseTo(134.55978746754477, 10);
    } finally {
      wh.close();
    }
  });

  it('prints it in the report summary: 湖州市 134.6, +34.6 on the base year', () => {
    expect(csvRow('summary-headline', '湖州市').slice(0, 3)).toEqual(['湖州市', '134.6', '34.6']);
  });

  it('prints the 时尚 indices in the 八大万亿产业 table, and "—" for 信息经济 (one firm)', () => {
    expect(csvRow('industry-indices', '时尚')).toEqual(['时尚', '135.2', '35.2', '126.4', '26.4']);
    expect(csvRow('industry-indices', '信息经济')).toEqual(['信息经济', '—', '—', '—', '—']);
  });
});

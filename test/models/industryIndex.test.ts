import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { methodologyPath } from '../../pipelines/methodology/loadMethodology.ts';
import { buildFixtureWarehouse } from './buildFixture.ts';
import { rowsOf } from './rows.ts';

// Fixture test/fixtures/models/industry_slices.sql: eleven firms of 吴兴区, 2017 (base year) and 2018. The 时尚 slice
// of the city is S1–S8 (X1 is declared 信息经济, X2 declared 无, X3 has no proxy). Its inputs, by hand:
//   2017: active S1 S2 S3 S5 S6 = 5, all filed: revenue 100+60+50+50+40 = 300, employees 10+6+5+5+4 = 30,
//         assets 200+90+100+100+60 = 550, profit+tax 8+5+3+3+1 = 20, tech staff 1+1 = 2, R&D 1;
//         births S2 S5 S6 = 3; taxpayers S1 S3 S2 S5 = 4 of 5 new firms (all born 2016–2017).
//   2018: S6 closed, S4 S7 S8 born: active 7, filers 6 (S8 files nothing): revenue 150+60+90+50+30+30 = 410,
//         employees 12+6+8+5+4+4 = 39, assets 220+80+120+100+40+40 = 600, profit+tax 10+2+6+3+1+1 = 23,
//         tech staff 2+1+1+0+1+1 = 6, R&D 3+1 = 4; births 3; 7 new firms, 6 with revenue, 3 paying tax.
// Growth 2018 (base 2017 = 100):
//   A1 = 100·7/5 = 140; A2 = 100·410/300 = 136.67; A3 = 100·39/30 = 130; A4 = 100·600/550 = 109.09;
//   A5 = 100·23/20 = 115; A = (140 + 410/3 + 130 + 1200/11 + 115)/5 = 4163/33 = 126.1515…
//   B1 = 100·(410/600)/(300/550) = 125.2778; B2 = 100·(6/39)/(2/30) = 3000/13 = 230.7692;
//   B3 = 100·(4/410)/(1/300) = 12000/41 = 292.6829; B4 = 100·(410/39)/(300/30) = 4100/39 = 105.1282;
//   B = their mean = 188.4645351…
//   C1 = 100·3/3 = 100; C2 drops (no conversion in 2017: base 0), C3 (no upgrades in the first data year) and C4
//   (no 2014/2015 cohorts) have no base: C = 100.
//   D1–D4: plan data exist per region only: region_level_only; D has no indicator left.
//   total = (0.30·A + 0.25·B + 0.30·C) / 0.85 = 135.2489274435…
// Vitality 2018:
//   V1a = 100; V1b = 100·(3/3272772)/(3/3225368) = 100·3225368/3272772 = 98.5516 (the city's population);
//   V1c drops (constant_within_industry); V1 = 99.2757821…
//   V2a = 100·(6/7)/(5/5) = 85.71; V2b = 100·(410/7)/(300/5) = 97.62; V2c = 4100/39 = 105.13;
//   V2d = 100·(3/7)/(4/5) = 53.57; V2 = 85.5082418…
//   V3a, V3b: no base cohort (2016 is no data year); V3c = 100·(39/7)/(30/5) = 92.857…; V3 = V3c.
//   V4a = B3 = 292.68; V4b = B2 = 230.77; V4c drops (no 科技型 firm: base 0); V4 = 261.7260788…
//   total = 0.3·V1 + 0.3·V2 + 0.2·V3 + 0.2·V4 = 126.3518514947…

describe('indices per 八大万亿产业 on eleven enterprises (methodology §8)', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    // v1-county: v1 with county × industry rows.
    const county = JSON.parse(readFileSync(methodologyPath('v1'), 'utf8'));
    county.version = 'v1-county';
    county.industry_slices.county_by_industry = true;
    const file = join(mkdtempSync(join(tmpdir(), 'xw-county-')), 'v1-county.json');
    writeFileSync(file, JSON.stringify(county));
    wh = await buildFixtureWarehouse(['industry_slices.sql'], ['v1', file]);
  });
  afterAll(() => wh?.close());

  const q = (sql: string) => withConnection(wh, (con) => rowsOf(con, sql));

  it('classes firms by declared industry, else by proxy: 时尚 has S1–S8, 信息经济 only X1, X2 and X3 none', async () => {
    expect(
      await q(`select priority_industry as k, year, value as active from mart.index_inputs_by_industry
        where region_code = '330500' and variable = 'active' and value > 0 order by all`),
    ).toEqual([
      { k: '信息经济', year: 2017, active: 1 },
      { k: '信息经济', year: 2018, active: 1 },
      { k: '时尚', year: 2017, active: 5 },
      { k: '时尚', year: 2018, active: 7 },
    ]);
    // The region counts every firm: 5 + X1 + X2 + X3 = 8 in 2017, 7 + 3 = 10 in 2018.
    expect(
      await q(`select year, value as active from mart.index_inputs
        where region_code = '330500' and variable = 'active' order by year`),
    ).toEqual([
      { year: 2017, active: 8 },
      { year: 2018, active: 10 },
    ]);
  });

  it('computes the 时尚 inputs from its firms and leaves plan data and the priority share empty', async () => {
    expect(
      await q(`select variable, year, value, n_enterprises as n from mart.index_inputs_by_industry
        where region_code = '330500' and priority_industry = '时尚'
          and variable in ('revenue_sum', 'profit_tax_sum', 'births', 'opening_rate', 'plan_12', 'priority_share')
        order by variable, year`),
    ).toEqual([
      { variable: 'births', year: 2017, value: 3, n: 3 },
      { variable: 'births', year: 2018, value: 3, n: 3 },
      { variable: 'opening_rate', year: 2017, value: 1, n: 5 },
      { variable: 'opening_rate', year: 2018, value: 6 / 7, n: 7 },
      { variable: 'plan_12', year: 2017, value: null, n: null },
      { variable: 'plan_12', year: 2018, value: null, n: null },
      { variable: 'priority_share', year: 2017, value: null, n: 3 },
      { variable: 'priority_share', year: 2018, value: null, n: 3 },
      { variable: 'profit_tax_sum', year: 2017, value: 20, n: 5 },
      { variable: 'profit_tax_sum', year: 2018, value: 23, n: 6 },
      { variable: 'revenue_sum', year: 2017, value: 300, n: 5 },
      { variable: 'revenue_sum', year: 2018, value: 410, n: 6 },
    ]);
  });

  it('computes the 时尚 growth index of the city in 2018 as worked out above', async () => {
    const rows = await q(`select level, code, value, dropped_reason as why, n_enterprises as n
      from mart.growth_index_by_industry
      where methodology_version = 'v1' and year = 2018 and region_code = '330500' and priority_industry = '时尚'
      order by level, code`);
    const by = new Map(rows.map((r) => [r.code, r]));
    const expected: [string, number][] = [
      ['A1', 140],
      ['A2', 41000 / 300],
      ['A3', 130],
      ['A4', 60000 / 550],
      ['A5', 115],
      ['A', 4163 / 33],
      ['B1', (100 * (410 / 600)) / (300 / 550)],
      ['B2', 3000 / 13],
      ['B3', 12000 / 41],
      ['B4', 4100 / 39],
      ['B', 188.4645351261205],
      ['C1', 100],
      ['C', 100],
      ['total', 135.24892744351138],
    ];
    for (const [code, value] of expected) expect(by.get(code)?.value, code).toBeCloseTo(value, 10);
    expect(
      ['C2', 'C3', 'C4', 'D1', 'D2', 'D3', 'D4', 'D'].map((c) => [c, by.get(c)?.value, by.get(c)?.why]),
    ).toEqual([
      ['C2', null, 'base_nonpositive'],
      ['C3', null, 'base_missing'],
      ['C4', null, 'base_missing'],
      ['D1', null, 'region_level_only'],
      ['D2', null, 'region_level_only'],
      ['D3', null, 'region_level_only'],
      ['D4', null, 'region_level_only'],
      ['D', null, 'no_children'],
    ]);
    // An aggregate counts the enterprises of its largest present child: A from A1 (7 active), total from A.
    expect([by.get('A2')?.n, by.get('B')?.n, by.get('C')?.n, by.get('total')?.n]).toEqual([6, 6, 3, 7]);
  });

  it('computes the 时尚 vitality index of the city in 2018, V1c dropped as constant within an industry', async () => {
    const rows = await q(`select code, value, dropped_reason as why from mart.vitality_index_by_industry
      where methodology_version = 'v1' and year = 2018 and region_code = '330500' and priority_industry = '时尚'`);
    const by = new Map(rows.map((r) => [r.code, r]));
    const expected: [string, number][] = [
      ['V1b', (100 * 3225368) / 3272772],
      ['V1', 99.27578211986659],
      ['V2a', 600 / 7],
      ['V2d', 1500 / 28],
      ['V2', 85.50824175824175],
      ['V3', 3900 / 42],
      ['V4', 261.72607879924954],
      ['total', 126.35185149471098],
    ];
    for (const [code, value] of expected) expect(by.get(code)?.value, code).toBeCloseTo(value, 10);
    expect([by.get('V1c')?.why, by.get('V3a')?.why, by.get('V4c')?.why]).toEqual([
      'constant_within_industry',
      'base_missing',
      'base_nonpositive',
    ]);
  });

  it('publishes the city by default and counties too when the version asks (county_by_industry)', async () => {
    expect(
      await q(`select methodology_version as v, list(distinct region_code order by region_code) as regions,
          count(distinct priority_industry)::integer as industries
        from mart.growth_index_by_industry group by 1 order by 1`),
    ).toEqual([
      { v: 'v1', regions: ['330500'], industries: 8 },
      {
        v: 'v1-county',
        regions: ['330500', '330502', '330503', '330521', '330522', '330523'],
        industries: 8,
      },
    ]);
    // 吴兴区 holds every firm: its 时尚 growth total equals the city's.
    const [r] =
      await q(`select value from mart.growth_index_by_industry where methodology_version = 'v1-county'
      and year = 2018 and region_code = '330502' and priority_industry = '时尚' and code = 'total'`);
    expect(r.value).toBeCloseTo(135.24892744351138, 10);
  });
});

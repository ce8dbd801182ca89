import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readSql } from '../../pipelines/db/sqlFile.ts';
import { openWarehouse, readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { runSqlScript } from '../../pipelines/models/runSqlScript.ts';
import { buildFixtureWarehouse } from './buildFixture.ts';

// Fixture test/fixtures/models/growth_paths.sql, t = 2019 (t−3 = 2016; rule: in scope at t−3 with ≥ 10 employees,
// alive with filings at t−3 and t, (x_t / x_{t−3})^(1/3) − 1 > 10 %; gazelle: established in t−5 or later):
//   吴兴 H1 est 2014: 10 → 14 persons (11.9 %/yr) → HGE, gazelle (2019 − 2014 = 5 ≤ 5); revenue flat.
//        H2 est 2012 (agriculture: size by revenue only, 100万 → 小型): 1000 → 1331 persons and 100 → 133.1万,
//           exactly 10 %/yr on both measures → not HGE.
//        H7 est 2013: 10 → 20 persons (26 %/yr) → HGE, not a gazelle (6 years); revenue 0 → 500: growth undefined.
//        Out of the population: H4 (9 persons at t−3), H5 (no 2019 filing), H6 (closed 2019-06-30, filed 2019),
//        H8 (规上 in 2016: not in scope).
//   南浔 H3 est 2012 (agriculture): 1000 → 1332 persons, 100 → 133.2万 (10.03 %/yr) → HGE on both, 332 jobs.
const Row = z.object({
  year: z.number(),
  region_code: z.string(),
  measure: z.string(),
  base_population: z.number(),
  hge: z.number(),
  gazelles: z.number(),
  share: z.number().nullable(),
  jobs_created: z.number(),
});
let wh: Warehouse;
let rows: z.infer<typeof Row>[];
const row = (year: number, region: string, measure: string) => {
  const r = rows.find((x) => x.year === year && x.region_code === region && x.measure === measure);
  if (!r) throw new Error(`no row ${year} ${region} ${measure}`);
  return r;
};
afterAll(() => wh?.close());
beforeAll(async () => {
  wh = await buildFixtureWarehouse(['growth_paths.sql']);
  rows = await withConnection(wh, (con) =>
    readRows(
      con,
      Row,
      "select * exclude (methodology_version) from mart.high_growth where methodology_version = 'v1'",
    ),
  );
});

describe('high-growth enterprises and gazelles (Eurostat–OECD, methodology §9)', () => {
  it('counts by employment: exactly 10 % is not high growth, fewer than 10 persons at t−3 is out', () => {
    // Population H1, H2, H7 (H4, H5, H6, H8 out); HGE H1, H7; gazelle H1; jobs (14 − 10) + (20 − 10) = 14.
    expect(row(2019, '330502', 'employment')).toEqual({
      year: 2019,
      region_code: '330502',
      measure: 'employment',
      base_population: 3,
      hge: 2,
      gazelles: 1,
      share: 2 / 3,
      jobs_created: 14,
    });
  });

  it('counts by revenue over the same population; a zero start revenue is not high growth', () => {
    // H1 flat, H2 exactly 10 %, H7 from 0: none in 吴兴.  南浔 H3 100 → 133.2 (10.03 %): one, 332 jobs.
    expect(row(2019, '330502', 'revenue')).toMatchObject({
      base_population: 3,
      hge: 0,
      gazelles: 0,
      share: 0,
    });
    expect(row(2019, '330503', 'revenue')).toMatchObject({ base_population: 1, hge: 1, jobs_created: 332 });
  });

  it('places firms by county at t and computes the city from its own firms', () => {
    // City: population 4 (H1, H2, H7, H3), HGE by employment 3, gazelles 1, jobs 4 + 10 + 332 = 346.
    expect(row(2019, '330500', 'employment')).toMatchObject({
      base_population: 4,
      hge: 3,
      gazelles: 1,
      share: 0.75,
      jobs_created: 346,
    });
    expect(row(2019, '330500', 'revenue')).toMatchObject({ hge: 1, share: 0.25, jobs_created: 332 });
  });

  it('starts in the first year whose t−3 is a data year and leaves an empty population without a share', () => {
    expect([...new Set(rows.map((r) => r.year))].sort()).toEqual([2019, 2020]);
    // 2020 (t−3 = 2017): nobody in scope with a 2017 filing (only 规上 J1 and H8 filed then).
    expect(row(2020, '330502', 'employment')).toMatchObject({ base_population: 0, hge: 0, share: null });
  });
});

describe('annualised_growth macro', () => {
  const cases: [string, number | null][] = [
    ['1000, 1331, 3', 0.1], // exactly 10 %: rounding removes the 1e-16 that would make it "> 10 %"
    ['1000, 1332, 3', 0.100275413], // 1.332^(1/3) − 1 (python: round(1.332 ** (1 / 3) − 1, 9))
    ['100.0, 133.1, 3', 0.1],
    ['100.0, 110.0, 1', 0.1],
    ['0, 500, 3', null], // no start: undefined, not infinite
    ['10, null, 3', null],
    ['10, 0, 3', -1],
  ];
  it.each(cases)('annualised_growth(%s) = %s', async (args, expected) => {
    const mem = await openWarehouse(':memory:');
    try {
      const out = await withConnection(mem, async (con) => {
        await runSqlScript(con, readSql('macros/annualised_growth.sql'));
        // Literal test values only: the arguments are the case table above.
        return readRows(
          con,
          z.object({ g: z.number().nullable() }),
          `select annualised_growth(${args}) as g`,
        );
      });
      expect(out[0].g).toBe(expected);
    } finally {
      mem.close();
    }
  });
});

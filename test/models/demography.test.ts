import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildFixtureWarehouse } from './buildFixture.ts';
import { rowsOf } from './rows.ts';

// Fixture (test/fixtures/models/five_enterprises.sql), industry 33 = 工业 (小型: ≥20 persons and ≥300万元):
//   E1 吴兴 born 2017, 20 persons/300万 → 小型          E2 吴兴 born 2017, 19 persons → 微型, closed 2018-06-30
//   E3 吴兴 个转企 2017 (not a birth)                    E4 吴兴 born 2017, 300 persons/2000万 → 中型 (out of scope 2017)
//   E5 南浔 born 2016, no filing 2017, 规上 in 2018      G1 个体工商户 (never counted)
let wh: Warehouse;
let rows: Record<string, unknown>[];
const row = (region: string, year: number) => {
  const r = rows.find((x) => x.region_code === region && x.year === year);
  if (!r) throw new Error(`no row ${region} ${year}`);
  return r;
};

beforeAll(async () => {
  wh = await buildFixtureWarehouse(['five_enterprises.sql']);
  rows = await withConnection(wh, (con) =>
    rowsOf(con, 'select * from mart.business_demography order by year, region_code'),
  );
});
afterAll(() => wh?.close());

describe('business demography on five enterprises', () => {
  it('counts births in scope only, excluding conversions and a 中型 firm', () => {
    // 吴兴 2017 births: E1 and E2; E3 is a conversion, E4 is 中型 in 2017, G1 is not an enterprise.
    expect(row('330502', 2017)).toMatchObject({ births: 2, conversions: 1, deaths: 0 });
    // active end 2017: E1, E2, E3 (E4 out of scope) = 3; birth rate 2/3·100.
    expect(row('330502', 2017).active).toBe(3);
    expect(row('330502', 2017).birth_rate).toBeCloseTo(66.6667, 3);
  });

  it('puts a firm on each side of the 小型 threshold by its filing', async () => {
    const classes = await withConnection(wh, (con) =>
      rowsOf(
        con,
        "select uscc, size_class, in_scope from mart.enterprise_year where year = 2017 and uscc in ('E1','E2','E4') order by uscc",
      ),
    );
    expect(classes).toEqual([
      { uscc: 'E1', size_class: '小型', in_scope: true },
      { uscc: 'E2', size_class: '微型', in_scope: true },
      { uscc: 'E4', size_class: '中型', in_scope: false },
    ]);
  });

  it('counts a death in its closing year and an unfiled year as in scope', () => {
    // 2018: E2 closes (no 2018 filing → in scope) → 1 death; active = E1, E3 and E4 (no 2018 filing → in scope).
    expect(row('330502', 2018)).toMatchObject({ deaths: 1, active: 3, births: 0 });
  });

  it('computes survival over birth cohorts with conversions excluded', () => {
    // Cohort 2017 in 吴兴 = {E1, E2} (not E3, the conversion); at the end of 2018 only E1 is alive → 1/2.
    expect(row('330502', 2018).survival_1y).toBe(0.5);
    expect(row('330502', 2018).cohort_1y).toBe(2);
    expect(row('330502', 2019).survival_2y).toBe(0.5);
    // No births in 2016 in 吴兴: no cohort, survival missing rather than 0.
    expect(row('330502', 2017).survival_1y).toBeNull();
  });

  it('counts a 小升规 upgrade from an unfiled (in-scope) previous year', () => {
    expect(row('330503', 2018).upgrades).toBe(1);
    // E5 is 规上 in 2018, so 南浔 has no small/micro firm active at the end of 2018.
    expect(row('330503', 2018).active).toBe(0);
    expect(row('330503', 2017).active).toBe(1);
  });

  it('computes city values from city-wide firms, not from county averages', () => {
    // City births 2017 = 吴兴 2 + 南浔 0; birth rate = 2 / (3 + 1) · 100 = 50, not the county mean (66.7 + n/a).
    expect(row('330500', 2017)).toMatchObject({ births: 2, active: 4 });
    expect(row('330500', 2017).birth_rate).toBe(50);
    expect(row('330500', 2016).births).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildFixtureWarehouse } from './buildFixture.ts';

// Fixture test/fixtures/models/growth_paths.sql: year-end snapshots 2016–2020 (2016 = first data year). 吴兴 330502:
//   G1 个体 2015, closed 2018-03-01; G2 个体 2016.  C1 个转企 2018-03-01 (industry), 规上 in 2020.
//   U1 (2015) in scope 2018 → 规上 2019;  U3 wholesale (2017), no 2018 filing → 限上 2019;  U4 中型 in 2018 → 规上 2019
//   (not an upgrade: out of scope in t−1).  J1 有限责任公司 → 股份有限公司 from the 2019 snapshot, 规上 2016–2020.
//   J2 founded 2019 as 股份有限公司 (a birth, not 规改股).  J3 股份 2011, 新三板 from its 2019 filing.
//   L3 股份, 上市 in its 2018 and 2019 filings (none 2017, none 2020).  L2 浙江股权交易中心 in 2020, no 2019 filing.
//   H1…H8 high-growth cases (H8 规上 2016–2019).  南浔/德清: 66 个转企 each in 2019.  长兴: candidate firms
//   (K7 规上 2020 after an in-scope 2019; S3 新三板 in 2020).
let wh: Warehouse;
afterAll(() => wh?.close());
beforeAll(async () => {
  wh = await buildFixtureWarehouse(['growth_paths.sql']);
});

const query = <S extends z.ZodType>(schema: S, sql: string) =>
  withConnection(wh, (con) => readRows(con, schema, sql));

const StageRow = z.object({ year: z.number(), stage: z.string(), enterprises: z.number() });
const PathRow = z.object({
  year: z.number(),
  region_code: z.string(),
  flow: z.string(),
  board: z.string().nullable(),
  enterprises: z.number().nullable(),
  base_enterprises: z.number().nullable(),
  rate: z.number().nullable(),
});

describe('registry history keeps the entity type per snapshot', () => {
  it('shows J1 as 有限责任公司 until 2018 and 股份有限公司 from the 2019 snapshot', async () => {
    const states = await query(
      z.object({ valid_from: z.string(), entity_type: z.string() }),
      "select valid_from::varchar as valid_from, entity_type from staging.stg_registry_history where uscc = 'J1' order by valid_from",
    );
    expect(states).toEqual([
      { valid_from: '2016-12-31', entity_type: '有限责任公司' },
      { valid_from: '2019-12-31', entity_type: '股份有限公司' },
    ]);
    const years = await query(
      z.object({ year: z.number(), entity_type: z.string(), is_joint_stock: z.boolean() }),
      "select year, entity_type, is_joint_stock from mart.growth_path_enterprises where uscc = 'J1' and year in (2018, 2019) order by year",
    );
    expect(years).toEqual([
      { year: 2018, entity_type: '有限责任公司', is_joint_stock: false },
      { year: 2019, entity_type: '股份有限公司', is_joint_stock: true },
    ]);
  });
});

describe('mart.growth_stages (吴兴)', () => {
  let stages: z.infer<typeof StageRow>[];
  const stage = (year: number, s: string) =>
    stages.find((r) => r.year === year && r.stage === s)?.enterprises;
  beforeAll(async () => {
    stages = await query(
      StageRow,
      "select year, stage, enterprises from mart.growth_stages where region_code = '330502'",
    );
  });

  it('counts 个体工商户 alive at the end of t (P0)', () => {
    // 2017: G1 and G2; 2018: G1 closed on 2018-03-01 (its 个转企), only G2.
    expect([stage(2017, 'P0'), stage(2018, 'P0')]).toEqual([2, 1]);
  });

  it('counts small/micro enterprises as §1 (P1) and 规上 by the filing flag (P2)', () => {
    // P1 2018: C1 (15 persons → 微型), U1, J3, L3 (小型), U3, L2, H1, H2, H4, H5, H6, H7 (no 2018 filing: in scope);
    // not U4 (中型), J1 and H8 (规上) → 12.  P2 2018: J1, H8 → 2;  2019: U1, U3, U4, J1, H8 → 5.
    expect(stage(2018, 'P1')).toBe(12);
    expect([stage(2018, 'P2'), stage(2019, 'P2')]).toEqual([2, 5]);
  });

  it('counts 股份有限公司 by the type of the latest snapshot (P3) and listed firms by the filing (P4)', () => {
    // P3 2018: J3, L3; 2019: J1 (changed), J2 (founded), J3, L3 → 4.
    expect([stage(2018, 'P3'), stage(2019, 'P3')]).toEqual([2, 4]);
    // P4 2018: L3; 2019: L3, J3; 2020: J3 and L2 (L3 filed nothing in 2020, so it is not shown as listed).
    expect([stage(2018, 'P4'), stage(2019, 'P4'), stage(2020, 'P4')]).toEqual([1, 2, 2]);
  });
});

describe('mart.growth_paths', () => {
  let paths: z.infer<typeof PathRow>[];
  const path = (year: number, region: string, flow: string, board: string | null = null) => {
    const r = paths.find(
      (p) => p.year === year && p.region_code === region && p.flow === flow && p.board === board,
    );
    if (!r) throw new Error(`no row ${year} ${region} ${flow} ${board}`);
    return r;
  };
  beforeAll(async () => {
    paths = await query(PathRow, 'select * from mart.growth_paths');
  });

  it('counts 个转企 in its year, with the rate over the 个体 stock at the end of t−1', () => {
    // C1 converts in 2018; P0 吴兴 at the end of 2017 = 2 → rate 1/2.
    expect(path(2018, '330502', '个转企')).toMatchObject({ enterprises: 1, base_enterprises: 2, rate: 0.5 });
    // 66 + 66 conversions in 南浔 and 德清 in 2019: city 132 (吴兴 none that year).
    expect(path(2019, '330500', '个转企').enterprises).toBe(132);
    // 南浔 had no 个体 at the end of 2018: no denominator, the rate is missing rather than infinite.
    expect(path(2019, '330503', '个转企')).toMatchObject({
      enterprises: 66,
      base_enterprises: 0,
      rate: null,
    });
  });

  it('counts 小升规 only for firms in scope at the end of t−1 (an unfiled t−1 counts as in scope)', () => {
    // 2019: U1 (in scope 2018) and U3 (no 2018 filing); not U4 (中型 in 2018); P1 2018 = 12 → 2/12.
    expect(path(2019, '330502', '小升规')).toMatchObject({ enterprises: 2, base_enterprises: 12 });
    expect(path(2019, '330502', '小升规').rate).toBeCloseTo(2 / 12, 12);
    // 2020: C1 in 吴兴, K7 in 长兴.
    expect(path(2020, '330502', '小升规').enterprises).toBe(1);
    expect(path(2020, '330522', '小升规').enterprises).toBe(1);
  });

  it('counts 规改股 as a change of type, not the founding of a 股份有限公司', () => {
    // J1 changes in 2019 (P2 吴兴 at the end of 2018 = 2 → 1/2); J2, founded as 股份 in 2019, is not counted.
    expect(path(2019, '330502', '规改股')).toMatchObject({ enterprises: 1, base_enterprises: 2, rate: 0.5 });
    expect(path(2020, '330502', '规改股').enterprises).toBe(0);
  });

  it('counts new listings per board: not listed in t−1 (no filing counts as not listed), listed in t', () => {
    // L3 上市 in 2018 (no 2017 filing) and not again in 2019; J3 新三板 2019; L2 浙股交 2020 (no 2019 filing).
    expect(path(2018, '330502', '挂牌上市', '上市').enterprises).toBe(1);
    expect(path(2019, '330502', '挂牌上市', '上市').enterprises).toBe(0);
    // P3 吴兴 at the end of 2018 = 2 (J3, L3) → 1/2; at the end of 2019 = 4 → 1/4.
    expect(path(2019, '330502', '挂牌上市', '新三板')).toMatchObject({ enterprises: 1, rate: 0.5 });
    expect(path(2020, '330502', '挂牌上市', '浙江股权交易中心')).toMatchObject({
      enterprises: 1,
      rate: 0.25,
    });
    // City 2020: S3 (长兴) 新三板, L2 (吴兴) 浙股交; J3 stays on 新三板 and is not new.
    expect(path(2020, '330500', '挂牌上市', '新三板').enterprises).toBe(1);
    expect(path(2020, '330500', '挂牌上市', '浙江股权交易中心').enterprises).toBe(1);
  });

  it('leaves flows that need t−1 unknown in the first data year (2016), but not 个转企', () => {
    expect(path(2016, '330502', '小升规').enterprises).toBeNull();
    expect(path(2016, '330502', '规改股').enterprises).toBeNull();
    expect(path(2016, '330502', '挂牌上市', '新三板').enterprises).toBeNull();
    expect(path(2016, '330502', '个转企').enterprises).toBe(0);
  });

  it('equals mart.business_demography for 个转企 and 小升规 in every region and year', async () => {
    const diff = await query(
      z.object({ n: z.number() }),
      `select count(*)::integer as n
       from mart.growth_paths as p
       join mart.business_demography as d using (year, region_code)
       where (p.flow = '个转企' and p.enterprises is distinct from d.conversions)
          or (p.flow = '小升规' and p.enterprises is distinct from d.upgrades)`,
    );
    const compared = await query(
      z.object({ n: z.number() }),
      "select count(*)::integer as n from mart.growth_paths where flow in ('个转企', '小升规')",
    );
    expect(diff[0].n).toBe(0);
    // 5 years × 6 regions × 2 flows compared.
    expect(compared[0].n).toBe(60);
  });
});

describe('mart.upgrade_times', () => {
  it('gives the median and quartiles of years from establishment (or 个转企) to 小升规', async () => {
    const rows = await query(
      z.object({
        year: z.number(),
        region_code: z.string(),
        n: z.number(),
        p25: z.number().nullable(),
        median: z.number().nullable(),
        p75: z.number().nullable(),
      }),
      "select * from mart.upgrade_times where region_code in ('330500', '330502') order by year, region_code",
    );
    const at = (y: number, r: string) => rows.find((x) => x.year === y && x.region_code === r);
    // 吴兴 2019: U1 2019 − 2015 = 4, U3 2019 − 2017 = 2 → quartiles by linear interpolation 2.5, 3, 3.5.
    expect(at(2019, '330502')).toMatchObject({ n: 2, p25: 2.5, median: 3, p75: 3.5 });
    // 2020: C1 counts from its 个转企 (2018) → 2; city adds K7 (2020 − 2015 = 5): [2, 5] → 2.75, 3.5, 4.25.
    expect(at(2020, '330502')).toMatchObject({ n: 1, p25: 2, median: 2, p75: 2 });
    expect(at(2020, '330500')).toMatchObject({ n: 2, p25: 2.75, median: 3.5, p75: 4.25 });
    // No upgrade: n = 0 and no quartiles; the first data year (2016) has no row.
    expect(at(2018, '330502')).toMatchObject({ n: 0, median: null });
    expect(at(2016, '330502')).toBeUndefined();
  });
});

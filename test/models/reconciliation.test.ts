import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildFixtureWarehouse } from './buildFixture.ts';

// Fixture test/fixtures/models/growth_paths.sql with its 2019 plan reports. Flag (methodology §9): |difference| >
// 10 % of the report AND |difference| > 5 firms, both strict.
const Row = z.object({
  year: z.number(),
  region_code: z.string(),
  indicator_no: z.number(),
  registry_value: z.number().nullable(),
  reported_value: z.number().nullable(),
  difference: z.number().nullable(),
  ratio: z.number().nullable(),
  flagged: z.boolean().nullable(),
});
let wh: Warehouse;
let rows: z.infer<typeof Row>[];
const row = (year: number, region: string, no: number) => {
  const r = rows.find((x) => x.year === year && x.region_code === region && x.indicator_no === no);
  if (!r) throw new Error(`no row ${year} ${region} ${no}`);
  return r;
};
afterAll(() => wh?.close());
beforeAll(async () => {
  wh = await buildFixtureWarehouse(['growth_paths.sql']);
  rows = await withConnection(wh, (con) =>
    readRows(
      con,
      Row,
      `select year, region_code, indicator_no, registry_value, reported_value, difference, ratio, flagged
       from mart.plan_reconciliation where methodology_version = 'v1'`,
    ),
  );
});

describe('mart.plan_reconciliation', () => {
  it('does not flag a difference of exactly 10 % of the report (66 vs 60: 6 = 10 % of 60)', () => {
    expect(row(2019, '330503', 4)).toMatchObject({
      registry_value: 66,
      reported_value: 60,
      difference: 6,
      ratio: 1.1,
      flagged: false,
    });
  });

  it('flags just over both thresholds (66 vs 59: 7 > 5.9 and 7 > 5)', () => {
    expect(row(2019, '330521', 4)).toMatchObject({ difference: 7, flagged: true });
  });

  it('does not flag exactly 5 firms even when far over 10 % (0 vs 5), and flags 6 (0 vs 6)', () => {
    expect(row(2019, '330522', 4)).toMatchObject({
      registry_value: 0,
      difference: -5,
      ratio: 0,
      flagged: false,
    });
    expect(row(2019, '330523', 4)).toMatchObject({ difference: -6, flagged: true });
  });

  it('needs both conditions: 8 firms is more than 5 but less than 10 % of 140', () => {
    // City 2019: 66 + 66 conversions = 132 against 140 reported.
    expect(row(2019, '330500', 4)).toMatchObject({ registry_value: 132, difference: -8, flagged: false });
  });

  it('compares indicator 6 with industrial upgrades only and 7 with 新三板 + 浙江股权交易中心 only', () => {
    // 吴兴 2019 小升规 = U1 (industry) + U3 (wholesale): indicator 6 = 1.  2018: L3 上市 is not indicator 7.
    expect(row(2019, '330502', 6)).toMatchObject({ registry_value: 1, reported_value: 1, flagged: false });
    expect(row(2019, '330502', 7)).toMatchObject({ registry_value: 1, reported_value: 1 });
    expect(row(2018, '330502', 7).registry_value).toBe(0);
    // 规改股 J1 against 5 reported: 4 firms apart is not flagged.
    expect(row(2019, '330502', 8)).toMatchObject({ registry_value: 1, difference: -4, flagged: false });
  });

  it('keeps plan years without a report, unflagged (NULL), and covers 2018–2020 × 6 regions × 4 indicators', () => {
    expect(row(2019, '330502', 4)).toMatchObject({ registry_value: 0, reported_value: null, flagged: null });
    expect(row(2018, '330502', 4).registry_value).toBe(1);
    expect(rows.length).toBe(3 * 6 * 4);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { buildFixtureWarehouse } from './buildFixture.ts';

// monthly_flows.sql: snapshots 2019-12-31, 2020-12-31 and 2021-03-15, so the covered months are 2019-01 (January
// of the first snapshot's year) to 2021-03, the last one partial (15 March is not the month's last day).
// Expected from the latest snapshot (worked out entity by entity in the fixture's comments):
//   births            2019-01 330521 (E10), 2019-02 330522 (E12), 2019-03 330502 (E01), 2019-05 330502 (E02),
//                     2019-08 330503 (E06, relocated: its latest county), 2020-01 city only (E08, county 330500),
//                     2020-02 330503 (E03), 2020-03 city only (E09, no county), 2020-05 330522 (91E11, unlisted
//                     type with a 91 code), 2021-03 330523 (E05, partial month); E04 is a conversion, E07 a branch.
//   deaths_cancelled  2019-01 330521 (E10, born and closed in the month), 2020-06 330502 (E02).
//   deaths_revoked    2020-12 330503 (E03: 吊销 in the latest snapshot). E12 moved out (迁出): not a death.
//   conversions       2020-07 330521 (E04).
//   indiv_births      2020-08 330523 (92G03), 2021-02 330522 (G02); G01 was founded in 2018, before the cover.
//   indiv_deaths      2020-07 330521 (G01, cancelled by its conversion).
// The city counts every event of its counties plus E08 and E09.
let wh: Warehouse;
const Flow = z.object({
  region_code: z.string(),
  month: z.string(),
  metric: z.string(),
  value: z.number(),
  is_partial: z.boolean(),
  as_of: z.string(),
  previous_value: z.number().nullable(),
  previous_as_of: z.string().nullable(),
});
let flows: z.infer<typeof Flow>[];

const nonZero = (metric: string, region: string) =>
  flows
    .filter((f) => f.metric === metric && f.region_code === region && f.value !== 0)
    .map((f) => `${f.month}:${f.value}`);

beforeAll(async () => {
  wh = await buildFixtureWarehouse(['monthly_flows.sql']);
  flows = await withConnection(wh, (con) =>
    readRows(
      con,
      Flow,
      `select * exclude (as_of, previous_as_of, previous_is_partial), strftime(as_of, '%Y-%m-%d') as as_of,
         strftime(previous_as_of, '%Y-%m-%d') as previous_as_of
       from mart.monthly_flows order by region_code, metric, month`,
    ),
  );
});
afterAll(() => wh?.close());

describe('mart.monthly_flows (methodology §10)', () => {
  it('covers January of the first snapshot year to the latest snapshot month, every region, metric and month', () => {
    // 27 months (2019-01 … 2021-03) × 6 regions × 6 metrics, zeros included.
    expect(flows).toHaveLength(27 * 6 * 6);
    expect(flows[0].month).toBe('2019-01');
    expect(new Set(flows.map((f) => f.month)).size).toBe(27);
    expect(flows.every((f) => f.as_of === '2021-03-15' && f.previous_as_of === '2020-12-31')).toBe(true);
  });

  it('counts births of enterprises by the latest county, without conversions or branches', () => {
    expect(nonZero('births', '330502')).toEqual(['2019-03:1', '2019-05:1']);
    expect(nonZero('births', '330503')).toEqual(['2019-08:1', '2020-02:1']);
    expect(nonZero('births', '330521')).toEqual(['2019-01:1']);
    expect(nonZero('births', '330522')).toEqual(['2019-02:1', '2020-05:1']);
    expect(nonZero('births', '330523')).toEqual(['2021-03:1']);
    expect(nonZero('births', '330500')).toEqual([
      '2019-01:1',
      '2019-02:1',
      '2019-03:1',
      '2019-05:1',
      '2019-08:1',
      '2020-01:1',
      '2020-02:1',
      '2020-03:1',
      '2020-05:1',
      '2021-03:1',
    ]);
  });

  it('splits deaths into 注销 and 吊销 by the latest status, in the month of closed_on', () => {
    expect(nonZero('deaths_cancelled', '330500')).toEqual(['2019-01:1', '2020-06:1']);
    expect(nonZero('deaths_cancelled', '330502')).toEqual(['2020-06:1']);
    expect(nonZero('deaths_revoked', '330500')).toEqual(['2020-12:1']);
    expect(nonZero('deaths_revoked', '330503')).toEqual(['2020-12:1']);
  });

  it('counts 个转企 and 个体工商户 births and deaths inside the covered months only', () => {
    expect(nonZero('conversions', '330500')).toEqual(['2020-07:1']);
    expect(nonZero('conversions', '330521')).toEqual(['2020-07:1']);
    expect(nonZero('indiv_births', '330500')).toEqual(['2020-08:1', '2021-02:1']);
    expect(nonZero('indiv_deaths', '330521')).toEqual(['2020-07:1']);
  });

  it('marks only the latest snapshot month as partial', () => {
    expect([...new Set(flows.filter((f) => f.is_partial).map((f) => f.month))]).toEqual(['2021-03']);
  });

  it('keeps the value the previous snapshot gave, NULL where it did not cover the month', () => {
    const cell = (region: string, month: string, metric: string) =>
      flows.find((f) => f.region_code === region && f.month === month && f.metric === metric);
    // The 2020-12-31 snapshot still said 存续 for E03 (closed_on decides: a 注销 then), now 吊销.
    expect(cell('330503', '2020-12', 'deaths_cancelled')).toMatchObject({ value: 0, previous_value: 1 });
    expect(cell('330503', '2020-12', 'deaths_revoked')).toMatchObject({ value: 1, previous_value: 0 });
    expect(cell('330523', '2021-02', 'indiv_births')?.previous_value).toBeNull();
  });

  it('records as revisions the past months a later snapshot moved, not the months it merely completed', async () => {
    const revisions = await withConnection(wh, (con) =>
      readRows(
        con,
        z.object({
          key: z.string(),
          old_value: z.number(),
          new_value: z.number(),
          old_as_of: z.string(),
        }),
        `select region_code || ' ' || month || ' ' || metric as key, old_value, new_value,
           strftime(old_as_of, '%Y-%m-%d') as old_as_of
         from mart.monthly_flow_revisions order by key`,
      ),
    );
    // E03 moves from 注销 to 吊销 (city and 南浔区); E06's birth moves from 吴兴区 to 南浔区 (the city's count
    // stays). Nothing between 2019-12-31 and 2020-12-31: no past month changed.
    expect(revisions).toEqual([
      { key: '330500 2020-12 deaths_cancelled', old_value: 1, new_value: 0, old_as_of: '2020-12-31' },
      { key: '330500 2020-12 deaths_revoked', old_value: 0, new_value: 1, old_as_of: '2020-12-31' },
      { key: '330502 2019-08 births', old_value: 1, new_value: 0, old_as_of: '2020-12-31' },
      { key: '330503 2019-08 births', old_value: 0, new_value: 1, old_as_of: '2020-12-31' },
      { key: '330503 2020-12 deaths_cancelled', old_value: 1, new_value: 0, old_as_of: '2020-12-31' },
      { key: '330503 2020-12 deaths_revoked', old_value: 0, new_value: 1, old_as_of: '2020-12-31' },
    ]);
  });
});

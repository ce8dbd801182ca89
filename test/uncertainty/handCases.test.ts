import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readRows, type Warehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { loadRankingInputs, runCustomScenario } from '../../pipelines/uncertainty/customScenario.ts';
import { buildHandWarehouse } from './handWarehouse.ts';

// The fixture (test/fixtures/uncertainty/rankings.sql) sets every value by hand; see its header.
const Interval = z.object({
  index_name: z.string(),
  year: z.number(),
  region_code: z.string(),
  nominal_rank: z.number(),
  median_rank: z.number(),
  rank_p05: z.number(),
  rank_p95: z.number(),
  share_first: z.number(),
  value_p05: z.number(),
  value_p95: z.number(),
});
const Sobol = z.object({
  index_name: z.string(),
  year: z.number(),
  input: z.string(),
  first_order: z.number().nullable(),
  total_order: z.number().nullable(),
});
const DropOne = z.object({
  region_code: z.string(),
  value: z.number().nullable(),
  rank: z.number().nullable(),
});

let dir: string;
let wh: Warehouse;
let intervals: z.infer<typeof Interval>[];

beforeAll(async () => {
  ({ dir, wh } = await buildHandWarehouse());
  await withConnection(wh, async (con) => {
    intervals = await readRows(
      con,
      Interval,
      'select * exclude (methodology_version) from mart.rank_uncertainty',
    );
  });
});

afterAll(() => {
  wh?.close();
  rmSync(dir, { recursive: true, force: true });
});

const interval = (index: string, year: number, region: string) => {
  const row = intervals.find((r) => r.index_name === index && r.year === year && r.region_code === region);
  if (!row) throw new Error(`no interval for ${index} ${year} ${region}`);
  return row;
};
const ranks = (r: z.infer<typeof Interval>) => [r.nominal_rank, r.rank_p05, r.median_rank, r.rank_p95];

describe('rank intervals known by hand', () => {
  it('ranks counties only, at year ends only: growth 2017 and 2020, scorecard 2020', () => {
    const keys = [...new Set(intervals.map((r) => `${r.index_name} ${r.year}`))].sort();
    expect(keys).toEqual(['growth 2017', 'growth 2020', 'scorecard 2020']);
    expect(intervals.filter((r) => r.region_code === '330500')).toEqual([]);
    expect(intervals).toHaveLength(15);
  });

  it('ranks a county that leads on every indicator first in every draw', () => {
    for (const index of ['growth', 'scorecard']) {
      const leader = interval(index, 2020, '330502');
      expect(ranks(leader)).toEqual([1, 1, 1, 1]);
      expect(leader.share_first).toBe(1);
    }
    // Every growth indicator of the leader is 150, so every weighting and either mean gives 150.
    expect(interval('growth', 2020, '330502').value_p05).toBeCloseTo(150, 9);
    expect(interval('growth', 2020, '330502').value_p95).toBeCloseTo(150, 9);
  });

  it('gives two identical counties the same rank and value intervals', () => {
    for (const index of ['growth', 'scorecard']) {
      const { region_code: _a, ...twin1 } = interval(index, 2020, '330503');
      const { region_code: _b, ...twin2 } = interval(index, 2020, '330521');
      expect(twin1).toEqual(twin2);
    }
  });

  it('moves the twins and the rival past each other in a share of draws, as the weights allow', () => {
    // Growth: twins − rival ∝ 40·W_A − 20·(W_B + W_C + W_D) with W = nominal × U(0.75, 1.25): mean −2 (in units
    // of 0.3·40·f_A − …), sd ≈ 2.1, so the twins lead the rival in ≈ 17 % of draws (≥ 5 %, < 50 %):
    // twins 3 nominally, 2 at the 5th percentile; the rival 2 nominally, 4 at the 95th (twins tie on 2).
    expect(ranks(interval('growth', 2020, '330503'))).toEqual([3, 2, 3, 3]);
    expect(ranks(interval('growth', 2020, '330522'))).toEqual([2, 2, 2, 4]);
    expect(ranks(interval('growth', 2020, '330523'))).toEqual([5, 5, 5, 5]);
    // Scorecard: twins − rival = Σ_{1..9} 20·w_i − Σ_{10..19} 17·w_i: mean 10, sd ≈ 11.6, so the rival leads in
    // ≈ 19 % of draws: twins 2 (3 at the 95th percentile), rival 4 (2 at the 5th).
    expect(ranks(interval('scorecard', 2020, '330503'))).toEqual([2, 2, 2, 3]);
    expect(ranks(interval('scorecard', 2020, '330522'))).toEqual([4, 2, 4, 4]);
    expect(interval('scorecard', 2020, '330522').share_first).toBe(0);
  });

  it('keeps the base-year tie (every county 100) in every draw, though one county has an indicator fewer', () => {
    for (const region of ['330502', '330503', '330521', '330522', '330523']) {
      const r = interval('growth', 2017, region);
      expect(ranks(r)).toEqual([1, 1, 1, 1]);
      expect(r.share_first).toBe(1);
    }
  });
});

describe('Sobol indices known by hand', () => {
  it('gives 0 to inputs that cannot move a rank and leaves a year whose ranks never move without indices', async () => {
    const rows = await withConnection(wh, (con) =>
      readRows(con, Sobol, 'select * exclude (methodology_version) from mart.sensitivity_sobol order by all'),
    );
    // Within each growth module all indicators are equal, so indicator weights and leaving one indicator out
    // change no module mean (beyond rounding) and no rank: both their indices are exactly 0.
    const growth2020 = rows.filter((r) => r.index_name === 'growth' && r.year === 2020);
    const by = (input: string) => growth2020.find((r) => r.input === input);
    expect(by('indicator_weights')).toMatchObject({ first_order: 0, total_order: 0 });
    expect(by('exclusion')).toMatchObject({ first_order: 0, total_order: 0 });
    expect(by('module_weights')?.total_order).toBeGreaterThan(0.1);
    expect(by('aggregation')?.total_order).toBeGreaterThan(0);
    // 2017: no scenario moves any rank, the output has no variance, so no index is defined.
    const growth2017 = rows.filter((r) => r.index_name === 'growth' && r.year === 2017);
    expect(growth2017.map((r) => [r.first_order, r.total_order])).toEqual([
      [null, null],
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(rows.filter((r) => r.index_name === 'scorecard').map((r) => r.input)).toEqual([
      'indicator_weights',
    ]);
  });
});

describe('drop-one known by hand', () => {
  const dropOne = (index: string, code: string) =>
    withConnection(wh, (con) =>
      readRows(
        con,
        DropOne,
        `select region_code, value, rank from mart.sensitivity_drop_one
         where index_name = $index and dropped_code = $code and year = 2020 order by region_code`,
        { index, code },
      ),
    );

  it('drops scorecard indicator 1: twins (8·110 + 10·90)/18 = 98.89 fall behind the rival (8·90 + 10·107)/18 = 99.44', async () => {
    const rows = await dropOne('scorecard', '1');
    expect(rows.map((r) => r.rank)).toEqual([null, 1, 3, 3, 2, 5]);
    expect(rows[2].value).toBeCloseTo(1780 / 18, 12);
    expect(rows[4].value).toBeCloseTo(1790 / 18, 12);
    expect(rows[0].value).toBe(100);
  });

  it('drops scorecard indicator 19: twins (9·110 + 9·90)/18 = 100 stay ahead of the rival (9·90 + 9·107)/18 = 98.5', async () => {
    const rows = await dropOne('scorecard', '19');
    expect(rows.map((r) => r.rank)).toEqual([null, 1, 2, 2, 4, 5]);
    expect(rows[2].value).toBe(100);
    expect(rows[4].value).toBe(98.5);
  });

  it('drops growth A1: module A is still the mean of four 140s, the twins stay at 0.3·140 + 0.7·100 = 112', async () => {
    const rows = await dropOne('growth', 'A1');
    expect(rows.map((r) => r.rank)).toEqual([null, 1, 3, 3, 2, 5]);
    expect(rows[2].value).toBeCloseTo(112, 9);
    expect(rows[4].value).toBeCloseTo(114, 9);
  });
});

describe('a custom scenario (the 方法稳健性 notebook)', () => {
  it('reproduces the published ranks at nominal settings, and moves the twins past the rival when module A weighs 1', async () => {
    const inputs = await withConnection(wh, (con) => loadRankingInputs(con));
    const growth = inputs.find((r) => r.indexName === 'growth');
    if (!growth) throw new Error('no growth ranking');
    const ranks = (rows: ReturnType<typeof runCustomScenario>) =>
      rows
        .filter((r) => r.year === 2020)
        .sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1))
        .map((r) => [r.regionCode, r.rank, r.nominalRank]);
    expect(ranks(runCustomScenario(growth, {}))).toEqual([
      ['330502', 1, 1],
      ['330503', 3, 3],
      ['330521', 3, 3],
      ['330522', 2, 2],
      ['330523', 5, 5],
    ]);
    // A = 1.0: twins (1·140 + 0.7·100) / 1.7 = 123.5 > rival (1·100 + 0.7·120) / 1.7 = 108.2.
    const heavyA = runCustomScenario(growth, { weights: { A: 1 } });
    expect(ranks(heavyA).map((r) => r[1])).toEqual([1, 2, 2, 4, 5]);
    const twin = heavyA.find((r) => r.year === 2020 && r.regionCode === '330503');
    expect(twin?.value).toBeCloseTo(210 / 1.7, 9);
    expect(() => runCustomScenario(growth, { excluded: 'Z9' })).toThrow(/no module or indicator Z9/);
  });
});

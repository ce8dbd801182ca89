import { describe, expect, it } from 'vitest';
import { computeIndex, type IndexInput } from '../../pipelines/indices/computeIndex.ts';
import type { IndexDefinition } from '../../pipelines/methodology/schema.ts';

// A two-module index: M (weight 0.6) = { up (+1), down (−1) }, N (weight 0.4) = { solo (+1) }.
const def: IndexDefinition = {
  name_zh: '测试指数',
  name_en: 'Test index',
  modules: [
    {
      code: 'M',
      name_zh: '模块M',
      name_en: 'M',
      weight: 0.6,
      indicators: [
        { code: 'M1', name_zh: '上', name_en: 'up', variable: 'x_up', direction: 1, weight: 1 },
        { code: 'M2', name_zh: '下', name_en: 'down', variable: 'x_down', direction: -1, weight: 1 },
      ],
    },
    {
      code: 'N',
      name_zh: '模块N',
      name_en: 'N',
      weight: 0.4,
      indicators: [
        { code: 'N1', name_zh: '独', name_en: 'solo', variable: 'x_solo', direction: 1, weight: 1 },
      ],
    },
  ],
};

const input = (region_code: string, year: number, variable: string, value: number | null): IndexInput => ({
  region_code,
  year,
  variable,
  value,
  n_enterprises: 10,
});

const inputs: IndexInput[] = [
  // Region R1: everything present.
  input('R1', 2017, 'x_up', 200),
  input('R1', 2017, 'x_down', 50),
  input('R1', 2017, 'x_solo', 10),
  input('R1', 2018, 'x_up', 250),
  input('R1', 2018, 'x_down', 40),
  input('R1', 2018, 'x_solo', 12),
  // Region R2: x_down's base is 0 (dropped, weights renormalised); x_solo missing in 2018 (module N drops).
  input('R2', 2017, 'x_up', 100),
  input('R2', 2017, 'x_down', 0),
  input('R2', 2017, 'x_solo', 5),
  input('R2', 2018, 'x_up', 90),
  input('R2', 2018, 'x_down', 30),
  input('R2', 2018, 'x_solo', null),
];

const rows = computeIndex(def, inputs, 2017, 'vtest');
const value = (region: string, year: number, code: string) =>
  rows.find((r) => r.region_code === region && r.year === year && r.code === code);

describe('index computation (methodology §3) on the composite engine', () => {
  it('indexes a direction +1 indicator as 100·X(t)/X(B)', () => {
    expect(value('R1', 2018, 'M1')?.value).toBeCloseTo(125, 12); // 100·250/200
  });

  it('indexes a direction −1 indicator as 100·X(B)/X(t)', () => {
    expect(value('R1', 2018, 'M2')?.value).toBeCloseTo(125, 12); // 100·50/40
  });

  it('aggregates modules and total as weighted arithmetic means', () => {
    // M = (125 + 125)/2 = 125; N = 100·12/10 = 120; total = 0.6·125 + 0.4·120 = 123.
    expect(value('R1', 2018, 'M')?.value).toBeCloseTo(125, 12);
    expect(value('R1', 2018, 'total')?.value).toBeCloseTo(123, 12);
    // The base year is 100 everywhere.
    expect(value('R1', 2017, 'total')?.value).toBeCloseTo(100, 12);
  });

  it('drops an indicator whose base is not positive and renormalises the module weights', () => {
    const dropped = value('R2', 2018, 'M2');
    expect(dropped?.value).toBeNull();
    expect(dropped?.raw_value).toBe(30);
    expect(dropped?.dropped_reason).toBe('base_nonpositive');
    // M = M1 alone = 100·90/100 = 90 (not (90 + 0)/2 = 45).
    expect(value('R2', 2018, 'M')?.value).toBeCloseTo(90, 12);
  });

  it('drops a module whose indicators all dropped and renormalises the total', () => {
    expect(value('R2', 2018, 'N1')?.dropped_reason).toBe('value_missing');
    expect(value('R2', 2018, 'N')?.value).toBeNull();
    // total = M only = 90 (weights 0.6/0.6), not 0.6·90 + 0.4·0 = 54.
    expect(value('R2', 2018, 'total')?.value).toBeCloseTo(90, 12);
  });

  it('keeps one row per region, year and code with the version on every row', () => {
    // 2 regions × 2 years × (3 indicators + 2 modules + 1 total) = 24 rows.
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r.methodology_version))).toEqual(new Set(['vtest']));
  });
});

import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readSql } from '../../pipelines/db/sqlFile.ts';
import { readRows } from '../../pipelines/db/warehouse.ts';
import { createRng } from '../../pipelines/generate/random.ts';
import { rankCounties } from '../../pipelines/uncertainty/rankCounties.ts';
import { saltelliDesign } from '../../pipelines/uncertainty/saltelliDesign.ts';
import {
  inputWidths,
  scenarioParameters,
  UNCERTAIN_INPUTS,
  type UncertaintyParameters,
  type UncertaintyTree,
} from '../../pipelines/uncertainty/scenarioParameters.ts';
import { scenarioValue, weightedMean } from '../../pipelines/uncertainty/scenarioValue.ts';

const settings: UncertaintyParameters = {
  draws: 10,
  seed: 1,
  weight_factor_min: 0.75,
  weight_factor_max: 1.25,
  geometric_probability: 0.5,
  exclusion_probability: 0.5,
};
// Two modules: M (0.6) = {M1, M2}, N (0.4) = {N1}.
const tree: UncertaintyTree = {
  modules: [
    { code: 'M', weight: 0.6, first: 0, end: 2 },
    { code: 'N', weight: 0.4, first: 2, end: 3 },
  ],
  indicators: [
    { code: 'M1', weight: 1 },
    { code: 'M2', weight: 1 },
    { code: 'N1', weight: 1 },
  ],
};

describe('Saltelli design', () => {
  const design = saltelliDesign(4, [2, 1], createRng(20180608, 1));
  it('has N·(d+2) runs: A, B, then A with each input from B', () => {
    expect(design).toHaveLength(4 * 4);
    expect(design.map((r) => r.block)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    expect(design.map((r) => r.run)).toEqual([...Array(16).keys()]);
  });
  it('swaps a whole input group and nothing else', () => {
    for (let j = 0; j < 4; j++) {
      const [a, b, ab1, ab2] = [0, 1, 2, 3].map((block) => design[block * 4 + j].inputs);
      expect(ab1).toEqual([b[0], a[1]]);
      expect(ab2).toEqual([a[0], b[1]]);
      expect(a[0]).toHaveLength(2);
    }
  });
  it('draws the same design from the same seed, another from another', () => {
    expect(saltelliDesign(4, [2, 1], createRng(20180608, 1))).toEqual(design);
    expect(saltelliDesign(4, [2, 1], createRng(20180609, 1))[0].inputs).not.toEqual(design[0].inputs);
  });
});

describe('scenario parameters (methodology §11)', () => {
  it('maps uniforms to weight factors 0.75–1.25, the mean and the indicator left out', () => {
    expect(inputWidths(tree, UNCERTAIN_INPUTS)).toEqual([2, 3, 1, 1]);
    const p = scenarioParameters(tree, UNCERTAIN_INPUTS, [[0, 1], [0.5, 0, 1], [0.49], [0.5]], settings);
    // M: 0.6 × 0.75 = 0.45, N: 0.4 × 1.25 = 0.5; indicators 1 × (1, 0.75, 1.25).
    expect(p.moduleWeights[0]).toBeCloseTo(0.45, 15);
    expect(p.moduleWeights[1]).toBe(0.5);
    expect([...p.indicatorWeights]).toEqual([1, 0.75, 1.25]);
    // 0.49 < 0.5: geometric; exclusion u = 0.5 opens the first of three slices of [0.5, 1): M1.
    expect(p.geometric).toBe(true);
    expect(p.excluded).toBe(0);
  });
  it('leaves nothing out below 1 − p and the last indicator at the top of the range', () => {
    const at = (u: number) =>
      scenarioParameters(tree, UNCERTAIN_INPUTS, [[0, 0], [0, 0, 0], [0.5], [u]], settings);
    expect(at(0.4999).excluded).toBe(-1);
    expect(at(0.7).excluded).toBe(1); // (0.7 − 0.5) / 0.5 · 3 = 1.2 → the second slice
    expect(at(0.9999).excluded).toBe(2);
    expect(at(0.4999).geometric).toBe(false);
  });
  it('keeps the nominal value of every input a ranking does not vary (the scorecard: indicator weights only)', () => {
    const p = scenarioParameters(tree, ['indicator_weights'], [[1, 1, 1]], settings);
    expect([...p.moduleWeights]).toEqual([0.6, 0.4]);
    expect([...p.indicatorWeights]).toEqual([1.25, 1.25, 1.25]);
    expect(p.geometric).toBe(false);
    expect(p.excluded).toBe(-1);
  });
});

describe('weighted means', () => {
  it('renormalises over present entries: [2, —, 8] weighted [1, 5, 3] → (2 + 24) / 4 = 6.5', () => {
    expect(weightedMean([2, Number.NaN, 8], [1, 5, 3], false)).toBe(6.5);
  });
  it('geometric: exp((ln 2 + 3·ln 8) / 4) = 2^(10/4) ≈ 5.656854', () => {
    expect(weightedMean([2, Number.NaN, 8], [1, 5, 3], true)).toBeCloseTo(2 ** 2.5, 12);
  });
  it('has no value with nothing present, zero weight, or a non-positive entry under the geometric mean', () => {
    expect(weightedMean([Number.NaN, Number.NaN], [1, 1], false)).toBeNaN();
    expect(weightedMean([3, 4], [1, 1], false, 0, 2, 0)).toBe(4);
    expect(weightedMean([3], [0], false)).toBeNaN();
    expect(weightedMean([3, 0], [1, 1], true)).toBeNaN();
    expect(weightedMean([3, 0], [1, 1], false)).toBe(1.5);
  });
  it('aggregates a county under one scenario: modules, then the total', () => {
    // M = (1·120 + 0.75·90) / 1.75 = 187.5 / 1.75 = 107.142857…; N1 left out → N missing; total = M.
    const p = { moduleWeights: Float64Array.of(0.45, 0.5), indicatorWeights: Float64Array.of(1, 0.75, 1.25) };
    const v = scenarioValue(
      tree,
      {
        values: Float64Array.of(120, 90, 200),
        logs: Float64Array.of(Math.log(120), Math.log(90), Math.log(200)),
      },
      { ...p, geometric: false, excluded: 2 },
    );
    expect(v).toBeCloseTo(187.5 / 1.75, 12);
    // Nothing left out: total = (0.45·107.142857 + 0.5·200) / 0.95.
    const all = scenarioValue(
      tree,
      {
        values: Float64Array.of(120, 90, 200),
        logs: Float64Array.of(Math.log(120), Math.log(90), Math.log(200)),
      },
      { ...p, geometric: false, excluded: -1 },
    );
    expect(all).toBeCloseTo((0.45 * (187.5 / 1.75) + 0.5 * 200) / 0.95, 12);
  });
  it('list_weighted_mean (SQL, drop-one) gives the same hand values', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    try {
      await con.run(readSql('macros/list_weighted_mean.sql'));
      const rows = await readRows(
        con,
        z.object({ a: z.number(), g: z.number(), none: z.null(), zero: z.null(), nonpositive: z.null() }),
        `select list_weighted_mean([2.0, null, 8.0], [1.0, 5.0, 3.0], false) as a,
                list_weighted_mean([2.0, null, 8.0], [1.0, 5.0, 3.0], true) as g,
                list_weighted_mean([null, null]::double[], [1.0, 1.0], false) as none,
                list_weighted_mean([3.0], [0.0], false) as zero,
                list_weighted_mean([3.0, 0.0], [1.0, 1.0], true) as nonpositive`,
      );
      expect(rows[0].a).toBe(6.5);
      expect(rows[0].g).toBeCloseTo(2 ** 2.5, 12);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });
});

describe('county ranks', () => {
  it('share the better rank on ties, skip missing values, and count values within 1e-9 as tied', () => {
    const values = [110, 120, 110, Number.NaN, 90, 100, 100 + 4e-11, 99.9999999999999];
    const ranks = new Int32Array(values.length);
    rankCounties(
      values,
      [
        [0, 1, 2, 3, 4],
        [5, 6, 7],
      ],
      ranks,
    );
    expect([...ranks]).toEqual([2, 1, 2, 0, 4, 1, 1, 1]);
  });
});

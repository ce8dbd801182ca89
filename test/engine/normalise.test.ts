import { describe, expect, it } from 'vitest';
import { baseYearIndex } from '../../pipelines/engine/baseYearIndex.ts';
import { goalposts, minMax, zScore } from '../../pipelines/engine/normaliseColumn.ts';
import { normaliseFrame } from '../../pipelines/engine/normaliseFrame.ts';
import type { IMetaRow } from '../../pipelines/engine/types.ts';

describe('min–max (METHOD.md §7)', () => {
  it('maps min→0 and max→100, flipping direction −1 first', () => {
    // 2, 4, 10: range 8 → (4−2)/8·100 = 25
    expect(minMax([2, 4, 10], 1, 0, 100).values).toEqual([0, 25, 100]);
    // dir −1: v = −2,−4,−10; lo −10, hi −2 → (−2+10)/8·100 = 100, (−4+10)/8·100 = 75
    expect(minMax([2, 4, 10], -1, 0, 100).values).toEqual([100, 75, 0]);
  });

  it('keeps missing cells missing and turns a constant column into missing (NaN)', () => {
    expect(minMax([null, 3, 5], 1, 0, 100).values).toEqual([null, 0, 100]);
    expect(minMax([7, 7, null], 1, 0, 100)).toEqual({ values: [null, null, null], zeroSpread: true });
  });
});

describe('z-score (COINr n_zscore, sample sd)', () => {
  it('uses the n − 1 standard deviation', () => {
    // 1,2,3: mean 2, sd = sqrt((1+0+1)/2) = 1
    expect(zScore([1, 2, 3], 1, 0, 1).values).toEqual([-1, 0, 1]);
    expect(zScore([1, 2, 3], -1, 0, 1).values).toEqual([1, 0, -1]);
    // rescaled to mean 50, sd 10: 40, 50, 60
    expect(zScore([1, 2, 3], 1, 50, 10).values).toEqual([40, 50, 60]);
    // 2,4,4,4,5,5,7,9: mean 5, Σd² = 32, sd = sqrt(32/7) = 2.13809; (9−5)/2.13809 = 1.87083
    expect(zScore([2, 4, 4, 4, 5, 5, 7, 9], 1, 0, 1).values[7]).toBeCloseTo(4 / Math.sqrt(32 / 7), 14);
  });

  it('gives missing for one value or zero sd', () => {
    expect(zScore([4, null], 1, 0, 1).values).toEqual([null, null]);
    expect(zScore([4, 4], 1, 0, 1).zeroSpread).toBe(true);
  });
});

describe('goalposts (COINr n_goalposts)', () => {
  it('scales (x − lo)/(hi − lo), truncates to the posts, direction −1 measured from hi', () => {
    // lo 0, hi 10, scale 100: 0→0, 5→50, 10→100, 15→150 truncated to 100
    expect(goalposts([0, 5, 10, 15], 1, 0, 10, 100, true).values).toEqual([0, 50, 100, 100]);
    expect(goalposts([0, 5, 10, 15], 1, 0, 10, 100, false).values).toEqual([0, 50, 100, 150]);
    // dir −1: (x − 10)/(0 − 10): 0→100, 5→50, 10→0, 15→−50 truncated to 0
    expect(goalposts([0, 5, 10, 15], -1, 0, 10, 100, true).values).toEqual([100, 50, 0, 0]);
  });

  it('uses iMeta Target as the good end and the observed worst as the other', () => {
    const up: IMetaRow = {
      level: 1,
      iCode: 'U',
      iName: 'U',
      direction: 1,
      weight: 1,
      target: 8,
      parent: null,
      type: 'Indicator',
    };
    const down: IMetaRow = { ...up, iCode: 'D', direction: -1, target: 2 };
    const frame = {
      keys: [0, 1, 2].map((i) => ({ uCode: `u${i}`, time: null })),
      columns: { U: [0, 4, 10], D: [2, 6, 10] },
    };
    const reasons = { U: [null, null, null], D: [null, null, null] };
    const cfg = {
      method: 'goalposts' as const,
      byIndicator: {},
      useTarget: true,
      scale: 100,
      truncate: true,
    };
    const out = normaliseFrame(frame, [up, down], [[0, 1, 2]], cfg, reasons);
    // U: lo = min 0, hi = target 8 → 0, 50, 100 (10 truncated)
    expect(out.frame.columns.U).toEqual([0, 50, 100]);
    // D: lo = target 2, hi = max 10 → (x−10)/(2−10): 2→100, 6→50, 10→0
    expect(out.frame.columns.D).toEqual([100, 50, 0]);
  });
});

describe('base-year ratio', () => {
  const keys = [
    { uCode: 'A', time: 2017 },
    { uCode: 'A', time: 2018 },
    { uCode: 'B', time: 2017 },
    { uCode: 'B', time: 2018 },
    { uCode: 'C', time: 2018 },
  ];
  it('is 100·x/x_B for direction +1 and 100·x_B/x for −1', () => {
    // A: 100·60/40 = 150; B: 100·30/20 = 150
    expect(baseYearIndex(keys, [40, 60, 20, 30, 5], 1, 2017).values.slice(0, 4)).toEqual([
      100, 150, 100, 150,
    ]);
    // dir −1: A 100·40/60 = 66.67
    expect(baseYearIndex(keys, [40, 60, 20, 30, 5], -1, 2017).values[1]).toBe((100 * 40) / 60);
  });

  it('records why a value is dropped', () => {
    const r = baseYearIndex(keys, [0, 60, 20, -1, 5], 1, 2017);
    expect(r.values).toEqual([null, null, 100, null, null]);
    expect(r.reasons).toEqual([
      'base_nonpositive',
      'base_nonpositive',
      null,
      'value_nonpositive',
      'base_missing',
    ]);
    const m = baseYearIndex(keys, [null, 60, 20, null, 5], 1, 2017);
    expect(m.reasons.slice(0, 4)).toEqual(['base_missing', 'base_missing', null, 'value_missing']);
  });
});

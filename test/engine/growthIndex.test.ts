import { describe, expect, it } from 'vitest';
import { baseYearIndexConfig } from '../../pipelines/engine/engineConfig.ts';
import { runEngine } from '../../pipelines/engine/runEngine.ts';
import type { EngineDataset, EngineUnitRow, IMetaRow } from '../../pipelines/engine/types.ts';

// A miniature growth index: modules A (weight 0.6) and B (0.4) under `total`; base year 2017.
//   A1 (+1, w 1), A2 (−1, w 1), A3 (+1, w 2) → A;   B1 (+1, w 1), B2 (+1, w 1) → B
const ind = (iCode: string, parent: string, direction: 1 | -1, weight: number): IMetaRow => ({
  level: 1,
  iCode,
  iName: iCode,
  direction,
  weight,
  parent,
  type: 'Indicator',
});
const meta: IMetaRow[] = [
  ind('A1', 'A', 1, 1),
  ind('A2', 'A', -1, 1),
  ind('A3', 'A', 1, 2),
  ind('B1', 'B', 1, 1),
  ind('B2', 'B', 1, 1),
  { level: 2, iCode: 'A', iName: 'A', direction: 1, weight: 0.6, parent: 'total', type: 'Aggregate' },
  { level: 2, iCode: 'B', iName: 'B', direction: 1, weight: 0.4, parent: 'total', type: 'Aggregate' },
  { level: 3, iCode: 'total', iName: 'total', direction: 1, weight: 1, parent: null, type: 'Aggregate' },
];
const row = (uCode: string, time: number, values: EngineUnitRow['values']): EngineUnitRow => ({
  uCode,
  time,
  groups: {},
  denominators: {},
  values,
});
// Rows deliberately out of order: the engine sorts by uCode, then time.
const data: EngineDataset = {
  panel: true,
  rows: [
    row('R2', 2018, { A1: 180, A2: 100, A3: 10, B1: null, B2: 0 }),
    row('R1', 2018, { A1: 110, A2: 40, A3: 25, B1: 12, B2: 5 }),
    row('R2', 2017, { A1: 200, A2: 80, A3: 0, B1: 30, B2: 6 }),
    row('R1', 2017, { A1: 100, A2: 50, A3: 20, B1: 10, B2: 4 }),
  ],
};

describe('base-year index configuration (methodology §3)', () => {
  const result = runEngine(data, meta, baseYearIndexConfig(2017));
  const at = (u: string, t: number) => {
    const r = result.rows.find((x) => x.uCode === u && x.time === t);
    if (!r) throw new Error(`no row ${u} ${t}`);
    return r;
  };

  it('sorts rows by uCode then time', () => {
    expect(result.rows.map((r) => `${r.uCode}/${r.time}`)).toEqual([
      'R1/2017',
      'R1/2018',
      'R2/2017',
      'R2/2018',
    ]);
  });

  it('indexes each indicator to its base-year value, inverting direction −1', () => {
    const r = at('R1', 2018);
    // A1 = 100·110/100 = 110; A2 (−1) = 100·50/40 = 125; A3 = 100·25/20 = 125
    // B1 = 100·12/10 = 120; B2 = 100·5/4 = 125
    expect(r.normalised).toEqual({ A1: 110, A2: 125, A3: 125, B1: 120, B2: 125 });
    // A = (1·110 + 1·125 + 2·125)/4 = 485/4 = 121.25; B = (120 + 125)/2 = 122.5
    expect(r.aggregates.A).toBe(121.25);
    expect(r.aggregates.B).toBe(122.5);
    // total = 0.6·121.25 + 0.4·122.5 = 72.75 + 49 = 121.75
    expect(r.aggregates.total).toBeCloseTo(121.75, 12);
    expect(r.dropped).toEqual({});
  });

  it('gives 100 everywhere in the base year except for dropped indicators', () => {
    expect(at('R1', 2017).aggregates.total).toBeCloseTo(100, 12);
    // R2's A3 base value is 0 → dropped; A = (100 + 100)/2 = 100
    expect(at('R2', 2017).dropped).toEqual({ A3: 'base_nonpositive' });
    expect(at('R2', 2017).aggregates.A).toBe(100);
  });

  it('drops an indicator with a zero base value and renormalises the module weights', () => {
    const r = at('R2', 2018);
    // A1 = 100·180/200 = 90; A2 (−1) = 100·80/100 = 80; A3 base 0 → dropped (its weight 2 leaves)
    expect(r.normalised.A1).toBe(90);
    expect(r.normalised.A2).toBe(80);
    expect(r.normalised.A3).toBeNull();
    // A = (1·90 + 1·80)/(1 + 1) = 85, not (90 + 80 + 0)/4
    expect(r.aggregates.A).toBe(85);
  });

  it('drops a module whose indicators all drop and renormalises the total over the rest', () => {
    const r = at('R2', 2018);
    // B1 missing in 2018, B2 = 0 in 2018 → both dropped → B missing
    expect(r.dropped).toEqual({ A3: 'base_nonpositive', B1: 'value_missing', B2: 'value_nonpositive' });
    expect(r.aggregates.B).toBeNull();
    expect(r.aggregateDropped).toEqual({ B: 'no_children' });
    // total = 0.6·85/0.6 = 85
    expect(r.aggregates.total).toBe(85);
  });

  it('keeps treated values equal to the raw X (no denomination, imputation or treatment)', () => {
    expect(at('R2', 2018).treated).toEqual({ A1: 180, A2: 100, A3: 10, B1: null, B2: 0 });
    expect(result.treatment).toEqual([]);
    expect(result.imputed).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { aggregateTree, weightedMean } from '../../pipelines/engine/aggregateTree.ts';
import { buildMetaTree } from '../../pipelines/engine/metaTree.ts';
import type { IMetaRow } from '../../pipelines/engine/types.ts';

describe('weighted arithmetic mean (METHOD.md §8)', () => {
  it('renormalises weights over the non-missing children', () => {
    // weights 1,1,2 with the third missing: (10 + 20)/2 = 15
    expect(weightedMean([10, 20, null], [1, 1, 2], 'arithmetic')).toEqual({ value: 15, reason: null });
    // all present: (10 + 20 + 2·40)/4 = 27.5
    expect(weightedMean([10, 20, 40], [1, 1, 2], 'arithmetic').value).toBe(27.5);
  });
  it('is missing when no child is available', () => {
    expect(weightedMean([null, null], [1, 1], 'arithmetic')).toEqual({ value: null, reason: 'no_children' });
  });
});

describe('weighted geometric mean', () => {
  it('is exp of the weighted mean of logs', () => {
    // sqrt(4·16) = 8
    expect(weightedMean([4, 16], [1, 1], 'geometric').value).toBeCloseTo(8, 13);
    // weights 1,3: exp((ln 4 + 3 ln 16)/4) = 2^((2 + 12)/4) = 2^3.5 = 11.3137
    expect(weightedMean([4, 16], [1, 3], 'geometric').value).toBeCloseTo(2 ** 3.5, 12);
    // missing child skipped: only 9 left → 9
    expect(weightedMean([null, 9], [1, 3], 'geometric').value).toBeCloseTo(9, 13);
  });
  it('is missing with a reason when a child is ≤ 0', () => {
    expect(weightedMean([0, 16], [1, 1], 'geometric')).toEqual({ value: null, reason: 'child_nonpositive' });
  });
});

describe('aggregation up the tree', () => {
  const row = (
    iCode: string,
    level: number,
    parent: string | null,
    type: IMetaRow['type'],
    weight = 1,
  ): IMetaRow => ({
    level,
    iCode,
    iName: iCode,
    direction: 1,
    weight,
    parent,
    type,
  });
  const meta = [
    row('x1', 1, 'B', 'Indicator'),
    row('x2', 1, 'B', 'Indicator'),
    row('x3', 1, 'A', 'Indicator'),
    row('Top', 3, null, 'Aggregate'),
    row('B', 2, 'Top', 'Aggregate', 3),
    row('A', 2, 'Top', 'Aggregate', 1),
  ];
  it('orders aggregates by level then code and feeds each level from the one below', () => {
    const tree = buildMetaTree(meta);
    expect(tree.aggregates.map((a) => a.iCode)).toEqual(['A', 'B', 'Top']);
    const r = aggregateTree({ x1: [10, 0], x2: [30, null], x3: [50, 8] }, 2, tree, 'arithmetic', {});
    // unit 0: B = 20, A = 50, Top = (3·20 + 1·50)/4 = 27.5; unit 1: B = 0, A = 8, Top = 8/4 = 2
    expect(r.columns).toEqual({ A: [50, 8], B: [20, 0], Top: [27.5, 2] });
    // geometric: unit 1 has the only B child at 0 → B missing (child ≤ 0); Top renormalises to A = 8
    const g = aggregateTree({ x1: [10, 0], x2: [40, null], x3: [50, 8] }, 2, tree, 'geometric', {});
    expect(g.columns.B[0]).toBeCloseTo(20, 12); // sqrt(10·40) = 20
    expect(g.columns.B[1]).toBeNull();
    expect(g.reasons.B[1]).toBe('child_nonpositive');
    expect(g.columns.Top[1]).toBeCloseTo(8, 12);
  });
});

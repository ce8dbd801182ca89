import { describe, expect, it } from 'vitest';
import type { Relation, StatCell } from '../../pipelines/publish/statCell.ts';
import { suppressCells } from '../../pipelines/publish/suppressCells.ts';

// Hand-made tables; minimum 3 enterprises throughout.
function count(key: string, value: number, tier = 5): StatCell {
  return { key, value, builtFrom: { kind: 'enterprises', counts: [value] }, tier, size: value };
}
function index(key: string, value: number, n: number, tier = 0): StatCell {
  return { key, value, builtFrom: { kind: 'enterprises', counts: [n] }, tier, size: n };
}
function sum(id: string, cells: StatCell[]): Relation {
  return { id, kind: 'sum', members: cells.map((c) => c.key), parts: cells.map((c) => c.value ?? 0) };
}
function statuses(d: ReturnType<typeof suppressCells>, cells: StatCell[]): Record<string, string> {
  return Object.fromEntries(cells.map((c) => [c.key, d.status(c.key)]));
}

describe('primary suppression', () => {
  it('withholds a count of 1 or 2 and keeps 0 and 3 (an empty cell reveals no enterprise)', () => {
    const cells = [count('a', 0), count('b', 1), count('c', 2), count('d', 3)];
    expect(statuses(suppressCells(cells, [], 3), cells)).toEqual({
      a: 'shown',
      b: 'primary',
      c: 'primary',
      d: 'shown',
    });
  });

  it('withholds a rate when its numerator or its denominator rests on 1–2 enterprises, not when it is 0', () => {
    const rate = (key: string, num: number, den: number): StatCell => ({
      key,
      value: den === 0 ? null : num / den,
      builtFrom: { kind: 'enterprises', counts: [num, den] },
      tier: 4,
      size: den,
    });
    const cells = [rate('0/50', 0, 50), rate('1/50', 1, 50), rate('40/2', 40, 2), rate('0/0', 0, 0)];
    expect(statuses(suppressCells(cells, [], 3), cells)).toEqual({
      '0/50': 'shown',
      '1/50': 'primary',
      '40/2': 'primary',
      '0/0': 'missing',
    });
  });

  it('never withholds plan data, and withholds an aggregate only when every present part is withheld', () => {
    const cells: StatCell[] = [
      { key: 'plan', value: 5, builtFrom: { kind: 'plan' }, tier: 0, size: 0 },
      index('x1', 101, 2),
      index('x2', 102, 1),
      { key: 'x3', value: null, builtFrom: { kind: 'enterprises', counts: [50] }, tier: 0, size: 50 },
      {
        key: 'small module',
        value: 101.5,
        builtFrom: { kind: 'cells', keys: ['x1', 'x2', 'x3'] },
        tier: 2,
        size: 2,
      },
      {
        key: 'mixed module',
        value: 101.5,
        builtFrom: { kind: 'cells', keys: ['x1', 'plan'] },
        tier: 2,
        size: 2,
      },
    ];
    expect(statuses(suppressCells(cells, [], 3), cells)).toEqual({
      plan: 'shown',
      x1: 'primary',
      x2: 'primary',
      x3: 'missing',
      'small module': 'primary',
      'mixed module': 'shown',
    });
  });
});

describe('secondary suppression', () => {
  it('city = counties: protects a lone 1 with the smallest non-zero county, never with a 0', () => {
    // Counties 1, 0, 40, 50; city 91. 91 − 0 − 40 − 50 would give the 1 back, and so would hiding the 0
    // with it (1 + 0 = 1 is still one firm): the 40 goes.
    const cells = [count('city', 91, 15), count('A', 1), count('B', 0), count('C', 40), count('D', 50)];
    const d = suppressCells(cells, [sum('births', cells)], 3);
    expect(statuses(d, cells)).toEqual({
      city: 'shown',
      A: 'primary',
      B: 'shown',
      C: 'secondary',
      D: 'shown',
    });
  });

  it('two withheld singletons are not enough: 1 + 1 would print a cell of 2 firms', () => {
    const cells = [count('city', 92, 15), count('A', 1), count('B', 1), count('C', 40), count('D', 50)];
    const d = suppressCells(cells, [sum('births', cells)], 3);
    expect(d.status('C')).toBe('secondary');
    expect(d.status('D')).toBe('shown');
    // 1 + 2 = 3 firms together is a publishable total: nothing more is needed.
    const cells2 = [count('city', 93, 15), count('A', 1), count('B', 2), count('C', 40)];
    expect(statuses(suppressCells(cells2, [sum('births', cells2)], 3), cells2)).toEqual({
      city: 'shown',
      A: 'primary',
      B: 'primary',
      C: 'shown',
    });
  });

  it('a module beside its indicators: withholds the cheapest other indicator (lower tier, then fewer firms)', () => {
    // C = mean(C1, C2, C3); C3 rests on 1 firm. C1 and C2 are linked to published counts (tier 3); C4 is
    // not (tier 0) even though it rests on more firms, so C4 goes.
    const cells = [
      index('C', 104, 50, 2),
      index('C1', 110, 30, 3),
      index('C2', 105, 12, 3),
      index('C3', 50, 1, 3),
      index('C4', 99, 60, 0),
    ];
    const rel: Relation = { id: 'C', kind: 'mean', members: cells.map((c) => c.key) };
    expect(statuses(suppressCells(cells, [rel], 3), cells)).toEqual({
      C: 'shown',
      C1: 'shown',
      C2: 'shown',
      C3: 'primary',
      C4: 'secondary',
    });
  });

  it('follows a withheld cell into every relation it is in, to a fixed point', () => {
    // Module C = mean(C3, C4) is dear (tier 6 here) and C4 rests on 2 firms, so C3 is withheld beside it.
    // C3 = 100 × upgrades_t / upgrades_base could then be recomputed from the two printed counts: the
    // smaller, upgrades_base = 8, goes; and since the base year's city count is the sum of its counties',
    // the other county's base count (12) goes too.
    const cells = [
      index('C', 104, 50, 6),
      index('C3', 125, 10, 3),
      index('C4', 99, 2, 3),
      count('up_t', 10),
      count('up_base', 8),
      count('city_up_base', 20, 15),
      count('other_up_base', 12),
    ];
    const relations: Relation[] = [
      { id: 'module C', kind: 'mean', members: ['C', 'C3', 'C4'] },
      { id: 'C3 ratio', kind: 'ratio', members: ['C3', 'up_t', 'up_base'] },
      sum('upgrades base', [cells[5], cells[4], cells[6]]),
    ];
    expect(statuses(suppressCells(cells, relations, 3), cells)).toEqual({
      C: 'shown',
      C3: 'secondary',
      C4: 'primary',
      up_t: 'shown',
      up_base: 'secondary',
      city_up_base: 'shown',
      other_up_base: 'secondary',
    });
  });

  it('takes the same decisions whatever order cells and relations come in', () => {
    const cells = [count('city', 200, 15), ...[1, 7, 9, 2, 30, 151].map((v, i) => count(`c${i}`, v))];
    const rel = sum('s', cells);
    const a = suppressCells(cells, [rel], 3);
    const b = suppressCells([...cells].reverse(), [{ ...rel }], 3);
    expect(statuses(b, cells)).toEqual(statuses(a, cells));
    // 1 and 2 are primary (1 + 2 = 3 firms: protected by each other).
    expect(a.counts()).toEqual({ shown: 5, missing: 0, primary: 2, secondary: 0 });
  });

  it('refuses a relation naming a cell that was never registered', () => {
    expect(() =>
      suppressCells([count('a', 5)], [{ id: 'r', kind: 'ratio', members: ['a', 'ghost'] }], 3),
    ).toThrow(/unknown cell ghost/);
  });
});

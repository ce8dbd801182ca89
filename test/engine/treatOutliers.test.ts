import { describe, expect, it } from 'vitest';
import { skewness } from '../../pipelines/engine/moments.ts';
import { treatColumn } from '../../pipelines/engine/treatOutliers.ts';

const opts = { winmax: 5, skewThreshold: 2, kurtThreshold: 3.5 };
const small = (n: number) => Array.from({ length: n }, (_, i) => i % 10);

// Expected outcomes below were worked out with an independent Python re-implementation of
// METHOD.md §6 (math.fsum moments); the statistics quoted are from it.
describe('winsorisation (METHOD.md §6.2)', () => {
  it('leaves a passing column unchanged', () => {
    const r = treatColumn([1, 2, 3, 10], opts);
    expect(r.info.status).toBe('pass');
    expect(r.values).toEqual([1, 2, 3, 10]);
  });

  it('replaces all tied maxima in one step, so count jumps by the tie size', () => {
    // skew 2.2479, kurt 3.6600 → fails; both 126s become 16 (largest other value); count = 2
    const x = [3, 16, 12, 126, 9, 11, 13, 13, 8, 5, 12, 1, 6, 126];
    const r = treatColumn(x, opts);
    expect(r.info).toMatchObject({ status: 'winsorised', count: 2, side: 'high', changed: [3, 13] });
    expect(r.values).toEqual([3, 16, 12, 16, 9, 11, 13, 13, 8, 5, 12, 1, 6, 16]);
    expect(r.info.skewAfter).toBeCloseTo(-0.47386842, 7);
  });

  it('picks the side from the current skew at each step (low, then high)', () => {
    // skew −3.3438 → low side: −136 → 3; now skew +2.1191, kurt 6.4822 → high side: 46 → 20.
    // count = |HI| + |LO| = 1 + 1 = 2, side 'both'
    const x = [14, 46, -136, 15, 20, 6, 13, 14, 12, 17, 3, 18, 15, 8];
    const r = treatColumn(x, opts);
    expect(r.info).toMatchObject({ status: 'winsorised', count: 2, side: 'both' });
    expect(r.values).toEqual([14, 20, 3, 15, 20, 6, 13, 14, 12, 17, 3, 18, 15, 8]);
  });

  it('lets count jump past winmax through ties (2 → 4 → 6) and stops there', () => {
    // 114 values 0..9 plus 1000,1000,800,800,600,600: three high steps replace 2, then 4, then 6 points
    const x = [...small(114), 1000, 1000, 800, 800, 600, 600];
    const r = treatColumn(x, opts);
    expect(r.info).toMatchObject({ status: 'winsorised', count: 6, side: 'high' });
    expect(r.values.slice(114)).toEqual([9, 9, 9, 9, 9, 9]);
  });

  it('falls back to ln(x − min + 0.01·range) of the ORIGINAL column when winsorising fails', () => {
    // winmax 1: 30 → 7 leaves skew −2.1368, kurt 5.8773 → still failing → log of the original
    // min 0, max 30, a = 0.3: out = ln(x + 0.3); 30 → ln(30.3), not ln(7.3)
    const x = [6, 7, 6, 5, 0, 5, 30, 5, 5, 5];
    const r = treatColumn(x, { ...opts, winmax: 1 });
    expect(r.info.status).toBe('log');
    expect(r.values).toEqual(x.map((v) => Math.log(v - 0 + 0.3)));
    expect(r.values[6]).toBe(Math.log(30.3));
  });

  it('applies the log even after a count jump past the limit (2 → 4 → 6, still failing)', () => {
    // nine 400s remain among 209 values after three steps: skew 4.53 / kurt 18.7 still fail
    const x = [...small(200), 1000, 1000, 800, 800, 600, 600, 400, 400, 400];
    const r = treatColumn(x, opts);
    expect(r.info).toMatchObject({ status: 'log', count: 6 });
    // min 0, max 1000 → a = 10
    expect(r.values[200]).toBe(Math.log(1000 + 10));
    expect(r.values[0]).toBe(Math.log(10));
  });

  it('leaves the column untreated when the test becomes undefined (winsorising to a constant)', () => {
    // nine 1s and a 50 fails (skew 3.16, kurt 10); 50 → 1 leaves zero variance → undefined
    const x = [1, 1, 1, 1, 1, 1, 1, 1, 1, 50];
    const r = treatColumn(x, opts);
    expect(r.info.status).toBe('undefined');
    expect(r.values).toEqual(x);
  });

  it('leaves the column untreated when n < 3 (undefined test)', () => {
    expect(treatColumn([1, 1000], opts)).toMatchObject({ values: [1, 1000], info: { status: 'undefined' } });
    expect(treatColumn([null, 5, null], opts).info.status).toBe('undefined');
  });

  it('ignores missing cells in statistics and keeps them missing', () => {
    const x = [3, 16, 12, 126, null, 9, 11, 13, 13, 8, 5, 12, 1, 6, 126];
    const r = treatColumn(x, opts);
    expect(r.info.count).toBe(2);
    expect(r.values[4]).toBeNull();
    expect(r.values[3]).toBe(16);
    expect(skewness(r.values.filter((v): v is number => v !== null))).toBeCloseTo(-0.47386842, 7);
  });
});

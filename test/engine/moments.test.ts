import { describe, expect, it } from 'vitest';
import { kurtosis, outlierTest, skewness } from '../../pipelines/engine/moments.ts';
import { neumaierSum } from '../../pipelines/engine/neumaierSum.ts';

describe('skewness and kurtosis (type 2, METHOD.md §6.1)', () => {
  // x = 1,2,3,10: n = 4, mean 4, d = −3,−2,−1,6
  // S2 = 9+4+1+36 = 50, S3 = −27−8−1+216 = 180, S4 = 81+16+1+1296 = 1394
  const x = [1, 2, 3, 10];

  it('computes skew = sqrt(n)·S3/S2^1.5 · sqrt(n(n−1))/(n−2)', () => {
    // g1 = 2·180/50^1.5 = 360/353.5534 = 1.0182338; skew = g1·sqrt(12)/2 = 1.7636326
    expect(skewness(x)).toBeCloseTo(((2 * 180) / 50 ** 1.5 / 2) * Math.sqrt(12), 14);
    expect(skewness(x)).toBeCloseTo(1.7636326, 6);
  });

  it('computes kurt = ((n+1)(r−3)+6)(n−1)/((n−2)(n−3)) with r = n·S4/S2²', () => {
    // r = 4·1394/2500 = 2.2304; kurt = (5·(−0.7696)+6)·3/(2·1) = 2.152·1.5 = 3.228
    expect(kurtosis(x)).toBeCloseTo(3.228, 12);
  });

  it('mirrors the sign of skew for a reflected vector and keeps kurt', () => {
    const y = x.map((v) => -v);
    expect(skewness(y)).toBeCloseTo(-(skewness(x) as number), 14);
    expect(kurtosis(y)).toBeCloseTo(kurtosis(x) as number, 12);
  });

  it('is undefined for skew with n < 3, kurt with n < 4, and for zero variance', () => {
    expect(skewness([1, 2])).toBeNull();
    expect(skewness([0, 0, 1])).not.toBeNull();
    expect(kurtosis([0, 0, 1])).toBeNull();
    expect(skewness([0.1, 0.1, 0.1, 0.1])).toBeNull();
    expect(kurtosis([0.1, 0.1, 0.1, 0.1])).toBeNull();
  });
});

describe('three-valued pass test |skew| < 2 OR kurt < 3.5', () => {
  it('passes when the defined half is true even if the other half is undefined', () => {
    // 0,0,1: skew = sqrt(3) ≈ 1.732 < 2, kurt undefined (n = 3) → pass
    const t = outlierTest([0, 0, 1], 2, 3.5);
    expect(t.skew).toBeCloseTo(Math.sqrt(3), 14);
    expect(t.kurt).toBeNull();
    expect(t.pass).toBe(true);
  });

  it('is undefined when the only defined half is false', () => {
    // same vector with skew threshold 1: |1.732| ≥ 1 is false, kurt undefined → undefined
    expect(outlierTest([0, 0, 1], 1, 3.5).pass).toBeNull();
    expect(outlierTest([5, 7], 2, 3.5).pass).toBeNull();
  });

  it('fails only when both |skew| ≥ 2 and kurt ≥ 3.5', () => {
    // nine 1s and one 50 is a two-point distribution with p = 0.1, pq = 0.09:
    // g1 = (1−2p)/sqrt(pq) = 0.8/0.3; skew = g1·sqrt(10·9)/8 = sqrt(10) = 3.1623;
    // r = (1−3pq)/pq = 0.73/0.09 = 8.111; kurt = (11·5.111+6)·9/(8·7) = 62.222·9/56 = 10
    const t = outlierTest([1, 1, 1, 1, 1, 1, 1, 1, 1, 50], 2, 3.5);
    expect(t.skew).toBeCloseTo(Math.sqrt(10), 12);
    expect(t.kurt).toBeCloseTo(10, 12);
    expect(t.pass).toBe(false);
    // x = 1,2,3,10 with limits 1.5 / 3: skew 1.76 ≥ 1.5 and kurt 3.228 ≥ 3 → fails
    expect(outlierTest([1, 2, 3, 10], 1.5, 3).pass).toBe(false);
  });
});

describe('compensated summation', () => {
  it('keeps the small term a plain loop loses', () => {
    expect(neumaierSum([1e16, 1, -1e16])).toBe(1);
    expect(neumaierSum([0.1, 0.2, 0.3])).toBe(0.6);
  });
});

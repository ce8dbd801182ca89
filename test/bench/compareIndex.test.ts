import { describe, expect, it } from 'vitest';
import { compareIndex, type IndexValue, parsePeerCsv, sameNumber } from '../../bench/lib/compareIndex.ts';

const row = (code: string, value: number | null, raw: number | null = null): IndexValue => ({
  year: 2020,
  region_code: '330500',
  code,
  raw_value: raw,
  value,
});

describe('sameNumber (relative tolerance)', () => {
  it('accepts a difference within 1e-9 of the larger magnitude', () => {
    // |100 − 100.00000005| = 5e-8 ≤ 1e-9 × 100.00000005 ≈ 1.0e-7
    expect(sameNumber(100, 100.00000005, 1e-9)).toBe(true);
  });
  it('rejects a difference beyond it', () => {
    // 2e-7 > 1e-9 × 100.0000002
    expect(sameNumber(100, 100.0000002, 1e-9)).toBe(false);
  });
  it('treats missing as equal only to missing, and zero only to zero', () => {
    expect(sameNumber(null, null, 1e-9)).toBe(true);
    expect(sameNumber(null, 0, 1e-9)).toBe(false);
    expect(sameNumber(0, 1e-300, 1e-9)).toBe(false);
  });
});

describe('compareIndex', () => {
  it('reports a differing value, a differing raw value and rows present on one side only', () => {
    const xw = [row('A1', 110, 55), row('A2', 90, 9), row('total', 100)];
    const peer = [row('A1', 110, 55), row('A2', 90, 9.5), row('B1', 100, 1)];
    const c = compareIndex(xw, peer, 1e-9);
    expect(c.compared).toBe(3);
    expect(c.mismatches).toEqual([
      { key: '2020|330500|A2', field: 'raw_value', expected: 9, actual: 9.5 },
      { key: '2020|330500|total', field: 'row', expected: 100, actual: null },
      { key: '2020|330500|B1', field: 'row', expected: null, actual: 100 },
    ]);
  });
});

describe('parsePeerCsv', () => {
  it('reads empty and NaN cells as missing', () => {
    const rows = parsePeerCsv(
      'year,region_code,level,code,raw_value,value\n2020,330502,indicator,D1,,\n2020,330502,module,A,nan,101.5\n',
    );
    expect(rows).toEqual([
      { year: 2020, region_code: '330502', code: 'D1', raw_value: null, value: null },
      { year: 2020, region_code: '330502', code: 'A', raw_value: null, value: 101.5 },
    ]);
  });
});

// Format helpers: exact strings, including the rounding and unit-boundary rules documented in format.ts.
import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import {
  COUNT_LABEL_EXPR,
  formatAmount,
  formatCount,
  formatIndex,
  formatIndexChange,
  formatPer100,
  formatPercent,
  formatPlanValue,
  formatScore,
  roundHalfUp,
} from '../../pipelines/charts/format.ts';

describe('formatIndex: one decimal, always shown', () => {
  it.each([
    [103.456, '103.5'],
    [100, '100.0'],
    [99.95, '100.0'], // half away from zero at the decimal
    [99.94, '99.9'],
    [0.05, '0.1'],
    [-0.04, '0.0'], // rounds to zero: no sign
    [-3.25, '−3.3'], // U+2212 minus, half away from zero
    [null, '—'],
    [undefined, '—'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%s → %s', (v, out) => expect(formatIndex(v)).toBe(out));
  it('rounds the decimal value, not the binary float (1.005 → 1.01, 0.15 → 0.2)', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01); // (1.005).toFixed(2) gives '1.00'
    expect(formatIndex(0.15)).toBe('0.2'); // (0.15).toFixed(1) gives '0.1'
    expect(formatScore(114.25)).toBe('114.3');
  });
});

describe('formatIndexChange: signed, one decimal', () => {
  it.each([
    [2.34, '+2.3'],
    [-1.25, '−1.3'],
    [0.04, '0.0'],
    [-0.04, '0.0'],
    [null, '—'],
  ])('%s → %s', (v, out) => expect(formatIndexChange(v)).toBe(out));
});

describe('formatCount: 万/亿 with up to two decimals', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [9876, '9876'], // no thousands separator below 1万
    [9999.4, '9999'],
    [9999.5, '1万'], // rounds to 10000 → 1万
    [12345, '1.23万'],
    [12355, '1.24万'], // 1.2355 → 1.24 (half up)
    [20000, '2万'], // trailing zeros dropped
    [120000, '12万'],
    [123456, '12.35万'], // 12.3456 → 12.35
    [99994999, '9999.5万'],
    [99999999, '1亿'], // 9999.9999万 rounds to 10000万 → 1亿
    [123456789, '1.23亿'],
    [1e12, '10000亿'],
    [-12345, '−1.23万'],
    [-0.4, '0'],
    [null, '—'],
  ])('%s → %s', (v, out) => expect(formatCount(v)).toBe(out));
});

describe('formatAmount: 万元 below 1亿元, then 亿元', () => {
  it.each([
    [0, '0万元'],
    [1234.56, '1234.6万元'],
    [12, '12万元'],
    [9999.96, '1亿元'], // 9999.96 → 10000.0万元 → 1亿元
    [12345, '1.23亿元'],
    [250000, '25亿元'],
    [-500, '−500万元'],
    [null, '—'],
  ])('%s → %s', (v, out) => expect(formatAmount(v)).toBe(out));
});

describe('formatPercent: fraction → per cent, one decimal kept', () => {
  it.each([
    [0.1234, '12.3%'],
    [0.12, '12.0%'],
    [1, '100.0%'],
    [1.5, '150.0%'],
    [0.00049, '0.0%'],
    [0.0005, '0.1%'],
    [0.12345, '12.3%'],
    [0.12355, '12.4%'], // 12.355 → 12.4 on the decimal value
    [-0.05, '−5.0%'],
    [null, '—'],
  ])('%s → %s', (v, out) => expect(formatPercent(v)).toBe(out));
  it('takes a digits argument', () => {
    expect(formatPercent(0.3, 0)).toBe('30%');
    expect(formatPercent(0.12345, 2)).toBe('12.35%');
  });
});

describe('formatPer100 and formatPlanValue', () => {
  it('per-100 rates print as per cent', () => {
    expect(formatPer100(12.34)).toBe('12.3%');
    expect(formatPer100(null)).toBe('—');
  });
  it('plan values keep their unit; 元 amounts keep up to two decimals, others use the count rule', () => {
    expect(formatPlanValue(1.05, '亿元')).toBe('1.05亿元');
    expect(formatPlanValue(20, '亿元')).toBe('20亿元');
    expect(formatPlanValue(32000, '家')).toBe('3.2万家');
    expect(formatPlanValue(80, '个')).toBe('80个');
    expect(formatPlanValue(null, '个')).toBe('—');
  });
});

describe('COUNT_LABEL_EXPR (axis labels) agrees with formatCount on axis tick values', () => {
  const ticks = [
    0, 500, 2000, 9000, 10000, 12000, 15000, 125000, 1_000_000, 20_000_000, 100_000_000, 250_000_000,
  ];
  it.each(ticks)('%s', async (v) => {
    const view = new vega.View(
      vega.parse({
        signals: [{ name: 'out', update: COUNT_LABEL_EXPR.replaceAll('datum.value', String(v)) }],
      }),
      { renderer: 'none' },
    );
    await view.runAsync();
    expect(view.signal('out')).toBe(formatCount(v));
    view.finalize();
  });
});

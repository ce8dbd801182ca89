// Text widths: CJK counts as 1 em so Chinese labels are laid out at their real width and do not clip.
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../pipelines/charts/render.ts';
import {
  measureText,
  NARROW_EM,
  shippedFontMetrics,
  vegaTextWidth,
} from '../../pipelines/charts/textMetrics.ts';

const TEN = '湖州市小微企业成长指'; // 10 characters

describe('measureText', () => {
  it('a 10-character Chinese label at 12px measures 120px (10 × 1 em × 12px)', () => {
    expect([...TEN].length).toBe(10);
    expect(measureText(TEN, 12, 'normal', shippedFontMetrics())).toBe(120);
    expect(measureText(TEN, 12)).toBe(120); // without the table too
  });

  it("uses the shipped font's advances for Latin characters (digits 0.555 em in Noto Sans CJK SC)", () => {
    // '2020' = 4 × 0.555 em × 10px = 22.2px; bold digits are 0.59 em → 23.6px.
    expect(measureText('2020', 10, 'normal', shippedFontMetrics())).toBeCloseTo(22.2, 6);
    expect(measureText('2020', 10, 'bold', shippedFontMetrics())).toBeCloseTo(23.6, 6);
    // '2020年' = 22.2 + 10 = 32.2px.
    expect(measureText('2020年', 10, 'normal', shippedFontMetrics())).toBeCloseTo(32.2, 6);
  });

  it('guesses 0.6 em for a narrow character the font table lacks', () => {
    expect(measureText('ñ', 10, 'normal', shippedFontMetrics())).toBeCloseTo(10 * NARROW_EM, 6);
  });
});

describe('vega integration', () => {
  it('vegaTextWidth caps at the item limit so truncation and bounds agree', () => {
    const width = vegaTextWidth(null);
    expect(width({ fontSize: 12 }, TEN)).toBe(120);
    expect(width({ fontSize: 12, limit: 100 }, TEN)).toBe(100);
    expect(width({ fontSize: 12, limit: 200 }, TEN)).toBe(120);
    expect(width({ fontSize: 12, fontWeight: 'bold' }, TEN)).toBe(120);
  });

  it('a 120px label fits a 121px limit and is truncated with … at 119px', async () => {
    const spec = (limit: number): TopLevelSpec => ({
      data: { values: [{ t: TEN }] },
      mark: { type: 'text', fontSize: 12, limit },
      encoding: { text: { field: 't', type: 'nominal' } },
    });
    const fits = await renderSvg(spec(121));
    expect(fits).toContain(`>${TEN}</text>`);
    const cut = await renderSvg(spec(119));
    expect(cut).not.toContain(`>${TEN}</text>`);
    expect(cut).toMatch(/>湖州市小微企业成?…<\/text>/);
  });
});

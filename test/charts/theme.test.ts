// Theme: colours stay distinguishable for colour-vision deficiency, and the font is the shipped one.
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY } from '../../pipelines/charts/font.ts';
import {
  CHART_THEME,
  CITY_COLOR,
  COUNTY_COLORS,
  STATUS_COLORS,
  STATUS_ORDER,
} from '../../pipelines/charts/theme.ts';
import { CVD, deltaE, hexToLinear, lightness, linearToLab, simulate } from './colour.ts';

function minPairwiseDeltaE(hexes: string[], matrix?: (typeof CVD)[keyof typeof CVD]): number {
  const labs = hexes.map((h) => {
    const lin = hexToLinear(h);
    return linearToLab(matrix ? simulate(lin, matrix) : lin);
  });
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < labs.length; i++)
    for (let j = i + 1; j < labs.length; j++) min = Math.min(min, deltaE(labs[i], labs[j]));
  return min;
}

describe('status colours (正常/滞后/严重滞后/无数据)', () => {
  const statuses = STATUS_ORDER.map((s) => STATUS_COLORS[s]);

  it('step down in lightness with severity by at least 15 L* (readable in greyscale)', () => {
    const [ok, late, severe] = [STATUS_COLORS.正常, STATUS_COLORS.滞后, STATUS_COLORS.严重滞后].map(
      lightness,
    );
    expect(ok - late).toBeGreaterThan(15);
    expect(late - severe).toBeGreaterThan(15);
  });

  it.each(Object.entries(CVD))('stay at least ΔE 20 apart under simulated %s', (_name, matrix) => {
    expect(minPairwiseDeltaE(statuses, matrix)).toBeGreaterThan(20);
  });
});

describe('region colours (city + five counties)', () => {
  const regions = [CITY_COLOR, ...COUNTY_COLORS.slice(0, 5)];
  it.each(Object.entries(CVD))('stay at least ΔE 15 apart under simulated %s', (_name, matrix) => {
    expect(minPairwiseDeltaE(regions, matrix)).toBeGreaterThan(15);
  });
});

describe('config', () => {
  it('asks for the shipped font family first', () => {
    expect(CHART_THEME.font?.startsWith(`"${FONT_FAMILY}"`)).toBe(true);
  });
});

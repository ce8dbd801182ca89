import { describe, expect, it } from 'vitest';
import { dayOf, yearOfDay } from '../../pipelines/generate/dates.ts';
import { KIND } from '../../pipelines/generate/entityTable.ts';
import { loadGeneratorReference } from '../../pipelines/generate/generatorReference.ts';
import { createRng } from '../../pipelines/generate/random.ts';
import { simulateRegister } from '../../pipelines/generate/simulateRegister.ts';

// City scale, simulated only (about 1 s; writing the files adds ~10 s and checks nothing more here).
const reg = simulateRegister({ scale: 1, endYear: 2024, ref: loadGeneratorReference() }, createRng(1, 0));
const stat = (y: number) => reg.stats.find((s) => s.year === y)!;

describe('city-scale calibration (reference.md §6.3–6.4)', () => {
  it('has about 10,000 enterprise births in 2018 (±25%)', () => {
    expect(stat(2018).births).toBeGreaterThan(7_500);
    expect(stat(2018).births).toBeLessThan(12_500);
  });

  it('grows the enterprise stock ~18% a year in 2015–17 and slower (≤10%) afterwards', () => {
    for (const y of [2015, 2016, 2017]) {
      const g = stat(y).enterpriseStock / stat(y - 1).enterpriseStock - 1;
      expect(g).toBeGreaterThan(0.15);
      expect(g).toBeLessThan(0.21);
    }
    for (const y of [2019, 2020, 2021, 2022])
      expect(stat(y).enterpriseStock / stat(y - 1).enterpriseStock - 1).toBeLessThan(0.1);
    expect(stat(2017).enterpriseStock).toBeGreaterThan(60_000);
    expect(stat(2017).enterpriseStock).toBeLessThan(80_000);
  });

  it('converts about 1,300 个体工商户 a year from 2015', () => {
    for (let y = 2015; y <= 2024; y++) expect(Math.abs(stat(y).conversions - 1300)).toBeLessThanOrEqual(40);
  });

  it('follows the age hazard: 1.6% founding year, 6.3% second, 9.5% third (the peak), then ~8%', () => {
    // Cohorts born 2014–2018; hazard at age a = deaths in year born+a / alive at the start of that year.
    const c = reg.table.cols;
    const atRisk = [0, 0, 0, 0, 0];
    const died = [0, 0, 0, 0, 0];
    for (let i = 0; i < reg.table.size; i++) {
      if (c.kind[i] !== KIND.enterprise || c.previous[i] >= 0) continue;
      const born = yearOfDay(c.est[i]);
      if (born < 2014 || born > 2018) continue;
      const end = c.closed[i] || c.moved[i] || dayOf(2100, 1, 1);
      const endYear = yearOfDay(end);
      for (let a = 0; a < 5; a++) {
        if (endYear < born + a) break;
        atRisk[a]++;
        if (endYear === born + a && c.closed[i]) died[a]++;
      }
    }
    const h = died.map((d, a) => d / atRisk[a]);
    expect(h[0]).toBeCloseTo(0.016, 2);
    expect(h[1]).toBeCloseTo(0.063, 2);
    expect(h[2]).toBeCloseTo(0.095, 2);
    expect(h[3]).toBeGreaterThan(0.07);
    expect(h[3]).toBeLessThan(0.095);
    expect(h[2]).toBeGreaterThan(h[1]);
    expect(h[2]).toBeGreaterThan(h[3]);
  });

  it('places enterprises in counties by population share (吴兴区 largest, within 3 points of its share)', () => {
    const c = reg.table.cols;
    const counts = new Array(reg.regionCodes.length).fill(0);
    for (let i = 0; i < reg.table.size; i++) if (c.kind[i] === KIND.enterprise) counts[c.county0[i]]++;
    const total = counts.reduce((s, n) => s + n, 0);
    // 吴兴区 2021 share: 103.6 / 340.7 = 30.4%
    expect(counts[0] / total).toBeGreaterThan(0.27);
    expect(counts[0] / total).toBeLessThan(0.31);
    expect(counts[0]).toBe(Math.max(...counts));
  });
});

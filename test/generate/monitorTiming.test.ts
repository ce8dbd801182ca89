import { describe, expect, it } from 'vitest';
import { dayOf, yearOfDay } from '../../pipelines/generate/dates.ts';
import { KIND } from '../../pipelines/generate/entityTable.ts';
import { parseEventSpec } from '../../pipelines/generate/eventSpec.ts';
import { loadGeneratorReference } from '../../pipelines/generate/generatorReference.ts';
import { eventInjector } from '../../pipelines/generate/injectEvents.ts';
import { createRng } from '../../pipelines/generate/random.ts';
import { SPRING_FESTIVAL } from '../../pipelines/generate/seasonality.ts';
import { type Register, simulateRegister } from '../../pipelines/generate/simulateRegister.ts';

// City scale, simulated only (~1 s each). Monthly timing (seasonality.ts), county paths (countyTrends.ts) and
// injected events (injectEvents.ts) of the generator.
const ref = loadGeneratorReference();
const reg = simulateRegister({ scale: 1, endYear: 2024, ref }, createRng(1, 0));
const regionCodes = [...ref.counties.map((c) => c.code), ref.cityCode];
const monthOf = (d: number) => new Date(d * 86_400_000).getUTCMonth() + 1;
const daysIn = (y: number, m: number) => dayOf(y, m + 1, 1) - dayOf(y, m, 1);

/** Enterprise births (not conversions) per calendar month of `year`, 1-based. */
function birthsByMonth(r: Register, year: number): number[] {
  const out = new Array(13).fill(0);
  const c = r.table.cols;
  for (let i = 0; i < r.table.size; i++)
    if (c.kind[i] === KIND.enterprise && c.previous[i] < 0 && yearOfDay(c.est[i]) === year)
      out[monthOf(c.est[i])]++;
  return out;
}

describe('generator: monthly timing', () => {
  it('dips births in the month of the Spring Festival, which moves between January and February', () => {
    const perDay = (y: number) => {
      const b = birthsByMonth(reg, y);
      return { jan: b[1] / 31, feb: b[2] / daysIn(y, 2) };
    };
    // Festival in late January (2020-01-25, 2023-01-22): January is the slower month.
    for (const y of [2020, 2023]) expect(perDay(y).jan, `${y}`).toBeLessThan(perDay(y).feb);
    // Festival from 10 February on: February is.
    for (const y of [2015, 2018, 2021, 2024]) expect(perDay(y).feb, `${y}`).toBeLessThan(perDay(y).jan);
    expect(SPRING_FESTIVAL[2020]).toBe('2020-01-25');
  });

  it('piles 注销 up in December every year', () => {
    const c = reg.table.cols;
    for (let y = 2014; y <= 2024; y++) {
      const byMonth = new Array(13).fill(0);
      for (let i = 0; i < reg.table.size; i++)
        if (
          c.kind[i] === KIND.enterprise &&
          c.closed[i] !== 0 &&
          c.revoked[i] === 0 &&
          yearOfDay(c.closed[i]) === y
        )
          byMonth[monthOf(c.closed[i])]++;
      expect(Math.max(...byMonth), `${y}`).toBe(byMonth[12]);
    }
  });

  it('gives each county its own path: 德清县 births grow, 南浔区 births shrink, 2017 → 2024', () => {
    const births = (code: string, year: number) => {
      const k = regionCodes.indexOf(code);
      const c = reg.table.cols;
      let n = 0;
      for (let i = 0; i < reg.table.size; i++)
        if (
          c.kind[i] === KIND.enterprise &&
          c.previous[i] < 0 &&
          c.county0[i] === k &&
          yearOfDay(c.est[i]) === year
        )
          n++;
      return n;
    };
    const deqing = births('330521', 2024) / births('330521', 2017);
    const nanxun = births('330503', 2024) / births('330503', 2017);
    // Relative birth multipliers 1.02 × 1.05^7 ≈ 1.41 against 0.955^7 ≈ 0.72 (countyTrends.ts), on the city's path.
    expect(deqing / nanxun).toBeGreaterThan(1.6);
    expect(deqing / nanxun).toBeLessThan(2.4);
  });
});

describe('generator: injected events (--event)', () => {
  const simulateWith = (spec: string) => {
    const e = parseEventSpec(spec, regionCodes);
    if (typeof e === 'string') throw new Error(e);
    const injector = eventInjector([e], regionCodes, createRng(1, 5));
    const r = simulateRegister(
      { scale: 1, endYear: 2020, ref, onYearEnd: injector.onYearEnd },
      createRng(1, 0),
    );
    return { r, record: injector.records[0] };
  };

  it('triples one county-month of 注销 exactly (deaths are placed by the county on the closing day)', () => {
    const { r, record } = simulateWith('330503:2020-06:deaths_cancelled:3');
    const k = regionCodes.indexOf('330503');
    const c = r.table.cols;
    let n = 0;
    for (let i = 0; i < r.table.size; i++) {
      const d = c.closed[i];
      if (
        c.kind[i] !== KIND.enterprise ||
        c.revoked[i] !== 0 ||
        d < dayOf(2020, 6, 1) ||
        d > dayOf(2020, 6, 30)
      )
        continue;
      const county = c.relocated[i] !== 0 && c.relocated[i] <= d ? c.county1[i] : c.county0[i];
      if (county === k) n++;
    }
    expect(record.baseline).toBeGreaterThan(20);
    expect(record.changed).toBe(2 * record.baseline);
    expect(n).toBe(3 * record.baseline);
  });

  it('halves one county-month of births by dropping entities born then', () => {
    const { r, record } = simulateWith('330521:2019-03:births:0.5');
    const k = regionCodes.indexOf('330521');
    const c = r.table.cols;
    let n = 0;
    for (let i = 0; i < r.table.size; i++) {
      const d = c.est[i];
      if (
        c.kind[i] === KIND.enterprise &&
        c.previous[i] < 0 &&
        c.county0[i] === k &&
        d >= dayOf(2019, 3, 1) &&
        d <= dayOf(2019, 3, 31)
      )
        n++;
    }
    expect(record.changed).toBe(-Math.round(record.baseline / 2));
    expect(n).toBe(record.baseline + record.changed);
  });

  it('refuses a malformed event, an unknown region or metric, and a factor of 1', () => {
    expect(parseEventSpec('330503-2020-06', regionCodes)).toMatch(/格式应为 COUNTY:YYYY-MM:METRIC:FACTOR/);
    expect(parseEventSpec('330599:2020-06:births:3', regionCodes)).toMatch(/未知区划 330599/);
    expect(parseEventSpec('330503:2020-06:closures:3', regionCodes)).toMatch(/未知指标 closures/);
    expect(parseEventSpec('330503:2020-13:births:3', regionCodes)).toMatch(/月份应为 01–12/);
    expect(parseEventSpec('330503:2020-06:births:1', regionCodes)).toMatch(/不等于 1/);
  });
});

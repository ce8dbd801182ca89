import type { GeneratorReference } from './generatorReference.ts';
import type { Rng } from './random.ts';

export const PLAN_YEARS = [2017, 2018, 2019, 2020];
/** Quarter weights of a year's flow (reporting is back-loaded). */
export const QUARTER_WEIGHTS = [0.2, 0.24, 0.26, 0.3];
const YEAR_WEIGHTS = [0.3, 0.33, 0.37]; // 2018, 2019, 2020 share of the plan-period total

export interface PlanValue {
  year: number;
  quarter: number;
  regionCode: string;
  indicatorNo: number;
  value: number;
  department: string;
}

/**
 * Quarterly "8631" reports for 2017–2020, one row per region per indicator per quarter. The city
 * reaches 80–120% of each annex target over 2018–2020; counties get a population share with noise,
 * and the city's row is its own report (not the exact sum of counties). 2017 is the baseline year.
 */
export function planValues(ref: GeneratorReference, rng: Rng): PlanValue[][] {
  const popYear = 2017;
  const counties = ref.counties.map((c) => ({
    code: c.code,
    pop: ref.population.get(c.code)?.get(popYear) ?? 1,
  }));
  const totalPop = counties.reduce((s, c) => s + c.pop, 0);
  // city[indicator][yearIdx][quarter]
  const perYear: PlanValue[][] = PLAN_YEARS.map(() => []);
  for (const ind of ref.planIndicators) {
    const decimals = ind.unit === '亿元' ? 4 : 0;
    const completion = 0.8 + 0.4 * rng.next();
    const city: number[][] = PLAN_YEARS.map(() => [0, 0, 0, 0]);
    if (ind.kind === 'stock') {
      const baseline = ind.target2020 * (0.5 + 0.15 * rng.next());
      const end = ind.target2020 * completion;
      for (let y = 0; y < 4; y++)
        for (let q = 0; q < 4; q++) {
          const k = y * 4 + q - 3; // 2017Q4 = 0, 2020Q4 = 12
          city[y][q] = k <= 0 ? baseline * (1 + 0.03 * k) : baseline + ((end - baseline) * k) / 12;
        }
    } else {
      const yearTotals =
        ind.kind === 'annual'
          ? [0.8, 0.85 + 0.3 * rng.next(), 0.85 + 0.3 * rng.next(), 0.85 + 0.3 * rng.next()].map(
              (f) => f * ind.target2020,
            )
          : [0.9 * YEAR_WEIGHTS[0], ...YEAR_WEIGHTS].map(
              (w) => w * completion * ind.target2020 * (0.92 + 0.16 * rng.next()),
            );
      for (let y = 0; y < 4; y++)
        for (let q = 0; q < 4; q++)
          city[y][q] = yearTotals[y] * QUARTER_WEIGHTS[q] * (0.85 + 0.3 * rng.next());
    }
    for (let y = 0; y < 4; y++)
      for (let q = 0; q < 4; q++) {
        const push = (regionCode: string, v: number) =>
          perYear[y].push({
            year: PLAN_YEARS[y],
            quarter: q + 1,
            regionCode,
            indicatorNo: ind.no,
            value: roundTo(rng, v, decimals),
            department: ind.department,
          });
        for (const c of counties) push(c.code, (city[y][q] * c.pop * (0.85 + 0.3 * rng.next())) / totalPop);
        push(ref.cityCode, city[y][q]);
      }
  }
  for (const rows of perYear)
    rows.sort(
      (a, b) =>
        a.quarter - b.quarter || a.regionCode.localeCompare(b.regionCode) || a.indicatorNo - b.indicatorNo,
    );
  return perYear;
}

/** Rounds to `decimals`; integers round stochastically so small counts (6 branches in 3 years) survive. */
export function roundTo(rng: Rng, v: number, decimals: number): number {
  if (decimals > 0) return Math.round(v * 10 ** decimals) / 10 ** decimals;
  const f = Math.floor(v);
  return f + (rng.chance(v - f) ? 1 : 0);
}

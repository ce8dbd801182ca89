// Each county's own growth path in the synthetic Huzhou (pipelines/generate/README.md, "County paths").
// Births are placed in counties by 2017 population share times a county multiplier that moves by year, and
// each county's firms die a little faster or slower: the counties' stocks, births and indices then diverge
// instead of following one line. All figures are assumed (no county series is public, reference.md §6.3).
import { cumulate } from './random.ts';

export interface CountyTrend {
  /** Relative change of the county's share of births per year, before and from `breakYear`. */
  before: number;
  after: number;
  breakYear: number;
  /** Extra multiplier on births in the listed years (a local slump or boom). */
  episodes?: Readonly<Record<number, number>>;
  /** Multiplier on the death hazard of the county's enterprises and 个体工商户. */
  hazard: number;
}

/** Keyed by county code; a county not listed follows its population share (multiplier 1). */
export const COUNTY_TRENDS: Readonly<Record<string, CountyTrend>> = {
  // 吴兴区: steady, slightly faster after 2018 (南太湖新区 counted here).
  '330502': { before: 0, after: 0.015, breakYear: 2018, hazard: 1.0 },
  // 南浔区: traditional manufacturing losing ground; births' share shrinks, firms close a bit faster.
  '330503': { before: -0.01, after: -0.045, breakYear: 2016, hazard: 1.12 },
  // 德清县: the fastest riser (地理信息 town), firms survive longer.
  '330521': { before: 0.02, after: 0.05, breakYear: 2016, hazard: 0.9 },
  // 长兴县: average path with a slump in 2019–2020.
  '330522': { before: 0, after: 0, breakYear: 2017, episodes: { 2019: 0.85, 2020: 0.8 }, hazard: 1.05 },
  // 安吉县: flat, then a green-tourism boom from 2018.
  '330523': { before: -0.015, after: 0.04, breakYear: 2018, hazard: 0.95 },
};

/** Birth multiplier of a county in `year` (1 in the reference year 2017, then compounding). */
export function countyBirthMultiplier(code: string, year: number): number {
  const t = COUNTY_TRENDS[code];
  if (!t) return 1;
  const ref = 2017;
  let m = 1;
  if (year >= ref) {
    for (let y = ref + 1; y <= year; y++) m *= 1 + (y >= t.breakYear ? t.after : t.before);
  } else {
    for (let y = year + 1; y <= ref; y++) m /= 1 + (y >= t.breakYear ? t.after : t.before);
  }
  return m * (t.episodes?.[year] ?? 1);
}

/** Cumulative county weights for births of `year`: 2017 population share × the county's multiplier. */
export function countyBirthCumulative(
  counties: readonly { code: string }[],
  population: ReadonlyMap<string, ReadonlyMap<number, number>>,
  year: number,
): Float64Array {
  return cumulate(
    counties.map((c) => (population.get(c.code)?.get(2017) ?? 1) * countyBirthMultiplier(c.code, year)),
  );
}

/** Death-hazard multipliers by county index (counties in reference order, then the city at the end). */
export function countyHazardFactors(counties: readonly { code: string }[]): number[] {
  return [...counties.map((c) => COUNTY_TRENDS[c.code]?.hazard ?? 1), 1];
}

// Monthly timing of register events in the synthetic Huzhou (pipelines/generate/README.md, "Seasonality").
// The yearly counts are calibrated elsewhere; this only decides on which day of its year an event falls.
import { dayOf } from './dates.ts';
import type { Rng } from './random.ts';

/** The flows of methodology §10, as the generator times them. */
export const FLOW_KINDS = [
  'births',
  'deaths_cancelled',
  'deaths_revoked',
  'conversions',
  'indiv_births',
  'indiv_deaths',
] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/**
 * 春节 (正月初一) by Gregorian year. Source: the State Council General Office's yearly 部分节假日安排
 * notices (国务院办公厅关于…年部分节假日安排的通知), whose 春节 holiday starts on 除夕, the day before these
 * dates; the dates follow the lunisolar calendar of GB/T 33661-2017 《农历的编算和颁行》.
 */
export const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
};

/**
 * Relative weight of each calendar month (Jan..Dec) before the festival window (assumed, shaped on the
 * usual pattern of Chinese registrations: a post-festival rush in March, the National Day week in October,
 * and 注销 piling up in December before the next year's annual-report obligation).
 */
export const MONTH_WEIGHTS: Readonly<Record<FlowKind, readonly number[]>> = {
  births: [1.0, 0.95, 1.15, 1.05, 1.0, 1.05, 1.0, 0.95, 1.0, 0.85, 1.0, 1.05],
  deaths_cancelled: [0.9, 0.8, 1.0, 0.95, 0.95, 1.0, 0.95, 0.9, 0.95, 0.85, 1.15, 1.9],
  deaths_revoked: [0.9, 0.85, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 0.9, 1.1, 1.25],
  conversions: [0.85, 0.85, 1.0, 1.0, 1.0, 1.05, 1.0, 0.95, 1.0, 0.9, 1.15, 1.35],
  indiv_births: [1.0, 0.95, 1.25, 1.1, 1.05, 1.0, 0.95, 0.9, 1.0, 0.85, 0.95, 0.9],
  indiv_deaths: [1.0, 0.9, 1.2, 1.0, 0.95, 0.95, 0.95, 0.9, 0.95, 0.85, 1.05, 1.45],
};

/**
 * The festival dip (assumed): registration offices close for the statutory week (除夕 to 初六, day −1..+5:
 * weight 0.08) and business slows the week before and after (days −8..−2 and +6..+12: weight 0.65). The
 * window straddles January and February in some years, so the dip moves between the two months.
 */
export const FESTIVAL_DIP = {
  holiday: [-1, 5],
  holidayWeight: 0.08,
  slow: [-8, 12],
  slowWeight: 0.65,
} as const;

/** Weight of one day: its month's weight times the festival factor. */
export function dayWeight(kind: FlowKind, day: number, festival: number | null): number {
  const month = new Date(day * 86_400_000).getUTCMonth();
  let w = MONTH_WEIGHTS[kind][month];
  if (festival !== null) {
    const k = day - festival;
    if (k >= FESTIVAL_DIP.holiday[0] && k <= FESTIVAL_DIP.holiday[1]) w *= FESTIVAL_DIP.holidayWeight;
    else if (k >= FESTIVAL_DIP.slow[0] && k <= FESTIVAL_DIP.slow[1]) w *= FESTIVAL_DIP.slowWeight;
  }
  return w;
}

function festivalDay(year: number): number | null {
  const iso = SPRING_FESTIVAL[year];
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return dayOf(y, m, d);
}

/**
 * Draws days of a year with the seasonal weights; one uniform draw per day, like a flat `rng.int`, so the
 * random stream stays aligned with the flat sampler it replaced. Cumulative weights are built once per
 * kind and year.
 */
export class SeasonalDays {
  private readonly cache = new Map<string, Float64Array>();

  private cumulative(kind: FlowKind, year: number): Float64Array {
    const key = `${kind}:${year}`;
    let cum = this.cache.get(key);
    if (!cum) {
      const start = dayOf(year, 1, 1);
      const n = dayOf(year, 12, 31) - start + 1;
      const festival = festivalDay(year);
      cum = new Float64Array(n);
      let s = 0;
      for (let i = 0; i < n; i++) {
        s += dayWeight(kind, start + i, festival);
        cum[i] = s;
      }
      this.cache.set(key, cum);
    }
    return cum;
  }

  /** A day of `year` on or after `from` (default 1 January), weighted by `kind`'s seasonality. */
  day(rng: Rng, kind: FlowKind, year: number, from = dayOf(year, 1, 1)): number {
    const start = dayOf(year, 1, 1);
    const cum = this.cumulative(kind, year);
    const lo0 = Math.max(0, from - start);
    if (lo0 >= cum.length) return start + cum.length - 1;
    const base = lo0 > 0 ? cum[lo0 - 1] : 0;
    const x = base + rng.next() * (cum[cum.length - 1] - base);
    let lo = lo0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return start + lo;
  }
}

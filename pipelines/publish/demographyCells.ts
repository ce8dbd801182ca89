import type { ChartRegion } from '../charts/chartData.ts';
import type { BusinessDemographyRow } from '../marts/types.ts';
import { demographyKey } from './cellKeys.ts';
import { type Relation, type StatCell, SUPPRESSION_TIERS } from './statCell.ts';

export const DEMOGRAPHY_COUNTS = ['active', 'births', 'deaths', 'conversions', 'upgrades'] as const;
const SURVIVAL = [
  { rate: 'survival_1y', cohort: 'cohort_1y', years: 1 },
  { rate: 'survival_2y', cohort: 'cohort_2y', years: 2 },
  { rate: 'survival_3y', cohort: 'cohort_3y', years: 3 },
] as const;

/** Every published measure of mart.business_demography (also the keys of a published row's `withheld`). */
export const DEMOGRAPHY_MEASURES = [
  ...DEMOGRAPHY_COUNTS,
  'birth_rate',
  'death_rate',
  'survival_1y',
  'survival_2y',
  'survival_3y',
  'opening_rate',
  'cohort_1y',
  'cohort_2y',
  'cohort_3y',
  'new_enterprises',
] as const;
export type DemographyMeasure = (typeof DEMOGRAPHY_MEASURES)[number];

/** Enterprises behind a fraction of a count (survivors of a cohort, openers among new enterprises). */
function share(rate: number | null, of: number): number {
  return rate === null ? 0 : Math.round(rate * of);
}

function rowCells(r: BusinessDemographyRow, isCity: boolean): StatCell[] {
  const bonus = isCity ? SUPPRESSION_TIERS.cityBonus : 0;
  const key = (m: DemographyMeasure) => demographyKey(r.region_code, r.year, m);
  const count = (m: DemographyMeasure, v: number | null, tier: number): StatCell => ({
    key: key(m),
    value: v,
    builtFrom: { kind: 'enterprises', counts: [v ?? 0] },
    tier: tier + bonus,
    size: v ?? 0,
  });
  const rate = (m: DemographyMeasure, v: number | null, num: number, den: number): StatCell => ({
    key: key(m),
    value: v,
    builtFrom: { kind: 'enterprises', counts: [num, den] },
    tier: SUPPRESSION_TIERS.rate + bonus,
    size: den,
  });
  return [
    ...DEMOGRAPHY_COUNTS.map((m) => count(m, r[m], SUPPRESSION_TIERS.count)),
    rate('birth_rate', r.birth_rate, r.births, r.active),
    rate('death_rate', r.death_rate, r.deaths, r.active),
    ...SURVIVAL.flatMap((s) => [
      rate(s.rate, r[s.rate], share(r[s.rate], r[s.cohort]), r[s.cohort]),
      count(s.cohort, r[s.cohort], SUPPRESSION_TIERS.rate),
    ]),
    rate('opening_rate', r.opening_rate, share(r.opening_rate, r.new_enterprises), r.new_enterprises),
    count('new_enterprises', r.new_enterprises, SUPPRESSION_TIERS.rate),
  ];
}

/**
 * Cells and relations of business demography. Relations: each count of the city is the sum of its counties'
 * (firms registered at city level are assumed known to the reader, which is the cautious assumption); so is
 * each cohort and each cohort's survivors (survival rate × cohort); a birth or death rate follows from its
 * count and the active firms; a cohort of t is the births of t−n printed in the earlier year's row.
 */
export function demographyCells(
  rows: readonly BusinessDemographyRow[],
  regions: readonly ChartRegion[],
): { cells: StatCell[]; relations: Relation[] } {
  const city = regions.find((r) => r.level === 'city')?.region_code;
  const counties = regions.filter((r) => r.level === 'county').map((r) => r.region_code);
  const byKey = new Map(rows.map((r) => [`${r.region_code}|${r.year}`, r]));
  const cells = rows.flatMap((r) => rowCells(r, r.region_code === city));
  const relations: Relation[] = [];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  for (const year of years) {
    const cityRow = city ? byKey.get(`${city}|${year}`) : undefined;
    const parts = counties.flatMap((c) => byKey.get(`${c}|${year}`) ?? []);
    if (cityRow && parts.length > 0) {
      const members = [cityRow, ...parts];
      for (const m of [...DEMOGRAPHY_COUNTS, ...SURVIVAL.map((s) => s.cohort)]) {
        relations.push({
          id: `d-sum|${year}|${m}`,
          kind: 'sum',
          members: members.map((r) => demographyKey(r.region_code, year, m)),
          parts: members.map((r) => r[m] ?? 0),
        });
      }
      for (const s of SURVIVAL) {
        relations.push({
          id: `d-sum|${year}|${s.rate}`,
          kind: 'sum',
          members: members.map((r) => demographyKey(r.region_code, year, s.rate)),
          parts: members.map((r) => share(r[s.rate], r[s.cohort])),
        });
      }
    }
    for (const r of rows.filter((x) => x.year === year)) {
      const k = (m: DemographyMeasure, y = year) => demographyKey(r.region_code, y, m);
      relations.push(
        {
          id: `d-rate|${k('birth_rate')}`,
          kind: 'ratio',
          members: [k('birth_rate'), k('births'), k('active')],
        },
        {
          id: `d-rate|${k('death_rate')}`,
          kind: 'ratio',
          members: [k('death_rate'), k('deaths'), k('active')],
        },
      );
      for (const s of SURVIVAL) {
        if (byKey.has(`${r.region_code}|${year - s.years}`))
          relations.push({
            id: `d-cohort|${k(s.cohort)}`,
            kind: 'ratio',
            members: [k(s.cohort), k('births', year - s.years)],
          });
      }
    }
  }
  return { cells, relations };
}

import { dayOf, yearOfDay } from './dates.ts';
import type { EntityTable } from './entityTable.ts';
import type { GeneratorReference } from './generatorReference.ts';
import { LISTING_NAMES } from './indicatorModel.ts';
import { type PlanValue, QUARTER_WEIGHTS, roundTo } from './planRows.ts';
import type { Rng } from './random.ts';

/** Plan indicators whose reports follow the simulated register: 个转企, 小升规 (industry), listings, 规改股. */
export const FLOW_INDICATORS = [4, 6, 7, 8] as const;
type FlowIndicator = (typeof FLOW_INDICATORS)[number];

/**
 * Share of (region, indicator) pairs whose department counts differently from the register (a definition of its
 * own, late or double entries), and by how much; the rest report the register's flow within a few percent
 * (assumed). The reconciliation of methodology §9 should find the former and leave the latter alone.
 */
const REPORTING = { offShare: 0.2, low: [0.65, 0.85], high: [1.15, 1.4], sd: 0.03, yearSd: 0.03 };

/** Region index of entity i on `day`: its county then, the city's index for firms registered at city level. */
function regionAt(table: EntityTable, i: number, day: number): number {
  const c = table.cols;
  return c.relocated[i] !== 0 && c.relocated[i] <= day ? c.county1[i] : c.county0[i];
}

/** The register's yearly flows per region index (counties, then city-level firms) for indicators 4, 6, 7, 8. */
export function registerFlows(
  table: EntityTable,
  ref: GeneratorReference,
  upgrades: { firm: number; year: number }[],
): Map<string, number> {
  const flows = new Map<string, number>();
  const add = (year: number, region: number, no: FlowIndicator) => {
    const key = `${year}|${region}|${no}`;
    flows.set(key, (flows.get(key) ?? 0) + 1);
  };
  const c = table.cols;
  const boards7 = new Set([LISTING_NAMES.indexOf('新三板'), LISTING_NAMES.indexOf('浙江股权交易中心')]);
  for (let i = 0; i < table.size; i++) {
    if (c.previous[i] >= 0) add(yearOfDay(c.est[i]), regionAt(table, i, c.est[i]), 4);
    if (c.jointStockFrom[i] !== 0)
      add(yearOfDay(c.jointStockFrom[i]), regionAt(table, i, c.jointStockFrom[i]), 8);
    if (boards7.has(c.listingKind[i]))
      add(c.listingFrom[i], regionAt(table, i, dayOf(c.listingFrom[i], 12, 31)), 7);
  }
  for (const u of upgrades) {
    const division = String(c.division[u.firm]).padStart(2, '0');
    if (ref.divisions.get(division)?.aboveScaleGroup === 'industry')
      add(u.year, regionAt(table, u.firm, dayOf(u.year, 12, 31)), 6);
  }
  return flows;
}

/**
 * Replaces the generated values of plan indicators 4, 6, 7 and 8 by what a department would report from its own
 * records: the register's flow of each region and year times a reporting factor (persistent per region and
 * indicator, plus yearly noise), split over quarters. The city reports its own total (all its firms).
 */
export function reportRegisterFlows(
  plan: PlanValue[][],
  flows: Map<string, number>,
  regionCodes: string[],
  rng: Rng,
): void {
  const cityIdx = regionCodes.length - 1;
  const factor = new Map<string, number>();
  for (let r = 0; r <= cityIdx; r++)
    for (const no of FLOW_INDICATORS) {
      const [lo, hi] = rng.chance(0.5) ? REPORTING.low : REPORTING.high;
      const off = rng.chance(REPORTING.offShare);
      factor.set(`${r}|${no}`, off ? lo + (hi - lo) * rng.next() : 1 + REPORTING.sd * rng.normal());
    }
  const flowOf = (year: number, r: number, no: number) => {
    if (r !== cityIdx) return flows.get(`${year}|${r}|${no}`) ?? 0;
    let sum = 0;
    for (let k = 0; k <= cityIdx; k++) sum += flows.get(`${year}|${k}|${no}`) ?? 0;
    return sum;
  };
  const yearly = new Map<string, number>();
  for (const rows of plan)
    for (const v of rows) {
      if (!(FLOW_INDICATORS as readonly number[]).includes(v.indicatorNo)) continue;
      const r = regionCodes.indexOf(v.regionCode);
      const key = `${v.year}|${r}|${v.indicatorNo}`;
      if (!yearly.has(key))
        yearly.set(
          key,
          flowOf(v.year, r, v.indicatorNo) *
            (factor.get(`${r}|${v.indicatorNo}`) ?? 1) *
            (1 + REPORTING.yearSd * rng.normal()),
        );
      v.value = roundTo(rng, Math.max(0, (yearly.get(key) ?? 0) * QUARTER_WEIGHTS[v.quarter - 1]), 0);
    }
}

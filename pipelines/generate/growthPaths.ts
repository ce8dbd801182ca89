import { dayOf } from './dates.ts';
import { type EntityTable, ETYPE, FLAG } from './entityTable.ts';
import { type Filing, LISTING_NAMES } from './indicatorModel.ts';
import { PATH_CALIBRATION as P } from './pathCalibration.ts';
import type { Rng } from './random.ts';

/** The calibration value of the latest period starting at or before `year` (periods keyed by first year). */
function byPeriod(table: Record<number, number>, year: number): number {
  let value = 0;
  for (const [from, v] of Object.entries(table).sort((a, b) => Number(a[0]) - Number(b[0])))
    if (Number(from) <= year) value = v;
  return value;
}

/**
 * Firm trajectories along the 培育库 path, on their own random stream: a persistent headcount effect and rare
 * growth episodes (so high-growth enterprises are firms that really grow, not noise), and, decided from each
 * year's filing, 规改股 (type 股份有限公司 from a day of the next year) and listings on the three boards.
 * See pipelines/generate/README.md "Growth paths"; constants in pathCalibration.ts.
 */
export class GrowthPathModel {
  private readonly seen: Uint8Array;
  private readonly employeeEffect: Float32Array;
  private readonly episodeStart: Int16Array;
  private readonly episodeYears: Uint8Array;
  private readonly episodeRate: Float32Array;
  /** Last year each firm filed as 规上/限上 (0 = never), to find its upgrades. */
  private readonly aboveYear: Int16Array;
  /** Every upgrade (规上 in `year`'s filing, not in the year before's), for the departments' reports. */
  readonly upgrades: { firm: number; year: number }[] = [];

  constructor(
    private readonly table: EntityTable,
    private readonly rng: Rng,
  ) {
    const n = table.size;
    this.seen = new Uint8Array(n);
    this.employeeEffect = new Float32Array(n);
    this.episodeStart = new Int16Array(n);
    this.episodeYears = new Uint8Array(n);
    this.episodeRate = new Float32Array(n);
    this.aboveYear = new Int16Array(n);
  }

  /** Called once per enterprise alive at the end of `year` (filing or not), before its filing is drawn. */
  beginYear(i: number, year: number, age: number): void {
    const { rng } = this;
    if (this.seen[i] === 0) {
      this.seen[i] = 1;
      this.employeeEffect[i] = P.employeeEffectSd * rng.normal();
    }
    if (this.episodeStart[i] !== 0) return;
    const s = P.episodeStart;
    const rd = (this.table.cols.flags[i] & FLAG.rdFirm) !== 0 ? s.rdFactor : 1;
    if (rng.chance((age <= s.youngUpToAge ? s.young : s.mature) * rd)) {
      this.episodeStart[i] = year;
      this.episodeYears[i] = P.episodeYears[rng.int(P.episodeYears.length)];
      this.episodeRate[i] = P.episodeRate.min + (P.episodeRate.max - P.episodeRate.min) * rng.next();
    }
  }

  /** Log revenue gained through `year` from the firm's growth episode (kept after the episode ends). */
  revenueBoost(i: number, year: number): number {
    const start = this.episodeStart[i];
    if (start === 0 || year < start) return 0;
    return this.episodeRate[i] * Math.min(year - start + 1, this.episodeYears[i]);
  }

  /** Log headcount relative to the revenue-implied level: firm effect, deviation, drift, episode, age ramp. */
  employeeShift(i: number, year: number, age: number, dev: number, drift: number): number {
    const ramp = age < P.employeeAgeRamp.length ? P.employeeAgeRamp[age] : 1;
    return (
      this.employeeEffect[i] +
      P.employeeDevShare * dev +
      P.employeeDriftShare * drift +
      P.episodeEmployeeShare * this.revenueBoost(i, year) +
      Math.log(ramp)
    );
  }

  private isJointStock(i: number, day: number): boolean {
    const c = this.table.cols;
    return c.etype[i] === ETYPE.jointStock || (c.jointStockFrom[i] !== 0 && c.jointStockFrom[i] <= day);
  }

  /** From the filing of `year`: note an upgrade, maybe list the firm this year, maybe schedule its 规改股 for next year. */
  decide(i: number, year: number, f: Filing): void {
    const { rng } = this;
    const c = this.table.cols;
    if (f.aboveScale) {
      if (this.aboveYear[i] !== year - 1) this.upgrades.push({ firm: i, year });
      this.aboveYear[i] = year;
    }
    const yearEnd = dayOf(year, 12, 31);
    if (c.listingKind[i] === 0 && f.profit > 0) {
      // Largest board first: a firm that qualifies for 上市 is not also drawn for the smaller boards this year.
      for (const board of ['上市', '新三板', '浙江股权交易中心']) {
        const rule = P.listing[board];
        if (f.revenue < rule.minRevenueWan * 100) continue;
        if (rule.jointStockOnly && !this.isJointStock(i, yearEnd)) continue;
        if (rng.chance(byPeriod(rule.chance, year))) {
          c.listingKind[i] = LISTING_NAMES.indexOf(board);
          c.listingFrom[i] = year;
          break;
        }
      }
    }
    const limited = c.etype[i] === ETYPE.llc || c.etype[i] === ETYPE.llcSole;
    const r = P.reform;
    if (limited && c.jointStockFrom[i] === 0 && f.revenue >= r.minRevenueWan * 100) {
      const chance = r.chance * (f.revenue >= r.largeRevenueWan * 100 ? r.largeFactor : 1);
      if (rng.chance(chance)) c.jointStockFrom[i] = dayOf(year + 1, 1, 1) + rng.int(365);
    }
  }
}

import { INDICATOR_MODEL as M, REVENUE_MODEL } from './calibration.ts';
import { dayOf, yearOfDay } from './dates.ts';
import { type EntityTable, FLAG, KIND } from './entityTable.ts';
import type { GeneratorReference } from './generatorReference.ts';
import type { GrowthPathModel } from './growthPaths.ts';
import { PATH_CALIBRATION as P } from './pathCalibration.ts';
import type { Rng } from './random.ts';

/** One enterprise-year filing; amounts in 0.01 万元 (integers), so 元 conversion is exact. */
export interface Filing {
  employees: number;
  revenue: number;
  assets: number;
  profit: number;
  tax: number;
  rdExpense: number;
  techStaff: number;
  exports: number;
  aboveScale: boolean;
  techSme: boolean;
  listing: string;
}

export const LISTING_NAMES = ['', '浙江股权交易中心', '新三板', '上市'];

/** Per-division constants looked up once: model parameters and the above-scale threshold in cents. */
interface DivisionModel {
  logMedian: number;
  sigma: number;
  logPerEmployee: number;
  aboveScaleCents: number;
}

/**
 * Evolves every enterprise's revenue path through `year` and reports the filings of that year.
 * Revenue is log-normal: firm quality × AR(1) deviation × market drift × age ramp; employees,
 * assets, tax and the rest follow revenue, so the 2011 size class is consistent by construction.
 */
export class IndicatorModel {
  private readonly dev: Float32Array;
  private readonly divisions: DivisionModel[] = [];
  private readonly stationarySd = M.shockSd / Math.sqrt(1 - M.persistence ** 2);

  constructor(
    private readonly table: EntityTable,
    ref: GeneratorReference,
    private readonly rng: Rng,
    private readonly paths: GrowthPathModel,
  ) {
    this.dev = new Float32Array(table.size);
    for (let d = 0; d <= 97; d++) {
      const r = ref.divisions.get(String(d).padStart(2, '0'));
      const m = REVENUE_MODEL[r?.aboveScaleGroup ?? 'none'] ?? REVENUE_MODEL.none;
      this.divisions[d] = {
        logMedian: Math.log(m.medianWan),
        sigma: m.sigma,
        logPerEmployee: Math.log(m.perEmployeeWan),
        aboveScaleCents: (r?.aboveScaleMinWan ?? 0) * 100,
      };
    }
  }

  /** Calls `emit(i, filing)` for each enterprise alive at the end of `year` that files. Years must ascend. */
  advance(year: number, emit: (i: number, f: Filing) => void): void {
    const { rng, dev } = this;
    const c = this.table.cols;
    const ye = dayOf(year, 12, 31);
    const drift = M.yearlyDrift * (year - 2013) + (year === 2020 ? M.dip2020 : 0);
    const f: Filing = {
      employees: 0,
      revenue: 0,
      assets: 0,
      profit: 0,
      tax: 0,
      rdExpense: 0,
      techStaff: 0,
      exports: 0,
      aboveScale: false,
      techSme: false,
      listing: '',
    };
    for (let i = 0; i < this.table.size; i++) {
      if (c.kind[i] !== KIND.enterprise || c.est[i] > ye) continue;
      if ((c.closed[i] !== 0 && c.closed[i] <= ye) || (c.moved[i] !== 0 && c.moved[i] <= ye)) continue;
      const age = year - yearOfDay(c.est[i]);
      dev[i] =
        age === 0 ? this.stationarySd * rng.normal() : M.persistence * dev[i] + M.shockSd * rng.normal();
      this.paths.beginYear(i, year, age);
      // A listed firm reports every year (its board requires it); others miss a year now and then.
      const files =
        (c.flags[i] & FLAG.neverFiles) === 0 && (c.listingKind[i] !== 0 || !rng.chance(M.yearlyMissShare));
      if (!files) continue;
      const dm = this.divisions[c.division[i]];
      const ramp = age < M.ageRamp.length ? M.ageRamp[age] : 1;
      const zeroRevenue = rng.chance(M.zeroRevenueByAge[Math.min(age, M.zeroRevenueByAge.length - 1)]);
      const level = dm.logMedian + dm.sigma * c.quality[i];
      const logRev = level + dev[i] + drift + Math.log(ramp) + this.paths.revenueBoost(i, year);
      const revWan = zeroRevenue ? 0 : Math.exp(logRev);
      f.revenue = Math.round(revWan * 100);
      // Headcount is stickier than revenue: it follows the firm's level, part of its deviation and drift.
      const logEmp = level - dm.logPerEmployee + this.paths.employeeShift(i, year, age, dev[i], drift);
      f.employees = zeroRevenue
        ? rng.int(3)
        : Math.max(1, Math.round(Math.exp(logEmp + P.employeeNoiseSd * rng.normal())));
      const capital = c.capitalCents[i];
      f.assets = zeroRevenue
        ? Math.round(capital * (0.2 + 0.8 * rng.next()))
        : Math.round(f.revenue * 0.9 * Math.exp(0.5 * rng.normal()) + capital * 0.3);
      f.profit = Math.round(f.revenue * (0.05 + 0.07 * rng.normal()));
      f.tax =
        zeroRevenue || rng.chance(0.2) ? 0 : Math.round(f.revenue * 0.03 * Math.exp(0.5 * rng.normal()));
      const rd = (c.flags[i] & FLAG.rdFirm) !== 0;
      f.rdExpense = rd ? Math.round(f.revenue * (0.005 + 0.045 * rng.next())) : 0;
      f.techStaff = rd
        ? Math.floor(f.employees * (0.05 + 0.25 * rng.next()))
        : rng.chance(0.2)
          ? Math.floor(f.employees * 0.08 * rng.next())
          : 0;
      f.exports = (c.flags[i] & FLAG.exporter) !== 0 ? Math.round(f.revenue * (0.1 + 0.6 * rng.next())) : 0;
      f.aboveScale = dm.aboveScaleCents > 0 && f.revenue >= dm.aboveScaleCents;
      f.techSme = c.techSmeFrom[i] !== 0 && year >= c.techSmeFrom[i] && !f.aboveScale;
      this.paths.decide(i, year, f);
      f.listing = c.listingKind[i] !== 0 && year >= c.listingFrom[i] ? LISTING_NAMES[c.listingKind[i]] : '';
      emit(i, f);
    }
  }
}

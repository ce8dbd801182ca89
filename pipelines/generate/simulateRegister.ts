import {
  CALIBRATION as C,
  COOP_DIVISION_WEIGHTS,
  ENTERPRISE_DIVISION_WEIGHTS,
  INDICATOR_MODEL,
  INDIVIDUAL_DIVISION_WEIGHTS,
  RD_DIVISIONS,
} from './calibration.ts';
import { countyBirthCumulative, countyHazardFactors } from './countyTrends.ts';
import { dayOf, yearOfDay } from './dates.ts';
import { EntityTable, ETYPE, FLAG, KIND, PRIORITY_INDUSTRIES, PRIORITY_NONE } from './entityTable.ts';
import type { GeneratorReference } from './generatorReference.ts';
import { cumulate, pickWeighted, type Rng } from './random.ts';
import { type FlowKind, SeasonalDays } from './seasonality.ts';

export interface SimulationParams {
  /** Multiplier on every count (tiny 0.003, city 1, province 16). */
  scale: number;
  /** Last simulated year. */
  endYear: number;
  ref: GeneratorReference;
  /** Called at the end of each simulated year (event injection, `injectEvents.ts`). */
  onYearEnd?: (year: YearEnd) => void;
}

/** What a year-end hook may do to the register: the year's new entities start at `firstNew`. */
export interface YearEnd {
  year: number;
  table: EntityTable;
  firstNew: number;
  cityIdx: number;
  days: SeasonalDays;
  /** The county index entity i is registered in on `day` (after any relocation). */
  countyAt(i: number, day: number): number;
  /** A new enterprise (not a conversion) or 个体工商户 established on `est` in county index `county`. */
  birth(kind: typeof KIND.enterprise | typeof KIND.individual, est: number, county: number): number;
  /** 个转企 of 个体工商户 `old` on `day`: the old one is cancelled, the new enterprise returned. */
  convert(old: number, day: number): number;
}

/** Yearly register events, kept for the summary and calibration tests. */
export interface YearStats {
  year: number;
  births: number;
  conversions: number;
  enterpriseDeaths: number;
  enterpriseStock: number;
}

export interface Register {
  table: EntityTable;
  /** Region codes indexed by county0/county1/regRegion: the counties, then the city. */
  regionCodes: string[];
  stats: YearStats[];
}

interface Mix {
  divisions: number[];
  cumulative: Float64Array;
}

function mix(weights: Record<string, number>): Mix {
  const keys = Object.keys(weights).sort();
  return { divisions: keys.map(Number), cumulative: cumulate(keys.map((k) => weights[k])) };
}

/** The seasonal pattern of a closure: 个体工商户 deaths, else 注销 or 吊销. */
function deathKind(kind: number, revoked: number): FlowKind {
  if (kind === KIND.individual) return 'indiv_deaths';
  return revoked ? 'deaths_revoked' : 'deaths_cancelled';
}

/** Rounds x up or down at random so that expected counts survive tiny scales. */
function stochasticRound(rng: Rng, x: number): number {
  const f = Math.floor(x);
  return f + (rng.chance(x - f) ? 1 : 0);
}

/**
 * Simulates the register year by year from the survivors at the end of 2012: deaths by age hazard,
 * moves, 个转企, then births solved so the enterprise stock follows the calibrated growth.
 */
export function simulateRegister(p: SimulationParams, rng: Rng): Register {
  const { ref, scale } = p;
  const nCounties = ref.counties.length;
  const cityIdx = nCounties;
  const regionCodes = [...ref.counties.map((c) => c.code), ref.cityCode];
  // Births are placed by the year's county weights (each county's own path, countyTrends.ts).
  let countyCum = countyBirthCumulative(ref.counties, ref.population, C.baseYear);
  const hazardFactor = countyHazardFactors(ref.counties);
  const days = new SeasonalDays();
  const countyAt = (i: number, day: number): number => {
    const c = table.cols;
    return c.relocated[i] !== 0 && c.relocated[i] <= day ? c.county1[i] : c.county0[i];
  };
  const entMix = mix(ENTERPRISE_DIVISION_WEIGHTS);
  const indMix = mix(INDIVIDUAL_DIVISION_WEIGHTS);
  const coopMix = mix(COOP_DIVISION_WEIGHTS);
  const proxyIndex = new Map<number, number>();
  for (const [div, name] of ref.priorityProxy)
    proxyIndex.set(
      Number(div),
      PRIORITY_INDUSTRIES.indexOf(name as (typeof PRIORITY_INDUSTRIES)[number]) + 1,
    );

  const table = new EntityTable(Math.ceil(scale * 400_000));
  const cols = () => table.cols;

  const dayIn = (year: number, from = dayOf(year, 1, 1)): number => {
    const end = dayOf(year, 12, 31);
    return from + rng.int(end - from + 1);
  };
  // Register events fall on seasonal days (seasonality.ts); one draw each, like dayIn.
  const seasonalDay = (kind: FlowKind, year: number, from?: number): number =>
    days.day(rng, kind, year, from);
  const capital = (median: number, sd: number): number =>
    Math.round(median * Math.exp(sd * rng.normal()) * 100);

  const create = (kind: number, est: number, division: number, county: number): number => {
    const i = table.add();
    const c = cols();
    c.kind[i] = kind;
    c.est[i] = est;
    c.division[i] = division;
    c.classDigits[i] = 10 + rng.int(4) * 10 + rng.int(4);
    c.county0[i] = county;
    c.county1[i] = county;
    let flags = rng.chance(0.2) ? FLAG.inBusiness : 0;
    if (rng.chance(C.sectionLetterShare)) flags |= FLAG.sectionLetter;
    if (rng.chance(C.statusLagShare)) flags |= FLAG.statusLag;
    c.regRegion[i] = county === cityIdx ? cityIdx : county;
    if (kind === KIND.enterprise) {
      if (rng.chance(INDICATOR_MODEL.neverFileShare)) flags |= FLAG.neverFiles;
      const rd =
        RD_DIVISIONS.has(String(division).padStart(2, '0')) && rng.chance(INDICATOR_MODEL.rdFirmShare);
      if (rd) flags |= FLAG.rdFirm;
      const group = aboveGroup(division);
      if (rng.chance(INDICATOR_MODEL.exporterShare[group] ?? 0.02)) flags |= FLAG.exporter;
      c.quality[i] = rng.normal();
      const estYear = yearOfDay(est);
      if (rd && rng.chance(INDICATOR_MODEL.techSmeShareOfRd))
        c.techSmeFrom[i] = Math.max(2014, estYear + 1 + rng.int(4));
      // Listings and 规改股 follow the firm's filings: decided year by year in growthPaths.ts.
      // 八大万亿产业 is self-declared: mostly empty, some declared (usually the proxy), some 无.
      const u = rng.next();
      if (u < C.priorityNone) c.priority[i] = PRIORITY_NONE;
      else if (u < C.priorityNone + C.priorityDeclared) {
        const proxy = proxyIndex.get(division);
        c.priority[i] = proxy && rng.chance(C.priorityMatchesProxy) ? proxy : 1 + rng.int(8);
      }
    }
    c.flags[i] = flags;
    return i;
  };
  const aboveGroup = (division: number): string =>
    ref.divisions.get(String(division).padStart(2, '0'))?.aboveScaleGroup ?? 'none';
  const pickCounty = (allowCity: boolean): number => {
    if (allowCity && rng.chance(C.cityRegisteredShare)) return -1; // decided by caller
    return pickWeighted(rng, countyCum);
  };

  const newEnterprise = (est: number, division: number, county: number, etype: number): number => {
    const i = create(KIND.enterprise, est, division, county);
    const c = cols();
    c.etype[i] = etype;
    const medians = [100, 50, 2000, 20, 100];
    c.capitalCents[i] = capital(medians[etype] ?? 100, 1.0);
    return i;
  };
  const birthEnterprise = (est: number, forcedCounty?: number): number => {
    let county = forcedCounty ?? pickCounty(true);
    let reg = county;
    if (county < 0) {
      county = rng.chance(C.cityCountyShare) ? cityIdx : pickWeighted(rng, countyCum);
      reg = cityIdx;
    }
    const u = rng.next();
    const etype =
      u < 0.6
        ? ETYPE.llc
        : u < 0.82
          ? ETYPE.llcSole
          : u < 0.84
            ? ETYPE.jointStock
            : u < 0.94
              ? ETYPE.sole
              : ETYPE.partnership;
    const i = newEnterprise(est, entMix.divisions[pickWeighted(rng, entMix.cumulative)], county, etype);
    cols().regRegion[i] = reg;
    return i;
  };
  const birthIndividual = (est: number, forcedCounty?: number): number => {
    const i = create(
      KIND.individual,
      est,
      indMix.divisions[pickWeighted(rng, indMix.cumulative)],
      forcedCounty ?? pickCounty(false),
    );
    cols().etype[i] = ETYPE.individual;
    cols().capitalCents[i] = capital(5, 0.8);
    return i;
  };
  const birthBranch = (est: number): number => {
    const i = create(
      KIND.branch,
      est,
      entMix.divisions[pickWeighted(rng, entMix.cumulative)],
      pickCounty(false),
    );
    cols().etype[i] = ETYPE.branch;
    return i;
  };
  const birthCoop = (est: number): number => {
    const i = create(
      KIND.coop,
      est,
      coopMix.divisions[pickWeighted(rng, coopMix.cumulative)],
      pickCounty(false),
    );
    cols().etype[i] = ETYPE.coop;
    cols().capitalCents[i] = capital(50, 1.0);
    return i;
  };

  // 个转企: the 个体工商户 is cancelled on the conversion day and a new enterprise starts that day.
  const convert = (old: number, day: number): number => {
    const t = table.cols;
    t.closed[old] = day;
    const u = rng.next();
    const etype =
      u < C.conversionCompanyShare
        ? rng.chance(0.6)
          ? ETYPE.llcSole
          : ETYPE.llc
        : rng.chance(0.8)
          ? ETYPE.sole
          : ETYPE.partnership;
    const e = newEnterprise(day, t.division[old], t.county0[old], etype);
    table.cols.previous[e] = old;
    return e;
  };

  // Initial stock: survivors at the end of 2012, aged per the 2012 national age structure.
  const initialYear = (): number => {
    const u = rng.next();
    const [a, b] = C.initialAgeShares;
    if (u < a) return C.baseYear - rng.int(5);
    if (u < a + b) return C.baseYear - 5 - rng.int(5);
    return C.baseYear - 10 - rng.int(18);
  };
  const nInitEnt = stochasticRound(rng, C.initialEnterprises * scale);
  for (let k = 0; k < nInitEnt; k++) birthEnterprise(dayIn(initialYear()));
  for (let k = stochasticRound(rng, nInitEnt * C.branchPerBirth * 3); k > 0; k--)
    birthBranch(dayIn(initialYear()));
  for (let k = stochasticRound(rng, nInitEnt * C.initialCoopShare); k > 0; k--)
    birthCoop(dayIn(initialYear()));
  for (let k = stochasticRound(rng, C.initialIndividuals * scale); k > 0; k--)
    birthIndividual(dayIn(initialYear()));

  const stats: YearStats[] = [];
  let entStock = nInitEnt;
  let indStock = 0;
  for (let i = 0; i < table.size; i++) if (table.cols.kind[i] === KIND.individual) indStock++;

  for (let year = C.baseYear + 1; year <= p.endYear; year++) {
    const ys = dayOf(year, 1, 1);
    countyCum = countyBirthCumulative(ref.counties, ref.population, year);
    const c = cols();
    const n = table.size;
    let entDeaths = 0;
    let indDeaths = 0;
    const candidates: number[] = [];
    for (let i = 0; i < n; i++) {
      if (c.closed[i] !== 0 || c.moved[i] !== 0) continue;
      const age = year - yearOfDay(c.est[i]);
      const kind = c.kind[i];
      let h = C.enterpriseHazard[Math.min(age, C.enterpriseHazard.length - 1)];
      if (kind === KIND.individual) h *= C.individualHazardFactor;
      h *= hazardFactor[c.relocated[i] !== 0 ? c.county1[i] : c.county0[i]];
      if (rng.chance(h)) {
        c.revoked[i] = rng.chance(C.revokedShare) ? 1 : 0;
        c.closed[i] = seasonalDay(deathKind(kind, c.revoked[i]), year, Math.max(ys, c.est[i] + 1));
        if (kind === KIND.enterprise) entDeaths++;
        else if (kind === KIND.individual) indDeaths++;
        continue;
      }
      if (kind === KIND.enterprise || kind === KIND.branch) {
        if (rng.chance(C.moveOutRate)) {
          c.moved[i] = dayIn(year, Math.max(ys, c.est[i] + 1));
          if (kind === KIND.enterprise) entDeaths++;
          continue;
        }
        if (c.relocated[i] === 0 && c.county0[i] !== cityIdx && rng.chance(C.relocateRate)) {
          c.relocated[i] = dayIn(year, Math.max(ys, c.est[i] + 1));
          c.county1[i] = (c.county0[i] + 1 + rng.int(nCounties - 1)) % nCounties;
        }
      }
      if (kind === KIND.individual && c.est[i] < ys) candidates.push(i);
    }
    const nConv = Math.min(
      candidates.length,
      stochasticRound(rng, (C.conversions[year] ?? C.laterConversions) * scale),
    );
    for (let k = 0; k < nConv; k++) {
      const j = k + rng.int(candidates.length - k);
      const old = candidates[j];
      candidates[j] = candidates[k];
      candidates[k] = old;
      convert(old, seasonalDay('conversions', year, Math.max(ys, table.cols.est[old] + 1)));
    }
    indDeaths += nConv;
    const growth = C.enterpriseGrowth[year] ?? C.laterEnterpriseGrowth;
    const h0 = C.enterpriseHazard[0];
    const births = Math.max(0, stochasticRound(rng, (growth * entStock + entDeaths - nConv) / (1 - h0)));
    const indBirths = Math.max(
      0,
      stochasticRound(rng, (C.individualGrowth * indStock + indDeaths) / (1 - h0)),
    );
    for (let k = 0; k < births; k++) birthEnterprise(seasonalDay('births', year));
    for (let k = stochasticRound(rng, births * C.branchPerBirth); k > 0; k--)
      birthBranch(seasonalDay('births', year));
    for (let k = stochasticRound(rng, births * C.coopPerBirth); k > 0; k--)
      birthCoop(seasonalDay('births', year));
    for (let k = 0; k < indBirths; k++) birthIndividual(seasonalDay('indiv_births', year));
    // Founding-year deaths (1.6%), for births and conversions alike.
    const t = table.cols;
    let newDeaths = 0;
    for (let i = n; i < table.size; i++) {
      if (!rng.chance(h0 * hazardFactor[t.county0[i]])) continue;
      t.revoked[i] = rng.chance(C.revokedShare) ? 1 : 0;
      t.closed[i] = seasonalDay(
        deathKind(t.kind[i], t.revoked[i]),
        year,
        t.est[i] + 1 > dayOf(year, 12, 31) ? t.est[i] : t.est[i] + 1,
      );
      if (t.kind[i] === KIND.enterprise) newDeaths++;
      else if (t.kind[i] === KIND.individual) indStock--;
    }
    entStock += births + nConv - entDeaths - newDeaths;
    indStock += indBirths - indDeaths;
    p.onYearEnd?.({
      year,
      table,
      firstNew: n,
      cityIdx,
      days,
      countyAt,
      birth: (kind, est, county) =>
        kind === KIND.enterprise ? birthEnterprise(est, county) : birthIndividual(est, county),
      convert,
    });
    stats.push({
      year,
      births,
      conversions: nConv,
      enterpriseDeaths: entDeaths + newDeaths,
      enterpriseStock: entStock,
    });
  }
  return { table, regionCodes, stats };
}

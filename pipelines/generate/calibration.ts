// City-scale calibration of the synthetic Huzhou register. Every figure is explained, with its source,
// in pipelines/generate/README.md; "assumed" means no public figure was found (reference.md §6.3 lists
// Huzhou's stocks and registrations as UNCONFIRMED).

/** Scale multipliers applied to every count (stocks, births, conversions). */
export const SCALE_FACTORS = { tiny: 0.003, city: 1, province: 16 } as const;
export type Scale = keyof typeof SCALE_FACTORS;

export const CALIBRATION = {
  /** Simulation starts from the survivors at the end of this year. */
  baseYear: 2012,
  /** Enterprises (not branches) alive at the end of 2012: sized so 2017 ends near 70k (assumed). */
  initialEnterprises: 33_000,
  /** 个体工商户 alive at the end of 2012 (assumed ~1:1 with enterprises, to bound benchmark volume). */
  initialIndividuals: 40_000,
  /** Age shares of the initial stock: <5y, 5–10y, >10y (国家工商总局 2013 survival report, reference.md §6.4). */
  initialAgeShares: [0.494, 0.329, 0.177],
  /**
   * Target growth of the enterprise stock by year: ~18%/yr in 2015–17 (湖州 2015–17 三年成长计划,
   * reference.md §6.3), slower later (assumed 6–9%). Births are solved from it each year.
   */
  enterpriseGrowth: {
    2013: 0.12,
    2014: 0.15,
    2015: 0.18,
    2016: 0.18,
    2017: 0.18,
    2018: 0.09,
    2019: 0.085,
    2020: 0.08,
    2021: 0.085,
    2022: 0.07,
    2023: 0.065,
    2024: 0.06,
  } as Record<number, number>,
  laterEnterpriseGrowth: 0.05,
  /** 个体工商户 stock growth before conversions (assumed). */
  individualGrowth: 0.05,
  /** 个转企 per year: 3,988 over 2015–17 ≈ 1,330/yr (reference.md §6.3); 79% company form. */
  conversions: { 2013: 800, 2014: 1000, 2015: 1330, 2016: 1330, 2017: 1330 } as Record<number, number>,
  laterConversions: 1300,
  conversionCompanyShare: 0.79,
  /**
   * Yearly death hazard by age (0 = founding year): 1.6%, 6.3%, 9.5%, years 4–7 above 8%, then
   * below 8% and falling (reference.md §6.4). Ages past the end use the last value.
   */
  enterpriseHazard: [
    0.016, 0.063, 0.095, 0.085, 0.083, 0.082, 0.081, 0.075, 0.07, 0.066, 0.062, 0.058, 0.055,
  ],
  /** 个体工商户 die faster (assumed ×1.25). */
  individualHazardFactor: 1.25,
  /** Share of deaths that are 吊销 rather than 注销 (assumed). */
  revokedShare: 0.25,
  /** Enterprises moving out of the city (迁出) per year, and relocating between counties (assumed). */
  moveOutRate: 0.004,
  relocateRate: 0.005,
  /** Branches (分公司) and cooperatives relative to enterprise births (assumed). */
  branchPerBirth: 0.06,
  coopPerBirth: 0.015,
  initialCoopShare: 0.02,
  /** Share of enterprises registered by the city authority (USCC positions 3–8 = 330500; assumed). */
  cityRegisteredShare: 0.04,
  /** Of those, share also carrying county_code 330500 (count for the city, no county). */
  cityCountyShare: 0.3,
  /** 八大万亿产业 declaration: not declared / declared (mostly the proxy industry) / 无 (assumed). */
  priorityDeclared: 0.2,
  priorityNone: 0.06,
  priorityMatchesProxy: 0.75,
  /** Snapshot status still 存续 for an entity closed in December of that year (register lag, assumed). */
  statusLagShare: 0.01,
  /** Industry code written with its section letter (C1713) rather than bare (1713). */
  sectionLetterShare: 0.7,
} as const;

/**
 * Division weights (percent of new enterprises), tertiary-heavy with Huzhou's manufacturing
 * specialties (textiles 17/18, furniture 21, metal/machinery/electrical 33–38). Assumed: no Huzhou
 * division breakdown was found (reference.md §6.3).
 */
export const ENTERPRISE_DIVISION_WEIGHTS: Record<string, number> = {
  '01': 1.0,
  '02': 0.3,
  '03': 0.4,
  '04': 0.3,
  '05': 0.3,
  '10': 0.2,
  '13': 0.5,
  '14': 0.4,
  '15': 0.2,
  '17': 3.0,
  '18': 2.5,
  '19': 0.5,
  '20': 1.2,
  '21': 2.0,
  '22': 0.4,
  '23': 0.4,
  '24': 0.6,
  '26': 0.8,
  '27': 0.4,
  '28': 0.5,
  '29': 1.2,
  '30': 1.2,
  '31': 0.2,
  '32': 0.3,
  '33': 2.5,
  '34': 2.8,
  '35': 1.8,
  '36': 0.8,
  '37': 0.4,
  '38': 2.8,
  '39': 0.8,
  '40': 0.3,
  '41': 0.3,
  '42': 0.2,
  '43': 0.2,
  '44': 0.2,
  '45': 0.1,
  '46': 0.1,
  '47': 1.5,
  '48': 1.2,
  '49': 0.8,
  '50': 2.0,
  '51': 20.0,
  '52': 7.0,
  '54': 2.0,
  '55': 0.3,
  '58': 0.7,
  '59': 0.5,
  '60': 0.1,
  '61': 0.5,
  '62': 1.0,
  '63': 0.2,
  '64': 1.0,
  '65': 2.5,
  '66': 0.1,
  '67': 0.4,
  '69': 0.6,
  '70': 2.5,
  '71': 0.8,
  '72': 8.0,
  '73': 0.5,
  '74': 2.0,
  '75': 3.5,
  '77': 0.4,
  '78': 0.3,
  '80': 0.8,
  '81': 0.4,
  '82': 0.8,
  '83': 0.5,
  '84': 0.2,
  '85': 0.1,
  '86': 0.2,
  '87': 0.2,
  '88': 0.6,
  '89': 0.4,
  '90': 0.2,
};

/** 个体工商户 mix after the 西湖区 四经普 structure: 批零 56%, 交通 23%, 住宿餐饮 11% (reference.md §6.3). */
export const INDIVIDUAL_DIVISION_WEIGHTS: Record<string, number> = {
  '51': 8,
  '52': 48,
  '54': 22.7,
  '61': 2,
  '62': 8.9,
  '80': 4,
  '81': 3,
  '82': 2,
  '17': 0.5,
  '18': 0.5,
  '21': 0.2,
  '33': 0.2,
};

/** Cooperatives are agricultural (农民专业合作社). */
export const COOP_DIVISION_WEIGHTS: Record<string, number> = {
  '01': 70,
  '02': 8,
  '03': 12,
  '04': 6,
  '05': 4,
};

/**
 * Indicator model per above-scale group: median revenue of a mature firm (万元), log-sd across firms,
 * revenue per employee (万元). Assumed, chosen so ~10–15% of industrial filers are 规上.
 */
export const REVENUE_MODEL: Record<string, { medianWan: number; sigma: number; perEmployeeWan: number }> = {
  industry: { medianWan: 230, sigma: 1.45, perEmployeeWan: 40 },
  wholesale: { medianWan: 260, sigma: 1.55, perEmployeeWan: 150 },
  retail: { medianWan: 70, sigma: 1.35, perEmployeeWan: 30 },
  accommodation: { medianWan: 50, sigma: 1.3, perEmployeeWan: 15 },
  catering: { medianWan: 50, sigma: 1.3, perEmployeeWan: 15 },
  none: { medianWan: 60, sigma: 1.45, perEmployeeWan: 25 },
};

export const INDICATOR_MODEL = {
  /** Enterprises that never file, plus a yearly random miss: ~12% of alive firms file nothing. */
  neverFileShare: 0.05,
  yearlyMissShare: 0.075,
  /** Revenue ramp by age (share of mature level) and chance of zero revenue by age. */
  ageRamp: [0.35, 0.6, 0.85],
  zeroRevenueByAge: [0.35, 0.15, 0.08, 0.04],
  /** AR(1) firm deviation: persistence and yearly shock (log units). */
  persistence: 0.85,
  shockSd: 0.2,
  /** Nominal level drift per year since 2013, and a 2020 dip. */
  yearlyDrift: 0.03,
  dip2020: -0.06,
  rdFirmShare: 0.35,
  exporterShare: { industry: 0.2, wholesale: 0.1 } as Record<string, number>,
  techSmeShareOfRd: 0.12,
} as const;

export const RD_DIVISIONS = new Set([
  '26',
  '27',
  '28',
  '29',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '40',
  '63',
  '64',
  '65',
  '73',
  '74',
  '75',
]);

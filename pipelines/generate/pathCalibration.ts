// City-scale calibration of the growth paths (规改股, listings) and of firm growth (high-growth enterprises).
// Sources in pipelines/generate/README.md ("Growth paths"); "assumed" = no public figure found.

export const PATH_CALIBRATION = {
  /**
   * Employment follows revenue only partly: a fixed firm effect (log sd), the share of the revenue deviation and
   * of the nominal drift passed to employment, and a small yearly noise. Persistent headcounts keep chance
   * "high growth" rare (assumed; tuned so HGE ≈ 3–6 % of the ≥ 10-employee population, the brief's figure).
   */
  employeeEffectSd: 0.33,
  employeeDevShare: 0.25,
  employeeDriftShare: 0.3,
  employeeNoiseSd: 0.05,
  /** Headcount ramp of a young firm by age (revenue ramps faster): share of its mature level (assumed). */
  employeeAgeRamp: [0.92],
  /**
   * Growth episodes: a yearly chance to start one (higher while young and for R&D firms), lasting 3–4 years at
   * U(min, max) log growth a year on revenue, 90 % of it on employment (assumed).
   */
  episodeStart: { young: 0.012, mature: 0.005, youngUpToAge: 5, rdFactor: 1.5 },
  episodeYears: [3, 4],
  episodeRate: { min: 0.15, max: 0.35 },
  episodeEmployeeShare: 0.9,
  /**
   * 规改股: yearly chance that an 有限责任公司 with revenue ≥ minRevenueWan registers as a 股份有限公司 the next
   * year; sized to ≈ 40 a year in 2018–2020 (plan: 120 new 股份公司 over 2018–2020, seed annex indicator 8).
   */
  reform: { minRevenueWan: 2000, chance: 0.012, largeRevenueWan: 5000, largeFactor: 3 },
  /**
   * New listings per board: yearly chance for an eligible, profitable firm (assumed), per period: 2013–14,
   * 2015–17 (546 new 浙股交/新三板 listings in Huzhou's 2015–17 plan, reference.md §6.3) and from 2018 (plan:
   * 30 over 2018–2020, indicator 7; 上市 ≈ 2–7 a year, reference.md §8.3).
   */
  listing: {
    浙江股权交易中心: {
      minRevenueWan: 500,
      jointStockOnly: false,
      chance: { 2013: 0.004, 2015: 0.025, 2018: 0.001 },
    },
    新三板: { minRevenueWan: 3000, jointStockOnly: true, chance: { 2013: 0.01, 2015: 0.03, 2018: 0.02 } },
    上市: { minRevenueWan: 10000, jointStockOnly: true, chance: { 2013: 0.05, 2015: 0.08, 2018: 0.08 } },
  } as Record<string, { minRevenueWan: number; jointStockOnly: boolean; chance: Record<number, number> }>,
} as const;

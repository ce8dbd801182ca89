import type { ChartData } from '../charts/chartData.ts';

/** The chart data as a report for `year` (and optionally one county) would see it: rows up to that year. */
export function chartDataForYear(all: ChartData, year: number, countyCode?: string): ChartData {
  const upTo = <T extends { year: number }>(rows: T[]) => rows.filter((r) => r.year <= year);
  const { countyCode: _ignored, ...rest } = all;
  return {
    ...rest,
    ...(countyCode ? { countyCode } : {}),
    year,
    demography: upTo(all.demography),
    growth: upTo(all.growth),
    vitality: upTo(all.vitality),
    scorecard: all.scorecard.filter((r) => r.period_end <= `${year}-12-31`),
    ...(all.growthPaths
      ? {
          growthPaths: {
            stages: upTo(all.growthPaths.stages),
            flows: upTo(all.growthPaths.flows),
            upgradeTimes: upTo(all.growthPaths.upgradeTimes),
            reconciliation: upTo(all.growthPaths.reconciliation),
            highGrowth: upTo(all.growthPaths.highGrowth),
          },
        }
      : {}),
    ...(all.uncertainty
      ? {
          uncertainty: {
            ...all.uncertainty,
            intervals: upTo(all.uncertainty.intervals),
            sobol: upTo(all.uncertainty.sobol),
          },
        }
      : {}),
    ...(all.industry
      ? {
          industry: {
            ...all.industry,
            growth: upTo(all.industry.growth),
            vitality: upTo(all.industry.vitality),
          },
        }
      : {}),
  };
}

/** Years a reader can pick: those after the base year with a growth or vitality total in the marts. */
export function siteYears(all: ChartData): number[] {
  const years = new Set(
    [...all.growth, ...all.vitality]
      .filter((r) => r.level === 'total' && r.year > all.baseYear)
      .map((r) => r.year),
  );
  return [...years].sort((a, b) => a - b);
}

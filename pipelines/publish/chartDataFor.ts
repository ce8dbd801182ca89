import type { ChartData } from '../charts/chartData.ts';
import type { PublishedIndustryIndices } from './industryIndexCells.ts';
import type { PublishedGrowthPaths } from './publishGrowthPaths.ts';
import type { Publication } from './publishMartData.ts';

export interface ChartDataScope {
  version: string;
  /** Report year: rows after it are left out (a report for 2018 shows nothing of 2019). */
  year: number;
  countyCode?: string;
  planStartYear: number;
  planEndYear: number;
}

/** What one report (or one dashboard year) shows: the publication cut to a version and the years up to `year`. */
export function chartDataFor(
  pub: Publication & {
    growthPaths?: PublishedGrowthPaths | null;
    industryIndices?: PublishedIndustryIndices | null;
  },
  scope: ChartDataScope,
): ChartData {
  const v = pub.versions.find((x) => x.version === scope.version);
  if (!v) throw new Error(`publication layer: no index rows for methodology version ${scope.version}`);
  if (
    scope.countyCode &&
    !pub.regions.some((r) => r.region_code === scope.countyCode && r.level === 'county')
  )
    throw new Error(`区县代码 ${scope.countyCode} 不在 ref.regions 中 (unknown county code)`);
  const upTo = <T extends { year: number }>(rows: T[]) => rows.filter((r) => r.year <= scope.year);
  const ofVersion = <T extends { methodology_version: string }>(rows: T[]) =>
    rows.filter((r) => r.methodology_version === scope.version);
  const paths = pub.growthPaths;
  const industry = pub.industryIndices?.versions.find((x) => x.version === scope.version);
  return {
    year: scope.year,
    ...(scope.countyCode ? { countyCode: scope.countyCode } : {}),
    regions: pub.regions,
    demography: upTo(pub.demography),
    growth: upTo(v.growth),
    vitality: upTo(v.vitality),
    scorecard: pub.scorecard.filter(
      (r) => r.methodology_version === scope.version && r.period_end <= `${scope.year}-12-31`,
    ),
    planIndicators: pub.planIndicators,
    indexMeta: v.tree.map(({ variable: _variable, ...t }) => t),
    baseYear: v.baseYear,
    planStartYear: scope.planStartYear,
    planEndYear: scope.planEndYear,
    minEnterprises: pub.disclosure.min,
    ...(paths
      ? {
          growthPaths: {
            stages: upTo(paths.stages),
            flows: upTo(paths.flows),
            upgradeTimes: upTo(paths.upgradeTimes),
            reconciliation: upTo(ofVersion(paths.reconciliation)),
            highGrowth: upTo(ofVersion(paths.highGrowth)),
          },
        }
      : {}),
    uncertainty: {
      intervals: upTo(pub.uncertainty.intervals.filter((r) => r.methodology_version === scope.version)),
      sobol: upTo(pub.uncertainty.sobol.filter((r) => r.methodology_version === scope.version)),
      settings: pub.uncertainty.settings.filter((r) => r.methodology_version === scope.version),
    },
    ...(industry && pub.industryIndices
      ? {
          industry: {
            industries: pub.industryIndices.industries,
            growth: upTo(industry.growth),
            vitality: upTo(industry.vitality),
            note: pub.industryIndices.notes[scope.version] ?? '',
          },
        }
      : {}),
  };
}

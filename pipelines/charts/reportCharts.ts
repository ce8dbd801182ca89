// The fixed, ordered list of charts the annual report emits. A county report (data.countyCode) shows the
// same charts focused on that county, with the city alongside where a comparison makes sense.
import type { ChartData } from './chartData.ts';
import { buildDemographyChart } from './demographyChart.ts';
import { buildGrowthPathChart } from './growthPathChart.ts';
import { buildIndexTrendChart } from './indexTrendChart.ts';
import { buildIndicatorChart } from './indicatorChart.ts';
import { buildModuleBreakdownChart } from './moduleBreakdownChart.ts';
import { buildPlanProgressChart } from './planProgressChart.ts';
import { buildRankingChart } from './rankingChart.ts';
import { rankingUncertainty } from './rankingUncertainty.ts';
import { buildScorecardHeatmap } from './scorecardHeatmap.ts';
import { buildSurvivalChart } from './survivalChart.ts';
import type { NamedChart } from './types.ts';

export type { ChartSection, NamedChart } from './types.ts';

/** Report order: growth, ranking, vitality, demography, growth paths, plan. Ids are stable file stems. */
export function buildReportCharts(data: ChartData): NamedChart[] {
  const focusCode = data.countyCode;
  if (focusCode && !data.regions.some((r) => r.region_code === focusCode && r.level === 'county')) {
    throw new Error(`未知区县代码：${focusCode}`);
  }
  const common = {
    regions: data.regions,
    year: data.year,
    baseYear: data.baseYear,
    minEnterprises: data.minEnterprises,
  };
  const trend = { ...common, planStartYear: data.planStartYear, planEndYear: data.planEndYear, focusCode };
  const charts: Omit<NamedChart, 'title'>[] = [
    {
      id: 'growth-trend',
      section: 'growth',
      spec: buildIndexTrendChart(data.growth, { ...trend, index: 'growth' }),
    },
    {
      id: 'growth-modules',
      section: 'growth',
      spec: buildModuleBreakdownChart(data.growth, {
        ...common,
        index: 'growth',
        indexMeta: data.indexMeta,
        focusCode,
      }),
    },
    {
      id: 'growth-indicators',
      section: 'growth',
      spec: buildIndicatorChart(data.growth, {
        ...common,
        index: 'growth',
        indexMeta: data.indexMeta,
        regionCode: focusCode,
      }),
    },
    {
      id: 'growth-ranking',
      section: 'ranking',
      spec: buildRankingChart(data.growth, {
        ...common,
        index: 'growth',
        focusCode,
        uncertainty: rankingUncertainty(data, 'growth'),
      }),
    },
    {
      id: 'vitality-trend',
      section: 'vitality',
      spec: buildIndexTrendChart(data.vitality, { ...trend, index: 'vitality' }),
    },
    {
      id: 'vitality-modules',
      section: 'vitality',
      spec: buildModuleBreakdownChart(data.vitality, {
        ...common,
        index: 'vitality',
        indexMeta: data.indexMeta,
        focusCode,
      }),
    },
    {
      id: 'vitality-ranking',
      section: 'vitality',
      spec: buildRankingChart(data.vitality, {
        ...common,
        index: 'vitality',
        focusCode,
        uncertainty: rankingUncertainty(data, 'vitality'),
      }),
    },
    {
      id: 'demography-flows',
      section: 'demography',
      spec: buildDemographyChart(data.demography, { ...common, regionCode: focusCode }),
    },
    {
      id: 'demography-survival',
      section: 'demography',
      spec: buildSurvivalChart(data.demography, { ...common, regionCode: focusCode }),
    },
    ...(data.growthPaths
      ? [
          {
            id: 'growth-paths-funnel',
            section: 'paths' as const,
            spec: buildGrowthPathChart(data.growthPaths.stages, data.growthPaths.flows, {
              ...common,
              regionCode: focusCode,
            }),
          },
        ]
      : []),
    {
      id: 'plan-scorecard',
      section: 'plan',
      spec: buildScorecardHeatmap(data.scorecard, {
        regions: data.regions,
        planIndicators: data.planIndicators,
        year: data.year,
        focusCode,
        uncertainty: rankingUncertainty(data, 'scorecard'),
      }),
    },
    {
      id: 'plan-progress',
      section: 'plan',
      spec: buildPlanProgressChart(data.scorecard, {
        regions: data.regions,
        planIndicators: data.planIndicators,
        year: data.year,
        regionCode: focusCode,
      }),
    },
  ];
  return charts.map((c) => ({ ...c, title: titleOf(c.spec) }));
}

function titleOf(spec: NamedChart['spec']): string {
  const t = spec.title;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join('');
  const text = t?.text;
  if (text === undefined) return '';
  return typeof text === 'string' ? text : Array.isArray(text) ? text.join('') : '';
}

// Survival curves: for each birth cohort, the share still alive 1, 2 and 3 years after birth.
import type { TopLevelSpec } from 'vega-lite';
import type { PublishedDemographyRow } from '../publish/publishedRows.ts';
import type { ChartRegion } from './chartData.ts';
import { baseSpec, chartHeader, cityOf, distinctSorted, regionName } from './common.ts';
import { formatCount, formatPercent } from './format.ts';
import { OKABE_ITO } from './theme.ts';

export interface SurvivalOptions {
  regions: ChartRegion[];
  year: number;
  minEnterprises: number;
  /** Region shown: the county of a county report, else the city. */
  regionCode?: string;
}

export interface SurvivalPoint {
  cohort: number;
  cohort_label: string;
  age: number;
  survival: number;
  survival_label: string;
  cohort_size_label: string;
}

const AGES = [
  { age: 1, rate: 'survival_1y', size: 'cohort_1y' },
  { age: 2, rate: 'survival_2y', size: 'cohort_2y' },
  { age: 3, rate: 'survival_3y', size: 'cohort_3y' },
] as const;

/**
 * survival_n of year t is the cohort born in t−n; the cohort size behind it is cohort_n. A rate the
 * publication layer withheld is left out; a withheld cohort size is not printed in the tooltip.
 */
export function survivalPoints(rows: readonly PublishedDemographyRow[], opts: SurvivalOptions) {
  const code = opts.regionCode ?? cityOf(opts.regions)?.region_code;
  const points: SurvivalPoint[] = [];
  let suppressed = 0;
  for (const r of rows) {
    if (r.region_code !== code || r.year > opts.year) continue;
    for (const a of AGES) {
      const rate = r[a.rate];
      const size = r[a.size];
      if (r.withheld[a.rate]) suppressed += 1;
      if (rate == null) continue;
      const cohort = r.year - a.age;
      points.push({
        cohort,
        cohort_label: `${cohort}年新设`,
        age: a.age,
        survival: rate,
        survival_label: formatPercent(rate),
        cohort_size_label: size === null ? '—' : `${formatCount(size)}家`,
      });
    }
  }
  points.sort((p, q) => p.cohort - q.cohort || p.age - q.age);
  return { points, suppressed, code: code ?? '' };
}

export function buildSurvivalChart(
  rows: readonly PublishedDemographyRow[],
  opts: SurvivalOptions,
): TopLevelSpec {
  const { points, suppressed, code } = survivalPoints(rows, opts);
  const place = regionName(opts.regions, code);
  const cohorts = distinctSorted(points.map((p) => p.cohort));
  const labels = cohorts.map((c) => `${c}年新设`);
  const header = chartHeader({
    title: `${place}新设小微企业存活率（按出生年份）`,
    notes: ['存活率=出生年份新设企业中到第n年末仍存续的比例。'],
    description: `${place}各出生年份新设小微企业第1—3年末存活率折线图。`,
    suppressed,
    minEnterprises: opts.minEnterprises,
  });
  return {
    ...baseSpec(header),
    width: 420,
    height: 280,
    data: { values: points },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'age',
        type: 'quantitative',
        title: '出生后年数',
        scale: { domain: [1, 3], nice: false },
        axis: { values: [1, 2, 3], labelExpr: "datum.value + '年'", grid: false },
      },
      y: {
        field: 'survival',
        type: 'quantitative',
        title: '存活率',
        scale: { zero: false },
        axis: { format: '.0%' },
      },
      color: {
        field: 'cohort_label',
        type: 'ordinal',
        title: '出生年份',
        sort: labels,
        scale: { domain: labels, range: OKABE_ITO.slice(0, Math.max(labels.length, 1)) },
      },
      tooltip: [
        { field: 'cohort_label', type: 'nominal', title: '出生年份' },
        { field: 'age', type: 'ordinal', title: '出生后年数' },
        { field: 'survival_label', type: 'nominal', title: '存活率' },
        { field: 'cohort_size_label', type: 'nominal', title: '出生时企业数' },
      ],
    },
  };
}

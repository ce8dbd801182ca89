// Indices per 八大万亿产业 (methodology §8): the growth and vitality totals of one industry by year. The dashboard
// shows one such chart at a time, picked in its industry drop-down (SiteChart.choice, templates/site/site.js).
import type { TopLevelSpec } from 'vega-lite';
import type { PublishedIndustryIndexRow } from '../publish/industryIndexCells.ts';
import { baseSpec, chartHeader, distinctSorted, yearSpan } from './common.ts';
import { formatIndex } from './format.ts';
import { INDEX_NAMES } from './indexTrendChart.ts';
import { partitionWithheld } from './suppression.ts';
import { REFERENCE_RULE_COLOR } from './theme.ts';

export interface IndustryTrendOptions {
  industry: string;
  regionCode: string;
  regionName: string;
  year: number;
  baseYear: number;
  minEnterprises: number;
  note: string;
}

export interface IndustryTrendPoint {
  industry: string;
  year: number;
  index: string;
  value: number;
  value_label: string;
}

// The dashboard draws this chart for every page, year and industry (≈ 1,000 times at city scale): the total
// rows are grouped once per rows array, each group in the rows' order.
const totalsCache = new WeakMap<
  readonly PublishedIndustryIndexRow[],
  Map<string, PublishedIndustryIndexRow[]>
>();

function totalsByRegionIndustry(
  rows: readonly PublishedIndustryIndexRow[],
): Map<string, PublishedIndustryIndexRow[]> {
  let groups = totalsCache.get(rows);
  if (!groups) {
    groups = new Map();
    for (const r of rows) {
      if (r.level !== 'total') continue;
      const key = `${r.region_code}|${r.priority_industry}`;
      const group = groups.get(key);
      if (group) group.push(r);
      else groups.set(key, [r]);
    }
    totalsCache.set(rows, groups);
  }
  return groups;
}

/** Chartable total points of the region's industries up to the year, and how many the layer withheld. */
export function industryTrendPoints(
  rows: { growth: readonly PublishedIndustryIndexRow[]; vitality: readonly PublishedIndustryIndexRow[] },
  opts: IndustryTrendOptions,
) {
  const candidates = (['growth', 'vitality'] as const).flatMap((index) =>
    (totalsByRegionIndustry(rows[index]).get(`${opts.regionCode}|${opts.industry}`) ?? [])
      .filter((r) => r.year <= opts.year)
      .map((r) => ({ ...r, index })),
  );
  const { kept, suppressed } = partitionWithheld(candidates, (r) => r.withheld !== null);
  const points: IndustryTrendPoint[] = kept
    .filter((r): r is typeof r & { value: number } => r.value !== null)
    .map((r) => ({
      industry: r.priority_industry,
      year: r.year,
      index: INDEX_NAMES[r.index],
      value: r.value,
      value_label: formatIndex(r.value),
    }))
    .sort((a, b) => a.year - b.year || (a.index < b.index ? -1 : a.index > b.index ? 1 : 0));
  return { points, suppressed };
}

export function buildIndustryTrendChart(
  rows: { growth: readonly PublishedIndustryIndexRow[]; vitality: readonly PublishedIndustryIndexRow[] },
  opts: IndustryTrendOptions,
): TopLevelSpec {
  const { points, suppressed } = industryTrendPoints(rows, opts);
  const years = distinctSorted([...points.map((p) => p.year), opts.baseYear, opts.year]);
  const lo = years[0];
  const hi = years[years.length - 1];
  const header = chartHeader({
    title: `${opts.regionName}${opts.industry}产业小微企业指数走势（${yearSpan(years)}）`,
    notes: [`${opts.baseYear}年=100。`, opts.note],
    description: `${opts.regionName}${opts.industry}产业小微企业成长指数与活力指数各年总指数折线图。`,
    suppressed,
    minEnterprises: opts.minEnterprises,
  });
  return {
    ...baseSpec(header),
    width: 560,
    height: 300,
    layer: [
      {
        data: { values: [{ base: 100 }] },
        mark: { type: 'rule', color: REFERENCE_RULE_COLOR, strokeDash: [4, 3] },
        encoding: { y: { field: 'base', type: 'quantitative' } },
      },
      {
        data: { values: points },
        mark: { type: 'line', point: true },
        encoding: {
          x: {
            field: 'year',
            type: 'quantitative',
            title: '年份',
            scale: { domain: lo === hi ? [lo - 1, hi + 1] : [lo, hi], nice: false, zero: false },
            axis: { values: years, labelExpr: "'' + datum.value", labelAngle: 0, grid: false },
          },
          y: { field: 'value', type: 'quantitative', title: '指数（基期=100）', scale: { zero: false } },
          color: {
            field: 'index',
            type: 'nominal',
            title: '指数',
            scale: { domain: [INDEX_NAMES.growth, INDEX_NAMES.vitality] },
          },
          tooltip: [
            { field: 'industry', type: 'nominal', title: '产业' },
            { field: 'year', type: 'ordinal', title: '年份' },
            { field: 'index', type: 'nominal', title: '指数' },
            { field: 'value_label', type: 'nominal', title: '数值' },
          ],
        },
      },
    ],
  };
}

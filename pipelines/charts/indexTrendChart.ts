// Index trend: the total index of the city and its counties by year, base year = 100, plan period shaded.
import type { TopLevelSpec } from 'vega-lite';
import type { PublishedIndexRow as IndexRow } from '../publish/publishedRows.ts';
import type { ChartRegion } from './chartData.ts';
import {
  baseSpec,
  chartHeader,
  compareStrings,
  distinctSorted,
  regionColorScale,
  selectRegions,
  yearSpan,
} from './common.ts';
import { formatIndex } from './format.ts';
import { partitionWithheld } from './suppression.ts';
import { PLAN_PERIOD_FILL, PLAN_PERIOD_OPACITY, REFERENCE_RULE_COLOR } from './theme.ts';

export const INDEX_NAMES = {
  growth: '小微企业成长指数',
  vitality: '新设小微企业活力指数',
} as const;

export interface IndexTrendOptions {
  index: 'growth' | 'vitality';
  regions: ChartRegion[];
  /** Last year drawn (the report year). */
  year: number;
  baseYear: number;
  planStartYear: number;
  planEndYear: number;
  minEnterprises: number;
  /** County report: that county and the city only. */
  focusCode?: string;
}

export interface TrendPoint {
  year: number;
  region_code: string;
  region: string;
  level: 'city' | 'county';
  value: number;
  value_label: string;
}

/** Chartable total-index points, sorted by region order then year, and the count suppressed. */
export function trendPoints(rows: readonly IndexRow[], opts: IndexTrendOptions) {
  const shown = selectRegions(opts.regions, opts.focusCode);
  const byCode = new Map(shown.map((r, i) => [r.region_code, { r, i }]));
  const candidates = rows.filter(
    (row) => row.level === 'total' && row.year <= opts.year && byCode.has(row.region_code),
  );
  const { kept, suppressed } = partitionWithheld(candidates, (r) => r.withheld !== null);
  const missing = kept.filter((r) => r.value == null).length;
  const points: TrendPoint[] = kept
    .filter((r): r is IndexRow & { value: number } => r.value != null)
    .map((r) => {
      const region = byCode.get(r.region_code)!.r;
      return {
        year: r.year,
        region_code: r.region_code,
        region: region.name_zh,
        level: region.level,
        value: r.value,
        value_label: formatIndex(r.value),
      };
    })
    .sort(
      (a, b) =>
        byCode.get(a.region_code)!.i - byCode.get(b.region_code)!.i ||
        a.year - b.year ||
        compareStrings(a.region_code, b.region_code),
    );
  return { points, suppressed, missing, shown };
}

export function buildIndexTrendChart(rows: readonly IndexRow[], opts: IndexTrendOptions): TopLevelSpec {
  const { points, suppressed, missing, shown } = trendPoints(rows, opts);
  const years = distinctSorted([...points.map((p) => p.year), opts.baseYear, opts.year]);
  const lo = years[0];
  const hi = years[years.length - 1];
  const domain = lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  const shadeFrom = Math.max(opts.planStartYear, domain[0]);
  const shadeTo = Math.min(opts.planEndYear, domain[1]);
  const name = INDEX_NAMES[opts.index];
  const place = opts.focusCode ? shown.map((r) => r.name_zh).join('与') : '湖州市及各区县';
  const header = chartHeader({
    title: `${place}${name}走势（${yearSpan(years)}）`,
    notes: [`${opts.baseYear}年=100；阴影为规划期（${opts.planStartYear}—${opts.planEndYear}年）。`],
    description: `${place}${name}各年总指数折线图。`,
    suppressed,
    missing,
    minEnterprises: opts.minEnterprises,
  });
  // Every layer repeats the same x definition: vega-lite merges them into one scale and one axis.
  const x = {
    type: 'quantitative' as const,
    title: '年份',
    scale: { domain, nice: false, zero: false },
    axis: { values: years, labelExpr: "'' + datum.value", labelAngle: 0, grid: false },
  };
  const color = regionColorScale(opts.regions, shown);
  const spec: TopLevelSpec = {
    ...baseSpec(header),
    width: 560,
    height: 300,
    layer: [
      ...(shadeFrom <= shadeTo
        ? [
            {
              data: { values: [{ start: shadeFrom, end: shadeTo, label: '规划期' }] },
              mark: {
                type: 'rect' as const,
                color: PLAN_PERIOD_FILL,
                opacity: PLAN_PERIOD_OPACITY,
                tooltip: null,
              },
              encoding: {
                x: { ...x, field: 'start' },
                x2: { field: 'end' },
              },
            },
            {
              data: { values: [{ start: shadeFrom, label: '规划期' }] },
              mark: {
                type: 'text' as const,
                align: 'left' as const,
                baseline: 'top' as const,
                dx: 4,
                dy: 4,
                color: '#666666',
              },
              encoding: {
                x: { ...x, field: 'start' },
                y: { value: 0 },
                text: { field: 'label', type: 'nominal' as const },
              },
            },
          ]
        : []),
      {
        data: { values: [{ base: 100, label: `基期（${opts.baseYear}年）=100` }] },
        mark: { type: 'rule', color: REFERENCE_RULE_COLOR, strokeDash: [4, 3] },
        encoding: { y: { field: 'base', type: 'quantitative' } },
      },
      {
        data: { values: points },
        mark: { type: 'line', point: true },
        encoding: {
          x: { ...x, field: 'year' },
          y: {
            field: 'value',
            type: 'quantitative',
            title: '指数（基期=100）',
            scale: { zero: false },
          },
          color: {
            field: 'region',
            type: 'nominal',
            title: '地区',
            scale: color,
            sort: color.domain,
          },
          strokeWidth: {
            field: 'level',
            type: 'ordinal',
            scale: { domain: ['city', 'county'], range: [3, 1.5] },
            legend: null,
          },
          tooltip: [
            { field: 'region', type: 'nominal', title: '地区' },
            { field: 'year', type: 'ordinal', title: '年份' },
            { field: 'value_label', type: 'nominal', title: name },
          ],
        },
      },
    ],
  };
  return spec;
}

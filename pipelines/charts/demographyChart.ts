// Business demography: births and deaths (bars) and net change (line) per year for one region.
import type { TopLevelSpec } from 'vega-lite';
import type { PublishedDemographyRow } from '../publish/publishedRows.ts';
import type { ChartRegion } from './chartData.ts';
import { baseSpec, chartHeader, cityOf, distinctSorted, regionName, yearSpan } from './common.ts';
import { COUNT_LABEL_EXPR, formatCount, formatPer100 } from './format.ts';
import { DEMOGRAPHY_COLORS } from './theme.ts';

export interface DemographyOptions {
  regions: ChartRegion[];
  year: number;
  minEnterprises: number;
  /** Region shown: the county of a county report, else the city. */
  regionCode?: string;
}

export const MEASURES = { births: '新设', deaths: '注销吊销', net: '净增' } as const;
const MEASURE_ORDER = [MEASURES.births, MEASURES.deaths, MEASURES.net];

export interface DemographyPoint {
  year: number;
  measure: string;
  value: number;
  value_label: string;
  rate_label: string;
}

/**
 * Births and deaths the publication layer withheld are left out; net change is left out when either part
 * is (it would give the withheld one back).
 */
export function demographyPoints(rows: readonly PublishedDemographyRow[], opts: DemographyOptions) {
  const code = opts.regionCode ?? cityOf(opts.regions)?.region_code;
  const own = rows
    .filter((r) => r.region_code === code && r.year <= opts.year)
    .sort((a, b) => a.year - b.year);
  const points: DemographyPoint[] = [];
  let suppressed = 0;
  for (const r of own) {
    const push = (measure: string, value: number, rate: number | null) =>
      points.push({
        year: r.year,
        measure,
        value,
        value_label: `${formatCount(value)}家`,
        rate_label: formatPer100(rate),
      });
    const { births, deaths } = r;
    if (births === null) suppressed += r.withheld.births ? 1 : 0;
    else push(MEASURES.births, births, r.birth_rate);
    if (deaths === null) suppressed += r.withheld.deaths ? 1 : 0;
    else push(MEASURES.deaths, deaths, r.death_rate);
    if (births === null || deaths === null) suppressed += r.withheld.births || r.withheld.deaths ? 1 : 0;
    else push(MEASURES.net, births - deaths, null);
  }
  return { points, suppressed, code: code ?? '' };
}

export function buildDemographyChart(
  rows: readonly PublishedDemographyRow[],
  opts: DemographyOptions,
): TopLevelSpec {
  const { points, suppressed, code } = demographyPoints(rows, opts);
  const place = regionName(opts.regions, code);
  const years = distinctSorted(points.map((p) => p.year));
  const header = chartHeader({
    title: `${place}小微企业新设、注销与净增（${yearSpan(years)}）`,
    notes: ['新设不含“个转企”；注销吊销按注销或吊销日期计；净增=新设−注销吊销。'],
    description: `${place}各年小微企业新设、注销吊销户数（柱）与净增户数（折线）。`,
    suppressed,
    minEnterprises: opts.minEnterprises,
  });
  const x = {
    field: 'year',
    type: 'ordinal' as const,
    title: '年份',
    sort: years,
    scale: { domain: years },
    axis: { labelAngle: 0 },
  };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: '企业数（家）',
    axis: { labelExpr: COUNT_LABEL_EXPR },
  };
  const color = {
    field: 'measure',
    type: 'nominal' as const,
    title: null,
    sort: MEASURE_ORDER,
    scale: {
      domain: MEASURE_ORDER,
      range: [DEMOGRAPHY_COLORS.births, DEMOGRAPHY_COLORS.deaths, DEMOGRAPHY_COLORS.net],
    },
  };
  const tooltip = [
    { field: 'year', type: 'ordinal' as const, title: '年份' },
    { field: 'measure', type: 'nominal' as const, title: '项目' },
    { field: 'value_label', type: 'nominal' as const, title: '企业数' },
  ];
  return {
    ...baseSpec(header),
    width: Math.max(90 * years.length, 240),
    height: 280,
    data: { values: points },
    layer: [
      {
        transform: [{ filter: { field: 'measure', oneOf: [MEASURES.births, MEASURES.deaths] } }],
        mark: { type: 'bar' },
        encoding: {
          x,
          y,
          xOffset: { field: 'measure', type: 'nominal', sort: MEASURE_ORDER.slice(0, 2) },
          color,
          tooltip: [...tooltip, { field: 'rate_label', type: 'nominal', title: '占年末在业企业比例' }],
        },
      },
      {
        transform: [{ filter: { field: 'measure', equal: MEASURES.net } }],
        mark: { type: 'line', point: true },
        encoding: { x, y, color, tooltip },
      },
    ],
  };
}

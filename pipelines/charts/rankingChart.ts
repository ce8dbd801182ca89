// County ranking: total index of each county for the report year, sorted, with the city value marked.
import type { TopLevelSpec } from 'vega-lite';
import type { PublishedIndexRow as IndexRow } from '../publish/publishedRows.ts';
import type { ChartRegion } from './chartData.ts';
import { baseSpec, chartHeader, cityOf, compareStrings, orderRegions } from './common.ts';
import { formatIndex } from './format.ts';
import { INDEX_NAMES } from './indexTrendChart.ts';
import { partitionWithheld } from './suppression.ts';
import { CONTEXT_COLOR, FOCUS_COLOR, REFERENCE_RULE_COLOR } from './theme.ts';

export interface RankingOptions {
  index: 'growth' | 'vitality';
  regions: ChartRegion[];
  year: number;
  baseYear: number;
  minEnterprises: number;
  /** County report: this county's bar is highlighted, the others greyed. */
  focusCode?: string;
}

export interface RankedCounty {
  rank: number;
  region_code: string;
  region: string;
  value: number;
  value_label: string;
  highlight: 'focus' | 'other';
}

/** Counties by total index, best first; ties share the better rank and are ordered by region code. */
export function rankCounties(rows: readonly IndexRow[], opts: RankingOptions) {
  const counties = orderRegions(opts.regions).filter((r) => r.level === 'county');
  const byCode = new Map(counties.map((r) => [r.region_code, r]));
  const candidates = rows.filter(
    (r) => r.level === 'total' && r.year === opts.year && byCode.has(r.region_code),
  );
  const { kept, suppressed } = partitionWithheld(candidates, (r) => r.withheld !== null);
  const valued = kept.filter((r): r is IndexRow & { value: number } => r.value != null);
  const ranked: RankedCounty[] = valued
    .map((r) => ({
      rank: 1 + valued.filter((o) => o.value > r.value).length,
      region_code: r.region_code,
      region: byCode.get(r.region_code)!.name_zh,
      value: r.value,
      value_label: formatIndex(r.value),
      highlight: (r.region_code === opts.focusCode || !opts.focusCode
        ? 'focus'
        : 'other') as RankedCounty['highlight'],
    }))
    .sort((a, b) => a.rank - b.rank || compareStrings(a.region_code, b.region_code));
  const city = cityOf(opts.regions);
  const cityRow = city
    ? rows.find((r) => r.level === 'total' && r.year === opts.year && r.region_code === city.region_code)
    : undefined;
  const cityShown =
    cityRow && cityRow.value != null && cityRow.withheld === null
      ? {
          region: city!.name_zh,
          value: cityRow.value,
          label: `${city!.name_zh} ${formatIndex(cityRow.value)}`,
        }
      : null;
  return { ranked, suppressed, missing: kept.length - valued.length, city: cityShown };
}

export function buildRankingChart(rows: readonly IndexRow[], opts: RankingOptions): TopLevelSpec {
  const { ranked, suppressed, missing, city } = rankCounties(rows, opts);
  const name = INDEX_NAMES[opts.index];
  const header = chartHeader({
    title: `${opts.year}年各区县${name}排名`,
    notes: [`${opts.baseYear}年=100${city ? '；竖线为全市水平' : ''}。`],
    description: `${opts.year}年各区县${name}总指数由高到低排列的条形图。`,
    suppressed,
    missing,
    minEnterprises: opts.minEnterprises,
  });
  const order = ranked.map((r) => r.region);
  const y = { field: 'region', type: 'nominal' as const, title: null, sort: order, scale: { domain: order } };
  return {
    ...baseSpec(header),
    width: 480,
    height: { step: 32 },
    layer: [
      {
        data: { values: ranked },
        layer: [
          {
            mark: { type: 'bar', cornerRadiusEnd: 2 },
            encoding: {
              y,
              x: { field: 'value', type: 'quantitative', title: '指数（基期=100）' },
              color: {
                field: 'highlight',
                type: 'nominal',
                scale: { domain: ['focus', 'other'], range: [FOCUS_COLOR, CONTEXT_COLOR] },
                legend: null,
              },
              tooltip: [
                { field: 'rank', type: 'ordinal', title: '排名' },
                { field: 'region', type: 'nominal', title: '地区' },
                { field: 'value_label', type: 'nominal', title: name },
              ],
            },
          },
          {
            mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4 },
            encoding: {
              y,
              x: { field: 'value', type: 'quantitative' },
              text: { field: 'value_label', type: 'nominal' },
            },
          },
        ],
      },
      ...(city
        ? [
            {
              data: { values: [city] },
              layer: [
                {
                  mark: { type: 'rule' as const, color: REFERENCE_RULE_COLOR, strokeDash: [4, 3] },
                  encoding: { x: { field: 'value', type: 'quantitative' as const } },
                },
                {
                  mark: {
                    type: 'text' as const,
                    align: 'center' as const,
                    baseline: 'bottom' as const,
                    dy: -4,
                    color: '#555555',
                  },
                  encoding: {
                    x: { field: 'value', type: 'quantitative' as const },
                    y: { value: 0 },
                    text: { field: 'label', type: 'nominal' as const },
                  },
                },
              ],
            },
          ]
        : []),
    ],
  };
}

// County ranking: total index of each county for the report year, sorted, with the city value marked.
import type { TopLevelSpec } from 'vega-lite';
import type { PublishedIndexRow as IndexRow } from '../publish/publishedRows.ts';
import type { PublishedRankInterval } from '../publish/publishUncertainty.ts';
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
  /** The counties' rank intervals of this index and year (methodology §11), and the draws behind them. */
  uncertainty?: { intervals: readonly PublishedRankInterval[]; draws: number | null };
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
  const intervals = rankIntervals(ranked, opts.uncertainty);
  const header = chartHeader({
    title: `${opts.year}年各区县${name}排名`,
    notes: [`${opts.baseYear}年=100${city ? '；竖线为全市水平' : ''}。`, intervals.note],
    description: `${opts.year}年各区县${name}总指数由高到低排列的条形图${intervals.rows.length > 0 ? '，右侧为各区县在方法不确定性分析中的位次区间' : ''}。`,
    suppressed,
    missing,
    minEnterprises: opts.minEnterprises,
  });
  const order = ranked.map((r) => r.region);
  const y = { field: 'region', type: 'nominal' as const, title: null, sort: order, scale: { domain: order } };
  const bars = barsView(ranked, city, name, y);
  if (intervals.rows.length === 0) return { ...baseSpec(header), width: 480, ...bars };
  return {
    ...baseSpec(header),
    hconcat: [{ width: 400, ...bars }, intervalView(intervals.rows, ranked.length, { ...y, axis: null })],
    spacing: 16,
  };
}

export interface RankIntervalMark {
  region: string;
  rank: number;
  median_rank: number;
  rank_p05: number;
  rank_p95: number;
  interval_label: string;
  highlight: RankedCounty['highlight'];
}

/**
 * The rank intervals of the charted counties, and the note under the title: how they were computed, or that
 * they are withheld with a withheld total (the layer's decision, pipelines/publish/publishUncertainty.ts).
 */
export function rankIntervals(
  ranked: readonly RankedCounty[],
  uncertainty: RankingOptions['uncertainty'],
): { rows: RankIntervalMark[]; note: string | null } {
  const intervals = uncertainty?.intervals ?? [];
  if (intervals.length === 0) return { rows: [], note: null };
  if (intervals.some((r) => r.withheld !== null))
    return { rows: [], note: '位次区间随未显示的总指数一并不予显示。' };
  const rows = ranked.flatMap((c) => {
    const r = intervals.find((i) => i.region_code === c.region_code);
    if (!r || r.median_rank === null || r.rank_p05 === null || r.rank_p95 === null) return [];
    return [
      {
        region: c.region,
        rank: c.rank,
        median_rank: r.median_rank,
        rank_p05: r.rank_p05,
        rank_p95: r.rank_p95,
        interval_label: rankIntervalLabel(r.rank_p05, r.rank_p95),
        highlight: c.highlight,
      },
    ];
  });
  const draws = uncertainty?.draws ? `${uncertainty.draws}次` : '';
  return {
    rows,
    note: `右图：改变权重、平均方法与指标取舍的${draws}抽样中，各区县位次的5%—95%区间（线）与中位位次（点）。`,
  };
}

/** '1–3', or '2' when the interval is one rank. Percentiles interpolate, so they are rounded to one decimal. */
export function rankIntervalLabel(p05: number, p95: number): string {
  const f = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  return p05 === p95 ? f(p05) : `${f(p05)}–${f(p95)}`;
}

function intervalView(rows: readonly RankIntervalMark[], counties: number, y: Record<string, unknown>) {
  const x = {
    type: 'quantitative' as const,
    // Half a rank of room either side, so the dots at the first and last rank are whole.
    scale: { domain: [0.5, Math.max(counties, 1) + 0.5], nice: false, zero: false },
    axis: {
      title: '位次（5%—95%区间）',
      values: Array.from({ length: Math.max(counties, 1) }, (_, i) => i + 1),
      format: 'd',
    },
  };
  const color = {
    field: 'highlight',
    type: 'nominal' as const,
    scale: { domain: ['focus', 'other'], range: [FOCUS_COLOR, CONTEXT_COLOR] },
    legend: null,
  };
  const tooltip = [
    { field: 'region', type: 'nominal' as const, title: '地区' },
    { field: 'rank', type: 'ordinal' as const, title: '排名' },
    { field: 'interval_label', type: 'nominal' as const, title: '位次区间（5%—95%）' },
    { field: 'median_rank', type: 'quantitative' as const, title: '中位位次' },
  ];
  return {
    width: 160,
    height: { step: 32 },
    data: { values: rows },
    layer: [
      {
        mark: { type: 'rule' as const, strokeWidth: 3 },
        encoding: { y, x: { ...x, field: 'rank_p05' }, x2: { field: 'rank_p95' }, color, tooltip },
      },
      {
        mark: { type: 'point' as const, filled: true, size: 60 },
        encoding: { y, x: { ...x, field: 'median_rank' }, color, tooltip },
      },
    ],
  };
}

function barsView<Y>(
  ranked: readonly RankedCounty[],
  city: ReturnType<typeof rankCounties>['city'],
  name: string,
  y: Y,
) {
  return {
    height: { step: 32 },
    layer: [
      {
        data: { values: ranked },
        layer: [
          {
            mark: { type: 'bar' as const, cornerRadiusEnd: 2 },
            encoding: {
              y,
              x: { field: 'value', type: 'quantitative' as const, title: '指数（基期=100）' },
              color: {
                field: 'highlight',
                type: 'nominal' as const,
                scale: { domain: ['focus', 'other'], range: [FOCUS_COLOR, CONTEXT_COLOR] },
                legend: null,
              },
              tooltip: [
                { field: 'rank', type: 'ordinal' as const, title: '排名' },
                { field: 'region', type: 'nominal' as const, title: '地区' },
                { field: 'value_label', type: 'nominal' as const, title: name },
              ],
            },
          },
          {
            mark: { type: 'text' as const, align: 'left' as const, baseline: 'middle' as const, dx: 4 },
            encoding: {
              y,
              x: { field: 'value', type: 'quantitative' as const },
              text: { field: 'value_label', type: 'nominal' as const },
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

// Monthly flows against expectation (methodology §10): one chart per metric, a panel per region (city first),
// the expected value and its band, the observed counts, and the months that raised an alert.
import type { TopLevelSpec } from 'vega-lite';
import type { ChartRegion } from './chartData.ts';
import { baseSpec, chartHeader, orderRegions } from './common.ts';
import { formatFixed } from './format.ts';
import { partitionWithheld } from './suppression.ts';
import {
  FOCUS_COLOR,
  MONITOR_BAND_COLOR,
  MONITOR_BAND_OPACITY,
  MONITOR_SEVERITY_COLORS,
  REFERENCE_RULE_COLOR,
} from './theme.ts';

/** A monthly flow as the publication layer returns it (observed null when withheld). */
export interface MonthlyFlowInput {
  month: string;
  metric: string;
  region_code: string;
  observed: number | null;
  withheld: string | null;
  expected: number | null;
  lower: number | null;
  upper: number | null;
  severity: '关注' | '预警' | null;
  is_partial: boolean;
}

export interface MonthlyFlowChartOptions {
  metric: string;
  metricZh: string;
  unitZh: string;
  /** The bulletin's month, the last one drawn. */
  month: string;
  regions: ChartRegion[];
  minEnterprises: number;
}

export interface MonthlyFlowPoint {
  month: string;
  region: string;
  /** The metric's name: the publication guard reads `measure` + `value` as a count of entities. */
  measure: string;
  value: number | null;
  expected: number | null;
  lower: number | null;
  upper: number | null;
  severity: '关注' | '预警' | null;
  value_label: string;
  band_label: string;
}

/** The chart's records: the metric's months up to `month`, withheld counts left out (and counted). */
export function monthlyFlowPoints(rows: readonly MonthlyFlowInput[], opts: MonthlyFlowChartOptions) {
  const order = orderRegions(opts.regions);
  const rank = new Map(order.map((r, i) => [r.region_code, i]));
  const mine = rows.filter(
    (r) => r.metric === opts.metric && r.month <= opts.month && rank.has(r.region_code),
  );
  const { suppressed } = partitionWithheld(mine, (r) => r.withheld !== null);
  const one = (v: number | null) => (v === null ? '—' : formatFixed(v, 1));
  const tenth = (v: number | null) => (v === null ? null : Number(formatFixed(v, 1)));
  const points: MonthlyFlowPoint[] = mine
    .map((r) => ({
      month: r.month,
      region: order[rank.get(r.region_code) ?? 0].name_zh,
      measure: opts.metricZh,
      value: r.observed,
      // At the printed precision (the tables print one decimal).
      expected: tenth(r.expected),
      lower: tenth(r.lower),
      upper: tenth(r.upper),
      // Only a published count is marked: a withheld one is not drawn at all.
      severity: r.observed === null ? null : r.severity,
      value_label: `${r.observed === null ? '—' : String(r.observed)}${r.is_partial ? '（不完整月份）' : ''}`,
      band_label: r.lower === null || r.upper === null ? '无预期' : `${one(r.lower)}–${one(r.upper)}`,
    }))
    .sort(
      (a, b) =>
        order.findIndex((r) => r.name_zh === a.region) - order.findIndex((r) => r.name_zh === b.region) ||
        (a.month < b.month ? -1 : a.month > b.month ? 1 : 0),
    );
  return { points, suppressed, regions: order };
}

export function buildMonthlyFlowChart(
  rows: readonly MonthlyFlowInput[],
  opts: MonthlyFlowChartOptions,
): TopLevelSpec {
  const { points, suppressed, regions } = monthlyFlowPoints(rows, opts);
  const months = [...new Set(points.map((p) => p.month))].sort();
  const header = chartHeader({
    title: `${opts.metricZh}月度数与预期范围（${months[0] ?? opts.month}—${opts.month}）`,
    notes: ['阴影为正常范围，虚线为预期值（同月前三年均值×近12个月趋势）；菱形为预警或关注的月份。'],
    description: `湖州市及各区县${opts.metricZh}逐月数量与预期范围。`,
    suppressed,
    minEnterprises: opts.minEnterprises,
  });
  const x = {
    field: 'month',
    type: 'ordinal' as const,
    title: null,
    scale: { domain: months },
    axis: { labelExpr: "slice(datum.value, 5) == '01' ? datum.value : ''", labelAngle: 0, ticks: false },
  };
  const y = { type: 'quantitative' as const, title: opts.unitZh, axis: { format: ',d', tickMinStep: 1 } };
  return {
    ...baseSpec(header),
    data: { values: points },
    facet: {
      field: 'region',
      type: 'nominal',
      title: null,
      sort: regions.map((r) => r.name_zh),
      header: { labelFontWeight: 'bold' },
    },
    columns: 3,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 200,
      height: 110,
      layer: [
        {
          mark: { type: 'area', color: MONITOR_BAND_COLOR, opacity: MONITOR_BAND_OPACITY, tooltip: null },
          encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
        },
        {
          mark: { type: 'line', color: REFERENCE_RULE_COLOR, strokeDash: [4, 3], strokeWidth: 1 },
          encoding: { x, y: { ...y, field: 'expected' } },
        },
        {
          mark: { type: 'line', color: FOCUS_COLOR, strokeWidth: 1.5, point: { size: 12 } },
          encoding: {
            x,
            y: { ...y, field: 'value' },
            tooltip: [
              { field: 'region', type: 'nominal', title: '地区' },
              { field: 'month', type: 'ordinal', title: '月份' },
              { field: 'value_label', type: 'nominal', title: opts.metricZh },
              { field: 'band_label', type: 'nominal', title: '正常范围' },
            ],
          },
        },
        {
          transform: [{ filter: 'datum.severity != null' }],
          mark: { type: 'point', shape: 'diamond', filled: true, size: 70 },
          encoding: {
            x,
            y: { ...y, field: 'value' },
            color: {
              field: 'severity',
              type: 'nominal',
              title: '监测信号',
              scale: {
                domain: Object.keys(MONITOR_SEVERITY_COLORS),
                range: Object.values(MONITOR_SEVERITY_COLORS),
              },
            },
          },
        },
      ],
    },
  };
}

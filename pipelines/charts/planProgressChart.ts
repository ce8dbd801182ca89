// Plan progress bullets for one region: completion (bar, coloured by status) against the time-expected
// progress (tick) and the target (100% rule), one row per indicator.
import type { TopLevelSpec } from 'vega-lite';
import type { ScorecardRow } from '../marts/types.ts';
import type { ChartRegion, PlanIndicatorInfo } from './chartData.ts';
import { baseSpec, chartHeader, cityOf, regionName } from './common.ts';
import { formatPercent, formatPlanValue, formatScore } from './format.ts';
import { indicatorLabel, planIndicatorMap, yearEnd } from './planLabels.ts';
import { REFERENCE_RULE_COLOR, STATUS_COLORS, STATUS_ORDER } from './theme.ts';

/** Rows without a completion are not drawn, so the legend lists only the three scored statuses. */
const SCORED = STATUS_ORDER.filter((s) => s !== '无数据');

export interface PlanProgressOptions {
  regions: ChartRegion[];
  planIndicators: PlanIndicatorInfo[];
  year: number;
  /** Region shown: the county of a county report, else the city. */
  regionCode?: string;
}

export interface ProgressBar {
  indicator_no: number;
  indicator: string;
  department: string;
  completion: number;
  expected: number;
  status: string;
  completion_label: string;
  expected_label: string;
  actual_label: string;
  target_label: string;
  score_label: string;
}

/** Rows with both completion and expected progress; the others are counted as missing. */
export function progressBars(rows: readonly ScorecardRow[], opts: PlanProgressOptions) {
  const code = opts.regionCode ?? cityOf(opts.regions)?.region_code;
  const info = planIndicatorMap(opts.planIndicators);
  const own = rows.filter((r) => r.region_code === code && r.period_end === yearEnd(opts.year));
  const bars: ProgressBar[] = own
    .filter(
      (r): r is ScorecardRow & { completion: number; expected: number } =>
        r.completion != null && r.expected != null,
    )
    .map((r) => {
      const ind = info.get(r.indicator_no);
      const unit = ind?.unit ?? '';
      return {
        indicator_no: r.indicator_no,
        indicator: indicatorLabel(ind, r.indicator_no),
        department: ind?.department ?? '',
        completion: r.completion,
        expected: r.expected,
        status: r.status ?? '无数据',
        completion_label: formatPercent(r.completion),
        expected_label: formatPercent(r.expected),
        actual_label: formatPlanValue(r.actual, unit),
        target_label: formatPlanValue(r.target, unit),
        score_label: formatScore(r.score),
      };
    })
    .sort((a, b) => a.indicator_no - b.indicator_no);
  return { bars, missing: own.length - bars.length, code: code ?? '' };
}

export function buildPlanProgressChart(
  rows: readonly ScorecardRow[],
  opts: PlanProgressOptions,
): TopLevelSpec {
  const { bars, missing, code } = progressBars(rows, opts);
  const place = regionName(opts.regions, code);
  const order = bars.map((b) => b.indicator);
  const maxX = Math.max(1.2, ...bars.map((b) => b.completion), ...bars.map((b) => b.expected));
  const header = chartHeader({
    title: `${place}“8631”计划${opts.year}年末完成进度`,
    notes: [
      '条为完成率（实际÷2020年目标），黑色竖线为按时间应完成的进度，虚线为目标（100%）。',
      missing > 0 ? `${missing} 项指标无数据，未列出。` : null,
    ],
    description: `${place}“8631”计划各指标完成率与时序进度对比图。`,
    suppressed: 0,
    missing,
    minEnterprises: 0,
  });
  const y = {
    field: 'indicator',
    type: 'nominal' as const,
    title: null,
    sort: order,
    scale: { domain: order },
    axis: { labelLimit: 320, ticks: false, domain: false },
  };
  const x = {
    type: 'quantitative' as const,
    title: '完成率',
    scale: { domain: [0, Math.ceil(maxX * 10) / 10], nice: false },
    axis: { format: '.0%' },
  };
  return {
    ...baseSpec(header),
    width: 420,
    height: { step: 22 },
    layer: [
      {
        data: { values: bars },
        layer: [
          {
            mark: { type: 'bar', height: { band: 0.6 } },
            encoding: {
              y,
              x: { ...x, field: 'completion' },
              color: {
                field: 'status',
                type: 'nominal',
                title: '状态',
                sort: SCORED,
                scale: { domain: SCORED, range: SCORED.map((s) => STATUS_COLORS[s]) },
              },
              tooltip: [
                { field: 'indicator', type: 'nominal', title: '指标' },
                { field: 'department', type: 'nominal', title: '牵头部门' },
                { field: 'actual_label', type: 'nominal', title: '实际完成' },
                { field: 'target_label', type: 'nominal', title: '2020年目标' },
                { field: 'completion_label', type: 'nominal', title: '完成率' },
                { field: 'expected_label', type: 'nominal', title: '时序进度' },
                { field: 'score_label', type: 'nominal', title: '指标得分' },
                { field: 'status', type: 'nominal', title: '状态' },
              ],
            },
          },
          {
            mark: { type: 'tick', color: '#000000', thickness: 2, size: 16 },
            encoding: { y, x: { ...x, field: 'expected' } },
          },
        ],
      },
      {
        data: { values: [{ target: 1 }] },
        mark: { type: 'rule', color: REFERENCE_RULE_COLOR, strokeDash: [4, 3] },
        encoding: { x: { ...x, field: 'target' } },
      },
    ],
  };
}

// "8631" scorecard heat map: indicators × regions for one period end, cells coloured by status and
// labelled with the indicator score.
import type { TopLevelSpec } from 'vega-lite';
import type { ScorecardRow } from '../marts/types.ts';
import type { PublishedRankInterval } from '../publish/publishUncertainty.ts';
import type { ChartRegion, PlanIndicatorInfo } from './chartData.ts';
import { baseSpec, chartHeader, compareStrings, orderRegions } from './common.ts';
import { formatPercent, formatPlanValue, formatScore, MISSING } from './format.ts';
import { indicatorLabel, planIndicatorMap, statusLabel, yearEnd } from './planLabels.ts';
import { rankIntervalLabel } from './rankingChart.ts';
import { STATUS_COLORS, STATUS_ORDER, STATUS_TEXT_ON_DARK, STATUS_TEXT_ON_LIGHT } from './theme.ts';

export interface ScorecardOptions {
  regions: ChartRegion[];
  planIndicators: PlanIndicatorInfo[];
  year: number;
  /** County report: that county's column is marked in its label. */
  focusCode?: string;
  /** The counties' rank intervals at this year end (methodology §11), and the draws behind them. */
  uncertainty?: { intervals: readonly PublishedRankInterval[]; draws: number | null };
}

/** The label of the row under the indicators that gives each county's rank and its 5–95 % interval. */
export const RANK_ROW = '排名（5%—95%位次区间）';

export interface ScorecardCell {
  region_code: string;
  region: string;
  indicator_no: number;
  indicator: string;
  status: string;
  score_label: string;
  actual_label: string;
  target_label: string;
  completion_label: string;
  expected_label: string;
  total_label: string;
  rank: number | null;
  rank_label: string;
}

/** Columns: the city first, then counties by rank (ties by region code). */
export function scorecardCells(rows: readonly ScorecardRow[], opts: ScorecardOptions) {
  const periodEnd = yearEnd(opts.year);
  const info = planIndicatorMap(opts.planIndicators);
  const regions = orderRegions(opts.regions);
  const byCode = new Map(regions.map((r) => [r.region_code, r]));
  const own = rows.filter((r) => r.period_end === periodEnd && byCode.has(r.region_code));
  const rankOf = (code: string) => own.find((r) => r.region_code === code)?.rank ?? null;
  const columns = regions
    .filter((r) => own.some((x) => x.region_code === r.region_code))
    .sort((a, b) => {
      if (a.level !== b.level) return a.level === 'city' ? -1 : 1;
      const ra = rankOf(a.region_code) ?? Number.POSITIVE_INFINITY;
      const rb = rankOf(b.region_code) ?? Number.POSITIVE_INFINITY;
      return ra - rb || compareStrings(a.region_code, b.region_code);
    });
  const columnLabel = (r: ChartRegion) => (r.region_code === opts.focusCode ? `▲${r.name_zh}` : r.name_zh);
  const colIdx = new Map(columns.map((r, i) => [r.region_code, i]));
  const cells: ScorecardCell[] = own
    .map((r) => {
      const ind = info.get(r.indicator_no);
      const unit = ind?.unit ?? '';
      return {
        region_code: r.region_code,
        region: columnLabel(byCode.get(r.region_code)!),
        indicator_no: r.indicator_no,
        indicator: indicatorLabel(ind, r.indicator_no),
        status: statusLabel(r),
        score_label: r.score == null ? MISSING : formatScore(r.score),
        actual_label: formatPlanValue(r.actual, unit),
        target_label: formatPlanValue(r.target, unit),
        completion_label: formatPercent(r.completion),
        expected_label: formatPercent(r.expected),
        total_label: formatScore(r.total_score),
        rank: r.rank ?? null,
        rank_label:
          r.rank == null ? '不参与排名' : `第${r.rank}名${intervalText(opts, r.region_code, '（区间', '）')}`,
      };
    })
    .sort(
      (a, b) => a.indicator_no - b.indicator_no || colIdx.get(a.region_code)! - colIdx.get(b.region_code)!,
    );
  const indicatorOrder = [...new Map(cells.map((c) => [c.indicator_no, c.indicator])).entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, label]) => label);
  return {
    cells,
    columns: columns.map(columnLabel),
    indicators: indicatorOrder,
    missing: cells.filter((c) => c.status === '无数据').length,
  };
}

/** A county's published rank interval between `open` and `close` ('（区间2–3）'), or nothing. */
function intervalText(opts: ScorecardOptions, regionCode: string, open: string, close: string): string {
  const r = opts.uncertainty?.intervals.find((i) => i.region_code === regionCode);
  if (!r || r.rank_p05 === null || r.rank_p95 === null) return '';
  return `${open}${rankIntervalLabel(r.rank_p05, r.rank_p95)}${close}`;
}

/** The rank row: per column the rank and its interval, '2（2–3）' (the city: not ranked). */
function rankRowCells(
  cells: readonly ScorecardCell[],
  opts: ScorecardOptions,
): { region: string; indicator: string; text: string }[] {
  const columns = new Map(cells.map((c) => [c.region, c]));
  return [...columns.values()].map((c) => ({
    region: c.region,
    indicator: RANK_ROW,
    text: c.rank === null ? '不排名' : `${c.rank}${intervalText(opts, c.region_code, '（', '）')}`,
  }));
}

export function buildScorecardHeatmap(rows: readonly ScorecardRow[], opts: ScorecardOptions): TopLevelSpec {
  const { cells, columns, indicators, missing } = scorecardCells(rows, opts);
  const intervals = (opts.uncertainty?.intervals ?? []).filter((r) => r.withheld === null);
  const rankRow = intervals.length > 0 ? rankRowCells(cells, opts) : [];
  const draws = opts.uncertainty?.draws ? `${opts.uncertainty.draws}次` : '';
  const header = chartHeader({
    title: `“8631”计划${opts.year}年末完成情况评价（分区县）`,
    notes: [
      '格内数字为指标得分（=100×完成率÷时序进度，上限120）；区县按平均得分排名自左至右排列。',
      rankRow.length > 0
        ? `末行为排名及括号内的5%—95%位次区间（指标权重各乘以0.75—1.25的${draws}抽样）。`
        : null,
      opts.focusCode ? '▲为本报告所属区县。' : null,
    ],
    description: `${opts.year}年末“8631”计划各指标分区县完成状态热力图，颜色表示正常、滞后或严重滞后。`,
    suppressed: 0,
    missing,
    minEnterprises: 0,
  });
  const x = {
    field: 'region',
    type: 'nominal' as const,
    title: null,
    sort: columns,
    scale: { domain: columns },
    axis: { orient: 'top' as const, labelAngle: 0, domain: false, ticks: false },
  };
  const rowsShown = rankRow.length > 0 ? [...indicators, RANK_ROW] : indicators;
  const y = {
    field: 'indicator',
    type: 'nominal' as const,
    title: null,
    sort: rowsShown,
    scale: { domain: rowsShown },
    axis: { domain: false, ticks: false, labelLimit: 320 },
  };
  return {
    ...baseSpec(header),
    width: { step: 64 },
    height: { step: 22 },
    data: { values: cells },
    layer: [
      {
        mark: { type: 'rect', stroke: '#FFFFFF', strokeWidth: 1.5 },
        encoding: {
          x,
          y,
          color: {
            field: 'status',
            type: 'nominal',
            title: '状态',
            sort: [...STATUS_ORDER],
            scale: { domain: [...STATUS_ORDER], range: STATUS_ORDER.map((s) => STATUS_COLORS[s]) },
          },
          tooltip: [
            { field: 'region', type: 'nominal', title: '地区' },
            { field: 'indicator', type: 'nominal', title: '指标' },
            { field: 'actual_label', type: 'nominal', title: '实际完成' },
            { field: 'target_label', type: 'nominal', title: '2020年目标' },
            { field: 'completion_label', type: 'nominal', title: '完成率' },
            { field: 'expected_label', type: 'nominal', title: '时序进度' },
            { field: 'score_label', type: 'nominal', title: '指标得分' },
            { field: 'status', type: 'nominal', title: '状态' },
            { field: 'total_label', type: 'nominal', title: '综合得分' },
            { field: 'rank_label', type: 'nominal', title: '排名' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          x,
          y,
          text: { field: 'score_label', type: 'nominal' },
          color: {
            condition: { test: "datum.status === '严重滞后'", value: STATUS_TEXT_ON_DARK },
            value: STATUS_TEXT_ON_LIGHT,
          },
        },
      },
      ...(rankRow.length > 0
        ? [
            {
              data: { values: rankRow },
              mark: { type: 'text' as const, fontSize: 10, fontWeight: 'bold' as const },
              encoding: { x, y, text: { field: 'text', type: 'nominal' as const } },
            },
          ]
        : []),
    ],
  };
}

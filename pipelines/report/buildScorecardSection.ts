import type { ScorecardRow, ScoreStatus } from '../marts/types.ts';
import { withFootnotes } from '../publish/publishedCell.ts';
import {
  amountCell,
  countCell,
  fixed,
  fractionPercentCell,
  missingCell,
  scoreCell,
  textCell,
} from './formatCell.ts';
import { chartsOf, type ReportContext } from './reportContext.ts';
import type { Cell, ReportSection, ReportTable } from './reportModel.ts';
import { latestScorecardPeriod } from './scorecardPeriod.ts';

const STATUSES: ScoreStatus[] = ['正常', '滞后', '严重滞后'];
const STATUS_CLASS: Record<ScoreStatus, string> = { 正常: 'st-ok', 滞后: 'st-lag', 严重滞后: 'st-bad' };

function statusCell(s: ScoreStatus | null): Cell {
  return s === null ? missingCell() : textCell(s, STATUS_CLASS[s]);
}

function score(v: number | null): Cell {
  return v === null ? missingCell() : scoreCell(v);
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** "“8631”计划 19 项指标中，正常 12 项、滞后 4 项、严重滞后 3 项；综合得分 95.3，在 5 个区县中列第 2 位。" */
export function scorecardSentence(
  period: string,
  subject: string,
  rows: ScorecardRow[],
  counties: number,
): string {
  if (rows.length === 0) return `${subject}暂无“8631”计划评价数据。`;
  const counts = STATUSES.map((s) => `${s} ${rows.filter((r) => r.status === s).length} 项`).join('、');
  const first = rows[0];
  const total = first.total_score === null ? '' : `；综合得分 ${fixed(first.total_score, 1)}`;
  const rank = first.rank === null ? '' : `，在 ${counties} 个区县中列第 ${first.rank} 位`;
  return `截至 ${period}，${subject}“8631”计划 ${rows.length} 项指标中，${counts}${total}${rank}。`;
}

function byCountyTable(ctx: ReportContext, rows: ScorecardRow[], period: string): ReportTable {
  const regions = [ctx.city, ...ctx.counties];
  return {
    id: 'scorecard-regions',
    title: `“8631”计划进度评价（分地区，截至 ${period}）`,
    columns: [
      { label: '地区', numeric: false },
      { label: '综合得分', numeric: true },
      { label: '位次', numeric: true },
      ...STATUSES.map((s) => ({ label: `${s}（项）`, numeric: true })),
    ],
    rows: regions.flatMap((g) => {
      const mine = rows.filter((r) => r.region_code === g.region_code);
      if (mine.length === 0) return [];
      return [
        [
          textCell(g.name_zh, g.region_code === ctx.focus.region_code ? 'focus' : undefined),
          score(mine[0].total_score),
          mine[0].rank === null ? textCell('不排序') : countCell(mine[0].rank),
          ...STATUSES.map((s) => countCell(mine.filter((r) => r.status === s).length)),
        ],
      ];
    }),
    footnotes: [
      '市级按全市目标评价，不参与区县排序；得分 = 100 × min(完成率 ÷ 时序进度, 1.2)，综合得分为各指标得分的算术平均。',
    ],
  };
}

function indicatorTable(ctx: ReportContext, rows: ScorecardRow[], period: string): ReportTable {
  const mine = rows.filter((r) => r.region_code === ctx.focus.region_code);
  return {
    id: 'scorecard-indicators',
    title: `${ctx.subject}“8631”计划分指标进度（截至 ${period}）`,
    columns: [
      { label: '序号', numeric: true },
      { label: '指标', numeric: false },
      { label: '单位', numeric: false, nowrap: true },
      { label: '目标', numeric: true },
      { label: '累计完成', numeric: true },
      { label: '完成率', numeric: true },
      { label: '时序进度', numeric: true },
      { label: '得分', numeric: true },
      { label: '状态', numeric: false, nowrap: true },
      { label: '牵头部门', numeric: false },
    ],
    rows: mine.map((r) => {
      const p = ctx.data.planIndicators.find((i) => i.indicator_no === r.indicator_no);
      return [
        countCell(r.indicator_no),
        textCell(p?.name_zh ?? ''),
        textCell(p?.unit ?? ''),
        amountCell(r.target),
        amountCell(r.actual),
        fractionPercentCell(r.completion),
        fractionPercentCell(r.expected),
        score(r.score),
        statusCell(r.status),
        textCell(p?.department ?? ''),
      ];
    }),
    footnotes: ['存量指标（园区总量）按期末值、年度指标按当年值、累计指标按 2018 年以来累计值计算完成率。'],
  };
}

function byDepartmentTable(ctx: ReportContext, rows: ScorecardRow[], period: string): ReportTable {
  const departments = [...new Set(ctx.data.planIndicators.map((p) => p.department))];
  return {
    id: 'scorecard-departments',
    title: `“8631”计划分牵头部门进度（区县平均得分，截至 ${period}）`,
    columns: [
      { label: '牵头部门', numeric: false },
      { label: '指标序号', numeric: false },
      ...ctx.counties.map((c) => ({ label: c.name_zh, numeric: true })),
      { label: '滞后（区县·项）', numeric: true },
      { label: '严重滞后（区县·项）', numeric: true },
    ],
    rows: departments.map((d) => {
      const nos = ctx.data.planIndicators.filter((p) => p.department === d).map((p) => p.indicator_no);
      const led = rows.filter((r) => nos.includes(r.indicator_no) && r.region_code !== ctx.city.region_code);
      return [
        textCell(d),
        textCell(nos.join('、')),
        ...ctx.counties.map((c) => {
          const s = led
            .filter((r) => r.region_code === c.region_code && r.score !== null)
            .map((r) => r.score as number);
          return score(mean(s));
        }),
        countCell(led.filter((r) => r.status === '滞后').length),
        countCell(led.filter((r) => r.status === '严重滞后').length),
      ];
    }),
    footnotes: ['每个部门的得分为其牵头指标在该区县得分的算术平均。'],
  };
}

/** "8631" plan progress: by region, by indicator for the focus region, and by lead department. */
export function buildScorecardSection(ctx: ReportContext, number: string): ReportSection {
  const period = latestScorecardPeriod(ctx);
  const base = { id: 'scorecard', number, title: '“8631”计划进度', appendix: false };
  if (!period) return { ...base, blocks: [{ kind: 'para', text: `${ctx.year}年无“8631”计划评价数据。` }] };
  const rows = ctx.data.scorecard.filter((r) => r.period_end === period);
  const note =
    period === `${ctx.year}-12-31`
      ? []
      : [
          {
            kind: 'para' as const,
            text: `计划期为 ${ctx.data.planStartYear}—${ctx.data.planEndYear} 年，以下为最近一期（${period}）评价结果。`,
          },
        ];
  return {
    ...base,
    blocks: [
      ...note,
      {
        kind: 'para',
        text: scorecardSentence(
          period,
          ctx.subject,
          rows.filter((r) => r.region_code === ctx.focus.region_code),
          ctx.counties.length,
        ),
      },
      ...chartsOf(ctx, 'plan').map((chart) => ({ kind: 'chart' as const, chart })),
      { kind: 'table', table: withFootnotes(byCountyTable(ctx, rows, period), ctx.min) },
      { kind: 'table', table: withFootnotes(indicatorTable(ctx, rows, period), ctx.min) },
      { kind: 'table', table: withFootnotes(byDepartmentTable(ctx, rows, period), ctx.min) },
    ],
  };
}

import { publishedCell, withFootnotes } from '../publish/publishedCell.ts';
import { chineseDate } from '../report/buildReportModel.ts';
import { countCell, fixed, missingCell, suppressedCell, textCell } from '../report/formatCell.ts';
import type { MethodologySummary, RenderedChart } from '../report/reportMeta.ts';
import type { Block, Cell, ReportModel, ReportSection, ReportTable } from '../report/reportModel.ts';
import type { AlertRow, FlowRow, MonitorMonth } from './loadMonitorMonth.ts';
import { monthZh, quarterZh } from './monthArithmetic.ts';
import { alertMetricLabel, alertPeriodZh, publishedAlertSentence } from './publishedAlertSentence.ts';

export interface BulletinMeta {
  cityName: string;
  /** ISO date on the cover: an input, so a re-run is byte-identical. */
  reportDate: string;
  methodology: MethodologySummary;
  /** The rule in Chinese (methodology monitoring.note_zh). */
  ruleZh: string;
  runId: string;
  /** Rendered charts, one per metric, in metric order. */
  charts: RenderedChart[];
  fontCss: string;
  fontFamily: string;
}

/** Label of the count column; the publication guard reads it as a count of entities (ENTERPRISE_COUNT_LABELS). */
export const MONTH_COUNT_LABEL = '本月（户）';
export const REVISION_OLD_LABEL = '原值（户）';
export const REVISION_NEW_LABEL = '新值（户）';

const SEVERITY_ORDER = { 预警: 0, 关注: 1 } as const;
/** The report stylesheet's status colours: 预警 as 严重滞后, 关注 as 滞后. */
const SEVERITY_CLASS = { 预警: 'st-bad', 关注: 'st-lag' } as const;

function verdict(f: FlowRow): Cell {
  if (f.is_partial) return textCell('不完整月份，不预警');
  if (f.expected === null) return textCell(`无预期（同月仅 ${f.years_used} 年）`);
  if (f.direction === null || f.severity === null) return textCell('正常');
  return textCell(`${f.direction === 'high' ? '偏高' : '偏低'}·${f.severity}`, SEVERITY_CLASS[f.severity]);
}

const one = (v: number | null): Cell =>
  v === null ? missingCell() : { text: fixed(v, 1), value: Number(fixed(v, 1)) };

function flowTable(m: MonitorMonth, min: number): ReportTable {
  return withFootnotes(
    {
      id: 'monitor-flows',
      title: `${monthZh(m.month)}各地区登记流量与预期`,
      columns: [
        { label: '指标', numeric: false, nowrap: true },
        { label: '地区', numeric: false, nowrap: true },
        { label: MONTH_COUNT_LABEL, numeric: true },
        { label: '预期（户）', numeric: true },
        { label: '正常范围（户）', numeric: false, nowrap: true },
        { label: '判断', numeric: false, nowrap: true },
      ],
      rows: m.flows.map((f) => [
        textCell(f.metric_zh),
        textCell(f.region_zh),
        publishedCell(f.observed, f.withheld, countCell),
        one(f.expected),
        f.lower === null || f.upper === null
          ? missingCell()
          : textCell(`${fixed(f.lower, 1)}–${fixed(f.upper, 1)}`),
        verdict(f),
      ]),
      footnotes: [
        '企业口径为全部企业类型（月内无法区分规模）；地区按最新登记快照所属区县，全市含市本级登记。',
        '“…”表示同月历史不足两年或趋势无法计算，无预期、不预警。',
      ],
    },
    min,
  );
}

function revisionTable(m: MonitorMonth, min: number): ReportTable {
  const cell = (v: number | null) => publishedCell(v, v === null ? 'primary' : null, countCell);
  return withFootnotes(
    {
      id: 'monitor-revisions',
      title: `往月数据修订（${m.asOf}登记快照）`,
      columns: [
        { label: '月份', numeric: false, nowrap: true },
        { label: '指标', numeric: false, nowrap: true },
        { label: '地区', numeric: false, nowrap: true },
        { label: REVISION_OLD_LABEL, numeric: true },
        { label: REVISION_NEW_LABEL, numeric: true },
        { label: '变动（户）', numeric: true },
      ],
      rows: m.revisions.map((r) => [
        textCell(monthZh(r.month)),
        textCell(r.metric_zh),
        textCell(r.region_zh),
        cell(r.old_value),
        cell(r.new_value),
        // A change would give a withheld value back from the other.
        r.old_value === null || r.new_value === null
          ? suppressedCell()
          : { text: signed(r.new_value - r.old_value), value: r.new_value - r.old_value },
      ]),
      footnotes: [`原值为 ${m.revisions[0]?.old_as_of ?? ''} 登记快照所示。`],
    },
    min,
  );
}

const signed = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0');

function alertTable(id: string, title: string, alerts: AlertRow[], sentence: (a: AlertRow) => string) {
  return {
    id,
    title,
    columns: [
      { label: '级别', numeric: false, nowrap: true },
      { label: '地区', numeric: false, nowrap: true },
      { label: '时期', numeric: false, nowrap: true },
      { label: '指标', numeric: false, nowrap: true },
      { label: '说明', numeric: false },
    ],
    rows: alerts.map((a) => [
      textCell(a.severity, SEVERITY_CLASS[a.severity]),
      textCell(a.region_zh),
      textCell(alertPeriodZh(a)),
      textCell(alertMetricLabel(a)),
      textCell(sentence(a)),
    ]),
    footnotes: [],
  } satisfies ReportTable;
}

/**
 * The monthly monitoring bulletin (监测简报) as a report model, printed by the annual report's templates: the
 * month's flows against expectation, a chart per metric, the alerts in sentences and the quarter's "8631"
 * slips. Pure: every number comes through the publication layer (`m`), every text from `meta`.
 */
export function buildBulletinModel(m: MonitorMonth, meta: BulletinMeta): ReportModel {
  const d = m.publication.disclosure;
  const min = d.min;
  const sentence = (a: AlertRow) => publishedAlertSentence(a, d, m.methodologyVersion);
  const bySeverity = (a: AlertRow, b: AlertRow) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  const monthly = m.alerts.filter((a) => a.rule === 'monthly').sort(bySeverity);
  const annual = m.alerts.filter((a) => a.rule === 'annual').sort(bySeverity);
  const quarterly = m.alerts.filter((a) => a.rule === 'quarterly').sort(bySeverity);
  const monthText = monthZh(m.month);
  const count = (xs: AlertRow[], s: '预警' | '关注') => xs.filter((a) => a.severity === s).length;
  const headline =
    monthly.length === 0
      ? `${monthText}各地区登记流量均在正常范围内，未触发月度预警。`
      : `${monthText}登记流量触发预警 ${count(monthly, '预警')} 条、关注 ${count(monthly, '关注')} 条，涉及${[...new Set(monthly.map((a) => a.region_zh))].join('、')}。`;
  const summary: Block[] = [
    { kind: 'para', text: headline },
    {
      kind: 'para',
      text: `本简报按月监测${meta.cityName}及各区县的企业和个体工商户登记流量（新设、注销、吊销、个转企），与按季节和趋势推算的预期比较，并列出“8631”指标的季度进度下滑。数据来自${m.asOf}的登记快照。`,
    },
  ];
  if (m.isPartial)
    summary.push({
      kind: 'para',
      text: `注意：${monthText}的数据不完整（登记快照日期在月中），仅展示，不预警。`,
    });
  const flowBlocks: Block[] = [{ kind: 'table', table: flowTable(m, min) }];
  for (const chart of meta.charts) flowBlocks.push({ kind: 'chart', chart });
  const alertBlocks: Block[] =
    monthly.length === 0
      ? [{ kind: 'para', text: `${monthText}无月度预警或关注。` }]
      : [
          { kind: 'list', items: monthly.map(sentence) },
          { kind: 'table', table: alertTable('monitor-alerts', `${monthText}预警与关注`, monthly, sentence) },
        ];
  if (annual.length > 0) {
    alertBlocks.push({ kind: 'subheading', text: `${m.month.slice(0, 4)}年指数年度预警` });
    alertBlocks.push({ kind: 'list', items: annual.map(sentence) });
    alertBlocks.push({
      kind: 'table',
      table: alertTable('monitor-annual-alerts', `${m.month.slice(0, 4)}年指数年度预警`, annual, sentence),
    });
  }
  const q = quarterZh(m.quarter.period);
  const planBlocks: Block[] = !m.quarter.scored
    ? [{ kind: 'para', text: `${q}末未计算“8631”评价（季度评价覆盖规划期各季度末）。` }]
    : quarterly.length === 0
      ? [{ kind: 'para', text: `${q}末，各区县“8631”指标的进度状态均未比上季度末下滑。` }]
      : [
          {
            kind: 'para',
            text: `${q}末，共有 ${quarterly.length} 项区县“8631”指标的进度状态比上季度末下滑：`,
          },
          { kind: 'list', items: quarterly.map(sentence) },
          {
            kind: 'table',
            table: alertTable('monitor-plan-slips', `${q}末“8631”进度下滑`, quarterly, sentence),
          },
        ];
  const revisionBlocks: Block[] =
    m.revisions.length === 0
      ? []
      : [
          {
            kind: 'para',
            text: `${m.asOf}的登记快照修订了以下往月数值（补报或更正的登记），表中为原公布值与新值。`,
          },
          { kind: 'table', table: revisionTable(m, min) },
        ];
  const sections: ReportSection[] = [
    { id: 'summary', number: '一、', title: '概况', blocks: summary, appendix: false },
    { id: 'flows', number: '二、', title: '登记流量与预期', blocks: flowBlocks, appendix: false },
    { id: 'alerts', number: '三、', title: '预警与关注', blocks: alertBlocks, appendix: false },
    { id: 'plan', number: '四、', title: '“8631”季度进度', blocks: planBlocks, appendix: false },
    ...(revisionBlocks.length > 0
      ? [{ id: 'revisions', number: '五、', title: '往月数据修订', blocks: revisionBlocks, appendix: false }]
      : []),
    {
      id: 'method',
      number: '附录　',
      title: '方法说明',
      appendix: true,
      blocks: [
        { kind: 'para', text: meta.ruleZh },
        {
          kind: 'para',
          text: `季度预警：区县“8631”指标的进度状态在相邻两个季度末之间变差（正常→滞后→严重滞后）。年度预警：成长指数或活力指数总指数同比下降达到阈值，或模块下降达到阈值。由少于 ${min} 家企业（户）计算的数值，以及可由其他公布数值推算出这类数值的数值，不予公布（“—”）。方法版本 ${meta.methodology.version}。`,
        },
      ],
    },
  ];
  return {
    year: Number(m.month.slice(0, 4)),
    periodZh: monthText,
    cityName: meta.cityName,
    scopeName: meta.cityName,
    countyCode: null,
    title: `${meta.cityName}小微企业动态监测简报`,
    subtitle: `${monthText} · 登记流量、预警与“8631”季度进度`,
    reportDate: meta.reportDate,
    reportDateZh: chineseDate(meta.reportDate),
    methodology: meta.methodology,
    runId: meta.runId,
    headline,
    sections,
    fontCss: meta.fontCss,
    fontFamily: meta.fontFamily,
  };
}

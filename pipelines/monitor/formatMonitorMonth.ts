import { formatTable } from '../ingest/formatQueryResult.ts';
import type { FlowRow, MonitorMonth } from './loadMonitorMonth.ts';
import { publishedAlertSentence } from './publishedAlertSentence.ts';

const one = (x: number) => x.toFixed(1);

/** The verdict column: the alert, "—" without an expectation, 不预警 for a partial month, else 正常. */
function verdict(f: FlowRow): string {
  if (f.expected === null) return `无预期（同期仅 ${f.years_used} 年）`;
  if (f.is_partial) return '不完整月份，不预警';
  if (f.direction === null) return '正常';
  return `${f.direction === 'high' ? '偏高' : '偏低'}·${f.severity}`;
}

/** `xiaowei monitor` in the terminal: the month's flows against expectation, then its alerts in sentences. */
export function formatMonitorMonth(m: MonitorMonth): string {
  const [y, mm] = m.month.split('-').map(Number);
  const lines = [
    `湖州市小微企业动态监测 ${y}年${mm}月`,
    `数据：登记快照 ${m.asOf}；方法 ${m.methodologyVersion}；企业口径为全部企业类型（月内无法区分规模）`,
  ];
  if (m.isPartial) lines.push(`注意：${y}年${mm}月数据不完整（快照日期在月中），仅展示，不预警。`);
  const table = formatTable({
    names: ['指标', '地区', '实际', '预期', '正常范围', '判断'],
    typeIds: [],
    rows: m.flows.map((f) => [
      `${f.metric_zh}（${f.unit_zh}）`,
      f.region_zh,
      f.observed ?? '—',
      f.expected === null ? null : Math.round(f.expected * 10) / 10,
      f.lower === null || f.upper === null ? '—' : `${one(f.lower)}–${one(f.upper)}`,
      verdict(f),
    ]),
  });
  lines.push('', table.trimEnd());
  lines.push('', m.alerts.length === 0 ? '预警与关注：无' : `预警与关注（${m.alerts.length} 条）：`);
  for (const a of m.alerts)
    lines.push(`  ${publishedAlertSentence(a, m.publication.disclosure, m.methodologyVersion)}`);
  return `${lines.join('\n')}\n`;
}

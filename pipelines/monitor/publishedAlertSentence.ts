import { indexKey, monthlyFlowKey } from '../publish/cellKeys.ts';
import type { Disclosure } from '../publish/suppressCells.ts';
import { fixed } from '../report/formatCell.ts';
import type { AlertRow } from './loadMonitorMonth.ts';
import { monthZh, quarterZh } from './monthArithmetic.ts';

/**
 * The alert's sentence as a public output may print it. mart.alerts words every alert with its numbers; when
 * the publication rules withhold the observed count (a county month of 1–2, or its complement) or an index
 * value, the sentence keeps the region, period, direction and expectation and leaves the withheld number out
 * (the difference would give it back).
 */
export function publishedAlertSentence(a: AlertRow, d: Disclosure, version: string): string {
  if (a.rule === 'monthly' && d.withheld(monthlyFlowKey(a.region_code, a.period, a.metric))) {
    const high = a.expected !== null && a.observed > a.expected;
    const expected = a.expected === null ? '' : `（约${fixed(a.expected, 1)}${a.unit_zh ?? ''}）`;
    return `【${a.severity}】${a.region_zh}${monthZh(a.period)}${a.metric_zh ?? a.metric}${high ? '明显高于' : '明显低于'}预期${expected}，实际数按发布规则不予公布。`;
  }
  if (a.rule === 'annual') {
    const [index, code] = a.metric.split('.');
    const year = Number(a.period);
    const hidden = [year, year - 1].some((y) => d.withheld(indexKey(version, index, a.region_code, y, code)));
    if (hidden)
      return `【${a.severity}】${a.region_zh}${a.metric_zh ?? index}${year}年${code === 'total' ? '总指数' : `${code}模块`}比上年下降超过预警阈值，数值按发布规则不予公布。`;
  }
  return a.message_zh;
}

/** What the alert is about, for a table column: 新设企业, 小微企业成长指数·总指数, “8631”第3项. */
export function alertMetricLabel(a: AlertRow): string {
  if (a.rule === 'quarterly') return `“8631”第${Number(a.metric.replace('plan_', ''))}项`;
  if (a.rule === 'annual') {
    const code = a.metric.split('.')[1];
    return `${a.metric_zh ?? a.metric}·${code === 'total' ? '总指数' : `${code}模块`}`;
  }
  return a.metric_zh ?? a.metric;
}

/** The alert's period in Chinese: 2020年6月, 2020年第2季度, 2020年. */
export function alertPeriodZh(a: AlertRow): string {
  if (a.rule === 'monthly') return monthZh(a.period);
  if (a.rule === 'quarterly') return quarterZh(a.period);
  return `${a.period}年`;
}

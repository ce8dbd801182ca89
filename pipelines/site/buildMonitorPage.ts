import type { MonitorMonth } from '../monitor/loadMonitorMonth.ts';
import { monthZh, quarterZh } from '../monitor/monthArithmetic.ts';
import { monthlyFlowCharts } from '../monitor/monthlyFlowCharts.ts';
import { publishedAlertSentence } from '../monitor/publishedAlertSentence.ts';
import type { SitePage, SiteYear } from './siteModel.ts';

export const MONITOR_SECTION = { id: 'monitor', title: '监测预警：月度登记流量与预期范围' };

/**
 * The dashboard's 监测预警 page (pure): for each month (newest first, picked in the period drop-down) its alerts
 * and the quarter's "8631" slips as sentences, their counts, and the monthly series of every metric with its
 * band, through the publication layer. `months` share one publication decision.
 */
export function buildMonitorPage(months: readonly MonitorMonth[], cityName: string): SitePage {
  const latest = months[0];
  return {
    file: 'monitor.html',
    dataFile: 'data/monitor.js',
    regionCode: latest.regions.find((r) => r.level === 'city')?.region_code ?? '',
    title: `${cityName}小微企业动态监测（截至${monthZh(latest.month)}）`,
    periodLabel: '月份',
    // Oldest first like the years of the other pages; the page opens on the last, the latest month.
    years: [...months].reverse().map(monthEntry),
  };
}

/** One month of the page; `year` is the month as YYYYMM, the value the period drop-down keys on. */
function monthEntry(m: MonitorMonth): SiteYear {
  const d = m.publication.disclosure;
  const sentence = (rule: string) =>
    m.alerts.filter((a) => a.rule === rule).map((a) => publishedAlertSentence(a, d, m.methodologyVersion));
  const monthly = m.alerts.filter((a) => a.rule === 'monthly');
  const month = monthZh(m.month);
  const headlines = [
    monthly.length === 0 ? `${month}各地区登记流量均在正常范围内，未触发月度预警。` : `${month}预警与关注：`,
    ...sentence('monthly'),
    ...sentence('annual'),
    ...sentence('quarterly'),
  ];
  if (m.isPartial) headlines.push(`${month}的数据不完整（登记快照日期在月中），仅展示，不预警。`);
  const count = (s: string) => String(monthly.filter((a) => a.severity === s).length);
  return {
    year: Number(m.month.replace('-', '')),
    label: month,
    headlines,
    figures: [
      { label: '本月预警（条）', value: count('预警') },
      { label: '本月关注（条）', value: count('关注') },
      {
        label: `${quarterZh(m.quarter.period)}“8631”进度下滑（项）`,
        value: sentence('quarterly').length.toString(),
      },
    ],
    note: `数据来自${m.asOf}的登记快照；月度数量由少于 ${d.min} 户计算或可据此推算的，不予公布（“—”）。`,
    revisions: [],
    charts: monthlyFlowCharts(m).map((c) => ({
      id: c.id,
      title: c.title,
      section: MONITOR_SECTION.id,
      spec: c.spec,
    })),
  };
}

import { buildMonthlyFlowChart } from '../charts/monthlyFlowChart.ts';
import type { NamedChart } from '../charts/types.ts';
import type { MonitorMonth } from './loadMonitorMonth.ts';

/** One chart per monitored metric (in the metrics' order), each region a panel: the bulletin's and the dashboard's. */
export function monthlyFlowCharts(m: MonitorMonth): NamedChart[] {
  const metrics = [...new Map(m.flows.map((f) => [f.metric, f])).values()];
  return metrics.map((f) => {
    const spec = buildMonthlyFlowChart(m.series, {
      metric: f.metric,
      metricZh: f.metric_zh,
      unitZh: f.unit_zh,
      month: m.month,
      regions: m.regions,
      minEnterprises: m.publication.disclosure.min,
    });
    return { id: `monitor-${f.metric}`, title: `${f.metric_zh}月度数与预期范围`, section: 'monitor', spec };
  });
}

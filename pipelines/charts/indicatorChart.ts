// Index drivers: every indicator's index for one region and the report year, grouped by module.
import type { TopLevelSpec } from 'vega-lite';
import type { PublishedIndexRow as IndexRow } from '../publish/publishedRows.ts';
import type { ChartRegion, IndexMetaRow } from './chartData.ts';
import { baseSpec, chartHeader, cityOf, compareStrings, regionName } from './common.ts';
import { formatIndex } from './format.ts';
import { INDEX_NAMES } from './indexTrendChart.ts';
import { moduleLabel } from './moduleBreakdownChart.ts';
import { partitionWithheld } from './suppression.ts';
import { OKABE_ITO, REFERENCE_RULE_COLOR } from './theme.ts';

export interface IndicatorChartOptions {
  index: 'growth' | 'vitality';
  regions: ChartRegion[];
  indexMeta: IndexMetaRow[];
  year: number;
  baseYear: number;
  minEnterprises: number;
  /** Region shown: the county of a county report, else the city. */
  regionCode?: string;
}

export function indicatorBars(rows: readonly IndexRow[], opts: IndicatorChartOptions) {
  const code = opts.regionCode ?? cityOf(opts.regions)?.region_code;
  const meta = opts.indexMeta.filter((m) => m.index === opts.index);
  const modules = new Map(meta.filter((m) => m.level === 'module').map((m) => [m.code, m]));
  const indicators = new Map(meta.filter((m) => m.level === 'indicator').map((m) => [m.code, m]));
  const candidates = rows.filter(
    (r) =>
      r.level === 'indicator' && r.year === opts.year && r.region_code === code && indicators.has(r.code),
  );
  const { kept, suppressed } = partitionWithheld(candidates, (r) => r.withheld !== null);
  const valued = kept.filter((r): r is IndexRow & { value: number } => r.value != null);
  const bars = valued
    .map((r) => {
      const m = indicators.get(r.code)!;
      const parent = m.parent ? modules.get(m.parent) : undefined;
      return {
        code: r.code,
        indicator: `${r.code} ${m.name_zh}`,
        module_code: parent?.code ?? '',
        module: parent ? moduleLabel(parent) : '',
        value: r.value,
        value_label: formatIndex(r.value),
      };
    })
    .sort((a, b) => compareStrings(a.module_code, b.module_code) || compareStrings(a.code, b.code));
  const dropped = kept
    .filter((r) => r.value == null)
    .map((r) => r.code)
    .sort(compareStrings);
  const moduleOrder = [...modules.values()].sort((a, b) => compareStrings(a.code, b.code)).map(moduleLabel);
  return { bars, suppressed, dropped, code: code ?? '', moduleOrder };
}

export function buildIndicatorChart(rows: readonly IndexRow[], opts: IndicatorChartOptions): TopLevelSpec {
  const { bars, suppressed, dropped, code, moduleOrder } = indicatorBars(rows, opts);
  const place = regionName(opts.regions, code);
  const name = INDEX_NAMES[opts.index];
  const header = chartHeader({
    title: `${opts.year}年${place}${name}分指标指数`,
    notes: [
      `${opts.baseYear}年=100；颜色表示所属模块。`,
      dropped.length > 0 ? `${dropped.join('、')} 因数据缺失未计算（见方法附录）。` : null,
    ],
    description: `${opts.year}年${place}${name}各指标指数条形图。`,
    suppressed,
    missing: dropped.length,
    minEnterprises: opts.minEnterprises,
  });
  const order = bars.map((b) => b.indicator);
  return {
    ...baseSpec(header),
    width: 420,
    height: { step: 20 },
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y: { field: 'indicator', type: 'nominal', title: null, sort: order, scale: { domain: order } },
          x: { field: 'value', type: 'quantitative', title: '指数（基期=100）' },
          color: {
            field: 'module',
            type: 'nominal',
            title: '模块（权重）',
            sort: moduleOrder,
            scale: { domain: moduleOrder, range: OKABE_ITO.slice(0, Math.max(moduleOrder.length, 1)) },
          },
          tooltip: [
            { field: 'indicator', type: 'nominal', title: '指标' },
            { field: 'module', type: 'nominal', title: '模块（权重）' },
            { field: 'value_label', type: 'nominal', title: '指数' },
          ],
        },
      },
      {
        data: { values: [{ base: 100 }] },
        mark: { type: 'rule', color: REFERENCE_RULE_COLOR, strokeDash: [4, 3] },
        encoding: { x: { field: 'base', type: 'quantitative' } },
      },
    ],
  };
}

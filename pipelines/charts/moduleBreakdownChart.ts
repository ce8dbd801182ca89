// Module breakdown: each module's index for the report year, grouped by module, one bar per region.
import type { TopLevelSpec } from 'vega-lite';
import type { PublishedIndexRow as IndexRow } from '../publish/publishedRows.ts';
import type { ChartRegion, IndexMetaRow } from './chartData.ts';
import { baseSpec, chartHeader, compareStrings, regionColorScale, selectRegions } from './common.ts';
import { formatIndex, formatPercent } from './format.ts';
import { INDEX_NAMES } from './indexTrendChart.ts';
import { partitionWithheld } from './suppression.ts';
import { measureText } from './textMetrics.ts';
import { REFERENCE_RULE_COLOR } from './theme.ts';

export interface ModuleBreakdownOptions {
  index: 'growth' | 'vitality';
  regions: ChartRegion[];
  indexMeta: IndexMetaRow[];
  year: number;
  baseYear: number;
  minEnterprises: number;
  focusCode?: string;
}

/** '综合贡献力（30%）': the weight is in the label because the weights are our own. */
export function moduleLabel(meta: IndexMetaRow): string {
  return `${meta.name_zh}（${formatPercent(meta.weight, 0)}）`;
}

export function moduleBars(rows: readonly IndexRow[], opts: ModuleBreakdownOptions) {
  const shown = selectRegions(opts.regions, opts.focusCode);
  const regionIdx = new Map(shown.map((r, i) => [r.region_code, i]));
  const modules = opts.indexMeta
    .filter((m) => m.index === opts.index && m.level === 'module')
    .sort((a, b) => compareStrings(a.code, b.code));
  const moduleIdx = new Map(modules.map((m, i) => [m.code, i]));
  const candidates = rows.filter(
    (r) =>
      r.level === 'module' && r.year === opts.year && regionIdx.has(r.region_code) && moduleIdx.has(r.code),
  );
  const { kept, suppressed } = partitionWithheld(candidates, (r) => r.withheld !== null);
  const bars = kept
    .filter((r): r is IndexRow & { value: number } => r.value != null)
    .map((r) => {
      const m = modules[moduleIdx.get(r.code)!];
      return {
        module_code: r.code,
        module: moduleLabel(m),
        region_code: r.region_code,
        region: shown[regionIdx.get(r.region_code)!].name_zh,
        value: r.value,
        value_label: formatIndex(r.value),
      };
    })
    .sort(
      (a, b) =>
        moduleIdx.get(a.module_code)! - moduleIdx.get(b.module_code)! ||
        regionIdx.get(a.region_code)! - regionIdx.get(b.region_code)!,
    );
  return { bars, suppressed, missing: kept.length - bars.length, modules, shown };
}

export function buildModuleBreakdownChart(
  rows: readonly IndexRow[],
  opts: ModuleBreakdownOptions,
): TopLevelSpec {
  const { bars, suppressed, missing, modules, shown } = moduleBars(rows, opts);
  const name = INDEX_NAMES[opts.index];
  const place = opts.focusCode ? shown.map((r) => r.name_zh).join('与') : '各区县';
  const header = chartHeader({
    title: `${opts.year}年${place}${name}分模块指数`,
    notes: [`${opts.baseYear}年=100；括号内为模块权重（本项目自定）。`],
    description: `${opts.year}年${place}${name}各模块指数分组柱形图。`,
    suppressed,
    missing,
    minEnterprises: opts.minEnterprises,
  });
  const color = regionColorScale(opts.regions, shown);
  const moduleOrder = modules.map(moduleLabel);
  return {
    ...baseSpec(header),
    // Each module group is wide enough for its label (CJK 1 em at the 11px axis font) and its bars.
    width:
      Math.max(1, moduleOrder.length) * Math.max(140, ...moduleOrder.map((l) => measureText(l, 11) + 24)),
    height: 300,
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar' },
        encoding: {
          x: {
            field: 'module',
            type: 'nominal',
            title: '模块',
            sort: moduleOrder,
            scale: { domain: moduleOrder },
            axis: { labelAngle: 0 },
          },
          xOffset: { field: 'region', type: 'nominal', sort: color.domain, scale: { domain: color.domain } },
          y: { field: 'value', type: 'quantitative', title: '指数（基期=100）' },
          color: { field: 'region', type: 'nominal', title: '地区', scale: color, sort: color.domain },
          tooltip: [
            { field: 'region', type: 'nominal', title: '地区' },
            { field: 'module', type: 'nominal', title: '模块（权重）' },
            { field: 'value_label', type: 'nominal', title: '指数' },
          ],
        },
      },
      {
        data: { values: [{ base: 100 }] },
        mark: { type: 'rule', color: REFERENCE_RULE_COLOR, strokeDash: [4, 3] },
        encoding: { y: { field: 'base', type: 'quantitative' } },
      },
    ],
  };
}

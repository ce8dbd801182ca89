// 培育库成长路径: the stages P0…P4 of one region at the end of the year as a funnel of horizontal bars, each
// labelled with its stock and the step into it that year (个转企 into P1, 小升规 into P2, 规改股 into P3, new
// listings per board into P4).
import type { TopLevelSpec } from 'vega-lite';
import type { PublishedFlow, PublishedStage } from '../publish/publishGrowthPaths.ts';
import type { ChartRegion } from './chartData.ts';
import { baseSpec, chartHeader, cityOf, regionName } from './common.ts';
import { formatCount, formatPercent, MISSING } from './format.ts';
import { FOCUS_COLOR } from './theme.ts';

export interface GrowthPathChartOptions {
  regions: ChartRegion[];
  year: number;
  minEnterprises: number;
  /** Region shown: the county of a county report, else the city. */
  regionCode?: string;
}

/** Stage labels and the flow that enters each stage (methodology §9). */
export const STAGES = [
  { stage: 'P0', label: 'P0 个体工商户', inflow: null },
  { stage: 'P1', label: 'P1 小微企业', inflow: '个转企' },
  { stage: 'P2', label: 'P2 规上企业', inflow: '小升规' },
  { stage: 'P3', label: 'P3 股份公司', inflow: '规改股' },
  { stage: 'P4', label: 'P4 挂牌上市企业', inflow: '挂牌上市' },
] as const;

export interface FunnelPoint {
  stage: string;
  stage_label: string;
  /** Null when withheld or missing: no bar, the label says "—". */
  enterprises: number | null;
  label: string;
  inflow_label: string;
}

function flowText(f: PublishedFlow | undefined, name: string): string {
  if (!f) return '';
  if (f.enterprises === null) return `${name} ${MISSING}`;
  const rate = f.rate === null ? '' : `（${formatPercent(f.rate)}）`;
  return `${name} ${formatCount(f.enterprises)} 家${rate}`;
}

/** The funnel's rows; withheld cells are counted for the footnote and printed "—". Pure. */
export function funnelPoints(
  stages: readonly PublishedStage[],
  flows: readonly PublishedFlow[],
  opts: GrowthPathChartOptions,
): { points: FunnelPoint[]; suppressed: number; code: string } {
  const code = opts.regionCode ?? cityOf(opts.regions)?.region_code ?? '';
  let suppressed = 0;
  const points = STAGES.map((s) => {
    const row = stages.find((r) => r.region_code === code && r.year === opts.year && r.stage === s.stage);
    if (row?.withheld.enterprises) suppressed++;
    const own = flows.filter((f) => f.region_code === code && f.year === opts.year && f.flow === s.inflow);
    for (const f of own) if (f.withheld.enterprises) suppressed++;
    const inflow = own.map((f) => flowText(f, f.board ?? (s.inflow as string))).filter(Boolean);
    const enterprises = row?.enterprises ?? null;
    return {
      stage: s.stage,
      stage_label: s.label,
      enterprises,
      label: enterprises === null ? MISSING : `${formatCount(enterprises)} 家`,
      inflow_label: inflow.length > 0 ? `当年 ${inflow.join('，')}` : '',
    };
  });
  return { points, suppressed, code };
}

/** Funnel of the stages with the year's steps beside them (symlog scale: 个体 in tens of thousands, P4 in tens). */
export function buildGrowthPathChart(
  stages: readonly PublishedStage[],
  flows: readonly PublishedFlow[],
  opts: GrowthPathChartOptions,
): TopLevelSpec {
  const { points, suppressed, code } = funnelPoints(stages, flows, opts);
  const place = regionName(opts.regions, code);
  const header = chartHeader({
    title: `${place}培育库成长路径（${opts.year}年末）`,
    notes: ['条长为年末各阶段企业数（对数刻度），阶段可重叠；括号内为当年流转率（占上年末上一阶段企业数）。'],
    description: `${place}${opts.year}年末个体工商户、小微企业、规上企业、股份公司和挂牌上市企业数，及当年个转企、小升规、规改股和新增挂牌上市企业数。`,
    suppressed,
    minEnterprises: opts.minEnterprises,
  });
  const y = {
    field: 'stage_label',
    type: 'nominal' as const,
    title: null,
    sort: STAGES.map((s) => s.label),
    scale: { domain: STAGES.map((s) => s.label) },
  };
  const x = {
    field: 'enterprises',
    type: 'quantitative' as const,
    title: '企业数（家，对数刻度）',
    scale: { type: 'symlog' as const },
    axis: { format: ',d', tickCount: 4 },
  };
  return {
    ...baseSpec(header),
    width: 420,
    height: 30 * STAGES.length + 20,
    data: { values: points },
    layer: [
      {
        transform: [{ filter: 'datum.enterprises !== null' }],
        mark: { type: 'bar', color: FOCUS_COLOR },
        encoding: {
          x,
          y,
          tooltip: [
            { field: 'stage_label', type: 'nominal', title: '阶段' },
            { field: 'label', type: 'nominal', title: '年末企业数' },
            { field: 'inflow_label', type: 'nominal', title: '当年流入' },
          ],
        },
      },
      {
        // The stock at the bar's end ("—" at the axis for a withheld one).
        transform: [{ calculate: 'datum.enterprises === null ? 0 : datum.enterprises', as: 'label_x' }],
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: { x: { ...x, field: 'label_x' }, y, text: { field: 'label', type: 'nominal' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 12 },
        encoding: { x: { value: 420 }, y, text: { field: 'inflow_label', type: 'nominal' } },
      },
    ],
  };
}

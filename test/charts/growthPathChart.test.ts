import { describe, expect, it } from 'vitest';
import { buildGrowthPathChart, funnelPoints } from '../../pipelines/charts/growthPathChart.ts';
import type { PublishedFlow, PublishedStage } from '../../pipelines/publish/publishGrowthPaths.ts';
import { FIXTURE_REGIONS } from '../fixtures/chartData.ts';
import { specProblems } from './validateSpec.ts';

// 湖州市 2020 (charts abbreviate ≥ 10,000 to 万 and print counts without separators): P0 52,000, P1 80,000, P2 3,900,
// P3 (withheld by the layer), P4 120; flows 个转企 1,286 (2.47 % → 2.5 %), 规改股 50 (1.35 % → 1.4 %, half up),
// 小升规 1,128 (1.5 %), listings 新三板 (withheld), 浙江股权交易中心 13, 上市 0.
const stage = (s: PublishedStage['stage'], enterprises: number | null): PublishedStage => ({
  year: 2020,
  region_code: '330500',
  stage: s,
  enterprises,
  withheld: enterprises === null ? { enterprises: 'secondary' } : {},
});
const flow = (
  f: PublishedFlow['flow'],
  board: PublishedFlow['board'],
  from: PublishedFlow['stage_from'],
  enterprises: number | null,
  rate: number | null,
): PublishedFlow => ({
  year: 2020,
  region_code: '330500',
  flow: f,
  board,
  stage_from: from,
  enterprises,
  rate,
  withheld: enterprises === null ? { enterprises: 'primary', rate: 'primary' } : {},
});
const stages = [
  stage('P0', 52000),
  stage('P1', 80000),
  stage('P2', 3900),
  stage('P3', null),
  stage('P4', 120),
];
const flows = [
  flow('个转企', null, 'P0', 1286, 0.0247),
  flow('小升规', null, 'P1', 1128, 0.0148),
  flow('规改股', null, 'P2', 50, 0.0135),
  flow('挂牌上市', '新三板', 'P3', null, null),
  flow('挂牌上市', '浙江股权交易中心', 'P3', 13, 0.05),
  flow('挂牌上市', '上市', 'P3', 0, 0),
];
const opts = { regions: FIXTURE_REGIONS, year: 2020, minEnterprises: 3 };

describe('growth-path funnel (培育库成长路径)', () => {
  it('labels each stage with its stock and the step into it; a withheld value is "—" and never a number', () => {
    const { points, suppressed } = funnelPoints(stages, flows, opts);
    expect(points.map((p) => [p.stage_label, p.label, p.inflow_label])).toEqual([
      ['P0 个体工商户', '5.2万 家', ''],
      ['P1 小微企业', '8万 家', '当年 个转企 1286 家（2.5%）'],
      ['P2 规上企业', '3900 家', '当年 小升规 1128 家（1.5%）'],
      ['P3 股份公司', '—', '当年 规改股 50 家（1.4%）'],
      ['P4 挂牌上市企业', '120 家', '当年 新三板 —，浙江股权交易中心 13 家（5.0%），上市 0 家（0.0%）'],
    ]);
    expect(points.find((p) => p.stage === 'P3')?.enterprises).toBeNull();
    // P3 and the 新三板 flow are withheld: counted for the footnote.
    expect(suppressed).toBe(2);
  });

  it('is valid against the vega-lite JSON schema and compiles without a warning', () => {
    const spec = buildGrowthPathChart(stages, flows, opts);
    expect(specProblems(spec)).toEqual({ schema: [], warnings: [] });
    expect(spec.title).toMatchObject({ text: '湖州市培育库成长路径（2020年末）' });
    expect(spec.description).toContain('2 个数值按发布规则');
  });

  it('focuses a county report on the county', () => {
    const county = stages.map((s) => ({ ...s, region_code: '330503' }));
    const spec = buildGrowthPathChart(county, [], { ...opts, regionCode: '330503' });
    expect(spec.title).toMatchObject({ text: '南浔区培育库成长路径（2020年末）' });
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rankIntervalLabel } from '../../pipelines/charts/rankingChart.ts';
import { rankingUncertainty } from '../../pipelines/charts/rankingUncertainty.ts';
import { buildReportCharts } from '../../pipelines/charts/reportCharts.ts';
import { buildScorecardHeatmap } from '../../pipelines/charts/scorecardHeatmap.ts';
import type { PublishedRankInterval } from '../../pipelines/publish/publishUncertainty.ts';
import { buildReportModel } from '../../pipelines/report/buildReportModel.ts';
import {
  overlappingNeighbours,
  rankingUncertaintySentence,
} from '../../pipelines/report/rankingUncertaintyText.ts';
import { buildReportContext } from '../../pipelines/report/reportContext.ts';
import type { ReportMeta } from '../../pipelines/report/reportMeta.ts';
import type { Block, ReportTable } from '../../pipelines/report/reportModel.ts';
import { sentenceMeta } from '../../pipelines/report/sentenceMeta.ts';
import { fixtureChartData, fixtureMartData } from '../fixtures/chartData.ts';

// The chart-data fixture (test/fixtures/chartData.ts, fixtureUncertainty) sets the 2020 intervals by hand:
// growth ranks 南浔区, whose 2020 total the layer withholds; vitality 德清县 [1, 2], 吴兴区 [1, 2], 安吉县 [3, 4],
// 长兴县 [3, 4], 南浔区 [5, 5]; Sobol: vitality module weights ST 0.71, exclusion ST 0.2.
const META: ReportMeta = sentenceMeta({
  version: 'v1',
  titleZh: '默认方法',
  baseYear: 2017,
  planStart: '2018-01-01',
  planEndYear: 2020,
  minEnterprises: 3,
  weightsNoteZh: '权重为自设。',
  growthNameZh: '小微企业成长指数',
  vitalityNameZh: '新设小微企业活力指数',
  uncertaintyNoteZh: '方法不确定性说明。',
});

const interval = (
  region_code: string,
  nominal_rank: number,
  p05: number,
  p95: number,
): PublishedRankInterval => ({
  methodology_version: 'v1',
  index_name: 'growth',
  year: 2020,
  region_code,
  nominal_rank,
  median_rank: nominal_rank,
  rank_p05: p05,
  rank_p95: p95,
  share_first: 0,
  withheld: null,
});

describe('publication of rank intervals', () => {
  const data = fixtureChartData();
  it('withholds every interval and Sobol index of a ranking-year whose county total is withheld', () => {
    const growth = data.uncertainty?.intervals.filter((r) => r.index_name === 'growth') ?? [];
    expect(growth).toHaveLength(5);
    expect(
      growth.every((r) => r.withheld === 'primary' && r.rank_p05 === null && r.median_rank === null),
    ).toBe(true);
    const growthSobol = data.uncertainty?.sobol.filter((r) => r.index_name === 'growth') ?? [];
    expect(growthSobol.map((r) => [r.first_order, r.total_order, r.withheld])).toEqual([
      [null, null, 'primary'],
      [null, null, 'primary'],
    ]);
  });
  it('publishes the other rankings, the scorecard (plan data) always', () => {
    const shown = data.uncertainty?.intervals.filter((r) => r.index_name !== 'growth') ?? [];
    expect(shown).toHaveLength(7);
    expect(shown.every((r) => r.withheld === null && r.rank_p05 !== null)).toBe(true);
  });
});

describe('ranking charts show the 5–95 % rank interval', () => {
  const charts = buildReportCharts(fixtureChartData());
  const spec = (id: string) => JSON.stringify(charts.find((c) => c.id === id)?.spec);
  it('draws the vitality intervals beside the bars, in the bars’ order', () => {
    const Mark = z.object({ region: z.string(), rank_p05: z.number(), rank_p95: z.number() });
    const vitality = z
      .object({ hconcat: z.array(z.object({ data: z.object({ values: z.array(Mark) }).optional() })) })
      .parse(charts.find((c) => c.id === 'vitality-ranking')?.spec);
    expect(vitality.hconcat).toHaveLength(2);
    const marks = vitality.hconcat[1].data?.values ?? [];
    expect(marks.map((m) => [m.region, m.rank_p05, m.rank_p95])).toEqual([
      ['德清县', 1, 2],
      ['吴兴区', 1, 2],
      ['安吉县', 3, 4],
      ['长兴县', 3, 4],
      ['南浔区', 5, 5],
    ]);
    expect(spec('vitality-ranking')).toContain('1000次抽样中，各区县位次的5%—95%区间');
  });
  it('leaves the growth intervals out with the withheld total, and says so', () => {
    expect(spec('growth-ranking')).not.toContain('hconcat');
    expect(spec('growth-ranking')).toContain('位次区间随未显示的总指数一并不予显示');
  });
  it('adds a rank row with intervals under the scorecard heat map', () => {
    // The fixture's scorecard rows carry another version tag than its indices, so build the heat map directly.
    const mart = fixtureMartData();
    const data = fixtureChartData();
    const heatmap = JSON.stringify(
      buildScorecardHeatmap(mart.scorecard, {
        regions: data.regions,
        planIndicators: data.planIndicators,
        year: 2020,
        uncertainty: rankingUncertainty(data, 'scorecard'),
      }),
    );
    expect(heatmap).toContain('末行为排名及括号内的5%—95%位次区间（指标权重各乘以0.75—1.25的1000次抽样）');
    const rankRow = JSON.parse(heatmap).layer[2].data.values as { region: string; text: string }[];
    expect(rankRow.find((r) => r.region === '湖州市')?.text).toBe('不排名');
    const ranks = new Map(
      mart.scorecard.filter((r) => r.period_end === '2020-12-31').map((r) => [r.region_code, r.rank]),
    );
    expect(rankRow.find((r) => r.region === '吴兴区')?.text).toBe(`${ranks.get('330502')}（1）`);
    expect(rankRow.find((r) => r.region === '德清县')?.text).toBe(`${ranks.get('330521')}（2–2.5）`);
  });
  it('labels an interval of one rank with one number and rounds interpolated percentiles', () => {
    expect(rankIntervalLabel(2, 2)).toBe('2');
    expect(rankIntervalLabel(1, 3)).toBe('1–3');
    expect(rankIntervalLabel(2, 2.55)).toBe('2–2.5');
  });
});

describe('report text on rank intervals', () => {
  it('finds adjacent counties whose intervals overlap, in published order', () => {
    // A [1,1] | B [2,3] ∩ C [2,4] | D [5,5]: only B and C overlap (C ends at 4 < 5).
    const pairs = overlappingNeighbours([
      interval('D', 4, 5, 5),
      interval('A', 1, 1, 1),
      interval('C', 3, 2, 4),
      interval('B', 2, 2, 3),
    ]);
    expect(pairs.map(([a, b]) => `${a.region_code}${b.region_code}`)).toEqual(['BC']);
  });

  it('says which neighbours are within the methodological uncertainty and which input moves ranks most', () => {
    const ctx = buildReportContext(fixtureChartData(), META);
    expect(rankingUncertaintySentence(ctx, 'vitality')).toBe(
      '新设小微企业活力指数：德清县与吴兴区、安吉县与长兴县的排名差异在方法不确定性范围内（5%—95%位次区间重叠）；对位次影响最大的是模块权重，总效应指数 0.71。',
    );
    expect(rankingUncertaintySentence(ctx, 'growth')).toBe(
      '小微企业成长指数：位次区间随未显示的总指数一并不予显示。',
    );
    // The scorecard: 吴兴区 [1, 1] and 德清县 [2, 2.55] do not overlap; no Sobol rows → no rank ever moved.
    expect(rankingUncertaintySentence(ctx, 'scorecard')).toBe(
      '“8631”计划综合得分：相邻区县的5%—95%位次区间互不重叠，排序不受所列方法选择影响；各抽样中位次均不变。',
    );
  });

  it('gives a county report its own interval', () => {
    const ctx = buildReportContext(fixtureChartData({ countyCode: '330502' }), META);
    expect(rankingUncertaintySentence(ctx, 'vitality')).toContain('吴兴区列第2位，5%—95%位次区间为1–2；');
  });

  it('puts the intervals in the ranking section and the Sobol indices in the methodology appendix', () => {
    const model = buildReportModel(fixtureChartData(), META);
    const tables = model.sections.flatMap((s) =>
      s.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table').map((b) => b.table),
    );
    const byId = (id: string): ReportTable => {
      const t = tables.find((x) => x.id === id);
      if (!t) throw new Error(`no table ${id}`);
      return t;
    };
    const ranks = byId('ranking-uncertainty');
    expect(ranks.rows.map((r) => r.map((c) => c.text))).toContainEqual([
      '吴兴区',
      '—',
      '—',
      '2',
      '1–2',
      '1',
      '1',
    ]);
    expect(ranks.footnotes.join('')).toContain('不予公布');
    const sobol = byId('methodology-sensitivity');
    expect(sobol.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['小微企业成长指数', '模块权重', '—', '—'],
      ['小微企业成长指数', '指标取舍（剔除一个指标）', '—', '—'],
      ['新设小微企业活力指数', '模块权重', '0.42', '0.71'],
      ['新设小微企业活力指数', '指标取舍（剔除一个指标）', '0.10', '0.20'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildMonthlyFlowChart, type MonthlyFlowInput } from '../../pipelines/charts/monthlyFlowChart.ts';
import type { AlertRow } from '../../pipelines/monitor/loadMonitorMonth.ts';
import { monthsBack, quarterBefore } from '../../pipelines/monitor/monthArithmetic.ts';
import { publishedAlertSentence } from '../../pipelines/monitor/publishedAlertSentence.ts';
import { monthlyFlowKey } from '../../pipelines/publish/cellKeys.ts';
import { monthlyFlowContribution } from '../../pipelines/publish/monthlyFlowCells.ts';
import { suppressCells } from '../../pipelines/publish/suppressCells.ts';
import { specProblems } from '../charts/validateSpec.ts';
import { FIXTURE_REGIONS } from '../fixtures/chartData.ts';

// 注销企业 in June 2020 (min 3): 吴兴区 2, 南浔区 10, 德清县 20, 长兴县 0, 安吉县 14; the city 50 = 46 of the counties
// + 4 registered at city level. 吴兴区's 2 is withheld (primary). The city total and the other counties would give
// it back (50 − 4 − 10 − 20 − 0 − 14 = 2), so one more county is withheld: the cheapest non-empty one, 南浔区's
// 10 (same tier, smallest size); 长兴县's 0 is an empty cell, never sensitive and never a complement. Then the
// two withheld counties add up to 12 ≥ 3, and nothing small can be derived. July: every count ≥ 3, all shown.
const june = { 330500: 50, 330502: 2, 330503: 10, 330521: 20, 330522: 0, 330523: 14 };
const july = { 330500: 60, 330502: 12, 330503: 10, 330521: 20, 330522: 4, 330523: 14 };
const rows = Object.entries({ '2020-06': june, '2020-07': july }).flatMap(([month, counts]) =>
  Object.entries(counts).map(([region_code, value]) => ({
    region_code,
    month,
    metric: 'deaths_cancelled',
    value,
  })),
);
const contribution = monthlyFlowContribution(rows, FIXTURE_REGIONS);
const d = suppressCells(contribution.cells, contribution.relations, 3);
const status = (month: string, region: string) =>
  d.withheld(monthlyFlowKey(region, month, 'deaths_cancelled'));

describe('monthly flows through the publication layer (methodology §6)', () => {
  it('withholds a county month of 1–2 and one complement, so the city total gives nothing back', () => {
    expect(Object.keys(june).map((r) => status('2020-06', r))).toEqual([
      null,
      'primary',
      'secondary',
      null,
      null,
      null,
    ]);
    expect(Object.keys(july).map((r) => status('2020-07', r))).toEqual([null, null, null, null, null, null]);
    expect(contribution.relations.map((r) => r.id)).toEqual([
      'mf-sum|2020-06|deaths_cancelled',
      'mf-sum|2020-07|deaths_cancelled',
    ]);
  });

  const alert = (observed: number, region: string): AlertRow => ({
    alert_id: `monthly:${region}:2020-06:deaths_cancelled`,
    rule: 'monthly',
    region_code: region,
    region_zh: region === '330502' ? '吴兴区' : '德清县',
    period: '2020-06',
    metric: 'deaths_cancelled',
    metric_zh: '注销企业',
    unit_zh: '户',
    observed,
    expected: 14.25,
    lower: 2.9,
    upper: 25.6,
    severity: '关注',
    message_zh: `【关注】…注销企业${observed}户…`,
    first_seen_run: 'r1',
  });

  it("re-words an alert whose count is withheld: no count, no difference; otherwise the mart's sentence", () => {
    expect(publishedAlertSentence(alert(2, '330502'), d, 'v1')).toBe(
      '【关注】吴兴区2020年6月注销企业明显低于预期（约14.3户），实际数按发布规则不予公布。',
    );
    expect(publishedAlertSentence(alert(20, '330521'), d, 'v1')).toBe('【关注】…注销企业20户…');
  });
});

describe('monthly flow chart', () => {
  const input: MonthlyFlowInput[] = rows.map((r) => {
    const withheld = status(r.month, r.region_code);
    return {
      ...r,
      observed: withheld ? null : r.value,
      withheld,
      expected: r.month === '2020-06' ? 14.25 : null,
      lower: r.month === '2020-06' ? 2.9 : null,
      upper: r.month === '2020-06' ? 25.6 : null,
      severity: r.region_code === '330502' && r.month === '2020-06' ? '关注' : null,
      is_partial: false,
    };
  });
  const spec = buildMonthlyFlowChart(input, {
    metric: 'deaths_cancelled',
    metricZh: '注销企业',
    unitZh: '户',
    month: '2020-07',
    regions: FIXTURE_REGIONS,
    minEnterprises: 3,
  });

  it('is valid against the vega-lite JSON schema and compiles without a warning', () => {
    expect(specProblems(spec)).toEqual({ schema: [], warnings: [] });
  });

  it('charts no withheld count (and so no alert mark on it), and says how many it left out', () => {
    const values = (spec.data as { values: { region: string; month: string; value: number | null }[] })
      .values;
    expect(values.filter((v) => v.value === null).map((v) => `${v.region} ${v.month}`)).toEqual([
      '吴兴区 2020-06',
      '南浔区 2020-06',
    ]);
    expect(JSON.stringify(values)).not.toContain('"severity":"关注"');
    expect(spec.description).toContain('2 个数值按发布规则');
  });
});

describe('month arithmetic', () => {
  it('counts months back across years and finds the latest complete quarter', () => {
    expect([monthsBack('2020-02', 3), monthsBack('2020-12', 23), monthsBack('2021-01', 0)]).toEqual([
      '2019-11',
      '2019-01',
      '2021-01',
    ]);
    expect(['2020-06', '2020-05', '2020-01', '2020-12'].map(quarterBefore)).toEqual([
      '2020Q2',
      '2020Q1',
      '2019Q4',
      '2020Q4',
    ]);
  });
});

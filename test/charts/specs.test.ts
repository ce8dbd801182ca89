// Every chart the report emits: valid against vega-lite's own JSON schema, compiles without a single
// Vega-Lite warning, hides cells under the publication threshold, and is byte-identical when rebuilt.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndustryTrendChart } from '../../pipelines/charts/industryTrendChart.ts';
import { collectingLogger, compileToVega } from '../../pipelines/charts/render.ts';
import { buildReportCharts } from '../../pipelines/charts/reportCharts.ts';
import type { NamedChart } from '../../pipelines/charts/types.ts';
import { fixtureChartData, fixtureMartData, publishFixture, SUPPRESSED_CELL } from '../fixtures/chartData.ts';

const require = createRequire(import.meta.url);

const EXPECTED_IDS = [
  'growth-trend',
  'growth-modules',
  'growth-indicators',
  'growth-ranking',
  'vitality-trend',
  'vitality-modules',
  'vitality-ranking',
  'demography-flows',
  'demography-survival',
  'plan-scorecard',
  'plan-progress',
];

const cityCharts = buildReportCharts(fixtureChartData());
const countyCharts = buildReportCharts(fixtureChartData({ countyCode: '330503' }));
// The dashboard's chart of one 八大万亿产业 (methodology §8): 时尚 totals 2018–2020, the 2019 growth total withheld.
const industryRow = (index: string, year: number, value: number | null, withheld: 'primary' | null) => ({
  methodology_version: 'v1',
  year,
  region_code: '330500',
  priority_industry: index === 'other' ? '金融' : '时尚',
  level: 'total' as const,
  code: 'total',
  raw_value: null,
  value,
  dropped_reason: null,
  withheld,
  raw_withheld: null,
});
const industryChart: NamedChart = {
  id: 'industry-trend-5',
  title: '湖州市时尚产业小微企业指数走势',
  section: 'industry',
  spec: buildIndustryTrendChart(
    {
      growth: [
        industryRow('growth', 2018, 104.2, null),
        industryRow('growth', 2019, null, 'primary'),
        industryRow('growth', 2020, 111.5, null),
        industryRow('other', 2020, 150, null),
      ],
      vitality: [industryRow('vitality', 2018, 98.7, null), industryRow('vitality', 2020, 101.25, null)],
    },
    {
      industry: '时尚',
      regionCode: '330500',
      regionName: '湖州市',
      year: 2020,
      baseYear: 2017,
      minEnterprises: 3,
      note: '未申报的企业按行业代码代理归类。',
    },
  ),
};
const allCharts: [string, NamedChart][] = [
  ...cityCharts.map((c): [string, NamedChart] => [`city/${c.id}`, c]),
  ...countyCharts.map((c): [string, NamedChart] => [`330503/${c.id}`, c]),
  ['city/industry-trend-5', industryChart],
];

let validate: ValidateFunction;
beforeAll(() => {
  const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('color-hex', /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i);
  validate = ajv.compile(schema); // ~2 s: once for the file
});

/** All inline data rows of a spec, at any depth of layering. */
function dataValues(spec: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      const data = obj.data as { values?: unknown } | undefined;
      if (data && Array.isArray(data.values)) out.push(...(data.values as Record<string, unknown>[]));
      for (const [k, v] of Object.entries(obj)) if (k !== 'data') visit(v);
    }
  };
  visit(spec);
  return out;
}

describe('report chart list', () => {
  it('is the fixed ordered list, with sections in report order and Chinese titles', () => {
    expect(cityCharts.map((c) => c.id)).toEqual(EXPECTED_IDS);
    expect(countyCharts.map((c) => c.id)).toEqual(EXPECTED_IDS);
    const sectionOrder = ['growth', 'ranking', 'vitality', 'demography', 'plan'];
    const idx = cityCharts.map((c) => sectionOrder.indexOf(c.section));
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    for (const c of [...cityCharts, ...countyCharts]) expect(c.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('county report titles name the county', () => {
    const trend = countyCharts.find((c) => c.id === 'growth-trend')!;
    expect(trend.title).toBe('湖州市与南浔区小微企业成长指数走势（2017—2020年）');
    expect(countyCharts.find((c) => c.id === 'demography-flows')!.title).toContain('南浔区');
  });

  it('rejects a county code that is not a county', () => {
    expect(() => buildReportCharts(fixtureChartData({ countyCode: '999999' }))).toThrow(/未知区县代码/);
    expect(() => buildReportCharts(fixtureChartData({ countyCode: '330500' }))).toThrow(/未知区县代码/);
  });
});

describe('schema check', () => {
  it('is not vacuous: an invalid spec fails', () => {
    expect(validate({ mark: 'bars', encoding: { x: { field: 'a', type: 'quantitativ' } } })).toBe(false);
  });
});

describe.each(allCharts)('%s', (_name, chart) => {
  it('validates against the vega-lite JSON schema', () => {
    const ok = validate(chart.spec);
    expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
  });

  it('compiles with no Vega-Lite warning or error', () => {
    const logger = collectingLogger();
    compileToVega(chart.spec, logger);
    expect(logger.messages).toEqual([]);
  });
});

describe('publication rule (methodology §6)', () => {
  it('the n_enterprises = 2 cell (南浔区 growth total 2020) is in no chart data', () => {
    const data = fixtureChartData();
    const cell = data.growth.find(
      (r) =>
        r.region_code === SUPPRESSED_CELL.region_code &&
        r.year === SUPPRESSED_CELL.year &&
        r.level === SUPPRESSED_CELL.level,
    )!;
    expect(cell.withheld).toBe('primary');
    expect(cell.value).toBeNull();
    for (const charts of [cityCharts, countyCharts]) {
      for (const id of ['growth-trend', 'growth-ranking']) {
        const spec = charts.find((c) => c.id === id)!.spec;
        const rows = dataValues(spec);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.some((r) => r.region_code === '330503' && r.year === 2020)).toBe(false);
        // In the ranking (all rows are 2020), 南浔区 is absent altogether.
        if (id === 'growth-ranking') expect(rows.some((r) => r.region_code === '330503')).toBe(false);
        expect((spec as { usermeta?: { suppressedCells?: number } }).usermeta?.suppressedCells).toBe(1);
        expect(spec.description).toContain('1 个数值按发布规则（企业数少于 3 家或可据此推算）未予显示');
      }
    }
  });

  it('the other 南浔区 growth totals are charted (only the small cell goes)', () => {
    const spec = cityCharts.find((c) => c.id === 'growth-trend')!.spec;
    const years = dataValues(spec)
      .filter((r) => r.region_code === '330503')
      .map((r) => r.year);
    expect(years).toEqual([2017, 2018, 2019]);
  });

  it('charts without small cells report zero suppressed and no footnote', () => {
    const spec = cityCharts.find((c) => c.id === 'vitality-trend')!.spec as TopLevelSpec & {
      usermeta: { suppressedCells: number };
    };
    expect(spec.usermeta.suppressedCells).toBe(0);
    expect(spec.description).not.toContain('未予显示');
  });

  it('demography hides a births count under the threshold and the net change built from it', () => {
    const mart = fixtureMartData();
    mart.demography = mart.demography.map((r) =>
      r.region_code === '330500' && r.year === 2018 ? { ...r, births: 2 } : r,
    );
    const charts = buildReportCharts(publishFixture(mart));
    const rows = dataValues(charts.find((c) => c.id === 'demography-flows')!.spec);
    const y2018 = rows.filter((r) => r.year === 2018).map((r) => r.measure);
    expect(y2018).toEqual(['注销吊销']);
  });
});

describe('industry chart (methodology §8)', () => {
  it('charts the picked industry only, leaves the withheld 2019 growth total out and says so', () => {
    expect(
      dataValues(industryChart.spec)
        .filter((r) => 'industry' in r)
        .map((r) => [r.industry, r.year, r.index, r.value_label]),
    ).toEqual([
      ['时尚', 2018, '小微企业成长指数', '104.2'],
      ['时尚', 2018, '新设小微企业活力指数', '98.7'],
      ['时尚', 2020, '小微企业成长指数', '111.5'],
      ['时尚', 2020, '新设小微企业活力指数', '101.3'],
    ]);
    expect(JSON.stringify(industryChart.spec)).toContain('1 个数值按发布规则');
  });
});

describe('determinism', () => {
  it('building twice gives identical JSON', () => {
    const again = buildReportCharts(fixtureChartData());
    expect(JSON.stringify(again)).toBe(JSON.stringify(cityCharts));
  });

  it('row order of the input does not change the output', () => {
    const data = fixtureChartData();
    const reversed = {
      ...data,
      growth: [...data.growth].reverse(),
      vitality: [...data.vitality].reverse(),
      demography: [...data.demography].reverse(),
      scorecard: [...data.scorecard].reverse(),
      regions: [...data.regions].reverse(),
      indexMeta: [...data.indexMeta].reverse(),
      planIndicators: [...data.planIndicators].reverse(),
    };
    expect(JSON.stringify(buildReportCharts(reversed))).toBe(JSON.stringify(cityCharts));
  });
});

describe('empty marts', () => {
  it('still build schema-valid, warning-free specs (a first run before any data)', () => {
    const data = fixtureChartData({ growth: [], vitality: [], demography: [], scorecard: [] });
    for (const chart of buildReportCharts(data)) {
      expect(validate(chart.spec), chart.id).toBe(true);
      const logger = collectingLogger();
      compileToVega(chart.spec, logger);
      expect(logger.messages, chart.id).toEqual([]);
    }
  });
});

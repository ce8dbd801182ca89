import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartData } from '../../pipelines/charts/chartData.ts';
import type { NamedChart } from '../../pipelines/charts/types.ts';
import { chartDataForYear } from '../../pipelines/site/chartDataForYear.ts';
import { responsiveSpec } from '../../pipelines/site/responsiveSpec.ts';
import { vegaBundles, writeSite } from '../../pipelines/site/writeSite.ts';
import { fixtureChartData } from '../fixtures/chartData.ts';
import { buildFixtureWarehouse, removeFixtureWarehouses } from '../fixtures/report/fixtureWarehouse.ts';

afterAll(() => removeFixtureWarehouses());

/** A stand-in chart builder: one bar chart per section whose data records which year it was built for. */
function fakeCharts(data: ChartData): NamedChart[] {
  return (['growth', 'ranking'] as const).map((section) => ({
    id: `${section}-fake`,
    title: `${data.year} ${section}`,
    section,
    spec: {
      width: 300,
      data: { values: [{ year: data.year, n: data.growth.length }] },
      mark: 'bar',
      encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'n', type: 'quantitative' } },
    },
  }));
}

describe('static site', () => {
  let out: string;

  beforeAll(async () => {
    const { dir, dbPath } = await buildFixtureWarehouse(
      `update ref.regions set name_zh = '<script>alert(1)</script>县' where region_code = '330522';`,
    );
    out = (await writeSite({ dbPath, outDir: join(dir, 'site'), buildCharts: fakeCharts })).outDir;
  });

  it('refuses a --year the dashboard does not cover, writing nothing (never the latest year instead)', async () => {
    const { dir, dbPath } = await buildFixtureWarehouse('');
    const target = join(dir, 'site-1999');
    await expect(writeSite({ dbPath, outDir: target, year: 1999, buildCharts: fakeCharts })).rejects.toThrow(
      /没有 1999 年（可选年份：2018、2019、2020）/,
    );
    expect(existsSync(target)).toBe(false);
  });

  it('writes index.html, one page per county, their data files and local copies of vega, vega-lite and vega-embed', () => {
    expect(
      readdirSync(out)
        .filter((f) => f.endsWith('.html'))
        .sort(),
    ).toEqual([
      'county-330502.html',
      'county-330503.html',
      'county-330521.html',
      'county-330522.html',
      'county-330523.html',
      'index.html',
    ]);
    for (const bundle of vegaBundles()) {
      const name = bundle.split('/').at(-1) as string;
      expect(readFileSync(join(out, 'assets', name)).equals(readFileSync(bundle)), name).toBe(true);
    }
    expect(readdirSync(join(out, 'assets', 'fonts')).sort()).toEqual([
      'NotoSansSC-GB2312-Bold.woff2',
      'NotoSansSC-GB2312-Regular.woff2',
    ]);
  });

  it('gives every page all years after the base year, each built from rows up to that year', () => {
    const js = readFileSync(join(out, 'data', 'city.js'), 'utf8');
    expect(js.startsWith('window.XIAOWEI_PAGE = ')).toBe(true);
    const page = JSON.parse(js.slice('window.XIAOWEI_PAGE = '.length).trim().replace(/;$/, '')) as {
      years: { year: number; headlines: string[]; charts: { title: string; spec: { width: unknown } }[] }[];
    };
    expect(page.years.map((y) => y.year)).toEqual([2018, 2019, 2020]);
    const y2019 = page.years[1];
    // City 2018 total from the fixture formula: modules A 101.8, B 102.9, C 103.9, D 104.9 →
    // 0.3·101.8 + 0.25·102.9 + 0.3·103.9 + 0.15·104.9 = 103.17 → 103.2; 2019 is set to 110.2: +7.0.
    expect(y2019.headlines[0]).toBe('2019年全市小微企业成长指数为 110.2，比上年提高 7.0 点。');
    expect(y2019.charts[0].title).toBe('2019 growth');
    expect(y2019.charts[0].spec.width).toBe('container');
  });

  it('has a viewport meta, year and region selectors, escapes names, and no external URL', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<select id="year-select">');
    expect(html).toContain('<option value="2020" selected>2020年</option>');
    expect(html).toContain(
      '<option value="county-330522.html">&lt;script&gt;alert(1)&lt;/script&gt;县</option>',
    );
    for (const f of readdirSync(out).filter((x) => x.endsWith('.html'))) {
      const page = readFileSync(join(out, f), 'utf8');
      expect(page, f).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
      expect(page, f).not.toContain('<script>alert');
    }
    expect(readFileSync(join(out, 'assets', 'site.css'), 'utf8')).not.toMatch(
      /url\(\s*["']?(?:https?:)?\/\//,
    );
  });
});

describe('site helpers', () => {
  it('chartDataForYear keeps rows up to the year and scorecard periods up to its end', () => {
    // The fixture's rows with their years set to 2018–2020 in turn, and two scorecard periods.
    const base = fixtureChartData();
    const years = <T extends { year: number }>(rows: T[]) =>
      [2018, 2019, 2020].map((year, i) => ({ ...rows[i % rows.length], year }));
    const [s0] = base.scorecard;
    const data = fixtureChartData({
      year: 2020,
      growth: years(base.growth),
      vitality: years(base.vitality),
      demography: years(base.demography),
      scorecard: [
        { ...s0, period_end: '2019-12-31' },
        { ...s0, period_end: '2020-06-30' },
      ],
    });
    const d = chartDataForYear(data, 2019, '330502');
    expect(d.year).toBe(2019);
    expect(d.countyCode).toBe('330502');
    expect(d.growth.map((r) => r.year)).toEqual([2018, 2019]);
    expect(d.vitality.map((r) => r.year)).toEqual([2018, 2019]);
    expect(d.demography.map((r) => r.year)).toEqual([2018, 2019]);
    expect(d.scorecard.map((r) => r.period_end)).toEqual(['2019-12-31']);
  });

  it('responsiveSpec makes single views fill their container and leaves composed views alone', () => {
    const single = { width: 400, mark: 'bar' } as TopLevelSpec;
    expect((responsiveSpec(single) as { width: unknown }).width).toBe('container');
    const concat: TopLevelSpec = { hconcat: [{ mark: 'bar', width: 400 }] };
    expect(responsiveSpec(concat)).toBe(concat);
    expect(concat).toEqual({ hconcat: [{ mark: 'bar', width: 400 }] });
  });
});

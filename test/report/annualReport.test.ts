import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../pipelines/db/sqlFile.ts';
import { listFiles } from '../../pipelines/publish/publicOutput.ts';
import { type ReportTable, reportTables } from '../../pipelines/report/reportModel.ts';
import { type AnnualReportResult, writeAnnualReport } from '../../pipelines/report/writeAnnualReport.ts';
import {
  buildFixtureWarehouse,
  fakeChartRenderer,
  removeFixtureWarehouses,
} from '../fixtures/report/fixtureWarehouse.ts';
import { atTwoClockTimes } from '../xlsx/atTwoClockTimes.ts';

afterAll(() => removeFixtureWarehouses());

function table(result: AnnualReportResult, id: string): ReportTable {
  const t = reportTables(result.model).find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

function rowOf(t: ReportTable, first: string): string[] {
  const row = t.rows.find((r) => r[0].text === first);
  if (!row) throw new Error(`no row ${first} in ${t.id}`);
  return row.map((c) => c.text);
}

async function xlsxValues(path: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.flatMap((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push(r.values as unknown[]));
    return rows;
  });
}

describe('annual report on the fixture warehouse', () => {
  let dir: string;
  let dbPath: string;
  let city: AnnualReportResult;
  let html: string;

  beforeAll(async () => {
    ({ dir, dbPath } = await buildFixtureWarehouse());
    city = await writeAnnualReport({
      dbPath,
      year: 2020,
      outDir: join(dir, 'out'),
      charts: fakeChartRenderer,
    });
    html = readFileSync(city.htmlPath, 'utf8');
  });

  it('writes reports/YYYY/report-YYYY.html, and one CSV and one XLSX per table', () => {
    expect(city.htmlPath).toBe(join(dir, 'out', '2020', 'report-2020.html'));
    const tables = reportTables(city.model);
    const files = readdirSync(join(dir, 'out', '2020', 'tables')).sort();
    expect(files).toEqual(tables.flatMap((t) => [`${t.id}.csv`, `${t.id}.xlsx`]).sort());
  });

  it('opens with the city, the year and the report date (31 January after the year)', () => {
    expect(city.model.reportDate).toBe('2021-01-31');
    expect(html).toContain('<p class="city">湖州市</p>');
    expect(html).toContain('<p class="year">2020</p>');
    expect(html).toContain('2021年1月31日');
  });

  it('puts the generated headline in the summary: 112.3 − 110.2 = 2.1', () => {
    expect(city.model.headline).toBe('2020年全市小微企业成长指数为 112.3，比上年提高 2.1 点。');
    expect(html).toContain('<li>2020年全市小微企业成长指数为 112.3，比上年提高 2.1 点。</li>');
  });

  it('writes the summary table as CSV with a BOM, CRLF and the values of the marts', () => {
    const csv = readFileSync(join(city.tablesDir, 'summary-headline.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('地区,小微企业成长指数,比上年（点）,新设小微企业活力指数,比上年（点）');
    // 湖州市: growth 112.3 (2019: 110.2 → +2.1); 德清县 2019 total missing → change empty.
    expect(lines[1].startsWith('湖州市,112.3,2.1,')).toBe(true);
    expect(lines.find((l) => l.startsWith('德清县'))?.split(',')[2]).toBe('');
  });

  it('shows a survival rate built on a cohort of 2 firms as "—" with the footnote (安吉县 2020, cohort_3y = 2)', () => {
    const t = table(city, 'demography-regions');
    const anji = rowOf(t, '安吉县');
    expect(anji[9]).toBe('—'); // 三年存活率 (0.5 from 2 firms)
    expect(rowOf(t, '长兴县')[9]).toBe('70.0%');
    expect(t.footnotes).toContain(
      '“—”表示该数值由少于 3 家企业计算，或可由同表其他数值推算出这样的数值，按发布规则不予公布。',
    );
    expect(html).toMatch(/<td class="num suppressed">—<\/td>/);
    const csv = readFileSync(join(city.tablesDir, 'demography-regions.csv'), 'utf8');
    expect(
      csv
        .split('\r\n')
        .find((l) => l.startsWith('安吉县'))
        ?.split(',')[9],
    ).toBe('—');
  });

  it('shows an index indicator from 2 enterprises as "—" in the county report (安吉县 A5 2020)', async () => {
    const county = await writeAnnualReport({
      dbPath,
      year: 2020,
      countyCode: '330523',
      outDir: join(dir, 'out'),
      charts: fakeChartRenderer,
    });
    expect(county.htmlPath).toBe(join(dir, 'out', '2020', 'report-2020-330523.html'));
    const t = table(county, 'growth-indicators');
    expect(rowOf(t, 'A5 利税总额')[3]).toBe('—');
    expect(rowOf(t, 'A4 资产总额')[3]).not.toBe('—');
    expect(t.footnotes.some((f) => f.includes('少于 3 家企业'))).toBe(true);
    expect(county.model.headline).toMatch(
      /^2020年安吉县小微企业成长指数为 117\.0，比上年提高 \d+\.\d 点，在 5 个区县中列第 1 位。$/,
    );
  });

  it('states the decrease and the flat cases for 吴兴区 and 南浔区', async () => {
    const wx = await writeAnnualReport({
      dbPath,
      year: 2020,
      countyCode: '330502',
      outDir: join(dir, 'wx'),
      charts: fakeChartRenderer,
    });
    expect(wx.model.headline).toBe(
      '2020年吴兴区小微企业成长指数为 106.9，比上年下降 1.5 点，在 5 个区县中列第 4 位。',
    );
    const nx = await writeAnnualReport({
      dbPath,
      year: 2020,
      countyCode: '330503',
      outDir: join(dir, 'nx'),
      charts: fakeChartRenderer,
    });
    expect(nx.model.headline).toBe(
      '2020年南浔区小微企业成长指数为 104.0，与上年持平，在 5 个区县中列第 5 位。',
    );
  });

  it('lists dropped indicators with their reason and says the weights are our own', () => {
    const t = table(city, 'methodology-dropped');
    expect(t.rows.map((r) => r.map((c) => c.text))).toContainEqual([
      '小微企业成长指数',
      '长兴县',
      'C2 个转企数',
      '0',
      '本期值不大于零（value_nonpositive）',
    ]);
    expect(html).toContain('并非浙江省官方小微企业成长指数或新设小微企业活力指数的权重');
  });

  it('prints run id, input hashes and quarantine counts by reason in the data appendix', () => {
    expect(html).toContain('run-fixture-0001');
    expect(html).toContain('a1b2c3d4e5f6');
    const q = table(city, 'data-quarantine');
    // 5 uscc_malformed + 3 date_unparseable in one file, 3 number_unparseable in another.
    expect(q.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['uscc_malformed', '5', '1'],
      ['date_unparseable', '3', '1'],
      ['number_unparseable', '3', '1'],
    ]);
  });

  it('names input files relative to the folder they were ingested from, with 12-digit hashes; the CSV keeps full hashes', () => {
    // The fixture's four files were ingested by one run from data/extracts/.
    const t = table(city, 'data-sources');
    expect(t.rows.map((r) => [r[0].text, r[8].text])).toEqual([
      ['registry_2020.csv', 'a1b2c3d4e5f6'],
      ['indicators_2020.xlsx', '0f1e2d3c4b5a'],
      ['plan_2020.csv', 'ffeeddccbbaa'],
      ['broken.csv', '111111111111'],
    ]);
    expect(html).not.toContain('a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90');
    expect(html).not.toContain('data/extracts/');
    const csvText = readFileSync(join(city.tablesDir, 'data-sources.csv'), 'utf8');
    expect(csvText).toContain('registry_2020.csv,registry,2021-01-15,');
    expect(csvText).toContain(',a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90\r\n');
  });

  it('shows rows dropped beside rows quarantined, so that every file reads read = loaded + quarantined + dropped', () => {
    // registry_2020.csv: 12 000 read = 11 990 loaded + 8 quarantined + 2 dropped (fixture ops.ingest_log)
    const t = table(city, 'data-sources');
    expect(t.columns.slice(3, 7).map((c) => c.label)).toEqual([
      '读取行数',
      '入库行数',
      '隔离行数',
      '剔除行数',
    ]);
    const counts = t.rows.map((r) => r.slice(3, 7).map((c) => Number(c.text.replaceAll(',', ''))));
    expect(counts[0]).toEqual([12000, 11990, 8, 2]);
    for (const [read, loaded, quarantined, dropped] of counts)
      expect(read).toBe(loaded + quarantined + dropped);
  });

  it('references no external URL in any src or href, and no stylesheet import', () => {
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/);
  });

  it('embeds the shipped font as a data URI', () => {
    expect(html).toMatch(
      /@font-face \{ font-family: "Noto Sans CJK SC";[^}]*src: url\(data:font\/woff2;base64,/,
    );
  });

  it('re-running at another clock time gives byte-identical files: HTML, charts, CSV and XLSX', async () => {
    const [a, b] = await atTwoClockTimes((run) =>
      writeAnnualReport({ dbPath, year: 2020, outDir: join(dir, `again-${run}`), charts: fakeChartRenderer }),
    );
    const root = (r: AnnualReportResult) => dirname(r.htmlPath);
    const files = listFiles(root(a));
    expect(listFiles(root(b))).toEqual(files);
    expect(files.filter((f) => f.endsWith('.xlsx'))).toHaveLength(reportTables(a.model).length);
    for (const f of files)
      expect(readFileSync(join(root(b), f)).equals(readFileSync(join(root(a), f))), f).toBe(true);
    expect(readFileSync(a.htmlPath).equals(readFileSync(city.htmlPath))).toBe(true);
    const x1 = await xlsxValues(join(city.tablesDir, 'scorecard-indicators.xlsx'));
    expect(await xlsxValues(join(a.tablesDir, 'scorecard-indicators.xlsx'))).toEqual(x1);
    expect(x1.length).toBeGreaterThan(19);
  });

  it('uses --date when given', async () => {
    const r = await writeAnnualReport({
      dbPath,
      year: 2020,
      outDir: join(dir, 'dated'),
      date: '2021-03-01',
      charts: fakeChartRenderer,
    });
    expect(readFileSync(r.htmlPath, 'utf8')).toContain('2021年3月1日');
  });

  it('rejects an unknown county code', async () => {
    await expect(
      writeAnnualReport({
        dbPath,
        year: 2020,
        countyCode: '999999',
        outDir: join(dir, 'bad'),
        charts: fakeChartRenderer,
      }),
    ).rejects.toThrow(/999999/);
  });
});

describe('report inputs', () => {
  it('reads only aggregate marts and reference tables: no report SQL selects uscc or raw/staging rows', () => {
    const sqlDir = join(REPO_ROOT, 'sql', 'queries', 'report');
    for (const f of readdirSync(sqlDir)) {
      const sql = readFileSync(join(sqlDir, f), 'utf8').toLowerCase();
      expect(sql, f).not.toMatch(/uscc/);
      expect(sql, f).not.toMatch(/\b(raw|staging)\./);
    }
  });

  it('escapes names from the data: a region called <script> is printed as text', async () => {
    const { dir, dbPath } = await buildFixtureWarehouse(
      `update ref.regions set name_zh = '<script>alert(1)</script>县' where region_code = '330522';`,
    );
    const r = await writeAnnualReport({
      dbPath,
      year: 2020,
      outDir: join(dir, 'out'),
      charts: fakeChartRenderer,
    });
    const html = readFileSync(r.htmlPath, 'utf8');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;县');
  });

  it('shows revisions in Chinese for the years it covers, withheld ones as "—", and works without ops.build_log', async () => {
    const { dir, dbPath } = await buildFixtureWarehouse(`
      drop table ops.build_log;
      ${readFileSync(join(REPO_ROOT, 'sql', 'statements', 'indices', 'create_revisions.sql'), 'utf8')}
      insert into mart.revisions values
        ('i|v1|growth|330500|2019|total', 'v1', 'growth', 2019, '', '330500', 'total', '110.0', '110.2', 'r1', 'r2'),
        ('d|330503|2018|births', '', 'demography', 2018, '', '330503', 'births', '—', '—', 'r1', 'r2'),
        ('s|v1|2019-12-31|330502|3|actual', 'v1', 'scorecard', 2019, '2019-12-31', '330502', 'actual:3', '850', '1,350', 'r1', 'r2'),
        ('i|v1|growth|330500|2021|total', 'v1', 'growth', 2021, '', '330500', 'total', '120.0', '121.0', 'r1', 'r2'),
        ('i|v2|growth|330500|2019|total', 'v2', 'growth', 2019, '', '330500', 'total', '110.0', '111.0', 'r1', 'r2');`);
    const r = await writeAnnualReport({
      dbPath,
      year: 2020,
      outDir: join(dir, 'out'),
      charts: fakeChartRenderer,
    });
    expect(r.model.sections.map((s) => s.id)).toContain('revisions');
    const rev = reportTables(r.model).find((t) => t.id === 'revisions')!;
    expect(rev.columns.map((c) => c.label)).toEqual(['时期', '地区', '项目', '原值', '新值', '修订批次']);
    // 2021 is after the report year and v2 is not the report's methodology: neither is listed.
    expect(rev.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['2018年', '南浔区', '企业人口 · 新设企业数', '—', '—', 'r2'],
      ['2019年', '湖州市', '小微企业成长指数 · 总指数', '110.0', '110.2', 'r2'],
      ['截至 2019-12-31', '吴兴区', '“8631”计划 · 3 新设小微企业数量 · 累计完成', '850', '1,350', 'r2'],
    ]);
    expect(rev.footnotes.join('')).toContain('“—”表示');
    expect(readFileSync(r.htmlPath, 'utf8')).toContain('仓库中无构建记录');
  });

  it("prints nothing from the first release's revisions table (unrounded, unlabelled, small cells included)", async () => {
    const { dir, dbPath } = await buildFixtureWarehouse(`
      create table mart.revisions (table_name varchar, methodology_version varchar, year integer, region_code varchar,
        measure varchar, old_value double, new_value double, old_run_id varchar, new_run_id varchar);
      insert into mart.revisions values ('growth_index', 'v1', 2019, '330521', 'indicator:V2c', 106.68, 117.36, 'a', 'b');`);
    const r = await writeAnnualReport({
      dbPath,
      year: 2020,
      outDir: join(dir, 'out'),
      charts: fakeChartRenderer,
    });
    expect(r.model.sections.map((s) => s.id)).not.toContain('revisions');
    expect(readFileSync(r.htmlPath, 'utf8')).not.toContain('117.36');
  });

  it('defaults the report date to the 31 January after the year', async () => {
    const { dir, dbPath } = await buildFixtureWarehouse('delete from ops.ingest_log;');
    const r = await writeAnnualReport({
      dbPath,
      year: 2020,
      outDir: join(dir, 'out'),
      charts: fakeChartRenderer,
    });
    expect(r.model.reportDate).toBe('2021-01-31');
    expect(r.model.sections.map((s) => s.id)).not.toContain('revisions');
  });
});

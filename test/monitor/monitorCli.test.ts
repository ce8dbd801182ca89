import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../pipelines/cli/io.ts';
import { main } from '../../pipelines/cli/main.ts';
import { openWarehouse, withConnection } from '../../pipelines/db/warehouse.ts';
import { loadMonitorMonth, loadRecentMonitorMonths } from '../../pipelines/monitor/loadMonitorMonth.ts';
import { listFiles } from '../../pipelines/publish/publicOutput.ts';
import { writeSite } from '../../pipelines/site/writeSite.ts';
import { buildFixtureDb } from '../models/buildFixture.ts';
import { scanPublicTree } from '../publish/scanPublicTree.ts';
import { atTwoClockTimes } from '../xlsx/atTwoClockTimes.ts';
import { zipEntryTimes } from '../xlsx/zipEntryTimes.ts';

// `xiaowei monitor` on the monthly-flows fixture (test/fixtures/models/monthly_flows.sql): months 2019-01 …
// 2021-03, the last one partial (snapshot 2021-03-15), so the latest complete month is 2021-02.
let dbPath: string;
let outDir: string;

function captureIo(): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    env: {},
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function monitor(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'xiaowei', 'monitor', '--db', dbPath, '--out', outDir, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

async function withWarehouse<T>(fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
  const wh = await openWarehouse(dbPath, { readOnly: true });
  try {
    return await withConnection(wh, fn);
  } finally {
    wh.close();
  }
}

beforeAll(async () => {
  dbPath = await buildFixtureDb(['monthly_flows.sql']);
  outDir = mkdtempSync(join(tmpdir(), 'xw-monitor-'));
});

describe('xiaowei monitor', () => {
  it('prints the latest complete month by default, every metric and region, and says when nothing alerts', async () => {
    const r = await monitor();
    expect(r.code).toBe(0);
    expect(r.out).toContain('湖州市小微企业动态监测 2021年2月');
    expect(r.out).toContain('登记快照 2021-03-15');
    // 36 rows: 6 metrics × 6 regions; G02 is the month's one 个体工商户 birth (长兴县 and the city): a count of
    // 1, withheld in both (methodology §6), printed "—".
    expect(r.out).toContain('(36 rows)');
    expect(r.out).toMatch(/新设个体工商户（户）\s+长兴县\s+—/);
    expect(r.out).toMatch(/新设个体工商户（户）\s+湖州市\s+—/);
    expect(r.out).toMatch(/新设企业（户）\s+长兴县\s+0 /);
    expect(r.out).toContain('预警与关注：无');
    expect(r.out).not.toContain('不完整');
  });

  it('shows a month without two previous years as having no expectation', async () => {
    const r = await monitor('--month', '2020-06');
    expect(r.code).toBe(0);
    // 吴兴区's one 注销 of June 2020 is withheld, and so is the city's (the same 1).
    expect(r.out).toMatch(/注销企业（户）\s+吴兴区\s+—\s+—\s+无预期（同期仅 1 年）/);
  });

  it('shows the partial month with a warning that it is never alerted on', async () => {
    const r = await monitor('--month', '2021-03');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2021年3月数据不完整');
  });

  it('writes the bulletin: HTML, a chart per metric, tables as CSV and XLSX, nothing the guard would refuse', async () => {
    const r = await monitor('--month', '2021-02');
    expect(r.code).toBe(0);
    const dir = join(outDir, '2021-02');
    const files = listFiles(dir);
    expect(files).toEqual(
      expect.arrayContaining([
        'bulletin-2021-02.html',
        'charts/monitor-births.vl.json',
        'charts/monitor-indiv_deaths.png',
        'tables/monitor-flows.csv',
        'tables/monitor-flows.xlsx',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.vl.json'))).toHaveLength(6);
    const html = readFileSync(join(dir, 'bulletin-2021-02.html'), 'utf8');
    expect(html).toContain('<title>湖州市小微企业动态监测简报（2021年2月）</title>');
    expect(html).toContain('2021年2月无月度预警或关注。');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    // The CSV row of 长兴县's one 个体工商户 birth: "—" and the footnote, never the 1.
    const csv = readFileSync(join(dir, 'tables', 'monitor-flows.csv'), 'utf8');
    expect(csv).toContain('新设个体工商户,长兴县,—,');
    // Revisions by the 2021-03-15 snapshot (methodology §6): E06's birth moved from 吴兴区 to 南浔区, E03 from 注销
    // to 吊销. An old value is printed only when its month and metric held no count of 1–2 in the old snapshot
    // (its bulletin withheld nothing there); a new 1 is withheld now; a change is printed only beside both values.
    const revisions = readFileSync(join(dir, 'tables', 'monitor-revisions.csv'), 'utf8').split('\r\n');
    expect(revisions.slice(1, 7)).toEqual([
      '2019年8月,新设企业,吴兴区,—,0,—',
      '2019年8月,新设企业,南浔区,—,—,—',
      '2020年12月,注销企业,湖州市,—,0,—',
      '2020年12月,注销企业,南浔区,—,0,—',
      '2020年12月,吊销企业,湖州市,0,—,—',
      '2020年12月,吊销企业,南浔区,0,—,—',
    ]);
    const pub = await withWarehouse((con) => loadMonitorMonth(con, { month: '2021-02', path: dbPath }));
    expect((await scanPublicTree(dir, pub.publication.disclosure)).findings).toEqual([]);
  });

  it('writes the same bytes whatever the clock says: HTML, charts, CSV and XLSX', async () => {
    const [a, b] = await atTwoClockTimes(async (run) => {
      const io = captureIo();
      const root = join(outDir, `clock-${run}`);
      expect(
        await main(['node', 'xiaowei', 'monitor', '--db', dbPath, '--out', root, '--month', '2021-02'], io),
      ).toBe(0);
      return join(root, '2021-02');
    });
    const files = listFiles(a);
    expect(files.filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThan(0);
    expect(listFiles(b)).toEqual(files);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    // The tables are dated by the bulletin, i.e. by its registry snapshot, 2021-03-15; in MS-DOS format
    // (2021 − 1980) << 9 | 3 << 5 | 15 = 20992 + 96 + 15 = 21103, at 00:00.
    for (const t of zipEntryTimes(readFileSync(join(a, 'tables', 'monitor-flows.xlsx'))))
      expect(t).toEqual([21103, 0]);
  });

  it("replaces the month's folder whole, and leaves it as it was when the month is refused", async () => {
    const dir = join(outDir, '2021-01');
    expect((await monitor('--month', '2021-01')).code).toBe(0);
    writeFileSync(join(dir, 'stale.txt'), 'from an earlier bulletin');
    expect((await monitor('--month', '2021-01')).code).toBe(0);
    expect(existsSync(join(dir, 'stale.txt'))).toBe(false);
    const before = listFiles(outDir);
    expect((await monitor('--month', '2018-12')).code).toBe(1);
    expect(listFiles(outDir)).toEqual(before);
  });

  it("puts a 监测预警 page in the dashboard: the month's alerts, the series of every metric, through the same layer", async () => {
    const site = await writeSite({ dbPath, outDir: join(outDir, 'site') });
    expect(site.guard.findings).toEqual([]);
    const html = readFileSync(join(site.outDir, 'monitor.html'), 'utf8');
    expect(html).toContain('<title>湖州市小微企业动态监测（截至2021年2月）</title>');
    expect(html).toContain('2021年2月各地区登记流量均在正常范围内，未触发月度预警。');
    // A month picker: the latest complete month and the eleven before it, the latest selected.
    const options = [...html.matchAll(/<option value="(\d{6})"( selected)?>([^<]+)<\/option>/g)];
    expect(options.map((o) => o[1])).toEqual([
      '202003',
      '202004',
      '202005',
      '202006',
      '202007',
      '202008',
      '202009',
      '202010',
      '202011',
      '202012',
      '202101',
      '202102',
    ]);
    expect(options.filter((o) => o[2]).map((o) => o[3])).toEqual(['2021年2月']);
    expect(html).toContain('<label>月份');
    expect(readFileSync(join(site.outDir, 'index.html'), 'utf8')).toContain(
      '<option value="monitor.html">监测预警</option>',
    );
    const data = readFileSync(join(site.outDir, 'data', 'monitor.js'), 'utf8');
    const page = JSON.parse(data.replace(/^window\.XIAOWEI_PAGE = /, '').replace(/;\s*$/, ''));
    expect(page.years).toHaveLength(12);
    const latest = page.years.at(-1);
    expect([latest.year, latest.label]).toEqual([202102, '2021年2月']);
    expect(page.years[0].headlines[0]).toMatch(/^2020年3月/);
    expect(latest.charts.map((c: { id: string }) => c.id)).toEqual([
      'monitor-births',
      'monitor-deaths_cancelled',
      'monitor-deaths_revoked',
      'monitor-conversions',
      'monitor-indiv_births',
      'monitor-indiv_deaths',
    ]);
    // 长兴县's one 个体工商户 birth of February 2021 is not in the chart's records.
    const births = latest.charts[4].spec.data.values;
    expect(
      births.find((v: { region: string; month: string }) => v.region === '长兴县' && v.month === '2021-02')
        .value,
    ).toBe(null);
    const pub = await withWarehouse((con) => loadMonitorMonth(con, { path: dbPath }));
    expect((await scanPublicTree(site.outDir, pub.publication.disclosure)).findings).toEqual([]);
  });

  it("reads the dashboard's months in one pass exactly as month by month, back to the first month covered", async () => {
    // The fixture covers 2019-01 … 2021-03 and 2021-03 is partial: asked for 40, the picker gets the 26 months
    // 2021-02 … 2019-01 (the earliest ones with a series shorter than 24 months).
    const { recent, oneByOne } = await withWarehouse(async (con) => {
      const recent = await loadRecentMonitorMonths(con, { path: dbPath, count: 40 });
      const oneByOne = [];
      for (const m of recent) oneByOne.push(await loadMonitorMonth(con, { month: m.month, path: dbPath }));
      return { recent, oneByOne };
    });
    expect(recent.map((m) => m.month)).toEqual(
      Array.from({ length: 26 }, (_, i) => {
        const k = 2021 * 12 + 1 - i;
        return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
      }),
    );
    expect(recent[25].month).toBe('2019-01');
    const strip = ({ publication, ...rest }: (typeof recent)[number]) => rest;
    expect(recent.map(strip)).toEqual(oneByOne.map(strip));
    // Full series where 24 months exist, shorter ones before (this fixture has no alerts or revisions:
    // test/e2e/monitorShock.test.ts compares months that have both).
    expect(recent[0].series.length).toBe(24 * 36);
    expect(recent[25].series.length).toBe(36);
  });

  it('refuses a month the data do not cover: a clear message, exit code 1, nothing on stdout', async () => {
    const r = await monitor('--month', '2018-12');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'xiaowei: 2018-12 不在数据覆盖范围内：月度数据覆盖 2019-01 至 2021-03（登记快照 2021-03-15）\n',
    );
    const missing = captureIo();
    const db = join(dbPath, '..', 'no-such.duckdb');
    expect(await main(['node', 'xiaowei', 'monitor', '--db', db], missing)).toBe(1);
    expect(missing.err()).toContain('请先运行 xiaowei build');
    const bad = await monitor('--month', '2020-13');
    expect([bad.code, bad.out, bad.err]).toEqual([
      1,
      '',
      'xiaowei: --month 2020-13: 应为 YYYY-MM 格式的月份，例如 2020-06\n',
    ]);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareInternalDir } from '../../pipelines/candidates/internalOutput.ts';
import { main } from '../../pipelines/cli/main.ts';
import { withConnection } from '../../pipelines/db/warehouse.ts';
import { writeAnnualReport } from '../../pipelines/report/writeAnnualReport.ts';
import { serveStatic } from '../../pipelines/site/serveStatic.ts';
import { writeSite } from '../../pipelines/site/writeSite.ts';
import { fakeChartRenderer } from '../fixtures/report/fixtureWarehouse.ts';
import { buildFixtureWarehouse as buildModelsWarehouse } from '../models/buildFixture.ts';

// Internal lists (内部资料) must never reach a public output: `serve` refuses them, and neither the site build nor
// the report reads the enterprise-level marts.

function get(base: string, path: string): Promise<number> {
  const u = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end();
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xw-internal-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('xiaowei serve and internal outputs', () => {
  it('refuses to serve an internal folder or anything inside it', async () => {
    const internal = join(dir, 'out', 'internal');
    prepareInternalDir(internal);
    prepareInternalDir(join(internal, '2020'));
    writeFileSync(join(internal, '2020', 'index.html'), '<p>名单</p>');
    await expect(serveStatic(internal, 0)).rejects.toThrow(/内部资料目录/);
    await expect(serveStatic(join(internal, '2020'), 0)).rejects.toThrow(/内部资料目录/);
  });

  it('answers 403 for internal files below a served folder', async () => {
    const root = join(dir, 'public');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'index.html'), '<p>看板</p>');
    prepareInternalDir(join(root, 'lists'));
    writeFileSync(join(root, 'lists', 'a.csv'), 'K1,企业K1');
    // The default location is internal by its name even without the marker.
    mkdirSync(join(root, 'reports', 'internal', '2020'), { recursive: true });
    writeFileSync(join(root, 'reports', 'internal', '2020', 'b.csv'), 'K2');
    const s = await serveStatic(root, 0);
    try {
      expect(await get(s.url, '/')).toBe(200);
      expect(await get(s.url, '/lists/a.csv')).toBe(403);
      expect(await get(s.url, '/lists/')).toBe(403);
      expect(await get(s.url, '/reports/internal/2020/b.csv')).toBe(403);
    } finally {
      await new Promise<void>((done) => s.server.close(() => done()));
    }
  });

  it('exits non-zero from the CLI for `serve --dir reports/internal`', async () => {
    const internal = join(dir, 'cli', 'reports', 'internal');
    mkdirSync(internal, { recursive: true });
    writeFileSync(join(internal, 'index.html'), 'x');
    const err: string[] = [];
    const code = await main(['node', 'xiaowei', 'serve', '--port', '0', '--dir', internal], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => err.push(s) },
      env: {},
    });
    expect(code).toBe(1);
    expect(err.join('')).toContain('是内部资料目录');
  });
});

describe('public outputs never read the enterprise-level tables', () => {
  it('builds the site and the report from a warehouse whose enterprise-level tables are gone', async () => {
    // A warehouse built from the growth-path fixture, then stripped of every enterprise-level table: any public
    // output that read one would fail to bind. Nothing it writes may name an enterprise (names are 企业<code>).
    const wh = await buildModelsWarehouse(['growth_paths.sql']);
    await withConnection(wh, async (con) => {
      await con.run('drop table mart.growth_path_enterprises');
      await con.run('drop table mart.enterprise_year');
      await con.run('drop schema staging cascade');
    });
    const dbPath = wh.path;
    wh.close();
    const out = join(dbPath, '..', 'public');
    const site = await writeSite({ dbPath, outDir: join(out, 'site'), buildCharts: () => [] });
    const report = await writeAnnualReport({
      dbPath,
      year: 2020,
      outDir: join(out, 'reports'),
      charts: fakeChartRenderer,
    });
    expect(site.pages.length).toBeGreaterThan(0);
    expect(statSync(report.htmlPath).size).toBeGreaterThan(0);
    const written = [...site.pages, report.htmlPath, ...report.tableFiles.filter((f) => f.endsWith('.csv'))];
    for (const f of written) expect(readFileSync(f, 'utf8'), f).not.toMatch(/企业[A-Z]{1,2}\d/);
  }, 120_000);
});

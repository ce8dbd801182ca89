import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import type { ChartData } from '../charts/chartData.ts';
import { FONT_FAMILY, fontFilePath } from '../charts/font.ts';
import type { NamedChart } from '../charts/types.ts';
import { REPO_ROOT, readSql } from '../db/sqlFile.ts';
import { openWarehouse, readRows, withConnection } from '../db/warehouse.ts';
import { UserError } from '../messages/catalogue.ts';
import { loadMethodology } from '../methodology/loadMethodology.ts';
import { loadRecentMonitorMonths, type MonitorMonth } from '../monitor/loadMonitorMonth.ts';
import { chartDataFor } from '../publish/chartDataFor.ts';
import type { GuardReport } from '../publish/guard/guardTypes.ts';
import { loadPublication } from '../publish/loadPublication.ts';
import { PublicOutput } from '../publish/publicOutput.ts';
import { latestMethodologyVersion } from '../report/latestMethodologyVersion.ts';
import { loadWarehouseProvenance, summariseMethodology } from '../report/loadReportMeta.ts';
import { TEMPLATE_DIR } from '../report/templateEnvironment.ts';
import { buildMonitorPage } from './buildMonitorPage.ts';
import { buildSiteModel } from './buildSiteModel.ts';
import { renderSiteCss, renderSiteData, renderSitePage } from './renderSitePage.ts';

export interface SiteOptions {
  dbPath: string;
  /** Default reports/site. */
  outDir?: string;
  /** Year selected when a page opens; default the latest. */
  year?: number;
  methodologyVersion?: string;
  /** Default: the report's chart builder. */
  buildCharts?: (data: ChartData) => NamedChart[];
}

/**
 * The browser (UMD) bundles of vega, vega-lite and vega-embed, served from assets/ (never a CDN). The
 * packages' `exports` hide these paths from require.resolve, so they are read from the project's node_modules.
 */
export function vegaBundles(): string[] {
  const nm = join(REPO_ROOT, 'node_modules');
  return [
    join(nm, 'vega', 'build', 'vega.min.js'),
    join(nm, 'vega-lite', 'build', 'vega-lite.min.js'),
    join(nm, 'vega-embed', 'build', 'vega-embed.min.js'),
  ];
}

/** How many months the 监测预警 page lets a reader pick, the latest complete month first. */
const DASHBOARD_MONTHS = 12;

/** The months of the 监测预警 page, or null for a warehouse without monthly flows (built before §10). */
async function loadMonitorIfBuilt(con: DuckDBConnection, path: string): Promise<MonitorMonth[] | null> {
  try {
    return await loadRecentMonitorMonths(con, { path, count: DASHBOARD_MONTHS });
  } catch (err) {
    if (err instanceof UserError && (err.id === 'monitor.not_built' || err.id === 'monitor.no_months'))
      return null;
    throw err;
  }
}

async function readSiteData(o: SiteOptions) {
  const wh = await openWarehouse(o.dbPath, { readOnly: true });
  try {
    return await withConnection(wh, async (con) => {
      const version = o.methodologyVersion ?? (await latestMethodologyVersion(con));
      const methodology = loadMethodology(version);
      const [latest] = await readRows(
        con,
        z.object({ year: z.number().nullable() }),
        readSql('queries/report/latest_year.sql'),
        { version },
      );
      if (latest?.year === null || latest?.year === undefined)
        throw new UserError('build.no_index_rows_for_version', { version });
      // The monitoring page's monthly flows join the one suppression problem (its publication serves every page).
      const monitor = await loadMonitorIfBuilt(con, o.dbPath);
      const pub = monitor?.[0].publication ?? (await loadPublication(con));
      const data = chartDataFor(pub, {
        version,
        year: latest.year,
        planStartYear: methodology.plan.first_year,
        planEndYear: methodology.plan.end_year,
      });
      const prov = await loadWarehouseProvenance(con, version, latest.year);
      return {
        data,
        disclosure: pub.disclosure,
        methodology: summariseMethodology(methodology),
        runId: prov.build?.run_id ?? '',
        revisions: prov.revisions,
        monitor,
      };
    });
  } finally {
    wh.close();
  }
}

/**
 * `xiaowei site`: index.html + one page per county, their data files, and local copies of scripts and fonts.
 * Staged and scanned by the publication guard like the report; published only when it finds nothing.
 */
export async function writeSite(o: SiteOptions): Promise<{
  outDir: string;
  pages: string[];
  guard: GuardReport;
  withheld: { primary: number; secondary: number };
}> {
  const outDir = resolve(o.outDir ?? join('reports', 'site'));
  const { data, disclosure, methodology, runId, revisions, monitor } = await readSiteData(o);
  const buildCharts = o.buildCharts ?? (await import('../charts/reportCharts.ts')).buildReportCharts;
  const site = buildSiteModel({
    data,
    methodology,
    runId,
    fontFamily: FONT_FAMILY,
    year: o.year,
    buildCharts,
    revisions,
    monitor:
      monitor && buildMonitorPage(monitor, data.regions.find((r) => r.level === 'city')?.name_zh ?? ''),
  });
  const out = new PublicOutput(outDir);
  try {
    for (const file of vegaBundles())
      out.write(join('assets', basename(file)), readFileSync(file), { vendored: true });
    const fonts = [
      { weight: 400, path: fontFilePath('normal', 'woff2') },
      { weight: 700, path: fontFilePath('bold', 'woff2') },
    ];
    for (const f of fonts)
      out.write(join('assets', 'fonts', basename(f.path)), readFileSync(f.path), { vendored: true });
    out.write(
      join('assets', 'site.css'),
      renderSiteCss(
        FONT_FAMILY,
        fonts.map((f) => ({ weight: f.weight, file: basename(f.path) })),
      ),
    );
    out.write(join('assets', 'site.js'), readFileSync(join(TEMPLATE_DIR, 'site', 'site.js')));
    for (const page of site.pages) {
      out.write(page.dataFile, renderSiteData(page));
      out.write(page.file, renderSitePage(site, page));
    }
    const guard = await out.commit({
      min: disclosure.min,
      withheldValues: disclosure.withheldValues(),
      machinePaths: [dirname(resolve(o.dbPath))],
    });
    const { primary, secondary } = disclosure.counts();
    return {
      outDir,
      pages: site.pages.map((p) => out.finalPath(p.file)),
      guard,
      withheld: { primary, secondary },
    };
  } finally {
    out.discard();
  }
}

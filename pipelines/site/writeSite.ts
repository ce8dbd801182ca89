import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ChartData } from '../charts/chartData.ts';
import { FONT_FAMILY, fontFilePath } from '../charts/font.ts';
import type { NamedChart } from '../charts/types.ts';
import { REPO_ROOT, readSql } from '../db/sqlFile.ts';
import { openWarehouse, queryRows, withConnection } from '../db/warehouse.ts';
import { writeFileAtomic } from '../fsutil/writeFileAtomic.ts';
import { loadMethodology } from '../methodology/loadMethodology.ts';
import { latestMethodologyVersion } from '../report/latestMethodologyVersion.ts';
import { loadChartData } from '../report/loadChartData.ts';
import { loadWarehouseProvenance, summariseMethodology } from '../report/loadReportMeta.ts';
import { TEMPLATE_DIR } from '../report/templateEnvironment.ts';
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

async function readSiteData(o: SiteOptions) {
  const wh = await openWarehouse(o.dbPath, { readOnly: true });
  try {
    return await withConnection(wh, async (con) => {
      const version = o.methodologyVersion ?? (await latestMethodologyVersion(con));
      const methodology = loadMethodology(version);
      const [latest] = await queryRows<{ year: number | null }>(
        con,
        readSql('queries/report/latest_year.sql'),
        {
          version,
        },
      );
      if (latest?.year === null || latest?.year === undefined)
        throw new Error(`方法版本 ${version} 没有指数数据 (no index rows)`);
      const data = await loadChartData(con, { year: latest.year, methodologyVersion: version, methodology });
      const prov = await loadWarehouseProvenance(con, version, latest.year);
      return { data, methodology: summariseMethodology(methodology), runId: prov.build?.run_id ?? '' };
    });
  } finally {
    wh.close();
  }
}

/** `xiaowei site`: index.html + one page per county, their data files, and local copies of scripts and fonts. */
export async function writeSite(o: SiteOptions): Promise<{ outDir: string; pages: string[] }> {
  const outDir = resolve(o.outDir ?? join('reports', 'site'));
  const { data, methodology, runId } = await readSiteData(o);
  const buildCharts = o.buildCharts ?? (await import('../charts/reportCharts.ts')).buildReportCharts;
  const site = buildSiteModel({
    data,
    methodology,
    runId,
    fontFamily: FONT_FAMILY,
    year: o.year,
    buildCharts,
  });
  const assets = join(outDir, 'assets');
  for (const file of vegaBundles()) writeFileAtomic(join(assets, basename(file)), readFileSync(file));
  const fonts = [
    { weight: 400, path: fontFilePath('normal', 'woff2') },
    { weight: 700, path: fontFilePath('bold', 'woff2') },
  ];
  for (const f of fonts) writeFileAtomic(join(assets, 'fonts', basename(f.path)), readFileSync(f.path));
  writeFileAtomic(
    join(assets, 'site.css'),
    renderSiteCss(
      FONT_FAMILY,
      fonts.map((f) => ({ weight: f.weight, file: basename(f.path) })),
    ),
  );
  writeFileAtomic(join(assets, 'site.js'), readFileSync(join(TEMPLATE_DIR, 'site', 'site.js')));
  const pages: string[] = [];
  for (const page of site.pages) {
    writeFileAtomic(join(outDir, page.dataFile), renderSiteData(page));
    const path = join(outDir, page.file);
    writeFileAtomic(path, renderSitePage(site, page));
    pages.push(path);
  }
  return { outDir, pages };
}

import { join, resolve } from 'node:path';
import type { ChartData } from '../charts/chartData.ts';
import { FONT_FAMILY } from '../charts/font.ts';
import { openWarehouse, withConnection } from '../db/warehouse.ts';
import { writeFileAtomic } from '../fsutil/writeFileAtomic.ts';
import { loadMethodology } from '../methodology/loadMethodology.ts';
import { buildReportModel } from './buildReportModel.ts';
import { loadDroppedReasonLabels } from './droppedReasonLabels.ts';
import { fontFaceCss } from './fontFaceCss.ts';
import { latestMethodologyVersion } from './latestMethodologyVersion.ts';
import { loadChartData } from './loadChartData.ts';
import { loadWarehouseProvenance, summariseMethodology, type WarehouseProvenance } from './loadReportMeta.ts';
import { printPdf } from './printPdf.ts';
import { renderAnnualReportHtml } from './renderAnnualReportHtml.ts';
import { type ChartRenderer, vegaChartRenderer } from './reportChartsAdapter.ts';
import type { ReportMeta } from './reportMeta.ts';
import { type ReportModel, reportTables } from './reportModel.ts';
import { tableCsv } from './tableCsv.ts';
import { tableXlsx } from './tableXlsx.ts';

export interface AnnualReportOptions {
  dbPath: string;
  year: number;
  countyCode?: string;
  /** Root of the outputs; the report goes to <outDir>/<year>/. Default 'reports'. */
  outDir?: string;
  /** ISO date on the cover; default = latest ingested as_of up to the next year, else <year+1>-01-31. */
  date?: string;
  methodologyVersion?: string;
  /** Chromium executable for the PDF; omitted = no PDF. */
  pdfChromium?: string;
  charts?: ChartRenderer;
  /** Monotonic clock in ms for the timings line; injected (default performance.now). */
  now?: () => number;
}

export interface AnnualReportResult {
  htmlPath: string;
  pdfPath: string | null;
  chartsDir: string;
  tablesDir: string;
  tableFiles: string[];
  model: ReportModel;
  /** htmlMs: warehouse to HTML file written; filesMs: chart files and tables after it; pdfMs: printing. */
  timings: { htmlMs: number; filesMs: number; pdfMs: number | null };
  /** Why the PDF was not written (Chromium missing or failed); the HTML and tables are written regardless. */
  pdfError: string | null;
}

/**
 * The report date when none is given: 31 January after the year, the plan's annual publication date
 * (the scheduler's annual job runs then). Never the clock, so re-running gives the same report.
 */
export function defaultReportDate(year: number): string {
  return `${year + 1}-01-31`;
}

export function reportFileStem(year: number, countyCode?: string): string {
  return countyCode ? `report-${year}-${countyCode}` : `report-${year}`;
}

async function readWarehouse(
  o: AnnualReportOptions,
): Promise<{ data: ChartData; prov: WarehouseProvenance; meta: ReturnType<typeof summariseMethodology> }> {
  const wh = await openWarehouse(o.dbPath, { readOnly: true });
  try {
    return await withConnection(wh, async (con) => {
      const version = o.methodologyVersion ?? (await latestMethodologyVersion(con));
      const methodology = loadMethodology(version);
      const data = await loadChartData(con, {
        year: o.year,
        countyCode: o.countyCode,
        methodologyVersion: version,
        methodology,
      });
      const prov = await loadWarehouseProvenance(con, version, o.year);
      return { data, prov, meta: summariseMethodology(methodology) };
    });
  } finally {
    wh.close();
  }
}

/** `xiaowei report`: HTML (always), charts, CSV + XLSX tables, and the PDF when a Chromium path is given. */
export async function writeAnnualReport(o: AnnualReportOptions): Promise<AnnualReportResult> {
  const now = o.now ?? (() => performance.now());
  const t0 = now();
  const { data, prov, meta: methodology } = await readWarehouse(o);
  const yearDir = resolve(o.outDir ?? 'reports', String(o.year));
  const suffix = o.countyCode ? [o.countyCode] : [];
  const chartsDir = join(yearDir, 'charts', ...suffix);
  const tablesDir = join(yearDir, 'tables', ...suffix);
  const rendered = await (o.charts ?? vegaChartRenderer).render(data);
  const meta: ReportMeta = {
    reportDate: o.date ?? defaultReportDate(o.year),
    methodology,
    build: prov.build,
    sources: prov.sources,
    quarantine: prov.quarantine,
    revisions: prov.revisions,
    charts: rendered.charts,
    fontCss: fontFaceCss(),
    fontFamily: FONT_FAMILY,
    droppedReasonLabels: loadDroppedReasonLabels(),
  };
  const model = buildReportModel(data, meta);
  const htmlPath = join(yearDir, `${reportFileStem(o.year, o.countyCode)}.html`);
  writeFileAtomic(htmlPath, renderAnnualReportHtml(model));
  const htmlMs = now() - t0;
  await rendered.write(chartsDir);
  const tableFiles: string[] = [];
  const provenance = {
    reportDate: meta.reportDate,
    methodologyVersion: methodology.version,
    runId: model.runId,
  };
  for (const table of reportTables(model)) {
    const csv = join(tablesDir, `${table.id}.csv`);
    const xlsx = join(tablesDir, `${table.id}.xlsx`);
    writeFileAtomic(csv, tableCsv(table));
    writeFileAtomic(xlsx, await tableXlsx(table, provenance));
    tableFiles.push(csv, xlsx);
  }
  const filesMs = now() - t0 - htmlMs;
  let pdfPath: string | null = null;
  let pdfMs: number | null = null;
  let pdfError: string | null = null;
  if (o.pdfChromium) {
    const t1 = now();
    const target = join(yearDir, `${reportFileStem(o.year, o.countyCode)}.pdf`);
    try {
      await printPdf(htmlPath, target, `${model.title}（${model.year}）`, o.pdfChromium);
      pdfPath = target;
      pdfMs = now() - t1;
    } catch (err) {
      pdfError = err instanceof Error ? err.message : String(err);
    }
  }
  return {
    htmlPath,
    pdfPath,
    chartsDir,
    tablesDir,
    tableFiles,
    model,
    timings: { htmlMs, filesMs, pdfMs },
    pdfError,
  };
}

import { dirname, join, resolve } from 'node:path';
import type { ChartData } from '../charts/chartData.ts';
import { FONT_FAMILY } from '../charts/font.ts';
import { openWarehouse, withConnection } from '../db/warehouse.ts';
import { UserError } from '../messages/catalogue.ts';
import { loadMethodology } from '../methodology/loadMethodology.ts';
import { chartDataFor } from '../publish/chartDataFor.ts';
import type { GuardReport } from '../publish/guard/guardTypes.ts';
import { loadPublication } from '../publish/loadPublication.ts';
import { PublicOutput } from '../publish/publicOutput.ts';
import type { Publication } from '../publish/publishMartData.ts';
import type { Disclosure } from '../publish/suppressCells.ts';
import { buildReportModel } from './buildReportModel.ts';
import { loadDroppedReasonLabels } from './droppedReasonLabels.ts';
import { fontFaceCss } from './fontFaceCss.ts';
import { latestMethodologyVersion } from './latestMethodologyVersion.ts';
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
  /** What the publication guard scanned (it found nothing, or nothing was published). */
  guard: GuardReport;
  /** Cells the publication layer withheld across all published years and regions (not only this report's). */
  withheld: { primary: number; secondary: number };
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

async function readWarehouse(o: AnnualReportOptions): Promise<{
  data: ChartData;
  prov: WarehouseProvenance;
  meta: ReturnType<typeof summariseMethodology>;
  disclosure: Disclosure;
}> {
  const wh = await openWarehouse(o.dbPath, { readOnly: true });
  try {
    return await withConnection(wh, async (con) => {
      const version = o.methodologyVersion ?? (await latestMethodologyVersion(con));
      const methodology = loadMethodology(version);
      const pub = await loadPublication(con);
      assertYearCovered(pub, version, o.year);
      const data = chartDataFor(pub, {
        version,
        year: o.year,
        countyCode: o.countyCode,
        planStartYear: methodology.plan.first_year,
        planEndYear: methodology.plan.end_year,
      });
      const prov = await loadWarehouseProvenance(con, version, o.year);
      return { data, prov, meta: summariseMethodology(methodology), disclosure: pub.disclosure };
    });
  } finally {
    wh.close();
  }
}

/** A report of a year the marts do not hold would be empty: refuse it before anything is written. */
function assertYearCovered(pub: Publication, version: string, year: number): void {
  const v = pub.versions.find((x) => x.version === version);
  const years = [
    ...new Set([...pub.demography, ...(v?.growth ?? []), ...(v?.vitality ?? [])].map((r) => r.year)),
  ].sort((a, b) => a - b);
  if (years.length === 0) throw new UserError('report.no_data', { version });
  if (!years.includes(year))
    throw new UserError('report.year_not_covered', { year, first: years[0], last: years.at(-1) ?? years[0] });
}

/**
 * `xiaowei report`: HTML (always), charts, CSV + XLSX tables, and the PDF when a Chromium path is given.
 * Every file is staged, scanned by the publication guard, and published only if the guard finds nothing.
 */
export async function writeAnnualReport(o: AnnualReportOptions): Promise<AnnualReportResult> {
  const now = o.now ?? (() => performance.now());
  const t0 = now();
  const renderer = o.charts ?? vegaChartRenderer;
  const reading = readWarehouse(o);
  // vega loads on this thread while DuckDB reads on its own.
  renderer.preload?.();
  const { data, prov, meta: methodology, disclosure } = await reading;
  const yearDir = resolve(o.outDir ?? 'reports', String(o.year));
  const suffix = o.countyCode ? [o.countyCode] : [];
  const out = new PublicOutput(yearDir);
  try {
    const rendered = await renderer.render(data);
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
      withheld: { primary: disclosure.counts().primary, secondary: disclosure.counts().secondary },
    };
    const model = buildReportModel(data, meta);
    const htmlName = `${reportFileStem(o.year, o.countyCode)}.html`;
    out.write(htmlName, renderAnnualReportHtml(model));
    const htmlMs = now() - t0;
    await rendered.write((name, bytes) => out.write(join('charts', ...suffix, name), bytes));
    const tableNames: string[] = [];
    const provenance = {
      reportDate: meta.reportDate,
      methodologyVersion: methodology.version,
      runId: model.runId,
    };
    for (const table of reportTables(model)) {
      const csv = join('tables', ...suffix, `${table.id}.csv`);
      const xlsx = join('tables', ...suffix, `${table.id}.xlsx`);
      out.write(csv, tableCsv(table));
      out.write(xlsx, tableXlsx(table, provenance));
      tableNames.push(csv, xlsx);
    }
    const guard = await out.commit({
      min: disclosure.min,
      withheldValues: disclosure.withheldValues(),
      machinePaths: [dirname(resolve(o.dbPath))],
    });
    const filesMs = now() - t0 - htmlMs;
    const htmlPath = out.finalPath(htmlName);
    let pdfPath: string | null = null;
    let pdfMs: number | null = null;
    let pdfError: string | null = null;
    if (o.pdfChromium) {
      const t1 = now();
      // Printed from the HTML the guard has just passed.
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
      chartsDir: join(yearDir, 'charts', ...suffix),
      tablesDir: join(yearDir, 'tables', ...suffix),
      tableFiles: tableNames.map((n) => out.finalPath(n)),
      model,
      timings: { htmlMs, filesMs, pdfMs },
      pdfError,
      guard,
      withheld: meta.withheld,
    };
  } finally {
    out.discard();
  }
}

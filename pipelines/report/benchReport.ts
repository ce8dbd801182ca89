import { existsSync } from 'node:fs';
import { openWarehouse, withConnection } from '../db/warehouse.ts';
import { loadChartData } from './loadChartData.ts';
import { chromiumPath } from './printPdf.ts';
import { vegaChartRenderer } from './reportChartsAdapter.ts';
import { writeAnnualReport } from './writeAnnualReport.ts';

export interface ReportBenchResult {
  /** Warehouse → report HTML written (charts rendered to SVG on the way). */
  htmlMs: number;
  /** Chart files (.vl.json/.svg/.png) and CSV/XLSX tables after the HTML. */
  filesMs: number;
  /** Printing the PDF; null without Chromium. */
  pdfMs: number | null;
  /** Building and rendering every report chart to SVG once, alone. */
  chartsMs: number;
  charts: number;
  pdfPath: string | null;
}

/**
 * Times the city-scale report for `npm run bench -- report` (goals: HTML < 3 s, PDF < 15 s). The clock
 * is injected; the caller prints. The PDF is timed only when Chromium exists.
 */
export async function benchReport(o: {
  dbPath: string;
  outDir: string;
  year: number;
  now: () => number;
  env?: NodeJS.ProcessEnv;
}): Promise<ReportBenchResult> {
  const chromium = chromiumPath(o.env);
  const r = await writeAnnualReport({
    dbPath: o.dbPath,
    year: o.year,
    outDir: o.outDir,
    now: o.now,
    pdfChromium: existsSync(chromium) ? chromium : undefined,
  });
  const wh = await openWarehouse(o.dbPath, { readOnly: true });
  let chartsMs = 0;
  let charts = 0;
  try {
    const data = await withConnection(wh, (con) => loadChartData(con, { year: o.year }));
    const t = o.now();
    charts = (await vegaChartRenderer.render(data)).charts.length;
    chartsMs = o.now() - t;
  } finally {
    wh.close();
  }
  return { ...r.timings, chartsMs, charts, pdfPath: r.pdfPath };
}

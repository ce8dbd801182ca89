import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FONT_FAMILY } from '../charts/font.ts';
import { openWarehouse, withConnection } from '../db/warehouse.ts';
import { loadMethodology } from '../methodology/loadMethodology.ts';
import { assertSingleBuild } from '../models/assertSingleBuild.ts';
import type { GuardReport } from '../publish/guard/guardTypes.ts';
import { PublicOutput } from '../publish/publicOutput.ts';
import { fontFaceCss } from '../report/fontFaceCss.ts';
import { summariseMethodology } from '../report/loadReportMeta.ts';
import { printPdf } from '../report/printPdf.ts';
import { renderAnnualReportHtml } from '../report/renderAnnualReportHtml.ts';
import { renderNamedCharts } from '../report/reportChartsAdapter.ts';
import { type ReportModel, reportTables } from '../report/reportModel.ts';
import { tableCsv } from '../report/tableCsv.ts';
import { tableXlsx } from '../report/tableXlsx.ts';
import { buildBulletinModel } from './buildBulletinModel.ts';
import { loadMonitorMonth, type MonitorMonth } from './loadMonitorMonth.ts';
import { monthlyFlowCharts } from './monthlyFlowCharts.ts';

export interface BulletinOptions {
  dbPath: string;
  /** YYYY-MM; default the latest complete month. */
  month?: string;
  /** Root of the outputs; the bulletin goes to <outDir>/<YYYY-MM>/. Default reports/monitor. */
  outDir?: string;
  /** Chromium executable for the PDF; omitted = no PDF. */
  pdfChromium?: string;
}

export interface BulletinResult {
  dir: string;
  htmlPath: string;
  pdfPath: string | null;
  /** Why the PDF was not written; the rest of the bulletin is published regardless. */
  pdfError: string | null;
  files: string[];
  month: MonitorMonth;
  model: ReportModel;
  guard: GuardReport;
  withheld: { primary: number; secondary: number };
}

/** The bulletin's cover date: the snapshot's date, never the clock (a re-run is byte-identical). */
function bulletinDate(m: MonitorMonth): string {
  return m.asOf;
}

async function readMonth(o: BulletinOptions): Promise<{ month: MonitorMonth; runId: string }> {
  const wh = await openWarehouse(o.dbPath, { readOnly: true });
  try {
    return await withConnection(wh, async (con) => {
      const month = await loadMonitorMonth(con, { month: o.month, path: o.dbPath });
      return { month, runId: (await assertSingleBuild(con)) ?? '' };
    });
  } finally {
    wh.close();
  }
}

/**
 * `xiaowei monitor`: the monthly bulletin (监测简报) in <outDir>/<YYYY-MM>/ — HTML, charts, CSV + XLSX tables,
 * and the PDF when a Chromium path is given. Everything is staged, scanned by the publication guard, and the
 * staged folder then replaces the month's folder whole; a refusal or a failure leaves the last bulletin as it was.
 */
export async function writeMonitorBulletin(o: BulletinOptions): Promise<BulletinResult> {
  const { month: m, runId } = await readMonth(o);
  const methodology = loadMethodology(m.methodologyVersion);
  const city = m.regions.find((r) => r.level === 'city');
  const rendered = await renderNamedCharts(monthlyFlowCharts(m));
  const model = buildBulletinModel(m, {
    cityName: city?.name_zh ?? '',
    reportDate: bulletinDate(m),
    methodology: summariseMethodology(methodology),
    ruleZh: methodology.monitoring.note_zh ?? '',
    runId,
    charts: rendered.charts,
    fontCss: fontFaceCss(),
    fontFamily: FONT_FAMILY,
  });
  const dir = resolve(o.outDir ?? join('reports', 'monitor'), m.month);
  const stem = `bulletin-${m.month}`;
  const out = new PublicOutput(dir);
  try {
    out.write(`${stem}.html`, renderAnnualReportHtml(model));
    await rendered.write((name, bytes) => out.write(join('charts', name), bytes));
    const provenance = { reportDate: model.reportDate, methodologyVersion: m.methodologyVersion, runId };
    for (const table of reportTables(model)) {
      out.write(join('tables', `${table.id}.csv`), tableCsv(table));
      out.write(join('tables', `${table.id}.xlsx`), tableXlsx(table, provenance));
    }
    let pdfError: string | null = null;
    if (o.pdfChromium) {
      // Printed from the staged HTML, so the PDF is published with it or not at all.
      const pdf = out.stagedPath(`${stem}.pdf`);
      try {
        await printPdf(
          out.stagedPath(`${stem}.html`),
          pdf,
          `${model.title}（${model.periodZh}）`,
          o.pdfChromium,
        );
        out.write(`${stem}.pdf`, readFileSync(pdf));
      } catch (err) {
        pdfError = err instanceof Error ? err.message : String(err);
      }
    }
    const files = out.stagedFiles();
    const d = m.publication.disclosure;
    const guard = await out.commit({
      min: d.min,
      withheldValues: d.withheldValues(),
      machinePaths: [dirname(resolve(o.dbPath))],
      replaceRoot: true,
    });
    return {
      dir,
      htmlPath: out.finalPath(`${stem}.html`),
      pdfPath: files.includes(`${stem}.pdf`) ? out.finalPath(`${stem}.pdf`) : null,
      pdfError,
      files,
      month: m,
      model,
      guard,
      withheld: { primary: d.counts().primary, secondary: d.counts().secondary },
    };
  } finally {
    out.discard();
  }
}

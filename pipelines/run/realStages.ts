import { basename, join } from 'node:path';
import { withConnection } from '../db/warehouse.ts';
import { ingestFiles } from '../ingest/ingestFiles.ts';
import { ingestShareDone } from '../ingest/ingestShareDone.ts';
import { buildWarehouse } from '../models/buildWarehouse.ts';
import { ensureReferenceTables } from '../reference/loadReference.ts';
import { writeAnnualReport } from '../report/writeAnnualReport.ts';
import { writeSite } from '../site/writeSite.ts';
import type { BuildSummaryLike, PipelineStages, RenderContext, StageContext } from './stages.ts';

export interface RealStageOptions {
  /** Methodology versions to build (default: buildWarehouse's default, v1). */
  methodologies?: string[];
  /** Chromium executable: when given, the annual report is also printed to PDF. */
  pdfChromium?: string;
}

/** The production stages: ingestFiles, buildWarehouse, writeAnnualReport and writeSite, on the work warehouse. */
export function realStages(options: RealStageOptions = {}): PipelineStages {
  return {
    async ingest(paths: string[], ctx: StageContext) {
      // As `xiaowei ingest` does: a fresh warehouse gets the reference tables before its first extract.
      await withConnection(ctx.wh, ensureReferenceTables);
      return ingestFiles(ctx.wh, paths, {
        runId: ctx.runId,
        now: () => ctx.now,
        onProgress: ctx.progress && ((p) => ctx.progress?.(ingestShareDone(p), p.rows, basename(p.file))),
      });
    },
    async build(ctx: StageContext): Promise<BuildSummaryLike> {
      const summary = await buildWarehouse(ctx.wh, {
        runId: ctx.runId,
        methodologies: options.methodologies,
        now: ctx.clock,
        onProgress: ctx.progress && ((p) => ctx.progress?.(p.fraction, p.rows, p.step)),
      });
      return {
        models: summary.models.length,
        checks: summary.checks,
        methodologyVersion: summary.methodologyVersions.join(','),
        mode: `${summary.mode}: ${summary.modeReason}`,
      };
    },
    async report(year: number, ctx: RenderContext) {
      const r = await writeAnnualReport({
        dbPath: ctx.dbPath,
        year,
        outDir: ctx.outDir,
        pdfChromium: options.pdfChromium,
        now: () => ctx.clock().getTime(),
      });
      if (r.pdfError)
        ctx.log.warn({ run_id: ctx.runId, error: r.pdfError }, 'PDF not written; HTML and tables were');
      return { outputs: [r.htmlPath, ...(r.pdfPath ? [r.pdfPath] : []), r.chartsDir, ...r.tableFiles] };
    },
    async site(ctx: RenderContext) {
      const r = await writeSite({ dbPath: ctx.dbPath, outDir: join(ctx.outDir, 'site') });
      return { outputs: r.pages };
    },
    async monitor(ctx: RenderContext) {
      const { writeMonitorBulletin } = await import('../monitor/writeMonitorBulletin.ts'); // loaded on use
      const r = await writeMonitorBulletin({
        dbPath: ctx.dbPath,
        outDir: join(ctx.outDir, 'monitor'),
        pdfChromium: options.pdfChromium,
      });
      if (r.pdfError)
        ctx.log.warn(
          { run_id: ctx.runId, error: r.pdfError },
          'bulletin PDF not written; HTML and tables were',
        );
      return { outputs: [r.dir] };
    },
  };
}

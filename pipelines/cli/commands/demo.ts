import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { openWarehouse, resolveDbPath, withConnection } from '../../db/warehouse.ts';
import { newRunId } from '../../run/runId.ts';
import { dbOption } from '../dbOption.ts';
import { ingestProgressLine } from '../ingestProgress.ts';
import type { CliIo } from '../io.ts';

interface DemoOptions {
  db?: string;
  scale: 'tiny' | 'city';
  seed: string;
  year: string;
  data: string;
  reports: string;
  pdf: boolean;
  dirty: string;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      'generate built-in sample data, ingest it, build the marts, print the headline, write the report and site',
    )
    .addOption(dbOption())
    .option('--scale <scale>', 'sample size: city (Huzhou-sized) or tiny (seconds)', 'city')
    .option('--seed <n>', 'generator seed', '2018')
    .option('--year <yyyy>', 'report year', '2020')
    .option('--data <dir>', 'where the sample extracts go', 'data/generated/demo')
    .option('--reports <dir>', 'reports root', 'reports')
    .option(
      '--dirty <rate>',
      'share of rows with injected, labelled faults (shows quarantine at work)',
      '0.001',
    )
    .option('--no-pdf', 'skip the PDF even where Chromium exists')
    .action(async (opts: DemoOptions) => {
      // Loaded on use, so that `xiaowei --help` and the other commands start without them.
      const [
        { formatHeadline },
        { formatStatus },
        { ingestFiles },
        { buildWarehouse },
        { ensureReferenceTables },
      ] = await Promise.all([
        import('../../indices/headline.ts'),
        import('../../ingest/formatStatus.ts'),
        import('../../ingest/ingestFiles.ts'),
        import('../../models/buildWarehouse.ts'),
        import('../../reference/loadReference.ts'),
      ]);
      const { chromiumPath } = await import('../../report/printPdf.ts');
      const say = (s: string) => io.stdout.write(`${s}\n`);
      const dbPath = resolveDbPath(opts.db, io.env);
      const dataDir = resolve(opts.data, opts.scale);
      const year = Number(opts.year);

      // Generation is deterministic, so an existing folder made with the same arguments is reused.
      const stamp = join(dataDir, '.generated-with');
      const args = JSON.stringify({ scale: opts.scale, seed: Number(opts.seed), dirty: Number(opts.dirty) });
      if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== args) {
        say(
          `1/5 生成样例数据 generating ${opts.scale}-scale sample extracts → ${relative(process.cwd(), dataDir)}`,
        );
        const g = await (await import('../../generate/generateExtracts.ts')).generateExtracts({
          scale: opts.scale,
          seed: Number(opts.seed),
          outDir: dataDir,
          from: 2013,
          to: 2024,
          format: 'csv',
          encoding: 'utf8',
          dirty: Number(opts.dirty),
        });
        writeFileSync(stamp, args);
        say(`    ${g.files.length} files, ${g.entities} entities`);
      } else say(`1/5 样例数据已存在 reusing ${relative(process.cwd(), dataDir)}`);

      const wh = await openWarehouse(dbPath);
      try {
        say('2/5 装载 ingesting (files already loaded are skipped by content hash)');
        await withConnection(wh, ensureReferenceTables);
        const results = await ingestFiles(wh, [dataDir], {
          now: () => new Date(),
          onProgress: ingestProgressLine(io),
        });
        const sum = (k: 'rows_read' | 'rows_loaded' | 'rows_quarantined' | 'rows_dropped') =>
          results.reduce((s, r) => s + r[k], 0);
        const loaded = results.filter((r) => r.status === 'loaded').length;
        say(
          `    ${loaded} loaded, ${results.length - loaded} skipped or rejected; rows read ${sum('rows_read')} = ` +
            `loaded ${sum('rows_loaded')} + quarantined ${sum('rows_quarantined')} + duplicates dropped ${sum('rows_dropped')}`,
        );
        io.stdout.write(
          `\n${await withConnection(wh, (con) => formatStatus(con, relative(process.cwd(), dbPath)))}\n`,
        );
        say('3/5 构建 building marts and indices');
        const b = await buildWarehouse(wh, { runId: newRunId(new Date()), now: () => new Date() });
        say(`    ${b.models.length} models, ${b.checks} checks passed`);
        io.stdout.write(`\n${await withConnection(wh, (con) => formatHeadline(con, year))}\n`);
      } finally {
        wh.close();
      }

      say(`4/5 报告 writing the ${year} annual report`);
      const wantPdf = opts.pdf && existsSync(chromiumPath(io.env));
      const report = await (await import('../../report/writeAnnualReport.ts')).writeAnnualReport({
        dbPath,
        year,
        outDir: opts.reports,
        pdfChromium: wantPdf ? chromiumPath(io.env) : undefined,
      });
      say(`    HTML: ${relative(process.cwd(), report.htmlPath)}`);
      if (report.pdfPath) say(`    PDF:  ${relative(process.cwd(), report.pdfPath)}`);
      else if (opts.pdf)
        say(
          `    PDF skipped: ${report.pdfError ?? `Chromium not found at ${chromiumPath(io.env)} (apt-get install chromium)`}`,
        );
      say(
        `    charts: ${relative(process.cwd(), report.chartsDir)}  tables: ${relative(process.cwd(), report.tablesDir)}`,
      );

      say('5/5 看板 writing the dashboard');
      const site = await (await import('../../site/writeSite.ts')).writeSite({
        dbPath,
        outDir: join(opts.reports, 'site'),
      });
      say(
        `    site: ${relative(process.cwd(), join(site.outDir, 'index.html'))} (${site.pages.length} pages) — preview with: npx xiaowei serve`,
      );
    });
}

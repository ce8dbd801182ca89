import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { Command } from 'commander';
import { resolveDbPath } from '../../db/warehouse.ts';
import { message, UserError } from '../../messages/catalogue.ts';
import { dbOption } from '../dbOption.ts';
import type { CliIo } from '../io.ts';

export function register(program: Command, io: CliIo): void {
  program
    .command('monitor')
    .description(
      '动态监测简报：one month\'s flows (births, 注销/吊销, 个转企, 个体工商户) against expectation, its alerts and the quarter\'s "8631" slips, written to <out>/<YYYY-MM>/',
    )
    .option('--month <YYYY-MM>', 'the month (default: the latest complete month)')
    .option(
      '--pdf',
      '同时用无头 Chromium 打印 PDF / also print a PDF with headless Chromium ($XIAOWEI_CHROMIUM or /usr/bin/chromium)',
    )
    .option('--out <dir>', '输出根目录，简报写入 <dir>/<YYYY-MM>/ / output root', 'reports/monitor')
    .addOption(dbOption())
    .action(async (opts: { month?: string; pdf?: boolean; out: string; db?: string }) => {
      const path = resolveDbPath(opts.db, io.env);
      if (!existsSync(path)) throw new UserError('monitor.not_built', { path });
      // Loaded on use, like every command's own stack (CLI start-up).
      const [{ writeMonitorBulletin }, { formatMonitorMonth }, { chromiumPath }] = await Promise.all([
        import('../../monitor/writeMonitorBulletin.ts'),
        import('../../monitor/formatMonitorMonth.ts'),
        import('../../report/printPdf.ts'),
      ]);
      const result = await writeMonitorBulletin({
        dbPath: path,
        month: opts.month,
        outDir: opts.out,
        pdfChromium: opts.pdf ? chromiumPath(io.env) : undefined,
      });
      const show = (p: string) => relative(process.cwd(), p) || p;
      io.stdout.write(formatMonitorMonth(result.month));
      io.stdout.write(`\n简报 bulletin: ${show(result.htmlPath)} (${result.files.length} files)\n`);
      io.stdout.write(
        `${message('publish.guard_summary', { scanned: result.guard.scanned, skipped: result.guard.skipped, primary: result.withheld.primary, secondary: result.withheld.secondary })}\n`,
      );
      if (result.pdfPath) io.stdout.write(`PDF: ${show(result.pdfPath)}\n`);
      if (result.pdfError) {
        io.stderr.write(`${result.pdfError}\n`);
        io.exitCode = 1;
      }
    });
}

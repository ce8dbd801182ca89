import { relative } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { resolveDbPath } from '../../db/warehouse.ts';
import { message } from '../../messages/catalogue.ts';
import { dbOption } from '../dbOption.ts';
import type { CliIo } from '../io.ts';

export function parseYear(v: string): number {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError('年份应为四位数字 (expected YYYY)');
  return Number(v);
}

export function parseIsoDate(v: string): string {
  const d = new Date(`${v}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
    throw new InvalidArgumentError('日期格式应为 YYYY-MM-DD (expected YYYY-MM-DD)');
  }
  return v;
}

interface ReportOpts {
  year: number;
  county?: string;
  pdf?: boolean;
  out: string;
  date?: string;
  methodology?: string;
  db?: string;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('report')
    .description(
      '生成年度指数报告（HTML，可选 PDF）及其图表和表格 / write the annual index report (HTML, optional PDF)',
    )
    .requiredOption('--year <YYYY>', '报告年份 / report year', parseYear)
    .option('--county <code>', '只生成一个区县的报告（六位区划代码）/ one county (6-digit code)')
    .option(
      '--pdf',
      '同时用无头 Chromium 打印 PDF / also print a PDF with headless Chromium ($XIAOWEI_CHROMIUM or /usr/bin/chromium)',
    )
    .option(
      '--out <dir>',
      '输出根目录，报告写入 <dir>/<年份>/ / output root; files go to <dir>/<year>/',
      'reports',
    )
    .option(
      '--date <YYYY-MM-DD>',
      '封面报告日期（默认：最新入库文件的数据截至日，否则次年1月31日）/ report date',
      parseIsoDate,
    )
    .option(
      '--methodology <version>',
      '方法版本（默认：指数表中的最新版本）/ methodology version (default: latest in the marts)',
    )
    .addOption(dbOption())
    .action(async (opts: ReportOpts) => {
      const { chromiumPath } = await import('../../report/printPdf.ts'); // loaded on use
      const result = await (await import('../../report/writeAnnualReport.ts')).writeAnnualReport({
        dbPath: resolveDbPath(opts.db, io.env),
        year: opts.year,
        countyCode: opts.county,
        outDir: opts.out,
        date: opts.date,
        methodologyVersion: opts.methodology,
        pdfChromium: opts.pdf ? chromiumPath(io.env) : undefined,
      });
      const show = (p: string) => relative(process.cwd(), p) || p;
      io.stdout.write(`HTML: ${show(result.htmlPath)} (${(result.timings.htmlMs / 1000).toFixed(2)} s)\n`);
      io.stdout.write(
        `图表 charts: ${show(result.chartsDir)}\n表格 tables: ${show(result.tablesDir)} (${result.tableFiles.length} files; charts + tables ${(result.timings.filesMs / 1000).toFixed(2)} s)\n`,
      );
      io.stdout.write(
        `${message('publish.guard_summary', { scanned: result.guard.scanned, skipped: result.guard.skipped, primary: result.withheld.primary, secondary: result.withheld.secondary })}\n`,
      );
      if (result.pdfPath)
        io.stdout.write(
          `PDF: ${show(result.pdfPath)} (${((result.timings.pdfMs ?? 0) / 1000).toFixed(2)} s)\n`,
        );
      if (result.pdfError) {
        io.stderr.write(`${result.pdfError}\n`);
        io.exitCode = 1;
      }
    });
}

import { relative } from 'node:path';
import type { Command } from 'commander';
import { resolveDbPath } from '../../db/warehouse.ts';
import { message } from '../../messages/catalogue.ts';
import { dbOption } from '../dbOption.ts';
import type { CliIo } from '../io.ts';
import { parseYear } from './report.ts';

interface SiteOpts {
  out: string;
  year?: number;
  methodology?: string;
  db?: string;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('site')
    .description(
      '生成交互式静态看板（全市及各区县页面）/ write the static dashboard (city page and one per county)',
    )
    .option('--out <dir>', '输出目录 / output directory', 'reports/site')
    .option(
      '--year <YYYY>',
      '页面打开时默认显示的年份（默认最新）/ year shown first (default: latest)',
      parseYear,
    )
    .option('--methodology <version>', '方法版本（默认：指数表中的最新版本）/ methodology version')
    .addOption(dbOption())
    .action(async (opts: SiteOpts) => {
      const result = await (await import('../../site/writeSite.ts')).writeSite({
        dbPath: resolveDbPath(opts.db, io.env),
        outDir: opts.out,
        year: opts.year,
        methodologyVersion: opts.methodology,
      });
      const show = (p: string) => relative(process.cwd(), p) || p;
      io.stdout.write(`看板 site: ${show(result.outDir)} (${result.pages.length} pages)\n`);
      io.stdout.write(
        `${message('publish.guard_summary', { scanned: result.guard.scanned, skipped: result.guard.skipped, primary: result.withheld.primary, secondary: result.withheld.secondary })}\n`,
      );
      io.stdout.write(`预览 preview: xiaowei serve --dir ${show(result.outDir)}\n`);
    });
}

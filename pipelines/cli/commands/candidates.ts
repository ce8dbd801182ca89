import { relative } from 'node:path';
import type { Command } from 'commander';
import { resolveDbPath } from '../../db/warehouse.ts';
import { message } from '../../messages/catalogue.ts';
import { dbOption } from '../dbOption.ts';
import type { CliIo } from '../io.ts';
import { parseYear } from './report.ts';

interface CandidatesOpts {
  year: number;
  out: string;
  methodology?: string;
  db?: string;
}

export function register(program: Command, io: CliIo): void {
  program
    .command('candidates')
    .description(
      '培育库候选名单（小升规、规改股、股上市；内部资料，仅属主可读）/ internal 培育库 candidate lists (owner-only)',
    )
    .requiredOption('--year <YYYY>', '数据年度 / data year', parseYear)
    .option(
      '--out <dir>',
      '内部输出根目录，名单写入 <dir>/<年份>/ / internal output root; files go to <dir>/<year>/',
      'reports/internal',
    )
    .option(
      '--methodology <version>',
      '方法版本（默认：仓库中最新）/ methodology version (default: latest built)',
    )
    .addOption(dbOption())
    .action(async (opts: CandidatesOpts) => {
      const { writeCandidateLists } = await import('../../candidates/writeCandidateLists.ts');
      const r = await writeCandidateLists({
        dbPath: resolveDbPath(opts.db, io.env),
        year: opts.year,
        outDir: opts.out,
        methodologyVersion: opts.methodology,
      });
      const shown = relative(process.cwd(), r.dir) || r.dir;
      io.stdout.write(
        `小升规 ${r.counts.upgrade} 户，规改股 ${r.counts.joint_stock} 户，股上市 ${r.counts.listing} 户 → ${shown}/ (${r.files.length} files, 0600)\n`,
      );
      io.stdout.write(`${message('candidates.audience')}\n`);
    });
}

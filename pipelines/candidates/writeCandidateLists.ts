import { join, resolve } from 'node:path';
import { openWarehouse, withConnection } from '../db/warehouse.ts';
import { writeFileAtomic } from '../fsutil/writeFileAtomic.ts';
import { buildCandidateTables, type CandidateListId } from './candidateTables.ts';
import { internalCsv } from './internalCsv.ts';
import { internalHtml } from './internalHtml.ts';
import { audienceLine, INTERNAL_MARK, type InternalProvenance, provenanceLine } from './internalNotice.ts';
import { INTERNAL_FILE_MODE, INTERNAL_ROOT, prepareInternalDir } from './internalOutput.ts';
import { internalXlsx } from './internalXlsx.ts';
import { loadCandidateLists } from './loadCandidateLists.ts';

export interface CandidateListsOptions {
  dbPath: string;
  year: number;
  /** Root of internal outputs; the lists go to <outDir>/<year>/. Default reports/internal. */
  outDir?: string;
  methodologyVersion?: string;
}

export interface CandidateListsResult {
  dir: string;
  files: string[];
  counts: Record<CandidateListId, number>;
}

function readme(p: InternalProvenance, lines: string[]): string {
  return [
    `${INTERNAL_MARK}｜${p.year}年 小微企业培育库候选名单（xiaowei candidates）`,
    '',
    `谁可以看：${audienceLine()}`,
    '本目录及其中文件仅属主可读（目录 0700、文件 0600）；xiaowei serve 拒绝提供本目录，公开报告、看板及其数据文件不含这些名单。',
    '',
    provenanceLine(p),
    '',
    '文件：',
    ...lines,
    '',
    'CSV 第 1 行为“内部资料”标记，第 2 行为列名；以 = + - @ 开头的文本前加了单引号，防止表格软件把它当作公式执行。',
    '',
  ].join('\n');
}

/**
 * `xiaowei candidates --year YYYY`: the 培育库 candidate lists (methodology §9) as CSV, XLSX and HTML under
 * <outDir>/<year>/, owner-only and marked 内部资料. Everything is read and rendered before the first write, so a
 * year without filings (or any failure while reading) writes nothing.
 */
export async function writeCandidateLists(o: CandidateListsOptions): Promise<CandidateListsResult> {
  const wh = await openWarehouse(o.dbPath, { readOnly: true });
  const lists = await withConnection(wh, (con) =>
    loadCandidateLists(con, o.year, o.methodologyVersion),
  ).finally(() => wh.close());
  const p: InternalProvenance = {
    year: lists.year,
    methodologyVersion: lists.methodologyVersion,
    buildRunId: lists.buildRunId,
  };
  const tables = buildCandidateTables(lists);
  const files = new Map<string, string | Uint8Array>();
  for (const t of tables) files.set(t.file, internalCsv(t));
  files.set(`candidates_${o.year}.xlsx`, internalXlsx(tables, p));
  files.set(`candidates_${o.year}.html`, internalHtml(tables, p));
  const listing = [
    ...tables.map((t) => `  ${t.file}  ${t.title}（${t.rows.length} 户）`),
    `  candidates_${o.year}.xlsx  三张名单及说明（每个工作表均标注内部资料）`,
    `  candidates_${o.year}.html  三张名单（网页，每页标注内部资料）`,
  ];
  files.set('README.txt', readme(p, listing));

  const root = resolve(o.outDir ?? INTERNAL_ROOT);
  const dir = join(root, String(o.year));
  prepareInternalDir(root);
  prepareInternalDir(dir);
  for (const [name, data] of files) writeFileAtomic(join(dir, name), data, { mode: INTERNAL_FILE_MODE });
  return {
    dir,
    files: [...files.keys()],
    counts: {
      upgrade: lists.upgrade.length,
      joint_stock: lists.jointStock.length,
      listing: lists.listing.length,
    },
  };
}

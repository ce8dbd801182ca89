import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseCsv } from '../csvCell.ts';
import {
  checkFormula,
  checkHeader,
  checkText,
  ENTERPRISE_COUNT_LABELS,
  isSmallCount,
  type Report,
  sentinelsOf,
} from './cellChecks.ts';
import type { GuardCheck, GuardFinding, GuardOptions, GuardReport, PublicFile } from './guardTypes.ts';
import { htmlTables, htmlText, stripDataUris } from './htmlContent.ts';
import { xlsxCells } from './xlsxCells.ts';

const BINARY = new Set(['.png', '.pdf', '.woff2', '.woff', '.ttf', '.ico', '.jpg', '.jpeg']);
/** Chart measures that are counts of enterprises (net change is a difference, not a count). */
const COUNT_MEASURES = new Set([
  '新设',
  '注销吊销',
  '注销',
  '个转企',
  '小升规',
  // Monitoring (methodology §10): the monthly flows' names (ref.monitor_metrics)
  '新设企业',
  '注销企业',
  '吊销企业',
  '新设个体工商户',
  '注销吊销个体工商户',
]);

interface Ctx {
  o: GuardOptions;
  sentinels: string[];
  sentinelSet: Set<string>;
  report: Report;
}

/** A table (header row first): headers, every cell's text, count columns, formulas when `csv`. */
function checkTable(rows: string[][], where: string, ctx: Ctx, csv: boolean): void {
  const [header = [], ...body] = rows;
  for (const [i, h] of header.entries()) {
    checkHeader(h, `${where} column ${i + 1}`, ctx.report);
    checkText(h, `${where} header ${i + 1}`, ctx.o, ctx.sentinels, ctx.report);
    if (csv) checkFormula(h, `${where} header ${i + 1}`, ctx.report);
  }
  const counts = header.map((h) => ENTERPRISE_COUNT_LABELS.has(h.trim()));
  for (const [r, row] of body.entries()) {
    for (const [c, cell] of row.entries()) {
      const at = `${where} row ${r + 2}, column ${header[c] ?? c + 1}`;
      if (csv) checkFormula(cell, at, ctx.report);
      checkText(cell, at, ctx.o, ctx.sentinels, ctx.report);
      if (counts[c] && isSmallCount(cell, ctx.o.min)) ctx.report('small_count', `${at}: ${cell}`);
    }
  }
}

/** A place in a JSON document, printed only when a finding names it (documents hold ~10⁵ leaves). */
class JsonPath {
  constructor(
    readonly up: string | JsonPath,
    readonly key: string | number,
  ) {}

  toString(): string {
    return typeof this.key === 'number' ? `${this.up}[${this.key}]` : `${this.up}.${this.key}`;
  }
}

/** JSON data (chart specs, dashboard data): every record's keys, labelled counts and text leaves. */
function checkJson(value: unknown, where: string | JsonPath, ctx: Ctx): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) checkJson(v, new JsonPath(where, i), ctx);
    return;
  }
  if (typeof value === 'number') {
    // A number can only be a withheld value; patterns of text do not apply.
    if (ctx.sentinelSet.has(String(value))) ctx.report('withheld_value', `${where}: ${value}`);
    return;
  }
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string') checkText(value, where, ctx.o, ctx.sentinels, ctx.report);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(record)) {
    const path = new JsonPath(where, k);
    checkHeader(k, path, ctx.report);
    checkJson(v, path, ctx);
  }
  const text = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');
  const labelled = typeof record.label === 'string' && ENTERPRISE_COUNT_LABELS.has(record.label);
  const measured = typeof record.measure === 'string' && COUNT_MEASURES.has(record.measure);
  if ((labelled || measured) && isSmallCount(text(record.value), ctx.o.min))
    ctx.report('small_count', `${where}: ${String(record.label ?? record.measure)} = ${text(record.value)}`);
  for (const [k, v] of Object.entries(record))
    if (k.startsWith('cohort_size') && isSmallCount(text(v), ctx.o.min))
      ctx.report('small_count', `${where}.${k}: ${text(v)}`);
}

async function scanFile(f: PublicFile, ctx: Ctx): Promise<void> {
  const ext = f.relPath.endsWith('.vl.json') ? '.json' : extname(f.relPath).toLowerCase();
  if (ext === '.xlsx') {
    for (const s of xlsxCells(f.path)) {
      if (s.formulas > 0) ctx.report('formula_cell', `sheet ${s.sheet}: ${s.formulas} formula cell(s)`);
      checkTable(s.rows, `sheet ${s.sheet}`, ctx, false);
    }
    return;
  }
  const text = readFileSync(f.path, 'utf8');
  if (ext === '.csv') return checkTable(parseCsv(text), 'csv', ctx, true);
  if (ext === '.json') return checkJson(JSON.parse(text), 'json', ctx);
  const data = /^window\.[A-Z_]+ = (.*);\s*$/s.exec(text);
  if (ext === '.js' && data) return checkJson(JSON.parse(data[1]), 'data', ctx);
  if (ext === '.html' || ext === '.htm' || ext === '.svg') {
    const markup = stripDataUris(text);
    for (const [i, t] of htmlTables(markup).entries()) checkTable(t, `table ${i + 1}`, ctx, false);
    checkText(htmlText(markup), 'text', ctx.o, ctx.sentinels, ctx.report);
    checkText(markup, 'markup', { ...ctx.o, min: 0 }, ctx.sentinels, ctx.report);
    return;
  }
  checkText(text, 'text', ctx.o, ctx.sentinels, ctx.report);
}

/**
 * The final guard of every public output: reads each file an output is about to publish and reports any
 * enterprise credit code, enterprise name or name column, absolute path of this machine, cell a spreadsheet
 * would execute, enterprise count of 1..min−1 under a count label or in a sentence, or exact withheld value.
 */
export async function scanPublicFiles(files: readonly PublicFile[], o: GuardOptions): Promise<GuardReport> {
  const findings: GuardFinding[] = [];
  const sentinels = sentinelsOf(o.withheldValues);
  let scanned = 0;
  let skipped = 0;
  for (const f of [...files].sort((a, b) => (a.relPath < b.relPath ? -1 : 1))) {
    const seen = new Set<string>();
    const report = (check: GuardCheck, detail: string) => {
      const key = `${check}|${detail}`;
      if (!seen.has(key)) findings.push({ file: f.relPath, check, detail });
      seen.add(key);
    };
    if (f.vendored || BINARY.has(extname(f.relPath).toLowerCase())) {
      skipped += 1;
      continue;
    }
    scanned += 1;
    try {
      await scanFile(f, { o, sentinels, sentinelSet: new Set(sentinels), report });
    } catch (err) {
      report('unreadable', err instanceof Error ? err.message.split('\n')[0] : String(err));
    }
  }
  return { findings, scanned, skipped };
}

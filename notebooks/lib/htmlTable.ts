// Rows as an HTML table (text/html) with an aligned text twin (text/plain) for consoles and nbconvert logs.
import { isWideCodePoint } from '../../pipelines/charts/textMetrics.ts';
import { type Displayable, displayable } from './display.ts';
import type { PlainRow, PlainValue } from './plainValue.ts';

export interface TableOptions {
  caption?: string;
  /** Rows shown; the rest are counted in a note (default 100). */
  maxRows?: number;
  /** Decimals for non-integer numbers (display only; default 2). */
  digits?: number;
  /** Footnotes under the table, e.g. the suppression rule. */
  notes?: string[];
}

/** Shown for null: the report's "missing" mark. Suppressed values arrive as the string '—' (maskSmall). */
export const NULL_TEXT = '…';

export function formatValue(v: PlainValue | undefined, digits: number): string {
  if (v === null || v === undefined) return NULL_TEXT;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    return Number.isInteger(v) ? String(v) : v.toFixed(digits);
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v);
}

/** Columns in first-seen order over all rows. */
export function columnsOf(rows: readonly PlainRow[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Display width in a monospace console: CJK characters take two columns. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWideCodePoint(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

export interface RenderedTable {
  html: string;
  text: string;
}

export function renderTable(rows: readonly PlainRow[], options: TableOptions = {}): RenderedTable {
  const digits = options.digits ?? 2;
  const maxRows = options.maxRows ?? 100;
  const cols = columnsOf(rows);
  const shown = rows.slice(0, maxRows);
  const cells = shown.map((r) => cols.map((c) => formatValue(r[c], digits)));
  const numeric = cols.map((c) => shown.some((r) => typeof r[c] === 'number'));
  const notes = [...(options.notes ?? [])];
  if (rows.length > shown.length)
    notes.unshift(`…另有 ${rows.length - shown.length} 行未显示 (${rows.length} rows)`);
  if (rows.length === 0) notes.unshift('（无数据 / no rows）');

  const align = (i: number) => (numeric[i] ? ' style="text-align:right"' : '');
  const html = [
    '<table>',
    options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '',
    `<thead><tr>${cols.map((c, i) => `<th${align(i)}>${escapeHtml(c)}</th>`).join('')}</tr></thead>`,
    `<tbody>${cells.map((r) => `<tr>${r.map((v, i) => `<td${align(i)}>${escapeHtml(v)}</td>`).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
    ...notes.map((n) => `<p><small>${escapeHtml(n)}</small></p>`),
  ].join('');

  const widths = cols.map((c, i) => Math.max(textWidth(c), ...cells.map((r) => textWidth(r[i]))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i] - textWidth(s));
    return numeric[i] ? fill + s : s + fill;
  };
  const lines = [
    ...(options.caption ? [options.caption] : []),
    cols.map(pad).join('  ').trimEnd(),
    ...cells.map((r) => r.map(pad).join('  ').trimEnd()),
    ...notes,
  ];
  return { html, text: lines.join('\n') };
}

/** A table output: `table(await sql('select …'))` as a cell's last expression. */
export function table(rows: readonly PlainRow[], options: TableOptions = {}): Displayable {
  const { html, text } = renderTable(rows, options);
  return displayable(text, () => ({ 'text/html': html, 'text/plain': text }));
}

import { escapeControl } from '../messages/formatError.ts';
import type { Cell, QueryResult } from './queryResult.ts';

function text(c: Cell): string {
  return c === null ? '' : String(c);
}

// CJK and full-width characters take two columns in a terminal.
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/**
 * Aligned text table for a terminal: numbers right-aligned, text left-aligned, NULL as empty; control characters
 * (a file name may carry terminal escape sequences) shown escaped, never raw.
 */
export function formatTable(r: QueryResult): string {
  const cells = r.rows.map((row) => row.map((c) => escapeControl(text(c))));
  const names = r.names.map(escapeControl);
  const widths = names.map((n, i) => Math.max(displayWidth(n), ...cells.map((row) => displayWidth(row[i]))));
  const numeric = r.names.map(
    (_, i) => r.rows.length > 0 && r.rows.every((row) => row[i] === null || typeof row[i] === 'number'),
  );
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i] - displayWidth(s));
    return numeric[i] ? fill + s : s + fill;
  };
  const line = (row: string[]) => row.map(pad).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const footer = `(${r.rows.length} row${r.rows.length === 1 ? '' : 's'})`;
  return `${[line(names), rule, ...cells.map(line), footer].join('\n')}\n`;
}

function csvCell(c: Cell): string {
  const s = text(c);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row; NULL as an empty field. */
export function formatCsv(r: QueryResult): string {
  return `${[r.names, ...r.rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

/** A JSON array of row objects. */
export function formatJson(r: QueryResult): string {
  const objects = r.rows.map((row) => Object.fromEntries(r.names.map((n, i) => [n, row[i]])));
  return `${JSON.stringify(objects, null, 2)}\n`;
}

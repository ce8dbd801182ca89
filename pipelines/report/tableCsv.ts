import type { ReportTable } from './reportModel.ts';

function field(v: number | string | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV for Excel: UTF-8 with BOM, CRLF, header = column labels; suppressed cells stay "—", missing cells empty. */
export function tableCsv(table: ReportTable): string {
  const lines = [
    table.columns.map((c) => field(c.label)),
    ...table.rows.map((r) => r.map((c) => field(c.value))),
  ];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

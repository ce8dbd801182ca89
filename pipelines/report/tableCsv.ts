import { csvField } from '../publish/csvCell.ts';
import type { ReportTable } from './reportModel.ts';

/**
 * CSV for Excel: UTF-8 with BOM, CRLF, header = column labels; suppressed cells stay "—", missing cells
 * empty; a cell a spreadsheet would run as a formula is written as text (see csvCell.ts).
 */
export function tableCsv(table: ReportTable): string {
  const lines = [
    table.columns.map((c) => csvField(c.label)),
    ...table.rows.map((r) => r.map((c) => csvField(c.value))),
  ];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

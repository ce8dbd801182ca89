import { xlsxBytes } from '../xlsx/xlsxBytes.ts';
import type { ReportTable } from './reportModel.ts';

export interface XlsxProvenance {
  /** ISO date; the workbook's created/modified date and its zip entries' time, so re-runs give the same bytes. */
  reportDate: string;
  methodologyVersion: string;
  runId: string;
}

/** One table as a workbook: sheet 数据 (header + rows, numbers as numbers) and sheet 说明 (title, notes, provenance). */
export function tableXlsx(table: ReportTable, p: XlsxProvenance): Uint8Array {
  return xlsxBytes({
    author: 'xiaowei',
    date: new Date(`${p.reportDate}T00:00:00Z`),
    sheets: [
      {
        name: '数据',
        frozenRows: 1,
        widths: table.columns.map((c) => (c.numeric ? 14 : 22)),
        rows: [
          { values: table.columns.map((c) => c.label), style: 'bold' },
          ...table.rows.map((row) => ({ values: row.map((c) => c.value) })),
        ],
      },
      {
        name: '说明',
        widths: [40],
        rows: [
          { values: [table.title], style: 'bold' },
          ...table.footnotes.map((f) => ({ values: [`注：${f}`] })),
          { values: [] },
          { values: ['方法版本', p.methodologyVersion] },
          { values: ['计算批次', p.runId] },
          { values: ['报告日期', p.reportDate] },
        ],
      },
    ],
  });
}

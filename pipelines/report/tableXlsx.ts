import { pinZipTimestampsInBuffer } from '../fsutil/pinZipTimestamps.ts';
import type { ReportTable } from './reportModel.ts';

export interface XlsxProvenance {
  /** ISO date; used as the workbook's created/modified date so re-runs carry the same metadata. */
  reportDate: string;
  methodologyVersion: string;
  runId: string;
}

/** One table as a workbook: sheet 数据 (header + rows, numbers as numbers) and sheet 说明 (title, notes, provenance). */
export async function tableXlsx(table: ReportTable, p: XlsxProvenance): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on use: slow to import
  const wb = new ExcelJS.Workbook();
  const date = new Date(`${p.reportDate}T00:00:00Z`);
  wb.creator = 'xiaowei';
  wb.lastModifiedBy = 'xiaowei';
  wb.created = date;
  wb.modified = date;
  const data = wb.addWorksheet('数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(table.columns.map((c) => c.label)).font = { bold: true };
  for (const row of table.rows) data.addRow(row.map((c) => c.value));
  data.columns.forEach((col, i) => {
    col.width = table.columns[i]?.numeric ? 14 : 22;
  });
  const notes = wb.addWorksheet('说明');
  notes.addRow([table.title]).font = { bold: true };
  for (const f of table.footnotes) notes.addRow([`注：${f}`]);
  notes.addRow([]);
  notes.addRow(['方法版本', p.methodologyVersion]);
  notes.addRow(['计算批次', p.runId]);
  notes.addRow(['报告日期', p.reportDate]);
  notes.getColumn(1).width = 40;
  const buf = await wb.xlsx.writeBuffer();
  // jszip stamps every entry with the clock: pinned, so a re-run writes the same bytes.
  return pinZipTimestampsInBuffer(new Uint8Array(buf as ArrayBuffer));
}

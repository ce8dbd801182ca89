import { pinZipTimestampsInBuffer } from '../fsutil/pinZipTimestamps.ts';
import type { InternalTable } from './candidateTables.ts';
import { audienceLine, INTERNAL_MARK, type InternalProvenance, provenanceLine } from './internalNotice.ts';

/**
 * The lists as one workbook: a 说明 sheet, then one sheet per list. Every sheet starts with the marking and prints it
 * in its page header and footer. Dated from the data year (never the clock) and zip-pinned, so re-runs are
 * byte-identical.
 */
export async function internalXlsx(tables: InternalTable[], p: InternalProvenance): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on use: slow to import
  const wb = new ExcelJS.Workbook();
  const date = new Date(Date.UTC(p.year + 1, 0, 31));
  wb.creator = 'xiaowei';
  wb.lastModifiedBy = 'xiaowei';
  wb.created = date;
  wb.modified = date;
  const marked = (name: string) => {
    const ws = wb.addWorksheet(name, {
      headerFooter: {
        oddHeader: `&C&"-,Bold"${INTERNAL_MARK}`,
        oddFooter: `&L${INTERNAL_MARK}&R&P / &N`,
      },
    });
    const mark = ws.addRow([`${INTERNAL_MARK}：${audienceLine()}`]);
    mark.font = { bold: true, color: { argb: 'FFC00000' } };
    return ws;
  };
  const notes = marked('说明');
  notes.addRow([provenanceLine(p)]);
  for (const t of tables) notes.addRow([`${t.sheet}（${t.rows.length} 户）：${t.rule}`]);
  notes.getColumn(1).width = 120;
  for (const t of tables) {
    const ws = marked(t.sheet);
    ws.addRow([t.title]).font = { bold: true };
    ws.addRow([`规则：${t.rule}`]);
    ws.addRow([provenanceLine(p)]);
    ws.addRow(t.columns.map((c) => c.label)).font = { bold: true };
    for (const row of t.rows) ws.addRow(row);
    ws.views = [{ state: 'frozen', ySplit: 5 }];
    t.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.numeric ? 16 : i === 1 ? 36 : 22;
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return pinZipTimestampsInBuffer(new Uint8Array(buf as ArrayBuffer));
}

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { message } from '../../messages/catalogue.ts';
import { csvLine } from '../csvLine.ts';
import { HEADER_SEARCH_ROWS, type HeadRecord, recordText } from '../findHeader.ts';
import { openWorkbook } from './openWorkbook.ts';
import { sheetRows } from './sheetRows.ts';

/** Which sheet was read, and one printed note per sheet that was not. */
export interface XlsxConversion {
  sheet: string | null;
  notes: string[];
}

/**
 * Writes the worksheet that holds the data to a UTF-8 CSV whose physical line n is sheet row n (empty rows
 * become blank lines), so quarantine line numbers point at the analyst's spreadsheet row. The data sheet is
 * the first, in workbook order, whose first HEADER_SEARCH_ROWS non-empty rows contain a header (`hasHeader`);
 * the sheets before and after it are named in the notes. Rows below the header are padded to the header's
 * width (a sheet does not store trailing empty cells). When no sheet has a header, the first sheet's top
 * rows are written so that the header check can say what is wrong.
 */
export async function xlsxToCsv(
  src: string,
  dest: string,
  hasHeader: (records: readonly HeadRecord[]) => boolean,
): Promise<XlsxConversion> {
  const wb = await openWorkbook(src);
  const out = createWriteStream(dest);
  let lastLine = 0;
  const writeRow = async (line: number, cells: readonly string[]) => {
    const text = `${'\n'.repeat(Math.max(0, line - lastLine - 1))}${csvLine(cells)}\n`;
    lastLine = line;
    if (!out.write(text)) await once(out, 'drain');
  };
  const notes: string[] = [];
  let chosen: string | null = null;
  let firstTop: HeadRecord[] | null = null;
  try {
    for (const sheet of wb.sheets) {
      if (chosen !== null) {
        notes.push(message('ingest.note_sheet_unread', { sheet: sheet.name }));
        continue;
      }
      const top: HeadRecord[] = [];
      let width = 0;
      scan: for await (const batch of sheetRows(wb, sheet)) {
        for (const r of batch) {
          if (width > 0) {
            const cells = [...r.cells];
            while (cells.length < width) cells.push('');
            await writeRow(r.row, cells);
            continue;
          }
          if (recordText(r.cells) === '') continue;
          top.push({ line: r.row, fields: r.cells });
          if (hasHeader(top)) {
            width = r.cells.length;
            for (const t of top) await writeRow(t.line, t.fields);
          } else if (top.length >= HEADER_SEARCH_ROWS) break scan; // not the data sheet
        }
      }
      firstTop ??= top;
      if (width > 0) chosen = sheet.name;
      else notes.push(message('ingest.note_sheet_skipped', { sheet: sheet.name, rows: HEADER_SEARCH_ROWS }));
    }
    if (chosen === null) for (const t of firstTop ?? []) await writeRow(t.line, t.fields);
  } finally {
    out.end();
    await once(out, 'close');
  }
  if (chosen !== null && notes.length > 0)
    notes.unshift(message('ingest.note_sheet_read', { sheet: chosen }));
  return { sheet: chosen, notes: chosen === null ? [] : notes };
}

import { message } from '../../messages/catalogue.ts';
import type { Workbook } from './openWorkbook.ts';
import { XLSX_LIMITS, XlsxLimitError } from './xlsxLimits.ts';
import { xmlEvents } from './xmlEvents.ts';
import { entryText } from './zipEntries.ts';

/** One sheet row: its 1-based row number and its cells as text (index = column − 1; gaps are ''). */
export interface SheetRow {
  row: number;
  cells: string[];
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** `B12` → 1 (0-based column); null when the reference has no letters. */
export function columnIndex(ref: string): number | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? null : col - 1;
}

/**
 * The rows of one sheet, streamed in batches. Cells become text as an analyst sees them: shared and inline
 * strings, formula results, TRUE/FALSE as true/false, error codes as written, numbers as stored, and numbers
 * under a date style as the calendar date YYYY-MM-DD. A cell longer than XLSX_LIMITS.maxCellChars rejects
 * the workbook.
 */
export async function* sheetRows(
  wb: Workbook,
  sheet: Workbook['sheets'][number],
): AsyncGenerator<SheetRow[]> {
  let row: SheetRow | null = null;
  let rowNo = 0;
  let col = -1;
  let type = '';
  let style = 0;
  let value = '';
  let inValue = false;
  let inPhonetic = false;
  for await (const batch of xmlEvents(entryText(wb.path, sheet.entry))) {
    const done: SheetRow[] = [];
    for (const e of batch) {
      if (e.type === 'open') {
        if (e.name === 'row') {
          rowNo = e.attributes.r ? Number(e.attributes.r) : rowNo + 1;
          row = { row: rowNo, cells: [] };
          col = -1;
        } else if (e.name === 'c') {
          col = columnIndex(e.attributes.r ?? '') ?? col + 1;
          type = e.attributes.t ?? 'n';
          style = Number(e.attributes.s ?? 0);
          value = '';
        } else if (e.name === 'v' || (e.name === 't' && !inPhonetic)) inValue = true;
        else if (e.name === 'rPh') inPhonetic = true;
      } else if (e.type === 'close') {
        if (e.name === 'v' || e.name === 't') inValue = false;
        else if (e.name === 'rPh') inPhonetic = false;
        else if (e.name === 'c' && row) {
          const text = cellText(wb, type, style, value);
          if (text.length > XLSX_LIMITS.maxCellChars) {
            throw new XlsxLimitError(
              message('ingest.xlsx_cell_too_long', {
                sheet: sheet.name,
                row: row.row,
                column: col + 1,
                chars: text.length,
                max: XLSX_LIMITS.maxCellChars,
              }),
            );
          }
          while (row.cells.length < col) row.cells.push('');
          row.cells[col] = text;
        } else if (e.name === 'row' && row) {
          done.push(row);
          row = null;
        }
      } else if (inValue) value += e.text;
    }
    if (done.length > 0) yield done;
  }
}

function cellText(wb: Workbook, type: string, style: number, value: string): string {
  switch (type) {
    case 's':
      return wb.sharedStrings[Number(value)] ?? '';
    case 'b':
      return value === '1' ? 'true' : value === '0' ? 'false' : value;
    case 'd':
      return value.slice(0, 10);
    case 'str':
    case 'inlineStr':
    case 'e':
      return value;
    default: {
      const serial = Number(value);
      // a serial beyond 9999-12-31 is no date: left as the number, the date rules refuse it
      if (value === '' || !wb.dateStyles.has(style) || !(serial >= 0 && serial < 2_958_466)) return value;
      const epoch = wb.date1904 ? EPOCH_1904 : EPOCH_1900;
      return new Date(epoch + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
    }
  }
}

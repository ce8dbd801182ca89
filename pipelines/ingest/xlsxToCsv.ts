import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import { cellText, csvLine } from './csvLine.ts';

/**
 * Streams the first worksheet of an XLSX workbook into a UTF-8 CSV whose physical line n is sheet row n
 * (empty rows become blank lines), so quarantine line numbers point at the analyst's spreadsheet row.
 */
export async function xlsxToCsv(src: string, dest: string): Promise<void> {
  const out = createWriteStream(dest);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const { default: Excel } = await import('exceljs'); // loaded on use: only XLSX inputs need it
  const reader = new Excel.stream.xlsx.WorkbookReader(src, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  let lastRow = 0;
  let width = 0; // header width: a sheet does not store trailing empty cells, so rows are padded to it
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const r = row as ExcelJS.Row;
        while (lastRow < r.number - 1) {
          await write('\n');
          lastRow++;
        }
        const values = r.values as unknown[]; // 1-based: values[0] is empty
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (r.number === 1) width = cells.length;
        while (cells.length < width) cells.push('');
        await write(`${csvLine(cells)}\n`);
        lastRow = r.number;
      }
      break; // one worksheet per extract: the first
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
}

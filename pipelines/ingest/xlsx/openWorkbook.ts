import { posix } from 'node:path';
import { checkXlsxLimits } from './xlsxLimits.ts';
import { xmlEvents } from './xmlEvents.ts';
import { entryText, readZipDirectory, type ZipEntry } from './zipEntries.ts';

/** What reading any sheet needs: the sheets in workbook order, the shared strings, which styles are dates. */
export interface Workbook {
  path: string;
  sheets: Array<{ name: string; entry: ZipEntry }>;
  sharedStrings: string[];
  /** indexes into cellXfs (a cell's `s`) whose number format shows a date */
  dateStyles: Set<number>;
  /** the 1904 date system (old Mac workbooks): serial 0 is 1904-01-01, else 1899-12-30 */
  date1904: boolean;
}

// Built-in number formats that show dates: 14–22 and 45–47 everywhere, 27–36 and 50–58 in CJK locales
// (yyyy"年"m"月"d"日" and the like), which Chinese Excel writes without a formatCode.
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A custom format shows a date when, outside quoted text, escapes and [colour] blocks, it has y/m/d/h/s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/**
 * Opens an XLSX workbook: its zip directory (checked against XLSX_LIMITS), the sheet list, the shared strings
 * and the date styles. Sheets are read later, one at a time (sheetRows.ts).
 */
export async function openWorkbook(path: string): Promise<Workbook> {
  const entries = await readZipDirectory(path);
  checkXlsxLimits(entries);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const events = async function* (name: string) {
    const entry = byName.get(name);
    if (entry) yield* xmlEvents(entryText(path, entry));
  };

  const targets = new Map<string, string>();
  for await (const batch of events('xl/_rels/workbook.xml.rels')) {
    for (const e of batch) {
      if (e.type === 'open' && e.name === 'Relationship') targets.set(e.attributes.Id, e.attributes.Target);
    }
  }
  const sheets: Workbook['sheets'] = [];
  let date1904 = false;
  for await (const batch of events('xl/workbook.xml')) {
    for (const e of batch) {
      if (e.type !== 'open') continue;
      if (e.name === 'workbookPr') date1904 = ['1', 'true'].includes(e.attributes.date1904 ?? '');
      if (e.name !== 'sheet') continue;
      const target = targets.get(e.attributes['r:id'] ?? '') ?? '';
      const entry = byName.get(target.startsWith('/') ? target.slice(1) : posix.join('xl', target));
      if (entry) sheets.push({ name: e.attributes.name ?? '?', entry });
    }
  }

  const sharedStrings: string[] = [];
  let text = '';
  let inText = false;
  let inPhonetic = false;
  for await (const batch of events('xl/sharedStrings.xml')) {
    for (const e of batch) {
      if (e.type === 'open') {
        if (e.name === 'si') text = '';
        else if (e.name === 'rPh')
          inPhonetic = true; // phonetic guide runs are not the cell's text
        else if (e.name === 't') inText = !inPhonetic;
      } else if (e.type === 'close') {
        if (e.name === 'si') sharedStrings.push(text);
        else if (e.name === 'rPh') inPhonetic = false;
        else if (e.name === 't') inText = false;
      } else if (inText) text += e.text;
    }
  }

  const customDates = new Set<number>();
  const dateStyles = new Set<number>();
  let inCellXfs = false;
  let xf = 0;
  for await (const batch of events('xl/styles.xml')) {
    for (const e of batch) {
      if (e.type === 'open' && e.name === 'numFmt' && isDateFormatCode(e.attributes.formatCode ?? '')) {
        customDates.add(Number(e.attributes.numFmtId));
      } else if (e.type === 'open' && e.name === 'cellXfs') {
        inCellXfs = true;
      } else if (e.type === 'close' && e.name === 'cellXfs') {
        inCellXfs = false;
      } else if (e.type === 'open' && e.name === 'xf' && inCellXfs) {
        const id = Number(e.attributes.numFmtId ?? 0);
        if (BUILTIN_DATE_FORMATS.has(id) || customDates.has(id)) dateStyles.add(xf);
        xf++;
      }
    }
  }
  return { path, sheets, sharedStrings, dateStyles, date1904 };
}

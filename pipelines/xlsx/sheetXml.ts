import type { XlsxSheet, XlsxStyle } from './xlsxTypes.ts';
import { xmlText } from './xmlText.ts';

/** Index into styles.xml's cellXfs (see workbookParts.ts). */
export const STYLE_INDEX: Record<XlsxStyle, number> = { plain: 0, bold: 1, mark: 2 };

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * One worksheet part. Text goes to the shared-string table through `stringIndex`; numbers are written as
 * numbers; null and non-finite numbers (which a cell cannot hold) leave the cell empty.
 */
export function sheetXml(sheet: XlsxSheet, selected: boolean, stringIndex: (s: string) => number): string {
  const rows: string[] = [];
  let lastCol = 0;
  sheet.rows.forEach((row, r) => {
    const s = STYLE_INDEX[row.style ?? 'plain'];
    const style = s ? ` s="${s}"` : '';
    const cells: string[] = [];
    row.values.forEach((v, c) => {
      const ref = `${columnName(c)}${r + 1}`;
      if (typeof v === 'string') cells.push(`<c r="${ref}"${style} t="s"><v>${stringIndex(v)}</v></c>`);
      else if (typeof v === 'number' && Number.isFinite(v))
        cells.push(`<c r="${ref}"${style}><v>${v}</v></c>`);
      else return;
      lastCol = Math.max(lastCol, c + 1);
    });
    if (cells.length > 0) rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  const frozen = sheet.frozenRows ?? 0;
  const top = `A${frozen + 1}`;
  const pane =
    frozen > 0
      ? `<pane ySplit="${frozen}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`
      : '';
  const widths = (sheet.widths ?? [])
    .map((w, i) =>
      w === undefined ? '' : `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`,
    )
    .join('');
  const hf = sheet.headerFooter
    ? `<headerFooter><oddHeader>${xmlText(sheet.headerFooter.oddHeader)}</oddHeader><oddFooter>${xmlText(sheet.headerFooter.oddFooter)}</oddFooter></headerFooter>`
    : '';
  const extent = lastCol > 0 && rows.length > 0 ? `A1:${columnName(lastCol - 1)}${sheet.rows.length}` : 'A1';
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    `<dimension ref="${extent}"/>`,
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    widths ? `<cols>${widths}</cols>` : '',
    rows.length > 0 ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>',
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    hf,
    '</worksheet>',
  ].join('');
}

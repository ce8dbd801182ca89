import { renameSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { pinZipTimestamps } from '../fsutil/pinZipTimestamps.ts';
import type { Column } from './columns.ts';
import type { RowWriter } from './lineWriter.ts';

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** Fixed workbook and zip entry timestamps keep xlsx output byte-identical across runs. */
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

/** Streams rows into a one-sheet workbook with exceljs's WorkbookWriter (never the whole sheet in memory). */
export class XlsxWriter implements RowWriter {
  nextLine = 1;
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly ws: ExcelJS.Worksheet;
  private readonly tmp: string;

  constructor(
    private readonly path: string,
    sheetName: string,
    private readonly columns: readonly Column[],
  ) {
    this.tmp = `${path}.tmp`;
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: this.tmp,
      useStyles: false,
      useSharedStrings: false,
    });
    this.wb.created = FIXED_DATE;
    this.wb.modified = FIXED_DATE;
    this.wb.creator = 'xiaowei generate';
    this.ws = this.wb.addWorksheet(sheetName);
  }

  row(fields: readonly string[]): void {
    const values = fields.map((f, k) => {
      const t = this.columns[k]?.type;
      return (t === 'integer' || t === 'amount' || t === 'number') && PLAIN_NUMBER.test(f) ? Number(f) : f;
    });
    // The header row is all text.
    this.ws.addRow(this.nextLine === 1 ? [...fields] : values).commit();
    this.nextLine++;
  }

  blank(): void {
    this.ws.addRow([]).commit();
    this.nextLine++;
  }

  rawEnd(text: string): void {
    this.ws.addRow(text.split(',')).commit();
    this.nextLine++;
  }

  async close(): Promise<void> {
    this.ws.commit();
    await this.wb.commit();
    pinZipTimestamps(this.tmp, FIXED_DATE);
    renameSync(this.tmp, this.path);
  }
}

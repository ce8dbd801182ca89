import { derivedCell, publishedCell } from '../publish/publishedCell.ts';
import type { PublishedIndexRow } from '../publish/publishedRows.ts';
import { changeCell, indexCell } from './formatCell.ts';
import type { Cell } from './reportModel.ts';
import { printedChange } from './summarySentences.ts';

/** Published index rows by (year, region, code): values the layer withheld read as null and print as "—". */
export class IndexLookup {
  private readonly rows = new Map<string, PublishedIndexRow>();

  constructor(rows: PublishedIndexRow[]) {
    for (const r of rows) this.rows.set(`${r.year}|${r.region_code}|${r.code}`, r);
  }

  row(year: number, region: string, code: string): PublishedIndexRow | undefined {
    return this.rows.get(`${year}|${region}|${code}`);
  }

  /** The publishable value: null when missing, dropped or withheld. */
  value(year: number, region: string, code: string): number | null {
    return this.row(year, region, code)?.value ?? null;
  }

  withheld(year: number, region: string, code: string): boolean {
    return Boolean(this.row(year, region, code)?.withheld);
  }

  cell(year: number, region: string, code: string): Cell {
    const r = this.row(year, region, code);
    return publishedCell(r?.value, r?.withheld, indexCell);
  }

  /** Points changed since the year before, from the printed values; "—" when either year is withheld. */
  changeCell(year: number, region: string, code: string): Cell {
    const operand = (y: number) => {
      const r = this.row(y, region, code);
      return { value: r?.value ?? null, withheld: r?.withheld ?? null };
    };
    return derivedCell(
      [operand(year), operand(year - 1)],
      ([cur, prev]) => printedChange(cur, prev),
      changeCell,
    );
  }
}

import type { IndexRow } from '../marts/types.ts';
import { indexCell, missingCell, suppressedCell } from './formatCell.ts';
import { isWithheld } from './publication.ts';
import type { Cell } from './reportModel.ts';

/** Index rows by (year, region, code), with the publication rule applied on read. */
export class IndexLookup {
  private readonly rows = new Map<string, IndexRow>();

  constructor(
    rows: IndexRow[],
    private readonly min: number,
  ) {
    for (const r of rows) this.rows.set(`${r.year}|${r.region_code}|${r.code}`, r);
  }

  row(year: number, region: string, code: string): IndexRow | undefined {
    return this.rows.get(`${year}|${region}|${code}`);
  }

  /** The publishable value: null when missing, dropped or built from fewer than `min` enterprises. */
  value(year: number, region: string, code: string): number | null {
    const r = this.row(year, region, code);
    if (!r || r.value === null || isWithheld(r.n_enterprises, this.min)) return null;
    return r.value;
  }

  cell(year: number, region: string, code: string): Cell {
    const r = this.row(year, region, code);
    if (!r || r.value === null) return missingCell();
    if (isWithheld(r.n_enterprises, this.min)) return suppressedCell();
    return indexCell(r.value);
  }
}

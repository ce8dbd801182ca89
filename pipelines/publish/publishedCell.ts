// Table cells of published values: the only way a report or dashboard table turns a value into text.
import { MISSING, missingCell, SUPPRESSED, suppressedCell } from '../report/formatCell.ts';
import type { Cell, ReportTable } from '../report/reportModel.ts';
import type { Withheld } from './suppressCells.ts';

/** A value as the layer returned it: null + withheld → "—"; null alone → "…"; else `format(value)`. */
export function publishedCell(
  value: number | null | undefined,
  withheld: Withheld | null | undefined,
  format: (v: number) => Cell,
): Cell {
  if (withheld) return suppressedCell();
  if (value === null || value === undefined || !Number.isFinite(value)) return missingCell();
  return format(value);
}

/**
 * A value computed from published ones (a change, a contribution, a net figure): withheld when any operand
 * is, since it would give that operand back; missing when any operand is missing.
 */
export function derivedCell(
  operands: { value: number | null | undefined; withheld: Withheld | null | undefined }[],
  compute: (values: number[]) => number | null,
  format: (v: number) => Cell,
): Cell {
  if (operands.some((o) => o.withheld)) return suppressedCell();
  if (operands.some((o) => o.value === null || o.value === undefined)) return missingCell();
  return publishedCell(compute(operands.map((o) => o.value as number)), null, format);
}

export function suppressionFootnote(min: number): string {
  return `“${SUPPRESSED}”表示该数值由少于 ${min} 家企业计算，或可由同表其他数值推算出这样的数值，按发布规则不予公布。`;
}

export const MISSING_FOOTNOTE = `“${MISSING}”表示数据缺失（指标因基期或当期值缺失、不大于零而剔除，或无可比数据）。`;

/** Adds the "—" and "…" footnotes a table needs, after any footnotes it already has. */
export function withFootnotes(table: ReportTable, min: number): ReportTable {
  const cells = table.rows.flat();
  const notes = [...table.footnotes];
  if (cells.some((c) => c.suppressed)) notes.push(suppressionFootnote(min));
  if (cells.some((c) => c.text === MISSING)) notes.push(MISSING_FOOTNOTE);
  return { ...table, footnotes: notes };
}

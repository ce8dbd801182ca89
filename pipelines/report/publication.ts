import { isSuppressed } from '../charts/suppression.ts';
import { MISSING, SUPPRESSED } from './formatCell.ts';
import type { ReportTable } from './reportModel.ts';

/** §6: a value computed from fewer than `min` enterprises is never published. Null n (plan data) is not a count. */
export function isWithheld(n: number | null | undefined, min: number): boolean {
  return isSuppressed(n, min);
}

export function suppressionFootnote(min: number): string {
  return `“${SUPPRESSED}”表示该数值由少于 ${min} 家企业计算，按发布规则不予公布。`;
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

import type { Cell, DropReason, Frame, IMetaRow, ReasonColumns } from './types.ts';

/**
 * METHOD.md §3: value / denominator for indicators with an iMeta Denominator (scale 1); missing if
 * either operand is missing. A zero denominator gives missing with reason `denominator_zero`
 * (COINr would produce Inf; an infinite score is never useful downstream).
 */
export function denominate(
  frame: Frame,
  denominators: readonly Record<string, Cell>[],
  indicators: readonly IMetaRow[],
  reasons: ReasonColumns,
): { frame: Frame; reasons: ReasonColumns } {
  const columns: Record<string, Cell[]> = { ...frame.columns };
  const outReasons: ReasonColumns = { ...reasons };
  for (const m of indicators) {
    if (!m.denominator) continue;
    const den = m.denominator;
    const src = frame.columns[m.iCode];
    const rs: (DropReason | null)[] = [...reasons[m.iCode]];
    columns[m.iCode] = src.map((x, i) => {
      if (x === null) return null;
      const d = denominators[i][den] ?? null;
      if (d === null) {
        rs[i] = 'denominator_missing';
        return null;
      }
      if (d === 0) {
        rs[i] = 'denominator_zero';
        return null;
      }
      return x / d;
    });
    outReasons[m.iCode] = rs;
  }
  return { frame: { keys: frame.keys, columns }, reasons: outReasons };
}

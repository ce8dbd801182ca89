// Publication rule (methodology §6) for notebook tables: a value computed from fewer than `min` enterprises
// is shown as "—". The test itself is the publication layer's (isTooFew), not a copy. Notebooks are internal
// analysis: they apply primary suppression only; published outputs also get the layer's secondary suppression.

import { suppressionFootnote } from '../../pipelines/publish/publishedCell.ts';
import { isTooFew } from '../../pipelines/publish/statCell.ts';
import { SUPPRESSED } from '../../pipelines/report/formatCell.ts';
import type { PlainRow, PlainValue } from './plainValue.ts';

/**
 * Copies of `rows` where each listed value column whose enterprise count (`counts[column]`, a column name)
 * is below `min` becomes "—". Count columns themselves are masked too when below `min`.
 */
export function maskSmall(
  rows: readonly PlainRow[],
  counts: Record<string, string>,
  min: number,
): { rows: PlainRow[]; suppressed: number; note: string | null } {
  let suppressed = 0;
  const out = rows.map((row) => {
    const copy: PlainRow = { ...row };
    for (const [column, countColumn] of Object.entries(counts)) {
      const n = asCount(row[countColumn]);
      if (n !== null && isTooFew(n, min) && copy[column] !== null) {
        copy[column] = SUPPRESSED;
        suppressed += 1;
      }
    }
    return copy;
  });
  return { rows: out, suppressed, note: suppressed > 0 ? suppressionFootnote(min) : null };
}

function asCount(v: PlainValue | undefined): number | null {
  return typeof v === 'number' ? v : null;
}

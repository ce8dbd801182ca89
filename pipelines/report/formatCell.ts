import {
  formatFixed,
  formatIndex,
  formatIndexChange,
  formatPer100,
  formatPercent,
  formatScore,
  formatTrimmed,
  roundHalfUp,
} from '../charts/format.ts';
import type { Cell } from './reportModel.ts';

// Display conventions of Chinese statistical tables: "—" = withheld under the publication rules,
// "…" = not available (indicator dropped, or no comparable data). Numbers use the charts' formatters
// so a table, a sentence and a tooltip print the same digits.
export const SUPPRESSED = '—';
export const MISSING = '…';

/** Half away from zero on the decimal value (the charts' rule). */
export function roundTo(v: number, decimals: number): number {
  return roundHalfUp(v, decimals);
}

/** Fixed decimals for sentences (callers pass absolute values where a sign would read oddly). */
export function fixed(v: number, decimals: number): string {
  return formatFixed(v, decimals);
}

function groupThousands(s: string): string {
  return s.replace(
    /^(\D*)(\d+)/,
    (_m, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ','),
  );
}

export function missingCell(): Cell {
  return { text: MISSING, value: null };
}

export function suppressedCell(): Cell {
  return { text: SUPPRESSED, value: SUPPRESSED, suppressed: true };
}

export function textCell(text: string, cls?: string): Cell {
  return cls ? { text, value: text, cls } : { text, value: text };
}

type Num = number | null | undefined;

function isNum(v: Num): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Index points, one decimal: 112.3. */
export function indexCell(v: Num): Cell {
  return isNum(v) ? { text: formatIndex(v), value: roundTo(v, 1) } : missingCell();
}

/** Signed change in points: +2.1 / −1.5 / 0.0. */
export function changeCell(v: Num): Cell {
  return isNum(v) ? { text: formatIndexChange(v), value: roundTo(v, 1) } : missingCell();
}

/** Counts in full with thousands separators (tables keep every digit; charts abbreviate to 万). */
export function countCell(v: Num): Cell {
  return isNum(v) ? { text: groupThousands(formatFixed(v, 0)), value: roundTo(v, 0) } : missingCell();
}

/** Amounts with up to `decimals` decimals, trailing zeros dropped: 1.05, 80, 60,000. */
export function amountCell(v: Num, decimals = 2): Cell {
  return isNum(v)
    ? { text: groupThousands(formatTrimmed(v, decimals)), value: roundTo(v, decimals) }
    : missingCell();
}

/** A fraction 0–1 as a percentage with one decimal: 0.853 → 85.3%; CSV/XLSX carry the percentage number. */
export function fractionPercentCell(v: Num): Cell {
  return isNum(v) ? { text: formatPercent(v), value: roundTo(v * 100, 1) } : missingCell();
}

/** A rate already per 100 (birth/death rate) as a percentage with one decimal. */
export function per100Cell(v: Num): Cell {
  return isNum(v) ? { text: formatPer100(v), value: roundTo(v, 1) } : missingCell();
}

/** Scorecard points, one decimal: 85.0. */
export function scoreCell(v: Num): Cell {
  return isNum(v) ? { text: formatScore(v), value: roundTo(v, 1) } : missingCell();
}

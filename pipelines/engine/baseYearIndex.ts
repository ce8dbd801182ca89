import type { Cell, DropReason } from './types.ts';

/**
 * Base-year ratio for one indicator over a panel (methodology §3): I(u,t) = 100·x(u,t)/x(u,B) for
 * direction +1, 100·x(u,B)/x(u,t) for −1, evaluated left to right as written. Missing when either
 * value is missing or ≤ 0; the reason is checked base first (a base problem spoils the whole
 * series): base_missing, base_nonpositive, value_missing, value_nonpositive.
 */
export function baseYearIndex(
  keys: readonly { uCode: string; time: number | null }[],
  x: readonly Cell[],
  dir: 1 | -1,
  baseYear: number,
): { values: Cell[]; reasons: (DropReason | null)[] } {
  const base = new Map<string, Cell>();
  keys.forEach((k, i) => {
    if (k.time === baseYear) base.set(k.uCode, x[i]);
  });
  const values: Cell[] = [];
  const reasons: (DropReason | null)[] = [];
  keys.forEach((k, i) => {
    const b = base.get(k.uCode) ?? null;
    const v = x[i];
    const reason: DropReason | null =
      b === null
        ? 'base_missing'
        : b <= 0
          ? 'base_nonpositive'
          : v === null
            ? 'value_missing'
            : v <= 0
              ? 'value_nonpositive'
              : null;
    reasons.push(reason);
    values.push(
      reason !== null || v === null || b === null ? null : dir === 1 ? (100 * v) / b : (100 * b) / v,
    );
  });
  return { values, reasons };
}

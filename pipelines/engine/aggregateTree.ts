import type { MetaTree } from './metaTree.ts';
import { neumaierSum } from './neumaierSum.ts';
import type { Cell, DropReason } from './types.ts';

export type AggregateMethod = 'arithmetic' | 'geometric';

/**
 * Weighted mean of one unit's children (METHOD.md §8): weights renormalised over non-missing
 * children. Arithmetic: Σ (w_j/Σw)·x_j, as R forms w/Σw first. Geometric: exp(Σ w_j·ln x_j / Σw)
 * as COINr's a_gmean; a child ≤ 0 makes the aggregate missing (`child_nonpositive`) where COINr
 * would stop with an error. No available child (or zero total weight) → missing (`no_children`).
 */
export function weightedMean(
  xs: readonly Cell[],
  ws: readonly number[],
  method: AggregateMethod,
): { value: Cell; reason: DropReason | null } {
  const x: number[] = [];
  const w: number[] = [];
  xs.forEach((v, j) => {
    if (v !== null) {
      x.push(v);
      w.push(ws[j]);
    }
  });
  const total = neumaierSum(w);
  if (x.length === 0 || !(total > 0)) return { value: null, reason: 'no_children' };
  if (method === 'arithmetic')
    return { value: neumaierSum(x.map((v, j) => (w[j] / total) * v)), reason: null };
  if (x.some((v) => v <= 0)) return { value: null, reason: 'child_nonpositive' };
  return { value: Math.exp(neumaierSum(x.map((v, j) => w[j] * Math.log(v))) / total), reason: null };
}

/**
 * Aggregates level by level up the iMeta tree: each aggregate from its children's values (the
 * normalised indicators, or the aggregate scores just computed one level down). Nothing is
 * re-normalised between levels.
 */
export function aggregateTree(
  indicatorColumns: Record<string, Cell[]>,
  rowCount: number,
  tree: MetaTree,
  method: AggregateMethod,
  weightOverride: Record<string, number>,
): { columns: Record<string, Cell[]>; reasons: Record<string, (DropReason | null)[]> } {
  const all: Record<string, Cell[]> = { ...indicatorColumns };
  const columns: Record<string, Cell[]> = {};
  const reasons: Record<string, (DropReason | null)[]> = {};
  for (const agg of tree.aggregates) {
    const kids = tree.children.get(agg.iCode) ?? [];
    const ws = kids.map((k) => weightOverride[k.iCode] ?? k.weight ?? 1);
    const col: Cell[] = [];
    const rs: (DropReason | null)[] = [];
    for (let i = 0; i < rowCount; i++) {
      const r = weightedMean(
        kids.map((k) => all[k.iCode][i]),
        ws,
        method,
      );
      col.push(r.value);
      rs.push(r.reason);
    }
    all[agg.iCode] = col;
    columns[agg.iCode] = col;
    reasons[agg.iCode] = rs;
  }
  return { columns, reasons };
}

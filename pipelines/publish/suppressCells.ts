import { isTooFew, type Relation, type StatCell } from './statCell.ts';

export type Withheld = 'primary' | 'secondary';
export type CellStatus = 'shown' | 'missing' | Withheld;

/** The layer's decision on every registered cell, taken once for all outputs. */
export class Disclosure {
  constructor(
    readonly min: number,
    private readonly statuses: ReadonlyMap<string, CellStatus>,
    private readonly values: ReadonlyMap<string, number | null> = new Map(),
  ) {}

  /** Status of a registered cell; an unregistered key is a bug, and failing beats publishing it. */
  status(key: string): CellStatus {
    const s = this.statuses.get(key);
    if (s === undefined) throw new Error(`publication layer: cell ${key} was never registered`);
    return s;
  }

  /** 'primary' / 'secondary' when the cell must not be shown, else null. */
  withheld(key: string): Withheld | null {
    const s = this.status(key);
    return s === 'primary' || s === 'secondary' ? s : null;
  }

  has(key: string): boolean {
    return this.statuses.has(key);
  }

  /** Counts by status, for the run summary and tests. */
  counts(): Record<CellStatus, number> {
    const c: Record<CellStatus, number> = { shown: 0, missing: 0, primary: 0, secondary: 0 };
    for (const s of this.statuses.values()) c[s] += 1;
    return c;
  }

  keys(): string[] {
    return [...this.statuses.keys()];
  }

  /**
   * Exact values held only by withheld cells (a value a shown cell also has may legitimately be printed),
   * for the guard to make sure none reaches a public file.
   */
  withheldValues(): number[] {
    const shown = new Set<number>();
    const hidden = new Set<number>();
    for (const [k, s] of this.statuses) {
      const v = this.values.get(k);
      if (v === null || v === undefined) continue;
      if (s === 'shown') shown.add(v);
      else if (s !== 'missing') hidden.add(v);
    }
    return [...hidden].filter((v) => !shown.has(v)).sort((a, b) => a - b);
  }
}

function primaryStatuses(cells: readonly StatCell[], min: number): Map<string, CellStatus> {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  const out = new Map<string, CellStatus>();
  const resolve = (c: StatCell, path: Set<string>): CellStatus => {
    const known = out.get(c.key);
    if (known) return known;
    if (path.has(c.key)) throw new Error(`publication layer: cell ${c.key} is built from itself`);
    let s: CellStatus;
    if (c.value === null) s = 'missing';
    else if (c.builtFrom.kind === 'plan') s = 'shown';
    else if (c.builtFrom.kind === 'enterprises')
      s = c.builtFrom.counts.some((n) => isTooFew(n, min)) ? 'primary' : 'shown';
    else {
      path.add(c.key);
      const parts = c.builtFrom.keys.flatMap((k) => {
        const p = byKey.get(k);
        return p ? [resolve(p, path)] : [];
      });
      path.delete(c.key);
      const present = parts.filter((p) => p !== 'missing');
      s = present.length > 0 && present.every((p) => p === 'primary') ? 'primary' : 'shown';
    }
    out.set(c.key, s);
    return s;
  };
  for (const c of cells) resolve(c, new Set());
  return out;
}

interface Member {
  key: string;
  part: number;
  cell: StatCell;
}

/** The members a reader can use: present (not missing) ones; a sum or mean without its aggregate is unusable. */
function usableMembers(rel: Relation, byKey: Map<string, StatCell>): Member[] {
  const members = rel.members.map((key, i) => {
    const cell = byKey.get(key);
    if (!cell) throw new Error(`publication layer: relation ${rel.id} names unknown cell ${key}`);
    return { key, part: rel.parts?.[i] ?? 0, cell };
  });
  const present = members.filter((m) => m.cell.value !== null);
  if (rel.kind !== 'ratio' && members[0].cell.value === null) return [];
  if (rel.kind === 'ratio' && present.length < members.length) return [];
  return present.length >= 2 ? present : [];
}

/**
 * A relation protects its withheld members when none is withheld, or when at least two are and what the
 * reader can still derive is not itself a small cell: the sum of withheld parts (sum) must not come from
 * 1..min−1 enterprises, and a combination of withheld indicators (mean) must involve one that is not small.
 */
function isProtected(
  rel: Relation,
  members: Member[],
  statuses: Map<string, CellStatus>,
  min: number,
): boolean {
  const hidden = members.filter(
    (m) => statuses.get(m.key) === 'primary' || statuses.get(m.key) === 'secondary',
  );
  if (hidden.length === 0) return true;
  if (hidden.length === 1) return false;
  if (rel.kind === 'ratio' || hidden[0].key === members[0].key) return true;
  if (rel.kind === 'sum')
    return !isTooFew(
      hidden.reduce((s, m) => s + m.part, 0),
      min,
    );
  return hidden.some((m) => statuses.get(m.key) !== 'primary');
}

function cheapest(rel: Relation, members: Member[], statuses: Map<string, CellStatus>): Member | null {
  const open = members.filter((m) => statuses.get(m.key) === 'shown');
  // A zero part adds no enterprise to a sum's withheld total, so it protects nothing there (sdcTable's "z").
  const helps = (m: Member) => rel.kind !== 'sum' || m.key === members[0].key || m.part > 0;
  open.sort(
    (a, b) =>
      Number(!helps(a)) - Number(!helps(b)) ||
      a.cell.tier - b.cell.tier ||
      a.cell.size - b.cell.size ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return open[0] ?? null;
}

/**
 * Primary suppression (cells built from 1..min−1 enterprises), then secondary suppression by a deterministic
 * heuristic: while some relation does not protect its withheld members, withhold its cheapest open member
 * (lowest tier, then smallest size, then key); repeat to a fixed point. Same inputs, same decisions.
 */
export function suppressCells(
  cells: readonly StatCell[],
  relations: readonly Relation[],
  min: number,
): Disclosure {
  const byKey = new Map<string, StatCell>();
  for (const c of cells) {
    if (byKey.has(c.key)) throw new Error(`publication layer: cell ${c.key} registered twice`);
    byKey.set(c.key, c);
  }
  const statuses = primaryStatuses(cells, min);
  const usable = [...relations]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((rel) => ({ rel, members: usableMembers(rel, byKey) }))
    .filter((r) => r.members.length > 0);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { rel, members } of usable) {
      while (!isProtected(rel, members, statuses, min)) {
        const next = cheapest(rel, members, statuses);
        if (!next) break;
        statuses.set(next.key, 'secondary');
        changed = true;
      }
    }
  }
  return new Disclosure(min, statuses, new Map(cells.map((c) => [c.key, c.value])));
}

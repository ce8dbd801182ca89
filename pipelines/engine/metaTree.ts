import { compareCodeUnits } from './frame.ts';
import type { IMetaRow } from './types.ts';

export interface MetaTree {
  /** Indicator rows in iMeta order. */
  indicators: IMetaRow[];
  /** Aggregate rows by level ascending, alphabetical (code-unit order) within a level: output and computation order. */
  aggregates: IMetaRow[];
  /** Children (indicator or aggregate rows, iMeta order) of each aggregate. */
  children: Map<string, IMetaRow[]>;
  /** The Group columns and Denominator columns declared in iMeta. */
  groups: string[];
  denominators: string[];
}

/** Derives the index hierarchy from the Parent links of iMeta (never hard-coded). */
export function buildMetaTree(meta: readonly IMetaRow[]): MetaTree {
  const indicators = meta.filter((m) => m.type === 'Indicator');
  const aggregates = meta
    .filter((m) => m.type === 'Aggregate')
    .sort((a, b) => (a.level ?? 0) - (b.level ?? 0) || compareCodeUnits(a.iCode, b.iCode));
  const children = new Map<string, IMetaRow[]>(aggregates.map((a) => [a.iCode, []]));
  for (const m of meta) {
    if ((m.type === 'Indicator' || m.type === 'Aggregate') && m.parent) children.get(m.parent)?.push(m);
  }
  return {
    indicators,
    aggregates,
    children,
    groups: meta.filter((m) => m.type === 'Group').map((m) => m.iCode),
    denominators: meta.filter((m) => m.type === 'Denominator').map((m) => m.iCode),
  };
}

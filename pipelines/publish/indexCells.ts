import type { IndexRow } from '../marts/types.ts';
import { demographyKey, indexKey, rawValueKey } from './cellKeys.ts';
import type { DemographyMeasure } from './demographyCells.ts';
import type { VersionMarts } from './martData.ts';
import { type BuiltFrom, type Relation, type StatCell, SUPPRESSION_TIERS } from './statCell.ts';

/**
 * Index inputs X that are published as demography values: the indicator's value is 100 × X_t / X_base (or
 * its inverse), so it can be recomputed from the two printed values, and they from it. births_per_10k is
 * 10,000 × births / population, and population is public.
 */
export const LINKED_VARIABLES: Readonly<Record<string, DemographyMeasure>> = {
  active: 'active',
  births: 'births',
  births_per_10k: 'births',
  conversions: 'conversions',
  upgrades: 'upgrades',
  survival_1y: 'survival_1y',
  survival_3y: 'survival_3y',
  opening_rate: 'opening_rate',
};

const INDICES = ['growth', 'vitality'] as const;
const BIG = Number.MAX_SAFE_INTEGER;

/** Raw values are published only for dropped indicators (the methodology appendix lists them). */
export function isDroppedWithRaw(r: IndexRow): boolean {
  return r.level === 'indicator' && r.value === null && r.raw_value !== null && r.dropped_reason !== null;
}

/**
 * Cells and relations of the index marts of one methodology version.
 * Built from: an indicator of year t rests on the enterprises of t and of the base year (its value is a ratio
 * of the two); a raw value on those of t; a module or total on its children (see BuiltFrom `cells`); plan
 * indicators (D1–D4) on no enterprise count. Relations: a module is the weighted mean of its present
 * indicators and the total of its present modules (weights are published); a linked indicator is a ratio of
 * two published demography values; a raw value of a linked input is that demography value.
 */
export function indexCells(
  v: VersionMarts,
  cityCode: string | undefined,
  hasCell: (key: string) => boolean,
): { cells: StatCell[]; relations: Relation[] } {
  const cells: StatCell[] = [];
  const relations: Relation[] = [];
  for (const index of INDICES) {
    const rows = index === 'growth' ? v.growth : v.vitality;
    const tree = v.tree.filter((t) => t.index === index);
    const variableOf = new Map(tree.filter((t) => t.level === 'indicator').map((t) => [t.code, t.variable]));
    const childrenOf = (code: string) =>
      code === 'total'
        ? tree.filter((t) => t.level === 'module').map((t) => t.code)
        : tree.filter((t) => t.parent === code).map((t) => t.code);
    const byKey = new Map(rows.map((r) => [`${r.region_code}|${r.year}|${r.code}`, r]));
    const key = (r: { region_code: string; year: number; code: string }) =>
      indexKey(v.version, index, r.region_code, r.year, r.code);
    const sizes = new Map<string, number>();
    const order = { indicator: 0, module: 1, total: 2 } as const;
    for (const r of [...rows].sort((a, b) => order[a.level] - order[b.level])) {
      const bonus = r.region_code === cityCode ? SUPPRESSION_TIERS.cityBonus : 0;
      const k = key(r);
      let builtFrom: BuiltFrom;
      let tier: number;
      let size: number;
      if (r.level === 'indicator') {
        const base = byKey.get(`${r.region_code}|${v.baseYear}|${r.code}`);
        builtFrom =
          r.n_enterprises === null
            ? { kind: 'plan' }
            : { kind: 'enterprises', counts: [r.n_enterprises, base?.n_enterprises ?? r.n_enterprises] };
        const linked = LINKED_VARIABLES[variableOf.get(r.code) ?? ''] !== undefined;
        tier = linked ? SUPPRESSION_TIERS.linkedIndicator : SUPPRESSION_TIERS.indicator;
        size = r.n_enterprises ?? BIG;
        if (isDroppedWithRaw(r))
          cells.push({
            key: rawValueKey(v.version, index, r.region_code, r.year, r.code),
            value: r.raw_value,
            builtFrom:
              r.n_enterprises === null
                ? { kind: 'plan' }
                : { kind: 'enterprises', counts: [r.n_enterprises] },
            tier: SUPPRESSION_TIERS.rawValue + bonus,
            size,
          });
      } else {
        const children = childrenOf(r.code).map((c) => key({ ...r, code: c }));
        builtFrom =
          r.n_enterprises === null
            ? { kind: 'cells', keys: children }
            : { kind: 'enterprises', counts: [r.n_enterprises] };
        tier = r.level === 'module' ? SUPPRESSION_TIERS.module : SUPPRESSION_TIERS.total;
        size = Math.max(0, ...children.map((c) => sizes.get(c) ?? 0));
      }
      sizes.set(k, size);
      cells.push({ key: k, value: r.value, builtFrom, tier: tier + bonus, size });
    }
    relations.push(...indexRelations(v, index, rows, tree, hasCell));
  }
  return { cells, relations };
}

function indexRelations(
  v: VersionMarts,
  index: (typeof INDICES)[number],
  rows: readonly IndexRow[],
  tree: VersionMarts['tree'],
  hasCell: (key: string) => boolean,
): Relation[] {
  const out: Relation[] = [];
  const key = (region: string, year: number, code: string) => indexKey(v.version, index, region, year, code);
  const units = [...new Set(rows.map((r) => `${r.region_code}|${r.year}`))];
  const modules = tree.filter((t) => t.level === 'module');
  const present = new Set(rows.map((r) => key(r.region_code, r.year, r.code)));
  const mean = (members: string[]): Relation[] =>
    present.has(members[0])
      ? [{ id: `i-mean|${members[0]}`, kind: 'mean', members: members.filter((m) => present.has(m)) }]
      : [];
  for (const unit of units) {
    const [region, y] = unit.split('|');
    const year = Number(y);
    // Base-year values are 100 by definition: there is nothing to recover.
    if (year === v.baseYear) continue;
    for (const m of modules) {
      const inds = tree.filter((t) => t.parent === m.code).map((t) => key(region, year, t.code));
      out.push(...mean([key(region, year, m.code), ...inds]));
    }
    out.push(...mean([key(region, year, 'total'), ...modules.map((m) => key(region, year, m.code))]));
  }
  for (const r of rows) {
    if (r.level !== 'indicator') continue;
    const measure =
      LINKED_VARIABLES[tree.find((t) => t.index === index && t.code === r.code)?.variable ?? ''];
    if (!measure) continue;
    const xt = demographyKey(r.region_code, r.year, measure);
    const xBase = demographyKey(r.region_code, v.baseYear, measure);
    if (r.year !== v.baseYear && hasCell(xt) && hasCell(xBase))
      out.push({
        id: `i-ratio|${key(r.region_code, r.year, r.code)}`,
        kind: 'ratio',
        members: [key(r.region_code, r.year, r.code), xt, xBase],
      });
    if (isDroppedWithRaw(r) && hasCell(xt)) {
      const raw = rawValueKey(v.version, index, r.region_code, r.year, r.code);
      out.push({ id: `x-equal|${raw}`, kind: 'ratio', members: [raw, xt] });
    }
  }
  return out;
}

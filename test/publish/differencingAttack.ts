// An attacker who reads every published value and knows how they relate, written apart from the publication
// layer (its own list of equations), to check that no withheld cell can be worked out by differencing.
import { demographyKey, indexKey, rawValueKey } from '../../pipelines/publish/cellKeys.ts';
import type { MartData } from '../../pipelines/publish/martData.ts';
import type { Disclosure } from '../../pipelines/publish/suppressCells.ts';

/** Σ coef·x = known constant (linear), or: any one member follows from all the others (closed). */
export type Equation = { kind: 'linear'; coef: Map<string, number> } | { kind: 'closed'; vars: string[] };

const COUNTS = ['active', 'births', 'deaths', 'conversions', 'upgrades'] as const;
/** Demography values an index input X equals (population, for births per 10,000, is public). */
const INPUT_IS_PUBLISHED: Record<string, string> = {
  active: 'active',
  births: 'births',
  births_per_10k: 'births',
  conversions: 'conversions',
  upgrades: 'upgrades',
  survival_1y: 'survival_1y',
  survival_3y: 'survival_3y',
  opening_rate: 'opening_rate',
};

/**
 * The relations a reader can write down from the published report and dashboard: city = Σ counties for
 * counts and cohorts (city-level firms taken as known), survivors likewise, a rate with its count and the
 * active firms, a cohort with the births it was, a module as the weighted mean of its indicators and the
 * total of its modules (published weights), an indicator as 100 × X_t / X_base of printed values.
 */
export function readerEquations(mart: MartData, present: (key: string) => boolean): Equation[] {
  const eqs: Equation[] = [];
  const city = mart.regions.find((r) => r.level === 'city')!.region_code;
  const counties = mart.regions.filter((r) => r.level === 'county').map((r) => r.region_code);
  const demo = new Map(mart.demography.map((r) => [`${r.region_code}|${r.year}`, r]));
  const linear = (terms: [string, number][]) => {
    if (terms.every(([k]) => present(k))) eqs.push({ kind: 'linear', coef: new Map(terms) });
  };
  const closed = (vars: string[]) => {
    if (vars.every(present)) eqs.push({ kind: 'closed', vars });
  };
  for (const year of [...new Set(mart.demography.map((r) => r.year))]) {
    for (const m of [...COUNTS, 'cohort_1y', 'cohort_2y', 'cohort_3y'])
      linear([
        [demographyKey(city, year, m), 1],
        ...counties.map((c): [string, number] => [demographyKey(c, year, m), -1]),
      ]);
    for (const n of [1, 2, 3] as const) {
      const cohort = (r: string) => demo.get(`${r}|${year}`)?.[`cohort_${n}y`] ?? 0;
      linear([
        [demographyKey(city, year, `survival_${n}y`), cohort(city)],
        ...counties.map((c): [string, number] => [demographyKey(c, year, `survival_${n}y`), -cohort(c)]),
      ]);
      for (const r of [city, ...counties])
        if (demo.has(`${r}|${year - n}`))
          linear([
            [demographyKey(r, year, `cohort_${n}y`), 1],
            [demographyKey(r, year - n, 'births'), -1],
          ]);
    }
    for (const r of [city, ...counties]) {
      closed([
        demographyKey(r, year, 'birth_rate'),
        demographyKey(r, year, 'births'),
        demographyKey(r, year, 'active'),
      ]);
      closed([
        demographyKey(r, year, 'death_rate'),
        demographyKey(r, year, 'deaths'),
        demographyKey(r, year, 'active'),
      ]);
    }
  }
  for (const v of mart.versions) {
    for (const index of ['growth', 'vitality'] as const) {
      const modules = v.tree.filter((t) => t.index === index && t.level === 'module');
      const inputOf = new Map(v.tree.filter((t) => t.index === index).map((t) => [t.code, t.variable]));
      const rows = v[index];
      for (const unit of new Set(rows.map((r) => `${r.region_code}|${r.year}`))) {
        const [region, y] = unit.split('|');
        const year = Number(y);
        if (year === v.baseYear) continue; // every base-year value is 100 by definition
        const k = (code: string) => indexKey(v.version, index, region, year, code);
        const mean = (aggregate: string, parts: { code: string; weight: number }[]) => {
          const shown = parts.filter((p) => present(k(p.code)));
          const w = shown.reduce((s, p) => s + p.weight, 0);
          linear([[k(aggregate), w], ...shown.map((p): [string, number] => [k(p.code), -p.weight])]);
        };
        for (const m of modules)
          mean(
            m.code,
            v.tree.filter((t) => t.index === index && t.parent === m.code),
          );
        mean('total', modules);
      }
      for (const r of rows) {
        const x = INPUT_IS_PUBLISHED[inputOf.get(r.code) ?? ''];
        if (r.level !== 'indicator' || !x) continue;
        if (r.year !== v.baseYear)
          closed([
            indexKey(v.version, index, r.region_code, r.year, r.code),
            demographyKey(r.region_code, r.year, x),
            demographyKey(r.region_code, v.baseYear, x),
          ]);
        closed([
          rawValueKey(v.version, index, r.region_code, r.year, r.code),
          demographyKey(r.region_code, r.year, x),
        ]);
      }
    }
  }
  return eqs;
}

/** Rows of a linear system over the unknowns, reduced: the unknowns some row pins down alone. */
function determinedByElimination(eqs: Equation[], unknown: Set<string>): string[] {
  const vars = [...unknown].sort();
  const col = new Map(vars.map((v, i) => [v, i]));
  const rows = eqs.flatMap((e) => {
    if (e.kind !== 'linear') return [];
    const row = new Map<number, number>();
    for (const [k, c] of e.coef) if (unknown.has(k) && c !== 0) row.set(col.get(k)!, c);
    return row.size > 0 ? [row] : [];
  });
  const pivots: { col: number; row: Map<number, number> }[] = [];
  for (const r0 of rows) {
    const r = new Map(r0);
    for (const p of pivots) {
      const f = r.get(p.col);
      if (f === undefined) continue;
      for (const [c, v] of p.row) {
        const nv = (r.get(c) ?? 0) - f * v;
        if (Math.abs(nv) < 1e-9) r.delete(c);
        else r.set(c, nv);
      }
    }
    if (r.size === 0) continue;
    const pc = Math.min(...r.keys());
    const pv = r.get(pc)!;
    for (const [c, v] of r) r.set(c, v / pv);
    for (const p of pivots) {
      const f = p.row.get(pc);
      if (f === undefined) continue;
      for (const [c, v] of r) {
        const nv = (p.row.get(c) ?? 0) - f * v;
        if (Math.abs(nv) < 1e-9) p.row.delete(c);
        else p.row.set(c, nv);
      }
    }
    pivots.push({ col: pc, row: r });
  }
  return pivots.filter((p) => p.row.size === 1).map((p) => vars[p.col]);
}

/**
 * Works out every unknown it can: an equation with one unknown left gives it, and so does Gaussian
 * elimination of the linear equations; repeated until nothing more follows. Returns what it recovered.
 */
export function attack(eqs: Equation[], unknownKeys: Iterable<string>): Set<string> {
  const unknown = new Set(unknownKeys);
  const recovered = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of eqs) {
      const vars = e.kind === 'linear' ? [...e.coef.keys()] : e.vars;
      const left = vars.filter((v) => unknown.has(v));
      if (left.length === 1) {
        unknown.delete(left[0]);
        recovered.add(left[0]);
        changed = true;
      }
    }
    for (const v of determinedByElimination(eqs, unknown)) {
      unknown.delete(v);
      recovered.add(v);
      changed = true;
    }
  }
  return recovered;
}

/** Keys the reader sees as a value or as "—" (missing cells take part in nothing). */
export function presentKeys(d: Disclosure): (key: string) => boolean {
  return (key) => d.has(key) && d.status(key) !== 'missing';
}

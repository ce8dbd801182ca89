import type { ChartRegion } from '../charts/chartData.ts';
import { indexKey } from './cellKeys.ts';
import type { RankIntervalRow, SobolRow, UncertaintyMarts, UncertaintySettingsRow } from './martData.ts';
import type { Disclosure, Withheld } from './suppressCells.ts';

/** A rank interval as outputs receive it: every rank null when withheld, and `withheld` says why. */
export type PublishedRankInterval = RankIntervalRow & { withheld: Withheld | null };

/** Sobol indices as outputs receive them: null when the ranking-year is withheld. */
export type PublishedSobolRow = SobolRow & { withheld: Withheld | null };

export interface PublishedUncertainty {
  intervals: PublishedRankInterval[];
  sobol: PublishedSobolRow[];
  settings: UncertaintySettingsRow[];
}

/**
 * The uncertainty of a ranking follows the layer's decisions on the totals it ranks. The marts rank every
 * county, while a published ranking ranks the published totals only, so when one county's index total of a
 * year is withheld, that year's intervals and Sobol indices (which place the withheld county among the others)
 * are withheld with it — for every county. The scorecard ranks plan data, which is never withheld. Intervals
 * carry ranks only: the value interval stays in the mart, as it would bound a withheld total.
 */
export function publishUncertainty(
  marts: UncertaintyMarts | undefined,
  regions: readonly ChartRegion[],
  disclosure: Disclosure,
): PublishedUncertainty {
  if (!marts) return { intervals: [], sobol: [], settings: [] };
  const counties = regions.filter((r) => r.level === 'county').map((r) => r.region_code);
  const decided = new Map<string, Withheld | null>();
  const withheldYear = (version: string, index: string, year: number): Withheld | null => {
    if (index === 'scorecard') return null;
    const id = `${version}|${index}|${year}`;
    if (!decided.has(id)) {
      const reasons = counties
        .map((c) => indexKey(version, index, c, year, 'total'))
        .filter((k) => disclosure.has(k))
        .map((k) => disclosure.withheld(k));
      decided.set(id, reasons.find((w) => w !== null) ?? null);
    }
    return decided.get(id) ?? null;
  };
  return {
    intervals: marts.intervals.map((r) => {
      const withheld = withheldYear(r.methodology_version, r.index_name, r.year);
      return withheld
        ? { ...r, median_rank: null, rank_p05: null, rank_p95: null, share_first: null, withheld }
        : { ...r, withheld: null };
    }),
    sobol: marts.sobol.map((r) => {
      const withheld = withheldYear(r.methodology_version, r.index_name, r.year);
      return withheld ? { ...r, first_order: null, total_order: null, withheld } : { ...r, withheld: null };
    }),
    settings: marts.settings,
  };
}

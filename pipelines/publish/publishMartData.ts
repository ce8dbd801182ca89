import { demographyKey, indexKey, rawValueKey } from './cellKeys.ts';
import { DEMOGRAPHY_MEASURES, demographyCells } from './demographyCells.ts';
import { indexCells, isDroppedWithRaw } from './indexCells.ts';
import type { MartData } from './martData.ts';
import type { PublishedDemographyRow, PublishedIndexRow } from './publishedRows.ts';
import { type PublishedUncertainty, publishUncertainty } from './publishUncertainty.ts';
import type { Relation, StatCell } from './statCell.ts';
import { type Disclosure, suppressCells } from './suppressCells.ts';

/** Cells and relations a section adds to the one suppression problem (monitoring, growth paths…). */
export interface Contribution {
  cells: StatCell[];
  relations: Relation[];
}

/** The marts with the layer's decisions applied: what every public output is built from. */
export interface Publication {
  disclosure: Disclosure;
  regions: MartData['regions'];
  demography: PublishedDemographyRow[];
  /** Per methodology version, rows of both indices. */
  versions: (Omit<MartData['versions'][number], 'growth' | 'vitality'> & {
    growth: PublishedIndexRow[];
    vitality: PublishedIndexRow[];
  })[];
  scorecard: MartData['scorecard'];
  planIndicators: MartData['planIndicators'];
  /** Rank intervals and Sobol indices (methodology §11), withheld with the totals they rank. */
  uncertainty: PublishedUncertainty;
}

/** The strictest minimum of the versions present: one pattern must serve every version's outputs. */
export function publicationMinimum(mart: MartData, fallback: number): number {
  return Math.max(0, ...mart.versions.map((v) => v.minEnterprises)) || fallback;
}

/**
 * Registers every published cell of the marts (plus `extra` contributions), decides primary and secondary
 * suppression once, and returns the rows with withheld values nulled. Pure: same marts, same publication.
 */
export function publishMartData(mart: MartData, min: number, extra: Contribution[] = []): Publication {
  const city = mart.regions.find((r) => r.level === 'city')?.region_code;
  const demo = demographyCells(mart.demography, mart.regions);
  const demoKeys = new Set(demo.cells.map((c) => c.key));
  const parts = [demo, ...mart.versions.map((v) => indexCells(v, city, (k) => demoKeys.has(k))), ...extra];
  const disclosure = suppressCells(
    parts.flatMap((p) => p.cells),
    parts.flatMap((p) => p.relations),
    min,
  );
  const demography = mart.demography.map((r) => {
    const out = { year: r.year, region_code: r.region_code, withheld: {} } as PublishedDemographyRow;
    for (const m of DEMOGRAPHY_MEASURES) {
      const w = disclosure.withheld(demographyKey(r.region_code, r.year, m));
      out[m] = w ? null : r[m];
      if (w) out.withheld[m] = w;
    }
    return out;
  });
  const versions = mart.versions.map((v) => {
    const rows = (index: 'growth' | 'vitality'): PublishedIndexRow[] =>
      v[index].map(({ n_enterprises: _n, ...r }) => {
        const withheld = disclosure.withheld(indexKey(v.version, index, r.region_code, r.year, r.code));
        const rawKey = rawValueKey(v.version, index, r.region_code, r.year, r.code);
        const raw_withheld = isDroppedWithRaw({ ...r, n_enterprises: _n })
          ? disclosure.withheld(rawKey)
          : null;
        const rawShown = isDroppedWithRaw({ ...r, n_enterprises: _n }) && raw_withheld === null;
        return {
          ...r,
          value: withheld ? null : r.value,
          raw_value: rawShown ? r.raw_value : null,
          withheld,
          raw_withheld,
        };
      });
    return { ...v, growth: rows('growth'), vitality: rows('vitality') };
  });
  return {
    disclosure,
    regions: mart.regions,
    demography,
    versions,
    scorecard: mart.scorecard,
    planIndicators: mart.planIndicators,
    uncertainty: publishUncertainty(mart.uncertainty, mart.regions, disclosure),
  };
}

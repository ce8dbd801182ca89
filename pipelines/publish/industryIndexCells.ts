import { industryIndexKey, industrySlice } from './cellKeys.ts';
import { indexCells } from './indexCells.ts';
import type { IndustryIndexMarts, IndustryIndexRow } from './industryIndexMarts.ts';
import type { VersionMarts } from './martData.ts';
import type { PublishedIndexRow } from './publishedRows.ts';
import type { Contribution } from './publishMartData.ts';
import type { Disclosure } from './suppressCells.ts';

/** An industry index row as outputs receive it: `value` null when missing or withheld. */
export type PublishedIndustryIndexRow = PublishedIndexRow & { priority_industry: string };

export interface PublishedIndustryIndices {
  industries: string[];
  /** Per methodology version, rows of both indices. */
  versions: { version: string; growth: PublishedIndustryIndexRow[]; vitality: PublishedIndustryIndexRow[] }[];
  notes: Record<string, string>;
}

/** A version's industry rows as index rows whose region is the slice (region/industry), for indexCells. */
function asSliceMarts(v: VersionMarts, marts: IndustryIndexMarts): VersionMarts {
  const ofVersion = (rows: IndustryIndexRow[]) =>
    rows
      .filter((r) => r.methodology_version === v.version)
      .map(({ priority_industry, ...r }) => ({
        ...r,
        region_code: industrySlice(r.region_code, priority_industry),
      }));
  return { ...v, growth: ofVersion(marts.growth), vitality: ofVersion(marts.vitality) };
}

/**
 * Cells and relations of the industry index marts, as those of the region marts (indexCells): an indicator rests
 * on the enterprises of the industry in year t and the base year, a module or total on its largest present child
 * (the industry marts carry that count), and module and total are weighted means of their children. Industry
 * demography is not published, so no indicator is linked to a printed count.
 */
export function industryIndexContribution(marts: IndustryIndexMarts, versions: VersionMarts[]): Contribution {
  const parts = versions.map((v) => indexCells(asSliceMarts(v, marts), undefined, () => false));
  return { cells: parts.flatMap((p) => p.cells), relations: parts.flatMap((p) => p.relations) };
}

/** The industry marts with the layer's decisions applied (withheld values nulled, raw values never shown). */
export function publishIndustryIndices(
  marts: IndustryIndexMarts,
  versions: VersionMarts[],
  disclosure: Disclosure,
): PublishedIndustryIndices {
  const rows = (version: string, index: 'growth' | 'vitality'): PublishedIndustryIndexRow[] =>
    marts[index]
      .filter((r) => r.methodology_version === version)
      .map(({ n_enterprises: _n, ...r }) => {
        const withheld = disclosure.withheld(
          industryIndexKey(version, index, r.region_code, r.priority_industry, r.year, r.code),
        );
        return { ...r, value: withheld ? null : r.value, raw_value: null, withheld, raw_withheld: null };
      });
  return {
    industries: marts.industries,
    versions: versions.map((v) => ({
      version: v.version,
      growth: rows(v.version, 'growth'),
      vitality: rows(v.version, 'vitality'),
    })),
    notes: marts.notes,
  };
}

import type { ChartRegion } from '../charts/chartData.ts';
import type { IndexRow } from '../marts/types.ts';
import type { Methodology } from '../methodology/schema.ts';
import type { IndexTreeRow } from './martData.ts';
import type { PublishedIndexRow } from './publishedRows.ts';
import { publishMartData } from './publishMartData.ts';

/** The index trees of a methodology file, as mart.index_meta holds them. */
export function indexTreeOf(m: Methodology): IndexTreeRow[] {
  return (['growth', 'vitality'] as const).flatMap((index) =>
    m.indices[index].modules.flatMap((mod) => [
      {
        index,
        code: mod.code,
        level: 'module' as const,
        name_zh: mod.name_zh,
        parent: null,
        weight: mod.weight,
        variable: null,
      },
      ...mod.indicators.map((i) => ({
        index,
        code: i.code,
        level: 'indicator' as const,
        name_zh: i.name_zh,
        parent: mod.code,
        weight: i.weight,
        variable: i.variable,
      })),
    ]),
  );
}

/**
 * Index rows computed outside the marts (a notebook's methodology trial) under the same publication rules
 * as the marts' own: primary and secondary suppression over the index relations of that methodology.
 */
export function publishTrialIndices(
  m: Methodology,
  rows: { growth: IndexRow[]; vitality: IndexRow[] },
  regions: ChartRegion[],
): { growth: PublishedIndexRow[]; vitality: PublishedIndexRow[] } {
  const version = {
    version: m.version,
    baseYear: m.base_year,
    minEnterprises: m.publication.min_enterprises,
    tree: indexTreeOf(m),
    ...rows,
  };
  const pub = publishMartData(
    { regions, demography: [], versions: [version], scorecard: [], planIndicators: [] },
    m.publication.min_enterprises,
  );
  return { growth: pub.versions[0].growth, vitality: pub.versions[0].vitality };
}

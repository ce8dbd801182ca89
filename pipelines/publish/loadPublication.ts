import type { DuckDBConnection } from '@duckdb/node-api';
import { loadMethodology } from '../methodology/loadMethodology.ts';
import { growthPathContribution } from './growthPathCells.ts';
import { type GrowthPathMarts, loadGrowthPathMarts } from './growthPathMarts.ts';
import {
  industryIndexContribution,
  type PublishedIndustryIndices,
  publishIndustryIndices,
} from './industryIndexCells.ts';
import { type IndustryIndexMarts, loadIndustryIndexMarts } from './industryIndexMarts.ts';
import { loadMartData } from './loadMartData.ts';
import type { MartData } from './martData.ts';
import { type PublishedGrowthPaths, publishGrowthPaths } from './publishGrowthPaths.ts';
import {
  type Contribution,
  type Publication,
  publicationMinimum,
  publishMartData,
} from './publishMartData.ts';

/** The publication with the sections whose marts are read here, so every output takes the same decisions. */
export type FullPublication = Publication & {
  /** Growth paths (methodology §9), or null when the warehouse has no growth-path marts. */
  growthPaths: PublishedGrowthPaths | null;
  /** Indices per 八大万亿产业 (methodology §8), or null when the warehouse has no industry marts. */
  industryIndices: PublishedIndustryIndices | null;
};

/**
 * Reads the marts and applies the publication rules: the one entry point of every public output.
 * The growth-path marts are always part of the problem (their counts repeat demography's); `extra` adds a
 * section's own cells and relations to the same suppression problem.
 */
export async function loadPublication(
  con: DuckDBConnection,
  extra: Contribution[] = [],
): Promise<FullPublication> {
  return publishWithMethodologyMinimum(
    await loadMartData(con),
    extra,
    await loadGrowthPathMarts(con),
    await loadIndustryIndexMarts(con),
  );
}

/** Publishes marts with the strictest minimum of their versions (the default methodology's when none is built). */
export function publishWithMethodologyMinimum(
  mart: MartData,
  extra: Contribution[] = [],
  paths: GrowthPathMarts | null = null,
  industry: IndustryIndexMarts | null = null,
): FullPublication {
  const sections = [
    ...(paths ? [growthPathContribution(paths, mart.regions)] : []),
    ...(industry ? [industryIndexContribution(industry, mart.versions)] : []),
  ];
  const pub = publishMartData(mart, publicationMinimum(mart, loadMethodology().publication.min_enterprises), [
    ...sections,
    ...extra,
  ]);
  return {
    ...pub,
    growthPaths: paths ? publishGrowthPaths(paths, pub.disclosure) : null,
    industryIndices: industry ? publishIndustryIndices(industry, mart.versions, pub.disclosure) : null,
  };
}
